/**
 * The objective indicator system (SPEC §4, STATISTICS §4): catalogue, values, the upload template and the
 * index. Scores and indices are 0–100; ranks are competition ranks (1 = best, ties share the place).
 */
import { DOMAIN_CODES } from "@survey/indices";
import { type Static, Type } from "typebox";
import { typed } from "./common";

const NullableFinite = Type.Union([Type.Number({ minimum: -1e15, maximum: 1e15 }), Type.Null()]);

/** A domain code (the same codes as the questionnaire items' `domain`); typed as text for the console's forms. */
const Domain = typed<string>(
  Type.Union(
    DOMAIN_CODES.map((code) => Type.Literal(code)),
    { description: "领域代码（与问卷题目的 domain 相同）" },
  ),
);
const Direction = Type.Union([Type.Literal("positive"), Type.Literal("negative"), Type.Literal("interval")], {
  description: "positive 正向（越大越好）/ negative 逆向（越小越好）/ interval 区间型（在最优区间内最好）",
});
const Level = Type.Union([Type.Literal("town"), Type.Literal("district")], {
  description: "town 街镇级（进入街镇指数）/ district 仅全区",
});
const Method = Type.Union([Type.Literal("threshold"), Type.Literal("target"), Type.Literal("minmax")], {
  description: "threshold 阈值法（L、U）/ target 目标值法（T）/ minmax 极差法（只反映当年相对位置）",
});
const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: "\\S" });

export type IndicatorDirection = Static<typeof Direction>;
export type IndicatorLevel = Static<typeof Level>;
/** threshold (阈值法, L and U), target (目标值法, T) or minmax (relative to the year's towns). */
export type IndicatorMethod = Static<typeof Method>;

const editable = {
  name: Text(100),
  domain: Domain,
  unit: Text(20),
  direction: Direction,
  level: Level,
  method: Method,
  /** Threshold method: L (worst value, scores 0) and U (best value, scores 100); for a negative indicator L > U. */
  lower: NullableFinite,
  upper: NullableFinite,
  /** Target method: T. */
  target: NullableFinite,
  /** Interval direction: 100 inside [intervalLow, intervalHigh]. */
  intervalLow: NullableFinite,
  intervalHigh: NullableFinite,
  /** Plausible range; uploads outside it are rejected. */
  minValue: NullableFinite,
  maxValue: NullableFinite,
  /** Expert weight inside its domain. */
  weight: Type.Number({ minimum: 0, maximum: 1000 }),
  /** Source department (来源部门). */
  department: Text(60),
  /** Plan target (规划目标值) of the early warning for the district figure; interval indicators use their band. */
  planTarget: NullableFinite,
  /** Plan target for the towns' values; null = the district's. */
  townPlanTarget: NullableFinite,
  /** The plan's end year the forecast projects to (null = 2030, the end of the 15th five-year plan). */
  planEndYear: Type.Union([Type.Integer({ minimum: 2000, maximum: 2100 }), Type.Null()]),
};

/** What a table of indicators shows of each. */
const indicatorSummary = {
  code: Type.String(),
  name: Type.String(),
  domain: Type.String(),
  unit: Type.String(),
  level: Level,
};

// ---------------------------------------------------------------- catalogue

export const IndicatorCodeParams = Type.Object({ code: Type.String({ maxLength: 60 }) });

/** `POST /api/admin/indicators` body (admin, office) → 201 IndicatorDefinition; 409 duplicate_code; 422 invalid_indicator. */
export const NewIndicator = Type.Object(
  {
    code: Type.String({ pattern: "^[a-z][a-z0-9_]{1,59}$", description: "小写字母开头，小写字母、数字和下划线" }),
    name: editable.name,
    domain: editable.domain,
    unit: editable.unit,
    direction: editable.direction,
    level: editable.level,
    department: editable.department,
    method: Type.Optional(editable.method),
    weight: Type.Optional(editable.weight),
    lower: Type.Optional(editable.lower),
    upper: Type.Optional(editable.upper),
    target: Type.Optional(editable.target),
    intervalLow: Type.Optional(editable.intervalLow),
    intervalHigh: Type.Optional(editable.intervalHigh),
    minValue: Type.Optional(editable.minValue),
    maxValue: Type.Optional(editable.maxValue),
    planTarget: Type.Optional(editable.planTarget),
    townPlanTarget: Type.Optional(editable.townPlanTarget),
    planEndYear: Type.Optional(editable.planEndYear),
  },
  { additionalProperties: false },
);
export type NewIndicator = Static<typeof NewIndicator>;

/** `PATCH /api/admin/indicators/:code` body (admin, office) → 200 IndicatorDefinition; 404 unknown_indicator. */
export const IndicatorUpdate = Type.Partial(Type.Object(editable), {
  additionalProperties: false,
  minProperties: 1,
});
export type IndicatorUpdate = Static<typeof IndicatorUpdate>;

export const IndicatorDefinition = Type.Object({
  code: Type.String(),
  ...editable,
  domain: Type.String(),
  /** Part of the demo catalogue (not yet reviewed by the office); an edit clears it. */
  demo: Type.Boolean({ description: "演示目录中的指标，尚未经社建办审定；修改后变为 false" }),
});
export type IndicatorDefinition = Static<typeof IndicatorDefinition>;

export const IndicatorDomainInfo = Type.Object({ code: Type.String(), name: Type.String() });
export type IndicatorDomainInfo = Static<typeof IndicatorDomainInfo>;

/** `GET /api/admin/indicators` → 200 (every signed-in role). */
export const IndicatorCatalogue = Type.Object({
  domains: Type.Array(IndicatorDomainInfo),
  indicators: Type.Array(IndicatorDefinition),
});
export type IndicatorCatalogue = Static<typeof IndicatorCatalogue>;

// ---------------------------------------------------------------- values

const YearText = Type.String({ pattern: "^\\d{4}$", description: "年份，如 2026" });

export const YearQuery = Type.Object({ year: YearText }, { additionalProperties: false });
export const OptionalYearQuery = Type.Object({ year: Type.Optional(YearText) }, { additionalProperties: false });

const NullableNumber = Type.Union([Type.Number(), Type.Null()]);
const NumberMap = Type.Record(Type.String(), NullableNumber);

/**
 * `GET /api/admin/indicators/values?year=` → 200 (admin, office, department; a department user limited to
 * domains sees only those indicators). One row per town, then the district row (`district`, 全区).
 */
export const IndicatorValuesTable = Type.Object({
  year: Type.Integer(),
  indicators: Type.Array(Type.Object(indicatorSummary)),
  rows: Type.Array(Type.Object({ unitCode: Type.String(), unitName: Type.String(), values: NumberMap })),
  /** Number of stored values shown. */
  count: Type.Integer(),
});
export type IndicatorValuesTable = Static<typeof IndicatorValuesTable>;

/**
 * `POST /api/admin/indicators/values?year=` — the template workbook (.xlsx; every sheet whose cell A2 is
 * 街镇代码 is read, year from the title in A1 or `?year`) or a CSV/.xlsx table with columns
 * `indicator_code, town_code, year, value`. All or nothing: 422 `invalid_file` with `details: IndicatorUploadProblem[]`.
 * Blank template cells leave stored values unchanged; a value for an indicator outside a department user's
 * domains is a row problem of the 422 (the whole file is refused), so the clerk sees every problem at once.
 */
export const IndicatorUploadResult = Type.Object({
  imported: Type.Integer({ description: "写入（新增或替换）的数值个数" }),
  years: Type.Array(Type.Integer()),
  indicators: Type.Integer(),
  units: Type.Integer({ description: "涉及的街镇数（全区计为一个）" }),
});
export type IndicatorUploadResult = Static<typeof IndicatorUploadResult>;

/** One entry of a refused upload's `details`. */
export const IndicatorUploadProblem = Type.Object({
  /** Worksheet name for a template workbook; null for a CSV or a flat table. */
  sheet: Type.Union([Type.String(), Type.Null()]),
  /** Row as seen in Excel (1-based); null for the file as a whole. */
  row: Type.Union([Type.Integer(), Type.Null()]),
  /** Column letter (workbook) or header name (table). */
  column: Type.Union([Type.String(), Type.Null()]),
  message: Type.String(),
});
export type IndicatorUploadProblem = Static<typeof IndicatorUploadProblem>;

// ---------------------------------------------------------------- index

export const IndexQuery = Type.Object(
  {
    year: YearText,
    weighting: Type.Optional(
      Type.Union([Type.Literal("equal"), Type.Literal("expert"), Type.Literal("entropy")], {
        description: "equal 等权（默认）/ expert 专家权重 / entropy 熵权（敏感性分析）",
      }),
    ),
    baseYear: Type.Optional(Type.String({ pattern: "^\\d{4}$", description: "基期年份：给出时计算进步指数" })),
  },
  { additionalProperties: false },
);

export type IndexWeighting = NonNullable<Static<typeof IndexQuery>["weighting"]>;

export const ProgressFigure = Type.Object({
  base: NullableNumber,
  current: NullableNumber,
  progressIndex: Type.Union([Type.Number(), Type.Null()], { description: "(S_t / S_base − 1)·100" }),
  pointChange: Type.Union([Type.Number(), Type.Null()], { description: "S_t − S_base（分）" }),
});
export type ProgressFigure = Static<typeof ProgressFigure>;

export const TownIndexRow = Type.Object({
  townCode: Type.String(),
  townName: Type.String(),
  /** Normalised 0–100 score per town-level indicator; null when the value is missing. */
  indicatorScores: NumberMap,
  domainIndices: NumberMap,
  composite: NullableNumber,
  /** By composite; null when the town has no values. */
  rank: Type.Union([Type.Integer(), Type.Null()]),
  missingIndicators: Type.Array(Type.String()),
  /** Present when `baseYear` was asked for. */
  progress: Type.Union([
    Type.Object({
      composite: ProgressFigure,
      domains: Type.Record(Type.String(), ProgressFigure),
      /** Indicators present in only one of the two years (their absence shifts the renormalised weights). */
      indicatorSetChanged: Type.Array(Type.String()),
    }),
    Type.Null(),
  ]),
});
export type TownIndexRow = Static<typeof TownIndexRow>;

export const DistrictIndexRow = Type.Object({
  indicatorScores: NumberMap,
  domainIndices: NumberMap,
  composite: NullableNumber,
  missingIndicators: Type.Array(Type.String()),
  progress: Type.Union([ProgressFigure, Type.Null()]),
});
export type DistrictIndexRow = Static<typeof DistrictIndexRow>;

/**
 * `GET /api/admin/indicators/index?year=&weighting=equal|expert|entropy&baseYear=` → 200 (admin, office).
 * 422 `progress_not_comparable` when a base year is asked for with entropy weights or min–max indicators.
 */
export const IndicatorIndexReport = Type.Object({
  year: Type.Integer(),
  weighting: typed<IndexWeighting>(Type.String()),
  baseYear: Type.Union([Type.Integer(), Type.Null()]),
  /** False under entropy weights or with min–max indicators: this year's figures are relative to this year's towns. */
  comparableAcrossYears: Type.Boolean(),
  domains: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), weight: Type.Number() })),
  /** Every indicator; town-level ones make the town index, all with a district figure the district index. */
  indicators: Type.Array(
    Type.Object({
      ...indicatorSummary,
      method: Method,
      /** Weight used inside its domain (for district-level indicators: in the district index). */
      weight: Type.Number(),
      /** Entropy e_j under entropy weighting. */
      entropy: NullableNumber,
    }),
  ),
  towns: Type.Array(TownIndexRow),
  /** The district's own index from the district figures (null under entropy weights: no cross-section). */
  district: Type.Union([DistrictIndexRow, Type.Null()]),
  /** Chinese remarks for the reader (weights fell back to equal, indicators left out of the district index …). */
  notes: Type.Array(Type.String()),
});
export type IndicatorIndexReport = Static<typeof IndicatorIndexReport>;
