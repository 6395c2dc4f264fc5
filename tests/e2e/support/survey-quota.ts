import { sql } from "drizzle-orm";
import type { SurveyServer } from "./survey-server";

/** Gives a community all its questionnaires at once — what its last completed residents would do. */
export async function fillCommunity(server: SurveyServer, communityCode: string): Promise<void> {
  await server.database.handle.db.execute(
    sql`update wave_communities set completed = cap - reserved where community_code = ${communityCode}`,
  );
}
