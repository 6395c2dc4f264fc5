import type {
  CorrectAnswersBody,
  QualityFlagName,
  ResponseDetail,
  ResponseListItem,
  ResponseMode,
  ResponsePage,
  ResponseQuality,
  ResponseStatus,
  SessionUser,
} from "@survey/contract";
import { maskAnswers } from "@survey/identity";
import { type FlaggedResponse, qualityFlags, validateAnswers } from "@survey/questionnaire";
import { canAccessTown } from "../../platform/auth/scopes";
import type { Deps } from "../../platform/deps";
import {
  InvalidAnswersError,
  OnlineAnswersLockedError,
  ResponseVoidError,
  UnknownResponseError,
} from "../../platform/errors";
import { withTransactionRetry } from "../../platform/transaction-retry";
import { type AuditSource, recordAudit } from "../accounts";
import { responseCodesHex } from "../analysis";
import { loadQuestionnaireById, questionnaireOfWave } from "../questionnaires";
import { scoredItemRows } from "../resident";
import { requireWave } from "../waves";
import {
  findResponse,
  listWaveResponses,
  lockResponse,
  type ResponseRow,
  replaceAnswers,
  setMinSecondsPerQuestion,
  voidResponseRow,
} from "./data/responses";

export type ResponsesDeps = Pick<Deps, "db" | "now">;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function statusOf(row: ResponseRow): ResponseStatus {
  if (row.voidedAt) return "void";
  return row.counted ? "counted" : "late";
}

const toFlagged = (row: ResponseRow): FlaggedResponse => ({
  id: row.id,
  mode: row.mode,
  communityCode: row.communityCode,
  sex: row.sex,
  birthYear: row.birthYear,
  answers: row.answers,
  startedAt: row.startedAt,
  submittedAt: row.submittedAt,
  voided: row.voidedAt !== null,
});

/** A wave's responses with the quality flags of each: the duplicate rule compares every response with the others. */
async function flaggedResponses(db: Deps["db"], waveId: number) {
  const wave = await requireWave(db, waveId);
  const rows = await listWaveResponses(db, wave.id);
  const questionnaire = wave.questionnaireId === null ? null : await questionnaireOfWave(db, wave);
  const flags = qualityFlags(rows.map(toFlagged), {
    satisfactionItems: questionnaire?.scoring.items.map((item) => item.name) ?? [],
    minSecondsPerQuestion: wave.minSecondsPerQuestion,
  });
  return { wave, rows, flagsOf: (row: ResponseRow) => flags.get(row.id) ?? [] };
}

function listItem(row: ResponseRow, flags: QualityFlagName[]): ResponseListItem {
  return {
    id: row.id,
    receiptCode: row.receiptCode,
    townCode: row.townCode,
    townName: row.townName,
    communityCode: row.communityCode,
    communityName: row.communityName,
    mode: row.mode,
    status: statusOf(row),
    submittedAt: row.submittedAt.toISOString(),
    durationSeconds: row.startedAt ? Math.round((row.submittedAt.getTime() - row.startedAt.getTime()) / 1000) : null,
    flags,
    corrected: row.correctedAt !== null,
  };
}

export interface ResponseFilters {
  town?: string;
  community?: string;
  mode?: ResponseMode;
  status?: ResponseStatus;
  flag?: QualityFlagName;
  page: number;
  pageSize: number;
}

export async function listResponses(
  deps: ResponsesDeps,
  waveId: number,
  filters: ResponseFilters,
): Promise<ResponsePage> {
  const { rows, flagsOf } = await flaggedResponses(deps.db, waveId);
  const matching = rows.filter(
    (row) =>
      (filters.town === undefined || row.townCode === filters.town) &&
      (filters.community === undefined || row.communityCode === filters.community) &&
      (filters.mode === undefined || row.mode === filters.mode) &&
      (filters.status === undefined || statusOf(row) === filters.status) &&
      (filters.flag === undefined || flagsOf(row).includes(filters.flag)),
  );
  const start = (filters.page - 1) * filters.pageSize;
  return {
    total: matching.length,
    page: filters.page,
    pageSize: filters.pageSize,
    items: matching.slice(start, start + filters.pageSize).map((row) => listItem(row, flagsOf(row))),
  };
}

/** Counts for the monitor: statuses, and flags among the responses that are not void; staff see their towns. */
export async function responseQuality(
  deps: ResponsesDeps,
  user: SessionUser,
  waveId: number,
): Promise<ResponseQuality> {
  const { wave, rows, flagsOf } = await flaggedResponses(deps.db, waveId);
  const quality: ResponseQuality = {
    minSecondsPerQuestion: wave.minSecondsPerQuestion,
    statuses: { counted: 0, late: 0, void: 0 },
    flags: { too_fast: 0, straight_lining: 0, duplicate_entry: 0 },
  };
  for (const row of rows) {
    if (!canAccessTown(user, row.townCode)) continue;
    const status = statusOf(row);
    quality.statuses[status] += 1;
    if (status !== "void") for (const flag of flagsOf(row)) quality.flags[flag] += 1;
  }
  return quality;
}

export async function setQualityThreshold(
  deps: ResponsesDeps,
  user: SessionUser,
  source: AuditSource,
  waveId: number,
  minSecondsPerQuestion: number,
): Promise<ResponseQuality> {
  const wave = await requireWave(deps.db, waveId);
  // Tenths of a second are all a threshold means; a value like 5e-324 would not fit the stored real either.
  const threshold = Math.round(minSecondsPerQuestion * 10) / 10;
  await deps.db.transaction(async (tx) => {
    await setMinSecondsPerQuestion(tx, wave.id, threshold);
    await recordAudit(tx, source, "wave.quality_threshold", `wave:${wave.id}`, {
      from: wave.minSecondsPerQuestion,
      to: threshold,
    });
  });
  return responseQuality(deps, user, wave.id);
}

async function requireResponse(db: Deps["db"], id: string): Promise<ResponseRow> {
  const row = UUID.test(id) ? await findResponse(db, id) : undefined;
  if (!row) throw new UnknownResponseError();
  return row;
}

export async function responseDetail(deps: ResponsesDeps, id: string): Promise<ResponseDetail> {
  const row = await requireResponse(deps.db, id);
  const { flagsOf } = await flaggedResponses(deps.db, row.waveId);
  const questionnaire = await loadQuestionnaireById(deps.db, row.questionnaireId);
  return {
    ...listItem(row, flagsOf(row)),
    waveId: row.waveId,
    sex: row.sex,
    birthYear: row.birthYear,
    ageGroup: row.ageGroup,
    registered: row.registered,
    answers: row.answers,
    definition: questionnaire.definition,
    enteredBy: row.enteredBy,
    voided: row.voidedAt ? { at: row.voidedAt.toISOString(), by: row.voidedBy, reason: row.voidReason ?? "" } : null,
    correctedAt: row.correctedAt?.toISOString() ?? null,
    correctable: row.mode !== "online" && row.voidedAt === null,
  };
}

/**
 * Voids a response: it leaves results and exports, its slot (if it held one) goes back in the same statement, and
 * it stays stored with its person's hashes so that the person cannot answer again. Of concurrent voids exactly
 * one succeeds; the others are told it is void already.
 */
export async function voidResponse(
  deps: ResponsesDeps,
  source: AuditSource,
  id: string,
  reason: string,
): Promise<ResponseDetail> {
  const row = await requireResponse(deps.db, id);
  await withTransactionRetry(() =>
    deps.db.transaction(async (tx) => {
      const outcome = await voidResponseRow(tx, { id: row.id, at: deps.now(), userId: source.actor.userId, reason });
      if (!outcome.voided) throw new ResponseVoidError();
      await recordAudit(tx, source, "response.void", `response:${row.id}`, {
        receiptCode: row.receiptCode,
        waveId: row.waveId,
        townCode: row.townCode,
        communityCode: row.communityCode,
        mode: row.mode,
        reason,
        slotReleased: outcome.released,
      });
    }),
  );
  return responseDetail(deps, row.id);
}

/**
 * New answers for a paper entry (interviewer or import), checked as a submission is; online answers are the
 * resident's own and refused. The earlier answers go into the audit log with the reason.
 */
export async function correctAnswers(
  deps: ResponsesDeps,
  source: AuditSource,
  id: string,
  body: CorrectAnswersBody,
): Promise<ResponseDetail> {
  const row = await requireResponse(deps.db, id);
  if (row.mode === "online") throw new OnlineAnswersLockedError();
  if (row.voidedAt) throw new ResponseVoidError();
  const questionnaire = await loadQuestionnaireById(deps.db, row.questionnaireId);
  const problems = validateAnswers(questionnaire.definition, body.answers, { complete: true });
  if (problems.length > 0) throw new InvalidAnswersError({ details: problems });
  // Corrected free text is stored masked like every other answer (an ID number or phone typed into it is not kept).
  const answers = maskAnswers(body.answers);
  const items = scoredItemRows(questionnaire, answers);
  await withTransactionRetry(() =>
    deps.db.transaction(async (tx) => {
      const locked = await lockResponse(tx, row.id);
      if (!locked) throw new UnknownResponseError();
      if (locked.voided) throw new ResponseVoidError();
      await replaceAnswers(tx, {
        id: row.id,
        answers,
        items,
        codesHex: responseCodesHex(questionnaire.scoring, items),
        at: deps.now(),
      });
      const questions = new Set([...Object.keys(locked.answers), ...Object.keys(answers)]);
      const changed = [...questions].filter(
        (name) => JSON.stringify(locked.answers[name]) !== JSON.stringify(answers[name]),
      );
      await recordAudit(tx, source, "response.correct", `response:${row.id}`, {
        receiptCode: row.receiptCode,
        waveId: row.waveId,
        reason: body.reason,
        changed,
        previousAnswers: locked.answers,
      });
    }),
  );
  return responseDetail(deps, row.id);
}
