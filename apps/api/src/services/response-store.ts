import { randomInt } from "node:crypto";
import { type Executor, responseItems, responses } from "@survey/db";
import { scoreResponse } from "@survey/questionnaire";
import { pgConstraint, pgErrorCode } from "../data/retry";
import { AlreadyRespondedError } from "../errors";
import type { StoredQuestionnaire } from "./questionnaire-service";

/** Receipt codes avoid look-alike characters (0/O, 1/I/L) so a resident can read one out on the phone. */
const RECEIPT_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

export function newReceiptCode(): string {
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

/**
 * Writes a validated response and its scored items (one row per answered rating item) in the caller's
 * transaction. The unique indexes on the respondent hashes are the real one-response-per-person rule.
 */
export async function storeResponse(tx: Executor, input: NewResponse) {
  const scored = scoreResponse(input.questionnaire.scoring, input.answers);
  let row: typeof responses.$inferSelect | undefined;
  try {
    [row] = await tx
      .insert(responses)
      .values({
        waveId: input.waveId,
        questionnaireId: input.questionnaire.id,
        reservationId: input.reservationId ?? null,
        communityCode: input.communityCode,
        townCode: input.townCode,
        mode: input.mode,
        idHash: input.idHash ?? null,
        phoneHash: input.phoneHash ?? null,
        sex: input.sex ?? null,
        birthYear: input.birthYear ?? null,
        ageGroup: input.ageGroup ?? null,
        registered: input.registered ?? null,
        counted: input.counted,
        receiptCode: newReceiptCode(),
        answers: input.answers,
        startedAt: input.startedAt ?? null,
        submittedAt: input.submittedAt,
        enteredBy: input.enteredBy ?? null,
      })
      .returning();
  } catch (error) {
    const constraint = pgConstraint(error) ?? "";
    if (pgErrorCode(error) === "23505" && /one_per_(id|phone)/.test(constraint)) throw new AlreadyRespondedError();
    throw error;
  }
  if (!row) throw new Error("response insert returned nothing");
  const items = [...scored.items];
  if (scored.overall && input.questionnaire.scoring.overall) {
    items.push({
      question: input.questionnaire.scoring.overall.name,
      dimension: "overall" as never,
      domain: "overall" as never,
      code: scored.overall.code,
      score: scored.overall.score,
    });
  }
  if (items.length > 0) {
    await tx.insert(responseItems).values(
      items.map((item) => ({
        responseId: row.id,
        waveId: input.waveId,
        townCode: input.townCode,
        question: item.question,
        dimension: item.dimension,
        domain: item.domain,
        code: item.code,
        score: item.score,
        counted: input.counted,
      })),
    );
  }
  return row;
}
