import { commentTags, commentThemeLists, type Executor, queryRows } from "@survey/db";
import { and, eq, sql } from "drizzle-orm";

/** One open answer of a response, as stored (masked), with where and when — never who. */
export interface StoredComment {
  responseId: string;
  question: string;
  text: string;
  townCode: string;
  townName: string | null;
  communityCode: string;
  communityName: string | null;
  submittedAt: string;
  /** Themes set by hand, null when none were. */
  taggedThemes: string[] | null;
}

export interface CommentFilter {
  waveId: number;
  /** The open questions' answer keys. */
  questions: readonly string[];
  /** Limit to these towns (a staff user's scope, or the town filter). */
  townCodes?: readonly string[];
  communityCode?: string;
  /** Words the text must contain (case-insensitive, taken literally). */
  search?: string;
  /** Only these comments (`[responseId, question]`). */
  ids?: readonly (readonly [string, string])[];
}

/** A list of strings as a subquery, the same on both drivers (no array parameters). */
const textList = (values: readonly string[]) =>
  sql`(select jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`;

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The non-blank open answers of a wave's responses, newest first. */
export async function listStoredComments(db: Executor, filter: CommentFilter): Promise<StoredComment[]> {
  if (filter.questions.length === 0) return [];
  // A voided response has left the results: its comments leave the list, counts and exports with it.
  const conditions = [sql`r.wave_id = ${filter.waveId}`, sql`r.voided_at is null`];
  if (filter.townCodes) conditions.push(sql`r.town_code in ${textList(filter.townCodes)}`);
  if (filter.communityCode) conditions.push(sql`r.community_code = ${filter.communityCode}`);
  if (filter.search) conditions.push(sql`answer.value ilike ${likePattern(filter.search)}`);
  if (filter.ids) {
    conditions.push(
      sql`(r.id::text || ':' || answer.key) in ${textList(filter.ids.map(([id, question]) => `${id}:${question}`))}`,
    );
  }
  return queryRows<StoredComment>(
    db,
    sql`
      select r.id as "responseId", answer.key as question, answer.value as text, r.town_code as "townCode",
        t.name as "townName", r.community_code as "communityCode", c.name as "communityName",
        r.submitted_at::text as "submittedAt", tag.themes as "taggedThemes"
      from responses r
      cross join lateral jsonb_each_text(r.answers) as answer(key, value)
      left join towns t on t.code = r.town_code
      left join communities c on c.code = r.community_code
      left join comment_tags tag on tag.response_id = r.id and tag.question = answer.key
      where ${sql.join(conditions, sql` and `)}
        and answer.key in ${textList(filter.questions)}
        and jsonb_typeof(r.answers -> answer.key) = 'string'
        and btrim(answer.value) <> ''
      order by r.submitted_at desc, r.id, answer.key`,
  );
}

export async function findThemeList(db: Executor, waveId: number): Promise<unknown[] | null> {
  const [row] = await db
    .select({ themes: commentThemeLists.themes })
    .from(commentThemeLists)
    .where(eq(commentThemeLists.waveId, waveId));
  return row ? (row.themes as unknown[]) : null;
}

export async function saveThemeList(db: Executor, waveId: number, themes: unknown[], at: Date, userId: number | null) {
  await db
    .insert(commentThemeLists)
    .values({ waveId, themes, updatedAt: at, updatedBy: userId })
    .onConflictDoUpdate({ target: commentThemeLists.waveId, set: { themes, updatedAt: at, updatedBy: userId } });
}

export interface CommentTagRow {
  responseId: string;
  question: string;
  themes: string[];
}

/** Stores hand-set themes, replacing earlier ones. */
export async function saveCommentTags(db: Executor, rows: readonly CommentTagRow[], at: Date, userId: number | null) {
  if (rows.length === 0) return;
  await db
    .insert(commentTags)
    .values(rows.map((row) => ({ ...row, taggedAt: at, taggedBy: userId })))
    .onConflictDoUpdate({
      target: [commentTags.responseId, commentTags.question],
      set: { themes: sql`excluded.themes`, taggedAt: at, taggedBy: userId },
    });
}

/** Forgets hand-set themes: the comments go back to their suggestions. */
export async function deleteCommentTags(db: Executor, ids: readonly (readonly [string, string])[]) {
  for (const [responseId, question] of ids) {
    await db.delete(commentTags).where(and(eq(commentTags.responseId, responseId), eq(commentTags.question, question)));
  }
}

/** Removes a theme code from every hand-set tag of a wave (the theme was taken off the list). */
export async function dropThemesFromTags(db: Executor, waveId: number, keep: readonly string[]) {
  await db.execute(sql`
    update comment_tags tag
    set themes = array(select theme from unnest(tag.themes) as theme where theme in ${textList(keep)})
    from responses r
    where r.id = tag.response_id and r.wave_id = ${waveId}
      and exists (select 1 from unnest(tag.themes) as theme where theme not in ${textList(keep)})`);
}
