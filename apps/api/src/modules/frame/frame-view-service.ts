import type { Database } from "@survey/db";
import { UnknownTownError } from "../../platform/errors";
import { listFrameTowns, listPopulationCells, listTownCommunities } from "./data/frame";

/** The frame as the console shows it: every town with its counts, and one town in full. */

export async function frameOverview(db: Database) {
  const towns = await listFrameTowns(db);
  return {
    towns: towns.map((town) => ({ ...town, updatedAt: town.updatedAt.toISOString() })),
    totals: {
      towns: towns.length,
      communities: towns.reduce((sum, town) => sum + town.communityCount, 0),
      population: towns.reduce((sum, town) => sum + town.population, 0),
    },
  };
}

export async function townFrame(db: Database, townCode: string) {
  const town = (await listFrameTowns(db)).find((candidate) => candidate.code === townCode);
  if (!town) throw new UnknownTownError({}, "抽样框中没有这个街镇。");
  return {
    ...town,
    updatedAt: town.updatedAt.toISOString(),
    communities: await listTownCommunities(db, townCode),
    populationCells: await listPopulationCells(db, townCode),
  };
}
