import type { CommunityQuota, PosterLink, TownQuota } from "@survey/contract";
import type { Database } from "@survey/db";
import { questionnaireLength } from "@survey/questionnaire";
import { NoOpenWaveError, UnknownTownError, UnknownWaveError } from "../../platform/errors";
import { questionnaireOfWave } from "../questionnaires";
import {
  findCurrentWave,
  findWaveByCode,
  listWaveCommunities,
  listWaveTowns,
  requireWave,
  type WaveRow,
} from "../waves";

export async function currentWave(db: Database) {
  const wave = await findCurrentWave(db);
  if (!wave) throw new NoOpenWaveError();
  return publicWave(db, wave);
}

/**
 * The wave a poster link names (`/?w=<waveCode>`): open or closed, so the app opens that wave or says it has
 * ended; a draft is not public yet and answers 404 `unknown_wave` like an unknown code.
 */
export async function waveByCode(db: Database, code: string) {
  const wave = await findWaveByCode(db, code);
  if (!wave || wave.status === "draft") throw new UnknownWaveError();
  return publicWave(db, wave);
}

async function publicWave(db: Database, wave: WaveRow) {
  // Stored questionnaires are cached and their survey-core model too: this is a map lookup after the first call.
  const length =
    wave.questionnaireId === null ? null : questionnaireLength((await questionnaireOfWave(db, wave)).definition);
  return {
    id: wave.id,
    code: wave.code,
    title: wave.title,
    status: wave.status,
    townTarget: wave.townTarget,
    communityCap: wave.communityCap,
    closesAt: wave.closesAt ? wave.closesAt.toISOString() : null,
    questionCount: length?.questionCount ?? null,
    estimatedMinutes: length?.estimatedMinutes ?? null,
  };
}

async function townQuotas(db: Database, waveId: number): Promise<TownQuota[]> {
  const towns = await listWaveTowns(db, waveId);
  return towns.map((town) => ({
    code: town.code,
    name: town.name,
    kind: town.kind,
    target: town.target,
    completed: town.completed,
    reserved: town.reserved,
    full: town.completed + town.reserved >= town.target,
  }));
}

async function communityQuotas(db: Database, waveId: number, town: TownQuota): Promise<CommunityQuota[]> {
  const communities = await listWaveCommunities(db, waveId, town.code);
  return communities.map((community) => ({
    code: community.code,
    name: community.name,
    cap: community.cap,
    completed: community.completed,
    reserved: community.reserved,
    // A community of a full town accepts nobody either.
    full: town.full || community.completed + community.reserved >= community.cap,
  }));
}

export async function waveTowns(db: Database, waveId: number): Promise<TownQuota[]> {
  const wave = await requireWave(db, waveId);
  return townQuotas(db, wave.id);
}

export async function waveTownCommunities(db: Database, waveId: number, townCode: string): Promise<CommunityQuota[]> {
  const wave = await requireWave(db, waveId);
  const town = (await townQuotas(db, wave.id)).find((candidate) => candidate.code === townCode);
  if (!town) throw new UnknownTownError();
  return communityQuotas(db, wave.id, town);
}

/**
 * What a poster link opens, in one answer: the wave it names (a draft or unknown code falls back to the current
 * wave, flagged), and while that wave is open, the link's community and town — a community code starts with its
 * town's code (9 digits in the national division codes).
 */
export async function posterLink(
  db: Database,
  link: { waveCode?: string; communityCode?: string },
): Promise<PosterLink> {
  const named = link.waveCode ? await findWaveByCode(db, link.waveCode) : null;
  const unknownWave = link.waveCode !== undefined && (!named || named.status === "draft");
  const wave = named && !unknownWave ? named : await findCurrentWave(db);
  if (!wave) throw new NoOpenWaveError();
  const found = { town: null as TownQuota | null, community: null as CommunityQuota | null };
  if (wave.status === "open" && link.communityCode) {
    const code = link.communityCode;
    found.town = (await townQuotas(db, wave.id)).find((town) => code.startsWith(town.code)) ?? null;
    if (found.town) {
      found.community = (await communityQuotas(db, wave.id, found.town)).find((c) => c.code === code) ?? null;
    }
  }
  return { wave: await publicWave(db, wave), unknownWave, ...found };
}
