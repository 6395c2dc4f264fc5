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

export async function waveTowns(db: Database, waveId: number) {
  const wave = await requireWave(db, waveId);
  const towns = await listWaveTowns(db, wave.id);
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

export async function waveTownCommunities(db: Database, waveId: number, townCode: string) {
  const wave = await requireWave(db, waveId);
  const town = (await listWaveTowns(db, wave.id)).find((candidate) => candidate.code === townCode);
  if (!town) throw new UnknownTownError();
  const townFull = town.completed + town.reserved >= town.target;
  const communities = await listWaveCommunities(db, wave.id, townCode);
  return communities.map((community) => ({
    code: community.code,
    name: community.name,
    cap: community.cap,
    completed: community.completed,
    reserved: community.reserved,
    // A community of a full town accepts nobody either.
    full: townFull || community.completed + community.reserved >= community.cap,
  }));
}
