/**
 * The indicator system as the district uses it (SPEC §3a, §4 "Early warning and forecast", STATISTICS §8):
 * warnings against plan targets, trend forecasts, sibling districts (兄弟区), recommendations for rectification
 * (整改建议), and the departments' submissions of the year's values.
 */
import { type Static, Type } from "typebox";

const YearText = Type.String({ pattern: "^\\d{4}$", description: "年份，如 2026" });
const Code = Type.String({ maxLength: 60 });
const NullableNumber = Type.Union([Type.Number(), Type.Null()]);
const NullableString = Type.Union([Type.String(), Type.Null()]);
const DateText = Type.String({ format: "date", description: "YYYY-MM-DD" });

export const WarningStatus = Type.Union([Type.Literal("met"), Type.Literal("near"), Type.Literal("missed")], {
  description: "met 达标 / near 接近（差距在目标值的 5% 以内）/ missed 未达标",
});
export type WarningStatus = Static<typeof WarningStatus>;

// ---------------------------------------------------------------- warnings

export const WarningsQuery = Type.Object(
  {
    year: YearText,
    domain: Type.Optional(Code),
    department: Type.Optional(Type.String({ maxLength: 60 })),
    /** A town code, or `district` for the district figures only. */
    town: Type.Optional(Code),
  },
  { additionalProperties: false },
);
export type WarningsQuery = Static<typeof WarningsQuery>;

const indicatorFacts = {
  indicatorCode: Type.String(),
  indicatorName: Type.String(),
  domain: Type.String(),
  department: Type.String(),
  unit: Type.String(),
  direction: Type.Union([Type.Literal("positive"), Type.Literal("negative"), Type.Literal("interval")]),
  /** null = the district figure. */
  townCode: NullableString,
  townName: Type.String(),
  /** The plan target T; null for an interval indicator (see targetLow/targetHigh). */
  target: NullableNumber,
  targetLow: NullableNumber,
  targetHigh: NullableNumber,
};

/** One value against its plan target. */
export const IndicatorWarning = Type.Object({
  ...indicatorFacts,
  value: Type.Number(),
  status: WarningStatus,
  /** 恶化: moved away from the target two years running. */
  worsening: Type.Boolean(),
  /** The two years before, oldest first (null when missing). */
  previous: Type.Array(Type.Object({ year: Type.Integer(), value: NullableNumber })),
});
export type IndicatorWarning = Static<typeof IndicatorWarning>;

/**
 * `GET /api/admin/indicators/warnings?year=&domain=&department=&town=` → 200 (admin, office; a department user
 * sees its own indicators only, a town-scoped staff user its towns). Values of indicators with a plan target.
 */
export const IndicatorWarnings = Type.Array(IndicatorWarning);
export type IndicatorWarnings = Static<typeof IndicatorWarnings>;

// ---------------------------------------------------------------- forecast

export const ForecastQuery = Type.Object(
  {
    year: YearText,
    endYear: Type.Optional(YearText),
    indicator: Type.Optional(Code),
    town: Type.Optional(Code),
  },
  { additionalProperties: false },
);
export type ForecastQuery = Static<typeof ForecastQuery>;

const ProjectedPoint = Type.Object({
  year: Type.Integer(),
  fit: Type.Number(),
  low: Type.Number(),
  high: Type.Number(),
});

export const IndicatorForecast = Type.Object({
  ...indicatorFacts,
  endYear: Type.Integer(),
  /** Yearly values up to the asked year. */
  history: Type.Array(Type.Object({ year: Type.Integer(), value: Type.Number() })),
  /** Null with fewer than 3 values (no forecast). */
  projected: NullableNumber,
  low: NullableNumber,
  high: NullableNumber,
  /** First year the trend meets the target, up to the end year; null = not by the end year (or no forecast). */
  reachesTargetIn: Type.Union([Type.Integer(), Type.Null()]),
  /** The fitted line with its 95 % prediction interval from the first year to the end year. */
  path: Type.Array(ProjectedPoint),
  slope: NullableNumber,
  /** A Chinese sentence: where the trend leads. */
  summary: Type.String(),
});
export type IndicatorForecast = Static<typeof IndicatorForecast>;

/** `GET /api/admin/indicators/forecast?year=&endYear=&indicator=&town=` → 200 (as warnings). */
export const IndicatorForecasts = Type.Array(IndicatorForecast);
export type IndicatorForecasts = Static<typeof IndicatorForecasts>;

// ---------------------------------------------------------------- sibling districts

/** `POST /api/admin/benchmarks/import` (CSV/XLSX `district_code, district_name, indicator_code, year, value`). */
export const BenchmarkImportResult = Type.Object({
  districts: Type.Integer(),
  values: Type.Integer(),
});
export type BenchmarkImportResult = Static<typeof BenchmarkImportResult>;

const Position = {
  own: NullableNumber,
  rank: Type.Union([Type.Integer(), Type.Null()]),
  of: Type.Integer(),
  othersMean: NullableNumber,
  gap: NullableNumber,
  ahead: Type.Union([Type.Boolean(), Type.Null()]),
};

export const BenchmarkReport = Type.Object({
  year: Type.Integer(),
  ownName: Type.String(),
  districts: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), demo: Type.Boolean() })),
  indicators: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      domain: Type.String(),
      unit: Type.String(),
      direction: Type.String(),
      ...Position,
      /** Raw values per district code (the district's own under `district`). */
      values: Type.Record(Type.String(), NullableNumber),
    }),
  ),
  domains: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      ...Position,
      scores: Type.Record(Type.String(), NullableNumber),
    }),
  ),
  composite: Type.Object({ ...Position, scores: Type.Record(Type.String(), NullableNumber) }),
});
export type BenchmarkReport = Static<typeof BenchmarkReport>;

export const BenchmarkQuery = Type.Object({ year: YearText }, { additionalProperties: false });

// ---------------------------------------------------------------- recommendations

export const RecommendationBasis = Type.Union([
  Type.Object(
    {
      kind: Type.Union([Type.Literal("warning"), Type.Literal("forecast")]),
      indicatorCode: Code,
      /** null = the district figure. */
      townCode: Type.Union([Code, Type.Null()]),
      year: Type.Integer({ minimum: 2000, maximum: 2100 }),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      kind: Type.Literal("weakness"),
      townCode: Code,
      domain: Code,
      year: Type.Integer({ minimum: 2000, maximum: 2100 }),
    },
    { additionalProperties: false },
  ),
]);
export type RecommendationBasis = Static<typeof RecommendationBasis>;

export const RecommendationAddressee = Type.Union([
  Type.Object({ department: Type.String({ minLength: 1, maxLength: 60 }) }, { additionalProperties: false }),
  Type.Object({ townCode: Code }, { additionalProperties: false }),
]);
export type RecommendationAddressee = Static<typeof RecommendationAddressee>;

export const NewRecommendation = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 120, pattern: "\\S" }),
    body: Type.String({ minLength: 1, maxLength: 4000, pattern: "\\S" }),
    basis: RecommendationBasis,
    addressee: RecommendationAddressee,
    dueDate: DateText,
  },
  { additionalProperties: false },
);
export type NewRecommendation = Static<typeof NewRecommendation>;

export const RecommendationStatus = Type.Union(
  [Type.Literal("open"), Type.Literal("in_progress"), Type.Literal("done")],
  { description: "open 待整改 / in_progress 整改中 / done 已完成" },
);
export type RecommendationStatus = Static<typeof RecommendationStatus>;

export const RecommendationResponse = Type.Object(
  { status: RecommendationStatus, measures: Type.String({ maxLength: 4000 }) },
  { additionalProperties: false },
);
export type RecommendationResponse = Static<typeof RecommendationResponse>;

/** One figure of the basis: the basis year and the next year, and whether it improved. */
export const BasisFigure = Type.Object({
  label: Type.String(),
  unit: Type.String(),
  before: NullableNumber,
  after: NullableNumber,
  /** 95 % confidence interval of a satisfaction figure. */
  afterCi: Type.Union([Type.Object({ low: Type.Number(), high: Type.Number() }), Type.Null()]),
  beforeCi: Type.Union([Type.Object({ low: Type.Number(), high: Type.Number() }), Type.Null()]),
  /** null when next year's figure is not in yet. */
  improved: Type.Union([Type.Boolean(), Type.Null()]),
});
export type BasisFigure = Static<typeof BasisFigure>;

export const Recommendation = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  body: Type.String(),
  basis: RecommendationBasis,
  /** The basis in words, e.g. “2026年 泖港镇 家庭医生签约覆盖率 未达标”. */
  basisLabel: Type.String(),
  addressee: RecommendationAddressee,
  addresseeName: Type.String(),
  dueDate: Type.String(),
  status: RecommendationStatus,
  measures: Type.String(),
  overdue: Type.Boolean(),
  createdAt: Type.String({ format: "date-time" }),
  respondedAt: Type.Union([Type.String({ format: "date-time" }), Type.Null()]),
  /** The basis year + 1. */
  nextYear: Type.Integer(),
  figures: Type.Array(BasisFigure),
  /** Whether the signed-in user may answer it. */
  canRespond: Type.Boolean(),
});
export type Recommendation = Static<typeof Recommendation>;

export const RecommendationList = Type.Array(Recommendation);
export type RecommendationList = Static<typeof RecommendationList>;

export const RecommendationIdParams = Type.Object({ id: Type.String({ maxLength: 12 }) });

// ---------------------------------------------------------------- submissions

export const DepartmentSubmission = Type.Object({
  department: Type.String(),
  indicators: Type.Integer(),
  expected: Type.Integer({ description: "应填数值个数（街镇级指标每个街镇一个，加全区数值）" }),
  submitted: Type.Integer(),
  lastSubmittedAt: Type.Union([Type.String({ format: "date-time" }), Type.Null()]),
  status: Type.Union([Type.Literal("complete"), Type.Literal("partial"), Type.Literal("missing")]),
  /** Submitted after the due date, or still incomplete once it has passed. */
  late: Type.Boolean(),
});
export type DepartmentSubmission = Static<typeof DepartmentSubmission>;

export const ValueChange = Type.Object({
  indicatorCode: Type.String(),
  indicatorName: Type.String(),
  department: Type.String(),
  townCode: Type.String(),
  townName: Type.String(),
  year: Type.Integer(),
  oldValue: NullableNumber,
  newValue: Type.Number(),
  changedAt: Type.String({ format: "date-time" }),
  changedBy: NullableString,
});
export type ValueChange = Static<typeof ValueChange>;

/** `GET /api/admin/indicators/submissions?year=` → 200 (admin, office). */
export const SubmissionReport = Type.Object({
  year: Type.Integer(),
  dueDate: Type.String(),
  departments: Type.Array(DepartmentSubmission),
  /** Changes of values already supplied (old → new), newest first; first submissions are not listed. */
  changes: Type.Array(ValueChange),
});
export type SubmissionReport = Static<typeof SubmissionReport>;

/** `PUT /api/admin/indicators/submissions/deadline` `{year, dueDate}` → 200 SubmissionReport (admin, office). */
export const SubmissionDeadline = Type.Object(
  { year: Type.Integer({ minimum: 2000, maximum: 2100 }), dueDate: DateText },
  { additionalProperties: false },
);
export type SubmissionDeadline = Static<typeof SubmissionDeadline>;
