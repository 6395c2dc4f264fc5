import { type Executor, queryRows, questionnaires, responses } from "@survey/db";
import { desc, eq, sql } from "drizzle-orm";

export type QuestionnaireRow = typeof questionnaires.$inferSelect;

export async function findQuestionnaire(db: Executor, id: number): Promise<QuestionnaireRow | undefined> {
  const [row] = await db.select().from(questionnaires).where(eq(questionnaires.id, id));
  return row;
}

/**
 * Frozen: a wave that uses the version has a response or is no longer a draft (residents may be answering it).
 * The same test guards an edit and tells a process whether its parsed copy can be kept for good.
 */
const FROZEN = sql`exists (
  select 1 from waves w
  where w.questionnaire_id = ${questionnaires.id}
    and (w.status <> 'draft' or exists (select 1 from responses r where r.wave_id = w.id))
)`;

/** The stored revision of a version and whether it is frozen; undefined when there is no such version. */
export async function questionnaireState(
  db: Executor,
  id: number,
): Promise<{ revision: number; frozen: boolean } | undefined> {
  const [row] = await db
    .select({ revision: questionnaires.revision, frozen: sql<boolean>`${FROZEN}` })
    .from(questionnaires)
    .where(eq(questionnaires.id, id));
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
      sourceId: questionnaires.sourceId,
      createdAt: questionnaires.createdAt,
      updatedAt: questionnaires.updatedAt,
      frozen: sql<boolean>`${FROZEN}`,
    })
    .from(questionnaires)
    .orderBy(questionnaires.code, desc(questionnaires.version));
}

export interface WaveUseRow {
  id: number;
  code: string;
  title: string;
  year: number;
  status: "draft" | "open" | "closed";
  questionnaireId: number;
  hasResponses: boolean;
}

/** The waves that use each questionnaire version (of one version when `questionnaireId` is given). */
export async function listWaveUses(db: Executor, questionnaireId?: number, lock = false): Promise<WaveUseRow[]> {
  return queryRows<WaveUseRow>(
    db,
    sql`select w.id, w.code, w.title, w.year, w.status, w.questionnaire_id as "questionnaireId",
      exists (select 1 from responses r where r.wave_id = w.id) as "hasResponses"
    from waves w
    where w.questionnaire_id is not null
      ${questionnaireId === undefined ? sql`` : sql`and w.questionnaire_id = ${questionnaireId}`}
    order by w.year, w.id
    ${lock ? sql`for share of w` : sql``}`,
  );
}

/** Stores the next version of a code: two new versions of one code at once are taken in turn. */
export async function insertNextVersion(
  tx: Executor,
  input: { code: string; title: string; definition: object; sourceId?: number },
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
    .values({
      code: input.code,
      version,
      title: input.title,
      definition: input.definition,
      sourceId: input.sourceId ?? null,
    })
    .returning({ id: questionnaires.id, version: questionnaires.version });
  if (!row) throw new Error("questionnaire insert returned nothing");
  return row;
}

/** Saves an edit of a draft: the next revision. */
export async function updateDraftRow(
  tx: Executor,
  id: number,
  input: { title: string; definition: object; now: Date },
): Promise<{ id: number; version: number; revision: number; updatedAt: Date } | undefined> {
  const [row] = await tx
    .update(questionnaires)
    .set({
      title: input.title,
      definition: input.definition,
      revision: sql`${questionnaires.revision} + 1`,
      updatedAt: input.now,
    })
    .where(eq(questionnaires.id, id))
    .returning({
      id: questionnaires.id,
      version: questionnaires.version,
      revision: questionnaires.revision,
      updatedAt: questionnaires.updatedAt,
    });
  return row;
}

/** Every question (an element with a type and a name) of each version of a code, with its kind. */
export async function questionNamesOfCode(
  db: Executor,
  code: string,
): Promise<{ questionnaireId: number; version: number; name: string; kind: string | null }[]> {
  return queryRows(
    db,
    sql`select q.id as "questionnaireId", q.version, e ->> 'name' as name, e ->> 'itemKind' as kind
    from questionnaires q,
      jsonb_path_query(q.definition, 'strict $.**?(@.type != null && @.name != null)') e
    where q.code = ${code}
    order by q.version`,
  );
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

/** The questionnaire a wave uses and the wave's communities (for the response import template). */
export async function waveTemplateFacts(
  db: Executor,
  waveId: number,
): Promise<
  | {
      code: string;
      title: string;
      questionnaireId: number | null;
      communities: { code: string; name: string; townName: string }[];
    }
  | undefined
> {
  const [wave] = await queryRows<{ code: string; title: string; questionnaireId: number | null }>(
    db,
    sql`select code, title, questionnaire_id as "questionnaireId" from waves where id = ${waveId}`,
  );
  if (!wave) return undefined;
  const communities = await queryRows<{ code: string; name: string; townName: string }>(
    db,
    sql`select wc.community_code as code, c.name, t.name as "townName"
    from wave_communities wc
    join communities c on c.code = wc.community_code
    join towns t on t.code = wc.town_code
    where wc.wave_id = ${waveId}
    order by wc.town_code, wc.community_code`,
  );
  return { ...wave, communities };
}
