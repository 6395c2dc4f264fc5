/**
 * `response_codes`: one row per response with the codes of its scored questions, one byte each, so that the
 * satisfaction results read one short row per respondent instead of ~37 item rows (packages/db
 * schema/response-codes.ts). Written in the statement that stores the response and its items; migration 0003
 * and `rebuildResponseCodes` derive the same bytes from `response_items`.
 */
import { type Executor, param, queryRows } from "@survey/db";
import type { ScoringMap } from "@survey/questionnaire";
import { sql } from "drizzle-orm";
import { respondentCellSql } from "./results-sql";

const layouts = new WeakMap<ScoringMap, readonly string[]>();

/** Byte positions of `codes`: the scored questions (satisfaction items and overall) sorted by their UTF-8 bytes. */
export function codeLayout(scoring: ScoringMap): readonly string[] {
  let layout = layouts.get(scoring);
  if (!layout) {
    const names = [...scoring.items.map((item) => item.name), ...(scoring.overall ? [scoring.overall.name] : [])];
    // By UTF-8 bytes, as PostgreSQL's `collate "C"` orders them (migration 0003, rebuildResponseCodes).
    layout = names.sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    layouts.set(scoring, layout);
  }
  return layout;
}

/** The `codes` bytes of one response, as hex: each question's code, 00 when it was left blank. */
export function responseCodesHex(scoring: ScoringMap, answered: readonly { question: string; code: number }[]): string {
  const codes = new Map(answered.map((item) => [item.question, item.code]));
  return codeLayout(scoring)
    .map((question) => {
      const code = codes.get(question) ?? 0;
      if (!Number.isInteger(code) || code < 0 || code > 255) throw new RangeError(`code ${code} of ${question}`);
      return code.toString(16).padStart(2, "0");
    })
    .join("");
}

/**
 * The body of a data-modifying CTE that writes the response's `response_codes` row, for the statement that
 * inserts the response: `response` is that statement's CTE returning the new row's id, wave_id, town_code and
 * counted; the statement's values `sex`, `ageGroup` and `codesHex` (from `responseCodesHex`) fill the rest.
 * Folding it in costs no extra statement or round trip on the submit path.
 */
export const insertResponseCodesCte = sql`
    insert into response_codes (response_id, wave_id, town_code, sex, age_group, counted, codes)
    select response.id, response.wave_id, response.town_code, ${param("sex")}::text, ${param("ageGroup")}::text,
      response.counted, decode(${param("codesHex")}::text, 'hex')
    from response`;

/**
 * Derives the `response_codes` rows of a wave's responses from `response_items` again (as migration 0003
 * does for all waves): for data written straight into `response_items` (test and benchmark loaders).
 */
export async function rebuildResponseCodes(db: Executor, waveId: number): Promise<void> {
  await db.execute(sql`delete from response_codes where wave_id = ${waveId}`);
  await db.execute(sql`
    insert into response_codes (response_id, wave_id, town_code, sex, age_group, counted, codes)
    with layout as (
      select distinct q.id as questionnaire_id, n #>> '{}' as question
      from questionnaires q,
        jsonb_path_query(q.definition, 'strict $.**?(@.itemKind == "satisfaction" || @.itemKind == "overall").name') n
      where q.id in (select questionnaire_id from waves where id = ${waveId})
    )
    select r.id, r.wave_id, r.town_code, r.sex, r.age_group, r.counted,
      decode(coalesce(string_agg(lpad(to_hex(coalesce(ri.code, 0)), 2, '0'), '' order by l.question collate "C"), ''),
        'hex')
    from responses r
    left join layout l on l.questionnaire_id = r.questionnaire_id
    left join response_items ri on ri.response_id = r.id and ri.question = l.question
    where r.wave_id = ${waveId}
    group by r.id`);
}

export interface CodeGroupRow {
  townCode: string;
  /** Raw `sex|age_group` key when grouped by cell, else null. */
  cell: string | null;
  respondents: number;
  /** The groups' `codes` one after the other: `respondents` × the layout's length bytes. */
  codes: Uint8Array;
}

/**
 * The counted responses' codes per town (and cell), concatenated: one scan of one short row per respondent.
 * A group's bytes must stay under PostgreSQL's 1 GB value limit: ~28 million respondents per town and cell
 * with 38 scored questions.
 */
export async function respondentCodeGroups(
  db: Executor,
  waveId: number,
  options: { byCell: boolean },
): Promise<CodeGroupRow[]> {
  const cell = options.byCell ? respondentCellSql("c") : sql`null::text`;
  const rows = await queryRows<CodeGroupRow>(
    db,
    sql`
      select c.town_code as "townCode", ${cell} as cell, count(*)::int as respondents,
        string_agg(c.codes, ''::bytea) as codes
      from response_codes c
      where c.wave_id = ${waveId} and c.counted
      group by 1, 2`,
  );
  for (const row of rows) {
    // node-postgres gives a Buffer, PGlite a Uint8Array: both are Uint8Arrays.
    if (!(row.codes instanceof Uint8Array)) throw new TypeError("response_codes.codes did not arrive as bytes");
  }
  return rows;
}

/**
 * Settings for the rest of the transaction, for `respondentCodeGroups`: the code strings (~38 bytes a respondent)
 * are concatenated per town in a hash aggregate (17 groups) held in memory; left to itself the planner sorts all
 * the rows first, three times slower. A plain scan gains nothing from JIT compilation, which costs ~0.1 s at a
 * million rows.
 */
export async function planCodeScan(tx: Executor): Promise<void> {
  await tx.execute(
    sql`select set_config('work_mem', '128MB', true), set_config('enable_sort', 'off', true),
          set_config('jit', 'off', true)`,
  );
}
