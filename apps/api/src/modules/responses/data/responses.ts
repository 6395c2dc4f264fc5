import { type Executor, queryRows } from "@survey/db";
import { type SQL, sql } from "drizzle-orm";
import type { ScoredItemRow } from "../../resident";

/** What the list and the quality flags read of each response of a wave. */
export interface ResponseRow {
  id: string;
  receiptCode: string;
  waveId: number;
  questionnaireId: number;
  townCode: string;
  townName: string;
  communityCode: string;
  communityName: string;
  mode: "online" | "interviewer" | "import";
  counted: boolean;
  sex: "male" | "female" | null;
  birthYear: number | null;
  ageGroup: string | null;
  registered: boolean | null;
  answers: Record<string, unknown>;
  startedAt: Date | null;
  submittedAt: Date;
  voidedAt: Date | null;
  voidReason: string | null;
  correctedAt: Date | null;
  enteredBy: string | null;
  voidedBy: string | null;
}

const selectResponses = (where: SQL) => sql`
  select r.id, r.receipt_code as "receiptCode", r.wave_id as "waveId", r.questionnaire_id as "questionnaireId",
    r.town_code as "townCode", coalesce(t.name, r.town_code) as "townName", r.community_code as "communityCode",
    coalesce(c.name, r.community_code) as "communityName", r.mode, r.counted, r.sex, r.birth_year as "birthYear",
    r.age_group as "ageGroup", r.registered, r.answers, r.started_at as "startedAt", r.submitted_at as "submittedAt",
    r.voided_at as "voidedAt", r.void_reason as "voidReason", r.corrected_at as "correctedAt",
    entered.display_name as "enteredBy", voider.display_name as "voidedBy"
  from responses r
  left join towns t on t.code = r.town_code
  left join communities c on c.code = r.community_code
  left join users entered on entered.id = r.entered_by
  left join users voider on voider.id = r.voided_by
  where ${where}`;

const optionalDate = (value: unknown) => (value === null || value === undefined ? null : new Date(value as string));

function normalise(row: ResponseRow): ResponseRow {
  return {
    ...row,
    startedAt: optionalDate(row.startedAt),
    submittedAt: new Date(row.submittedAt),
    voidedAt: optionalDate(row.voidedAt),
    correctedAt: optionalDate(row.correctedAt),
  };
}

/** Every response of a wave, newest first: the flags compare each one with all the others. */
export async function listWaveResponses(db: Executor, waveId: number): Promise<ResponseRow[]> {
  const rows = await queryRows<ResponseRow>(
    db,
    sql`${selectResponses(sql`r.wave_id = ${waveId}`)} order by r.submitted_at desc, r.id`,
  );
  return rows.map(normalise);
}

export async function findResponse(db: Executor, id: string): Promise<ResponseRow | undefined> {
  const [row] = await queryRows<ResponseRow>(db, selectResponses(sql`r.id = ${id}::uuid`));
  return row && normalise(row);
}

/**
 * Voids a response and gives its quota slot back, in one statement: the response row is locked and changed only
 * while it is not void yet, so of several concurrent voids exactly one changes it; the community and town
 * counters go down only when that change happened to a counted response (the town update reads the community
 * update's result: community row first, as everywhere). The response leaves results and exports with its
 * `counted` flag (its items and codes rows too); its row and hashes stay, which keeps the person refused.
 * Returns whether this call voided it.
 */
export async function voidResponseRow(
  tx: Executor,
  input: { id: string; at: Date; userId: number | null; reason: string },
): Promise<{ voided: boolean; released: boolean }> {
  const [row] = await queryRows<{ voided: number; released: number }>(
    tx,
    sql`
    with target as (
      select id, counted, wave_id, community_code, town_code from responses
      where id = ${input.id}::uuid and voided_at is null
      for update
    ), voided as (
      update responses r set voided_at = ${input.at.toISOString()}::timestamptz, voided_by = ${input.userId}::int,
        void_reason = ${input.reason}, counted = false
      from target where r.id = target.id and r.voided_at is null
      returning target.counted as was_counted, target.wave_id, target.community_code, target.town_code
    ), items as (
      update response_items set counted = false where response_id = ${input.id}::uuid and exists (select from voided)
    ), codes as (
      update response_codes set counted = false where response_id = ${input.id}::uuid and exists (select from voided)
    ), community as (
      update wave_communities wc set completed = wc.completed - 1
      from voided v
      where v.was_counted and wc.wave_id = v.wave_id and wc.community_code = v.community_code and wc.completed > 0
      returning 1
    ), town as (
      update wave_towns wt set completed = wt.completed - 1
      from voided v
      where exists (select from community) and wt.wave_id = v.wave_id and wt.town_code = v.town_code
        and wt.completed > 0
      returning 1
    )
    select (select count(*) from voided)::int as voided, (select count(*) from town)::int as released`,
  );
  return { voided: (row?.voided ?? 0) > 0, released: (row?.released ?? 0) > 0 };
}

/** The response row locked for a correction (its mode and state are checked under the lock). */
export async function lockResponse(
  tx: Executor,
  id: string,
): Promise<{ mode: ResponseRow["mode"]; voided: boolean; answers: Record<string, unknown> } | undefined> {
  const [row] = await queryRows<{ mode: ResponseRow["mode"]; voided: boolean; answers: Record<string, unknown> }>(
    tx,
    sql`select mode, voided_at is not null as voided, answers from responses where id = ${id}::uuid for update`,
  );
  return row;
}

/**
 * New answers of a response with their scored item rows and codes, in one statement: the results read the items
 * and codes, so they change with the answers. `counted` and the post-stratification cell stay as they were.
 */
export async function replaceAnswers(
  tx: Executor,
  input: { id: string; answers: Record<string, unknown>; items: readonly ScoredItemRow[]; codesHex: string; at: Date },
): Promise<void> {
  await tx.execute(sql`
    with response as (
      update responses set answers = ${JSON.stringify(input.answers)}::jsonb,
        corrected_at = ${input.at.toISOString()}::timestamptz
      where id = ${input.id}::uuid
      returning id, wave_id, town_code, counted
    ), removed as (
      delete from response_items where response_id = ${input.id}::uuid
    ), items as (
      insert into response_items (response_id, wave_id, town_code, question, dimension, domain, code, score, counted)
      select response.id, response.wave_id, response.town_code, item.question, item.dimension, item.domain,
        item.code, item.score, response.counted
      from response, jsonb_to_recordset(${JSON.stringify(input.items)}::jsonb)
        as item(question text, dimension text, domain text, code smallint, score real)
    )
    update response_codes set codes = decode(${input.codesHex}, 'hex') where response_id = ${input.id}::uuid`);
}

export async function setMinSecondsPerQuestion(db: Executor, waveId: number, seconds: number): Promise<void> {
  await db.execute(sql`update waves set min_seconds_per_question = ${seconds} where id = ${waveId}`);
}
