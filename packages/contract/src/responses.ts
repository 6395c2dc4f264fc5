/**
 * Responses (office, admin): the list of a wave's questionnaires with their quality flags, one response read as
 * the questionnaire shows it, voiding one (its slot goes back, the person stays refused), correcting the answers
 * of a paper entry, and the office's quality threshold.
 */
import { type Static, Type } from "typebox";
import { Answers } from "./resident";

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

export const ResponseMode = Type.Union([Type.Literal("online"), Type.Literal("interviewer"), Type.Literal("import")]);
export type ResponseMode = Static<typeof ResponseMode>;

/** `counted`: in quota and results; `late`: submitted after its slot expired and found none free; `void`: voided. */
export const ResponseStatus = Type.Union([Type.Literal("counted"), Type.Literal("late"), Type.Literal("void")]);
export type ResponseStatus = Static<typeof ResponseStatus>;

/** `too_fast`: under the wave's seconds per answered question; `straight_lining`: the same answer to every
 * satisfaction item; `duplicate_entry`: a paper entry whose community, sex, birth year and answers repeat another's. */
export const QualityFlagName = Type.Union([
  Type.Literal("too_fast"),
  Type.Literal("straight_lining"),
  Type.Literal("duplicate_entry"),
]);
export type QualityFlagName = Static<typeof QualityFlagName>;

export const ResponseIdParams = Type.Object({ responseId: Type.String({ maxLength: 40 }) });
export type ResponseIdParams = Static<typeof ResponseIdParams>;

/** `GET /api/admin/waves/:waveId/responses?town&community&mode&status&flag&page&pageSize` (page from 1). */
export const ResponseListQuery = Type.Object(
  {
    town: Type.Optional(Type.String({ maxLength: 40 })),
    community: Type.Optional(Type.String({ maxLength: 40 })),
    mode: Type.Optional(ResponseMode),
    status: Type.Optional(ResponseStatus),
    flag: Type.Optional(QualityFlagName),
    page: Type.Optional(Type.String({ pattern: "^[1-9][0-9]{0,5}$" })),
    pageSize: Type.Optional(Type.String({ pattern: "^[1-9][0-9]{0,2}$" })),
  },
  { additionalProperties: false },
);
export type ResponseListQuery = Static<typeof ResponseListQuery>;

export const ResponseListItem = Type.Object({
  id: Type.String(),
  receiptCode: Type.String(),
  townCode: Type.String(),
  townName: Type.String(),
  communityCode: Type.String(),
  communityName: Type.String(),
  mode: ResponseMode,
  status: ResponseStatus,
  submittedAt: Type.String({ format: "date-time" }),
  /** Seconds from taking the slot to submitting (online only). */
  durationSeconds: Nullable(Type.Number()),
  flags: Type.Array(QualityFlagName),
  /** The answers were corrected after entry. */
  corrected: Type.Boolean(),
});
export type ResponseListItem = Static<typeof ResponseListItem>;

export const ResponsePage = Type.Object({
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  items: Type.Array(ResponseListItem),
});
export type ResponsePage = Static<typeof ResponsePage>;

/** `GET /api/admin/responses/:responseId` → 200: the response with its answers and the questionnaire it answers. */
export const ResponseDetail = Type.Object({
  ...ResponseListItem.properties,
  waveId: Type.Integer(),
  sex: Nullable(Type.Union([Type.Literal("male"), Type.Literal("female")])),
  birthYear: Nullable(Type.Integer()),
  ageGroup: Nullable(Type.String()),
  registered: Nullable(Type.Boolean()),
  answers: Answers,
  /** SurveyJS survey JSON of the questionnaire version the response answers. */
  definition: Type.Record(Type.String(), Type.Unknown()),
  enteredBy: Nullable(Type.String()),
  voided: Nullable(
    Type.Object({ at: Type.String({ format: "date-time" }), by: Nullable(Type.String()), reason: Type.String() }),
  ),
  correctedAt: Nullable(Type.String({ format: "date-time" })),
  /** Interviewer and paper-import entries that are not void; online answers are the resident's own. */
  correctable: Type.Boolean(),
});
export type ResponseDetail = Static<typeof ResponseDetail>;

const Reason = Type.String({ minLength: 2, maxLength: 500 });

/** `POST /api/admin/responses/:responseId/void` → 200 `ResponseDetail`; 409 `response_void` when already void. */
export const VoidResponseBody = Type.Object({ reason: Reason }, { additionalProperties: false });
export type VoidResponseBody = Static<typeof VoidResponseBody>;

/**
 * `PUT /api/admin/responses/:responseId/answers` → 200 `ResponseDetail`; 409 `online_answers_locked` for an
 * online response, 409 `response_void` for a void one, 422 `invalid_answers` as a submission.
 */
export const CorrectAnswersBody = Type.Object({ answers: Answers, reason: Reason }, { additionalProperties: false });
export type CorrectAnswersBody = Static<typeof CorrectAnswersBody>;

/** `GET /api/admin/waves/:waveId/responses/quality` → 200: counts for the monitor and the office's threshold. */
export const ResponseQuality = Type.Object({
  minSecondsPerQuestion: Type.Number(),
  statuses: Type.Object({ counted: Type.Integer(), late: Type.Integer(), void: Type.Integer() }),
  /** Responses that are not void, per flag. */
  flags: Type.Object({ too_fast: Type.Integer(), straight_lining: Type.Integer(), duplicate_entry: Type.Integer() }),
});
export type ResponseQuality = Static<typeof ResponseQuality>;

/** `PUT /api/admin/waves/:waveId/responses/quality` → 200 `ResponseQuality`; the threshold is kept to tenths of a second. */
export const QualitySettingsBody = Type.Object(
  { minSecondsPerQuestion: Type.Number({ minimum: 0, maximum: 120 }) },
  { additionalProperties: false },
);
export type QualitySettingsBody = Static<typeof QualitySettingsBody>;
