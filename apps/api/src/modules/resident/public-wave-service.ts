import type { Database } from "@survey/db";
import { questionnaireLength } from "@survey/questionnaire";
import { NoOpenWaveError, UnknownTownError } from "../../platform/errors";
import { questionnaireOfWave } from "../questionnaires";
import { findCurrentWave, listWaveCommunities, listWaveTowns, requireWave } from "../waves";

export async function currentWave(db: Database) {
  const wave = await findCurrentWave(db);
  if (!wave) throw new NoOpenWaveError();
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
