import { ApiError, NETWORK_ERROR } from "../api/http";
import { fetchPosterLink, type PosterLink } from "../api/poster-link";
import { fetchReservation } from "../api/reservation";
import type { ChosenCommunity, CurrentWave, Questionnaire, TownQuota } from "../api/types";
import { policyNotes } from "../questionnaire/policy-notes";
import { answersDiffer, mergeAnswers } from "../session/merge-answers";
import {
  clearSession,
  loadReceipt,
  loadSession,
  orphanSession,
  type SavedReceipt,
  type SavedSession,
  saveReceipt,
  saveSession,
} from "../session/saved-session";
import { strings } from "../strings";

/** Where the app opens: resume, the receipt of a finished survey, or the entry for a new resident. */
export type Start =
  | { kind: "questionnaire"; session: SavedSession; questionnaire: Questionnaire; resumed: boolean; offline?: boolean }
  | { kind: "receipt"; receipt: SavedReceipt }
  | { kind: "no-wave" }
  | { kind: "closed"; wave: CurrentWave }
  | { kind: "pick"; wave: CurrentWave; notice?: string; town?: TownQuota }
  | { kind: "consent"; wave: CurrentWave; community: ChosenCommunity }
  | { kind: "community-full"; wave: CurrentWave; community: ChosenCommunity };

const CODE = /^[0-9A-Za-z_-]{1,40}$/;

function codeFromUrl(search: string, name: "w" | "c"): string | null {
  const code = new URLSearchParams(search).get(name)?.trim();
  return code && CODE.test(code) ? code : null;
}

/** The community code of a QR poster link, `/?w=<waveCode>&c=<communityCode>` (or an older `/?c=`). */
export function communityCodeFromUrl(search: string): string | null {
  return codeFromUrl(search, "c");
}

/** The wave code of a QR poster link (`w`); links without one open the current wave. */
export function waveCodeFromUrl(search: string): string | null {
  return codeFromUrl(search, "w");
}

/** The address that keeps the link's wave and the chosen community, so a reload comes back to both. */
export function entryUrl(search: string, communityCode: string | null): string {
  const params = new URLSearchParams();
  const waveCode = waveCodeFromUrl(search);
  if (waveCode) params.set("w", waveCode);
  if (communityCode) params.set("c", communityCode);
  const query = params.toString();
  return query ? `/?${query}` : "/";
}

/** A token in storage → the reservation it holds, answers merged with the ones this phone kept. */
async function resumeSaved(saved: SavedSession): Promise<Start | null> {
  try {
    const reservation = await fetchReservation(saved.token);
    if (reservation.status === "submitted" && reservation.response) {
      // Submitted, but the receipt never reached this phone (connection lost on the way back).
      const receipt: SavedReceipt = {
        waveTitle: saved.waveTitle,
        receiptCode: reservation.response.receiptCode,
        counted: reservation.response.counted,
        policies: policyNotes(reservation.questionnaire.definition),
      };
      saveReceipt(receipt);
      clearSession();
      return { kind: "receipt", receipt };
    }
    const answers = mergeAnswers(reservation.draft, saved.answers, saved.unsynced);
    const session: SavedSession = {
      ...saved,
      answers,
      unsynced: saved.unsynced || answersDiffer(answers, reservation.draft ?? {}),
      expiresAt: reservation.expiresAt,
      community: reservation.community ?? saved.community,
      submitting: saved.submitting,
      questionnaire: reservation.questionnaire,
    };
    saveSession(session);
    return {
      kind: "questionnaire",
      session,
      questionnaire: reservation.questionnaire,
      resumed: Object.keys(answers).length > 0,
    };
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      // Keep the answers aside: verifying again as the same person brings them back.
      orphanSession(saved);
      return null;
    }
    // No network (a reload on the bus, in a lift): open this phone's copy; the autosave syncs when it can.
    if (error instanceof ApiError && error.code === NETWORK_ERROR && saved.questionnaire) {
      return {
        kind: "questionnaire",
        session: saved,
        questionnaire: saved.questionnaire,
        resumed: Object.keys(saved.answers).length > 0,
        offline: true,
      };
    }
    throw error;
  }
}

/** The link's community in its open wave: consent, or the quota-full page; a community not in it: the pickers. */
function communityOfLink(link: PosterLink): Start {
  const { wave, town, community } = link;
  if (!town || !community) return { kind: "pick", wave, notice: strings.picker.unknownLinkCommunity };
  const chosen = { code: community.code, name: community.name, townCode: town.code, townName: town.name };
  return community.full || town.full
    ? { kind: "community-full", wave, community: chosen }
    : { kind: "consent", wave, community: chosen };
}

export async function resolveStart(search: string): Promise<Start> {
  const saved = loadSession();
  if (saved) {
    const resumed = await resumeSaved(saved);
    if (resumed) return resumed;
  }
  const receipt = loadReceipt();
  if (receipt) return { kind: "receipt", receipt };

  // The wave the link names (a 2026 poster never opens the 2027 questionnaire; an ended wave says so), else the
  // current one; an unknown wave code (a mistyped link) falls back to the current wave and the pickers.
  const communityCode = communityCodeFromUrl(search);
  let link: PosterLink;
  try {
    link = await fetchPosterLink({ waveCode: waveCodeFromUrl(search), communityCode });
  } catch (error) {
    if (error instanceof ApiError && error.code === "no_open_wave") return { kind: "no-wave" };
    throw error;
  }
  const { wave } = link;
  if (wave.status !== "open") return { kind: "closed", wave };
  if (link.unknownWave) return { kind: "pick", wave, notice: strings.picker.unknownLinkCommunity };
  return communityCode ? communityOfLink(link) : { kind: "pick", wave };
}
