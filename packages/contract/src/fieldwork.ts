/**
 * Fieldwork (staff, office, admin): the monitor, its live stream and export, the QR posters, and paper
 * questionnaires entered one by one or imported from a table.
 */
import { type Static, Type } from "typebox";
import { Answers, Receipt } from "./resident";

// ---------------------------------------------------------------- monitor

export const CommunityCounts = Type.Object({
  /** No completed questionnaire yet. */
  empty: Type.Integer(),
  /** completed ≥ cap. */
  full: Type.Integer(),
  /** completed < cap / 2 (includes the empty ones). */
  belowHalf: Type.Integer(),
});
export type CommunityCounts = Static<typeof CommunityCounts>;

/**
 * Where a town will be at the closing date, forecast from its whole history (see `forecastCompletion` in
 * @survey/stats for the method): the pace of every day since fieldwork began, bulk imports included once.
 */
export const TownProjection = Type.Object({
  /** Counted completions per day since fieldwork began (the whole history). */
  perDay: Type.Number(),
  /** Counted completions per day over the last 7 days (for comparison; not used for the forecast). */
  recentPerDay: Type.Number(),
  /** Forecast count at the closing date (rounded down), capped at the target and at the communities' room. */
  projected: Type.Integer(),
  /** 95 % prediction interval of the count at the closing date (rounded down / up, same caps). */
  projectedLow: Type.Integer(),
  projectedHigh: Type.Integer(),
  /** reached · likely (even the low bound reaches the target) · uncertain · unlikely (the forecast falls short). */
  likelihood: Type.Union([
    Type.Literal("reached"),
    Type.Literal("likely"),
    Type.Literal("uncertain"),
    Type.Literal("unlikely"),
  ]),
  /** The communities' caps add up to less than the target: no pace can reach it without raising caps. */
  capacityShort: Type.Boolean(),
  /** Date (YYYY-MM-DD, Asia/Shanghai) the target is reached at the whole-history pace; null when reached or the pace is 0. */
  expectedCompletionDate: Type.Union([Type.String(), Type.Null()]),
  /** The wave has a closing date and the town is unlikely to reach its target by then. */
  atRisk: Type.Boolean(),
});
export type TownProjection = Static<typeof TownProjection>;

/** A community of the town that can still take questionnaires: where to recruit next. */
export const RecruitCommunity = Type.Object({
  code: Type.String(),
  name: Type.String(),
  /** cap − completed − held. */
  room: Type.Integer(),
});
export type RecruitCommunity = Static<typeof RecruitCommunity>;

export const FieldworkTown = Type.Object({
  code: Type.String(),
  name: Type.String(),
  target: Type.Integer(),
  completed: Type.Integer(),
  /** Slots held by residents who are answering right now. */
  reserved: Type.Integer(),
  /** completed / target, 0–1. */
  fillRate: Type.Number(),
  communities: CommunityCounts,
  projection: TownProjection,
  /** Free places left in all its communities (cap − completed − held). */
  roomLeft: Type.Integer(),
  /** Up to 5 communities with the most room, most first; empty once the target is reached. */
  recruitIn: Type.Array(RecruitCommunity),
});
export type FieldworkTown = Static<typeof FieldworkTown>;

export const FieldworkCommunity = Type.Object({
  code: Type.String(),
  name: Type.String(),
  townCode: Type.String(),
  cap: Type.Integer(),
  completed: Type.Integer(),
  reserved: Type.Integer(),
});
export type FieldworkCommunity = Static<typeof FieldworkCommunity>;

export const DailyCompletions = Type.Object({
  /** YYYY-MM-DD in Asia/Shanghai. */
  date: Type.String(),
  /** Counted responses submitted that day. */
  count: Type.Integer(),
});
export type DailyCompletions = Static<typeof DailyCompletions>;

/** Share of one category in the sample and in the population (0–1; null when unknown). */
export const CompositionShare = Type.Object({
  category: Type.String(),
  sample: Type.Integer(),
  sampleShare: Type.Number(),
  populationShare: Type.Union([Type.Number(), Type.Null()]),
});
export type CompositionShare = Static<typeof CompositionShare>;

export const TownComposition = Type.Object({
  townCode: Type.String(),
  /** Counted responses of the town. */
  n: Type.Integer(),
  /** `male`, `female`, and `unknown` when responses lack it (paper forms). */
  sex: Type.Array(CompositionShare),
  /** Age groups as stored on responses (e.g. `18-29`), plus `unknown`. */
  ageGroup: Type.Array(CompositionShare),
  /** `registered` (户籍) / `unregistered` (非户籍) / `unknown`; population share is not known (null). */
  registered: Type.Array(CompositionShare),
  /**
   * Where the population shares come from: `town` = this town's town_population_cells;
   * `district` = the sum of every town's cells (the town has none); `none` = no population cells at all.
   */
  populationSource: Type.Union([Type.Literal("town"), Type.Literal("district"), Type.Literal("none")]),
});
export type TownComposition = Static<typeof TownComposition>;

/** A category whose share of the sample is at least 5 percentage points away from its population share. */
export const CompositionGap = Type.Object({
  dimension: Type.Union([Type.Literal("sex"), Type.Literal("ageGroup")]),
  category: Type.String(),
  sampleShare: Type.Number(),
  populationShare: Type.Number(),
  /** sampleShare − populationShare (negative: under-represented). */
  difference: Type.Number(),
});
export type CompositionGap = Static<typeof CompositionGap>;

/**
 * The whole sample of the visible towns (unweighted counts) against the adult population of those towns
 * (every town's sex × age cells summed). Registration has no population share (not in the cells).
 */
export const DistrictComposition = Type.Object({
  n: Type.Integer(),
  sex: Type.Array(CompositionShare),
  ageGroup: Type.Array(CompositionShare),
  registered: Type.Array(CompositionShare),
  /** `district` when any population cells exist for the visible towns, else `none`. */
  populationSource: Type.Union([Type.Literal("district"), Type.Literal("none")]),
  /** Categories off by ≥ 5 points, largest gap first. */
  gaps: Type.Array(CompositionGap),
});
export type DistrictComposition = Static<typeof DistrictComposition>;

/** Reservations held right now in one community, against its usual level. */
export const HeldCommunity = Type.Object({
  code: Type.String(),
  name: Type.String(),
  townCode: Type.String(),
  /** Active, unexpired reservations now. */
  heldNow: Type.Integer(),
  /** Time-averaged held count over the past 7 days (up to an hour ago), 0–∞. */
  usual: Type.Number(),
  /** Far above its usual level (see `isHeldSpike` in @survey/stats). */
  spike: Type.Boolean(),
});
export type HeldCommunity = Static<typeof HeldCommunity>;

/**
 * `GET /api/admin/waves/:waveId/fieldwork` → 200. A staff user limited to towns sees only those towns
 * (and their communities, days and composition). 404 `unknown_wave`.
 * `GET …/fieldwork/events` streams the same summary (`event: summary`) whenever a town's counts change.
 */
export const FieldworkSummary = Type.Object({
  wave: Type.Object({
    id: Type.Integer(),
    code: Type.String(),
    title: Type.String(),
    status: Type.Union([Type.Literal("draft"), Type.Literal("open"), Type.Literal("closed")]),
    closesAt: Type.Union([Type.String({ format: "date-time" }), Type.Null()]),
  }),
  /** When the summary was computed (server clock). */
  generatedAt: Type.String({ format: "date-time" }),
  totals: Type.Object({ target: Type.Integer(), completed: Type.Integer(), reserved: Type.Integer() }),
  towns: Type.Array(FieldworkTown),
  communities: Type.Array(FieldworkCommunity),
  daily: Type.Array(DailyCompletions),
  composition: Type.Array(TownComposition),
  district: DistrictComposition,
  /** Communities holding reservations now or with a spike, spikes first then most held; at most 20. */
  held: Type.Array(HeldCommunity),
});
export type FieldworkSummary = Static<typeof FieldworkSummary>;

// ---------------------------------------------------------------- paper questionnaires

/** `POST /api/admin/waves/:waveId/interviews` → 201 `Receipt`: one paper questionnaire entered by staff. */
export const InterviewBody = Type.Object(
  {
    communityCode: Type.String({ maxLength: 40 }),
    idNumber: Type.Optional(Type.String({ maxLength: 64 })),
    phone: Type.Optional(Type.String({ maxLength: 32 })),
    sex: Type.Optional(Type.Union([Type.Literal("male"), Type.Literal("female")])),
    ageGroup: Type.Optional(Type.String({ maxLength: 10 })),
    answers: Answers,
  },
  { additionalProperties: false },
);
export type InterviewBody = Static<typeof InterviewBody>;

export const InterviewReply = Receipt;
export type InterviewReply = Receipt;

/** `POST /api/admin/waves/:waveId/responses/import` → 200 (all rows or none). */
export const ImportReply = Type.Object({ imported: Type.Integer(), counted: Type.Integer() });
export type ImportReply = Static<typeof ImportReply>;
