import { type Executor, indicatorDeadlines, indicatorValueChanges, indicatorValues, users } from "@survey/db";
import { desc, eq } from "drizzle-orm";

export interface ValueStamp {
  indicatorCode: string;
  townCode: string;
  updatedAt: Date;
}

/** When each value of a year was last supplied. */
export async function listValueStamps(db: Executor, year: number): Promise<ValueStamp[]> {
  return db
    .select({
      indicatorCode: indicatorValues.indicatorCode,
      townCode: indicatorValues.townCode,
      updatedAt: indicatorValues.updatedAt,
    })
    .from(indicatorValues)
    .where(eq(indicatorValues.year, year));
}

/** Changes of a year's values, newest first, with the name of who made them. */
export async function listValueChanges(db: Executor, year: number, limit: number) {
  return db
    .select({
      indicatorCode: indicatorValueChanges.indicatorCode,
      townCode: indicatorValueChanges.townCode,
      year: indicatorValueChanges.year,
      oldValue: indicatorValueChanges.oldValue,
      newValue: indicatorValueChanges.newValue,
      changedAt: indicatorValueChanges.changedAt,
      changedBy: users.displayName,
      username: users.username,
    })
    .from(indicatorValueChanges)
    .leftJoin(users, eq(users.id, indicatorValueChanges.changedBy))
    .where(eq(indicatorValueChanges.year, year))
    .orderBy(desc(indicatorValueChanges.changedAt), desc(indicatorValueChanges.id))
    .limit(limit);
}

export async function findDeadline(db: Executor, year: number): Promise<string | undefined> {
  const [row] = await db.select().from(indicatorDeadlines).where(eq(indicatorDeadlines.year, year));
  return row?.dueDate;
}

export async function saveDeadline(db: Executor, year: number, dueDate: string): Promise<void> {
  await db
    .insert(indicatorDeadlines)
    .values({ year, dueDate })
    .onConflictDoUpdate({ target: indicatorDeadlines.year, set: { dueDate } });
}
