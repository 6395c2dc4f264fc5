import type { Database } from "@survey/db";
import { findCurrentWave, findWave, listWaveCommunities, listWaveTowns } from "../data/waves";
import { NoOpenWaveError, UnknownTownError, UnknownWaveError } from "../platform/errors";
import { parseId } from "../platform/ids";

export async function currentWave(db: Database) {
  const wave = await findCurrentWave(db);
  if (!wave) throw new NoOpenWaveError();
  return {
    id: wave.id,
    code: wave.code,
    title: wave.title,
    status: wave.status,
    townTarget: wave.townTarget,
    communityCap: wave.communityCap,
    closesAt: wave.closesAt ? wave.closesAt.toISOString() : null,
  };
}

async function requireWave(db: Database, rawWaveId: string) {
  const waveId = parseId(rawWaveId);
  const wave = waveId === undefined ? undefined : await findWave(db, waveId);
  if (!wave) throw new UnknownWaveError();
  return wave;
}

export async function waveTowns(db: Database, rawWaveId: string) {
  const wave = await requireWave(db, rawWaveId);
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

export async function waveTownCommunities(db: Database, rawWaveId: string, townCode: string) {
  const wave = await requireWave(db, rawWaveId);
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
