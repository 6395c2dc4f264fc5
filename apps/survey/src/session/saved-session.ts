import type { Answers, ChosenCommunity, Questionnaire } from "../api/types";
import { readJson, removeKey, writeJson } from "./browser-storage";

/**
 * What this phone keeps so that a reload, a lost connection or a closed tab resumes where the resident
 * stopped: the reservation token and every answer, written on each change before the server hears of it.
 */
export interface SavedSession {
  token: string;
  /** For the header when resuming without asking the server for the wave again. */
  waveTitle: string;
  expiresAt: string;
  community: ChosenCommunity;
  phoneMasked: string;
  answers: Answers;
  /** Answers changed here that the server has not acknowledged yet. */
  unsynced: boolean;
  /** The questionnaire page the resident was on; -1 = not known, open the first one not finished. */
  pageNo: number;
  /** The resident pressed submit and no receipt has come back yet: keep trying on the next load. */
  submitting: boolean;
  /** The questionnaire itself, so a reload without network still opens it (the app shell is cached). */
  questionnaire?: Questionnaire;
}

/** Answers left behind by a token the server no longer accepts, kept until the same person verifies again. */
export interface OrphanedAnswers {
  communityCode: string;
  phoneMasked: string;
  answers: Answers;
  pageNo: number;
}

export interface SavedReceipt {
  waveTitle?: string;
  receiptCode: string;
  counted: boolean;
  policies: PolicyNote[];
}

export interface PolicyNote {
  title: string;
  text: string;
}

// index.html reads the session and receipt keys too: a returning resident needs no early first-screen requests.
const SESSION_KEY = "survey.session.v1";
const ORPHAN_KEY = "survey.orphan.v1";
const RECEIPT_KEY = "survey.receipt.v1";

function isSession(value: unknown): value is SavedSession {
  if (!value || typeof value !== "object") return false;
  const session = value as Partial<SavedSession>;
  return typeof session.token === "string" && typeof session.answers === "object" && session.answers !== null;
}

export function loadSession(): SavedSession | null {
  const stored = readJson<unknown>(SESSION_KEY);
  return isSession(stored) ? stored : null;
}

export function saveSession(session: SavedSession): boolean {
  return writeJson(SESSION_KEY, session);
}

/** Applies a change to the stored session, if there is one. */
export function updateSession(change: Partial<SavedSession>): SavedSession | null {
  const current = loadSession();
  if (!current) return null;
  const next = { ...current, ...change };
  saveSession(next);
  return next;
}

export function clearSession(): void {
  removeKey(SESSION_KEY);
}

/** Moves the answers of a rejected token aside, so that verifying again brings them back. */
export function orphanSession(session: SavedSession): void {
  if (Object.keys(session.answers).length > 0) {
    const orphan: OrphanedAnswers = {
      communityCode: session.community.code,
      phoneMasked: session.phoneMasked,
      answers: session.answers,
      pageNo: session.pageNo,
    };
    writeJson(ORPHAN_KEY, orphan);
  }
  clearSession();
}

/** The orphaned answers of this person (same community, same masked phone), removed from storage. */
export function takeOrphan(communityCode: string, phoneMasked: string): OrphanedAnswers | null {
  const orphan = readJson<OrphanedAnswers>(ORPHAN_KEY);
  if (!orphan || orphan.communityCode !== communityCode || orphan.phoneMasked !== phoneMasked) return null;
  removeKey(ORPHAN_KEY);
  return orphan;
}

export function loadReceipt(): SavedReceipt | null {
  const stored = readJson<SavedReceipt>(RECEIPT_KEY);
  return stored && typeof stored.receiptCode === "string" ? stored : null;
}

export function saveReceipt(receipt: SavedReceipt): void {
  writeJson(RECEIPT_KEY, receipt);
}

export function clearReceipt(): void {
  removeKey(RECEIPT_KEY);
}
