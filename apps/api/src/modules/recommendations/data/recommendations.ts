import { type Executor, recommendations } from "@survey/db";
import { asc, eq } from "drizzle-orm";

export type RecommendationRow = typeof recommendations.$inferSelect;
export type NewRecommendationRow = typeof recommendations.$inferInsert;

export async function insertRecommendation(db: Executor, row: NewRecommendationRow): Promise<RecommendationRow> {
  const [stored] = await db.insert(recommendations).values(row).returning();
  if (!stored) throw new Error("recommendation insert returned nothing");
  return stored;
}

/** Every recommendation, earliest due first. */
export async function listRecommendations(db: Executor): Promise<RecommendationRow[]> {
  return db.select().from(recommendations).orderBy(asc(recommendations.dueDate), asc(recommendations.id));
}

export async function findRecommendation(db: Executor, id: number): Promise<RecommendationRow | undefined> {
  const [row] = await db.select().from(recommendations).where(eq(recommendations.id, id));
  return row;
}

export async function saveResponse(
  db: Executor,
  id: number,
  response: Pick<RecommendationRow, "status" | "measures" | "respondedAt" | "respondedBy">,
): Promise<RecommendationRow> {
  const [row] = await db.update(recommendations).set(response).where(eq(recommendations.id, id)).returning();
  if (!row) throw new Error(`recommendation ${id} vanished during the response`);
  return row;
}
