import { type Executor, questionnaires, responses } from "@survey/db";
import { desc, eq, sql } from "drizzle-orm";

export type QuestionnaireRow = typeof questionnaires.$inferSelect;

export async function findQuestionnaire(db: Executor, id: number): Promise<QuestionnaireRow | undefined> {
  const [row] = await db.select().from(questionnaires).where(eq(questionnaires.id, id));
  return row;
}

/** Every stored version, newest version of each code first. */
export async function listQuestionnaireRows(db: Executor) {
  return db
    .select({
      id: questionnaires.id,
      code: questionnaires.code,
      version: questionnaires.version,
      title: questionnaires.title,
      createdAt: questionnaires.createdAt,
    })
    .from(questionnaires)
    .orderBy(questionnaires.code, desc(questionnaires.version));
}

/** Stores the next version of a code: two new versions of one code at once are taken in turn. */
export async function insertNextVersion(
  tx: Executor,
  input: { code: string; title: string; definition: object },
): Promise<{ id: number; version: number }> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`questionnaire:${input.code}`}, 0))`);
  const [latest] = await tx
    .select({ version: questionnaires.version })
    .from(questionnaires)
    .where(eq(questionnaires.code, input.code))
    .orderBy(desc(questionnaires.version))
    .limit(1);
  const version = (latest?.version ?? 0) + 1;
  const [row] = await tx
    .insert(questionnaires)
    .values({ code: input.code, version, title: input.title, definition: input.definition })
    .returning({ id: questionnaires.id, version: questionnaires.version });
  if (!row) throw new Error("questionnaire insert returned nothing");
  return row;
}

/** Whether the wave has any response yet. */
export async function waveHasResponses(db: Executor, waveId: number): Promise<boolean> {
  const [row] = await db.select({ id: responses.id }).from(responses).where(eq(responses.waveId, waveId)).limit(1);
  return row !== undefined;
}

export async function questionnaireExists(db: Executor, id: number): Promise<boolean> {
  const [row] = await db.select({ id: questionnaires.id }).from(questionnaires).where(eq(questionnaires.id, id));
  return row !== undefined;
}
