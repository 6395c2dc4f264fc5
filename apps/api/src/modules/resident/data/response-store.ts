import { randomInt } from "node:crypto";
import { type Executor, namedStatement, param } from "@survey/db";
import { maskAnswers } from "@survey/identity";
import { scoreResponse } from "@survey/questionnaire";
import { sql } from "drizzle-orm";
import { AlreadyRespondedError } from "../../../platform/errors";
import { insertResponseCodesCte, responseCodesHex } from "../../analysis";
import type { StoredQuestionnaire } from "../../questionnaires";
import { forgetRespondentOfReservation, recordRespondentKeys } from "./respondent-keys";

/** Receipt codes avoid look-alike characters (0/O, 1/I/L) so a resident can read one out on the phone. */
const RECEIPT_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

function newReceiptCode(): string {
  let code = "";
  for (let i = 0; i < 10; i++) code += RECEIPT_ALPHABET[randomInt(RECEIPT_ALPHABET.length)];
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

export interface NewResponse {
  waveId: number;
  questionnaire: StoredQuestionnaire;
  reservationId?: string;
  communityCode: string;
  townCode: string;
  mode: "online" | "interviewer" | "import";
  idHash?: string | null;
  phoneHash?: string | null;
  sex?: "male" | "female" | null;
  birthYear?: number | null;
  ageGroup?: string | null;
  registered?: boolean | null;
  counted: boolean;
  answers: Record<string, unknown>;
  startedAt?: Date | null;
  submittedAt: Date;
  enteredBy?: number | null;
}

/** What the resident (or the clerk) gets back: enough to show the receipt. */
export interface StoredResponse {
  id: string;
  receiptCode: string;
  counted: boolean;
}

const insertResponse = namedStatement<StoredResponse, Record<string, unknown>>(
  "store_response",
  sql`
  with response as (
    insert into responses (wave_id, questionnaire_id, reservation_id, community_code, town_code, mode,
      sex, birth_year, age_group, registered, counted, receipt_code, answers, started_at,
      submitted_at, entered_by)
    values (${param("waveId")}::int, ${param("questionnaireId")}::int, ${param("reservationId")}::uuid,
      ${param("communityCode")}::text, ${param("townCode")}::text, ${param("mode")}::text,
      ${param("sex")}::text, ${param("birthYear")}::int, ${param("ageGroup")}::text,
      ${param("registered")}::boolean, ${param("counted")}::boolean, ${param("receiptCode")}::text,
      ${param("answers")}::jsonb, ${param("startedAt")}::timestamptz, ${param("submittedAt")}::timestamptz,
      ${param("enteredBy")}::int)
    returning id, receipt_code, counted, wave_id, town_code
  ), items as (
    insert into response_items (response_id, wave_id, town_code, question, dimension, domain, code, score, counted)
    select response.id, response.wave_id, response.town_code, item.question, item.dimension, item.domain,
      item.code, item.score, response.counted
    from response, jsonb_to_recordset(${param("items")}::jsonb)
      as item(question text, dimension text, domain text, code smallint, score real)
  ), codes as (${insertResponseCodesCte})
  select id, receipt_code as "receiptCode", counted from response`,
);

export interface ScoredItemRow {
  question: string;
  dimension: string;
  domain: string;
  code: number;
  score: number | null;
}

/** The `response_items` rows of a response's answers: its rating items and the overall question. */
export function scoredItemRows(questionnaire: StoredQuestionnaire, answers: Record<string, unknown>): ScoredItemRow[] {
  const scored = scoreResponse(questionnaire.scoring, answers);
  const items: ScoredItemRow[] = [...scored.items];
  if (scored.overall && questionnaire.scoring.overall) {
    const { name } = questionnaire.scoring.overall;
    items.push({ question: name, dimension: "overall", domain: "overall", ...scored.overall });
  }
  return items;
}

/**
 * Writes a validated response and its scored items (one row per answered rating item) in the caller's
 * transaction, as one statement: the response insert feeds the item insert in a data-modifying CTE, so a
 * submission costs one round trip however many items it has. Who answered is recorded apart from what they
 * answered (respondent_key_sets, the real one-response-per-person rule); a reservation that became this
 * response forgets the person.
 */
export async function storeResponse(tx: Executor, input: NewResponse): Promise<StoredResponse> {
  const person = { idHash: input.idHash ?? null, phoneHash: input.phoneHash ?? null };
  if (!(await recordRespondentKeys(tx, input.waveId, person))) throw new AlreadyRespondedError();
  const items = scoredItemRows(input.questionnaire, input.answers);
  const optional = <T>(value: T | undefined) => value ?? null;
  const [row] = await insertResponse(tx, {
    waveId: input.waveId,
    questionnaireId: input.questionnaire.id,
    reservationId: optional(input.reservationId),
    communityCode: input.communityCode,
    townCode: input.townCode,
    mode: input.mode,
    sex: optional(input.sex),
    birthYear: optional(input.birthYear),
    ageGroup: optional(input.ageGroup),
    registered: optional(input.registered),
    counted: input.counted,
    receiptCode: newReceiptCode(),
    // ID numbers and phones typed into free text never reach the database (SPEC §6).
    answers: JSON.stringify(maskAnswers(input.answers)),
    startedAt: input.startedAt ? input.startedAt.toISOString() : null,
    submittedAt: input.submittedAt.toISOString(),
    enteredBy: optional(input.enteredBy),
    items: JSON.stringify(items),
    codesHex: responseCodesHex(input.questionnaire.scoring, items),
  });
  if (!row) throw new Error("response insert returned nothing");
  if (input.reservationId) {
    await forgetRespondentOfReservation(tx, { id: input.reservationId, waveId: input.waveId, ...person });
  }
  return row;
}
