/**
 * Satisfaction results (STATISTICS.md §1–3): per-town and district scores, cross-tabs, comparisons
 * between waves, trends, and the exports. Every score is on the 0–100 scale; shares are 0–1 unless the
 * field says percent. District figures are weighted by town population (design weight N_h/n_h, with fpc);
 * a town's figures are its own.
 */
import { type Static, Type } from "typebox";

const Num = Type.Number();
const NullableNum = Type.Union([Type.Number(), Type.Null()]);

/** A point estimate with its standard error, 95 % confidence interval (± 1.96·SE) and unweighted n. */
export const Estimate = Type.Object(
  { mean: Num, se: Num, ciLow: Num, ciHigh: Num, n: Type.Integer() },
  { description: "估计值（0–100）、标准误、95%置信区间和有效样本数" },
);
export type Estimate = Static<typeof Estimate>;

const EstimateMap = Type.Record(Type.String(), Estimate);

export const Weighting = Type.Union([Type.Literal("design"), Type.Literal("poststratified")]);
export type Weighting = Static<typeof Weighting>;

export const WaveRef = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  title: Type.String(),
  year: Type.Integer(),
});
export type WaveRef = Static<typeof WaveRef>;

/** Scores of one area (a town or the district): the SPEC §3a shape. Keys are dimension, domain and question codes. */
const areaFields = {
  /** Counted responses. */
  n: Type.Integer(),
  /** Overall score: weighted mean of the dimension scores. */
  overall: Estimate,
  dimensions: EstimateMap,
  domains: EstimateMap,
  /** Mean score of each satisfaction item (the separate overall question is in `overallItem`). */
  items: EstimateMap,
};
export const AreaScores = Type.Object(areaFields);
export type AreaScores = Static<typeof AreaScores>;

export const Significance = Type.Union([Type.Literal("above"), Type.Literal("below"), Type.Literal("not_significant")]);
export type Significance = Static<typeof Significance>;

/** A difference of two estimates with its standard error and 95 % confidence interval. */
const differenceFields = { difference: Num, se: Num, ciLow: Num, ciHigh: Num };

/** Town minus district on the overall score: d_h = ȳ_h − Σ W_g ȳ_g, Var = (1−W_h)²V_h + Σ_{g≠h} W_g² V_g. */
export const DistrictDifference = Type.Object({
  ...differenceFields,
  pValue: NullableNum,
  significance: Significance,
});
export type DistrictDifference = Static<typeof DistrictDifference>;

/** Ranking tier from the CI of the difference with the district (rankings are published as tiers). */
export const TownTier = Type.Union([Type.Literal("above"), Type.Literal("average"), Type.Literal("below")]);
export type TownTier = Static<typeof TownTier>;

export const TownResult = Type.Object({
  code: Type.String(),
  name: Type.String(),
  /** N_h: the town's adult population (sum of its sex × age cells when imported, else the frame population). */
  population: Num,
  ...areaFields,
  /** 1 = highest overall score; ties share a rank. */
  rank: Type.Integer(),
  tier: TownTier,
  comparison: DistrictDifference,
  /** The wave's sample target for the town. */
  target: Type.Integer(),
  /** Fewer counted responses (n) than the target: marked wherever the town is ranked, with a footnote. */
  belowTarget: Type.Boolean(),
});
export type TownResult = Static<typeof TownResult>;

/** District-level diagnostics of one satisfaction item. */
const itemSummaryFields = {
  question: Type.String(),
  title: Type.String(),
  /** Unweighted share (0–1) of counted respondents without a valid answer (don't know, not applicable, blank). */
  missingShare: Num,
  /** missingShare > 20 %. */
  flagged: Type.Boolean(),
  /** 满意率: weighted percent (0–100) of valid answers that are 4 or 5; null when nobody answered validly. */
  satisfactionRate: Type.Union([Estimate, Type.Null()]),
  /** Design variance over the simple-random-sample variance of the mean score; null when undefined. */
  designEffect: NullableNum,
  effectiveSampleSize: NullableNum,
};

export const ItemSummary = Type.Object({ ...itemSummaryFields, dimension: Type.String(), domain: Type.String() });
export type ItemSummary = Static<typeof ItemSummary>;

/** The separate overall question (总体满意度), not part of any dimension or domain score; `towns` by town code. */
export const OverallItemResult = Type.Object({ ...itemSummaryFields, district: Estimate, towns: EstimateMap });
export type OverallItemResult = Static<typeof OverallItemResult>;

export const LabelledCode = Type.Object({ code: Type.String(), name: Type.String() });
export type LabelledCode = Static<typeof LabelledCode>;

/** A dimension or domain with the questions it is made of. */
const Labelled = Type.Object({ ...LabelledCode.properties, items: Type.Array(Type.String()) });

export const ExcludedTown = Type.Object({
  code: Type.String(),
  name: Type.String(),
  n: Type.Integer(),
  /** Why the town has no figures (Chinese). */
  reason: Type.String(),
});
export type ExcludedTown = Static<typeof ExcludedTown>;

/** `GET /api/admin/waves/:waveId/results[?poststratify=true]` → 200. */
export const WaveResults = Type.Object({
  wave: WaveRef,
  weighting: Weighting,
  district: AreaScores,
  towns: Type.Array(TownResult),
  items: Type.Array(ItemSummary),
  overallItem: Type.Union([OverallItemResult, Type.Null()]),
  /** Labels in questionnaire order; `items` lists the questions of each dimension. */
  dimensions: Type.Array(Labelled),
  domains: Type.Array(Labelled),
  /** Towns of the wave with fewer than two counted responses (no variance can be estimated). */
  excludedTowns: Type.Array(ExcludedTown),
});
export type WaveResults = Static<typeof WaveResults>;

export const PoststratifyQuery = Type.Object(
  {
    poststratify: Type.Optional(
      Type.Union([Type.Literal("true"), Type.Literal("false")], {
        description: "true：按街镇×性别×年龄组人口做事后分层加权（需已导入人口结构表）",
      }),
    ),
  },
  { additionalProperties: false },
);

// ---------------------------------------------------------------- cross-tabs

export const CrosstabCategory = Type.Object({ value: Type.String(), label: Type.String() });
export type CrosstabCategory = Static<typeof CrosstabCategory>;

export const CrosstabVariableGroup = Type.Union([
  Type.Literal("respondent"),
  Type.Literal("score"),
  Type.Literal("demographic"),
  Type.Literal("policy"),
  Type.Literal("satisfaction"),
]);
export type CrosstabVariableGroup = Static<typeof CrosstabVariableGroup>;

export const CrosstabVariable = Type.Object({
  name: Type.String(),
  label: Type.String(),
  group: CrosstabVariableGroup,
  categories: Type.Array(CrosstabCategory),
});
export type CrosstabVariable = Static<typeof CrosstabVariable>;

/** `GET /api/admin/waves/:waveId/crosstab/variables` → 200. */
export const CrosstabVariables = Type.Array(CrosstabVariable);

const VariableName = Type.String({ minLength: 1, maxLength: 100 });

/** `POST /api/admin/waves/:waveId/crosstab`; filters keep respondents whose variable is one of the values. */
export const CrosstabRequest = Type.Object(
  {
    row: VariableName,
    column: VariableName,
    filters: Type.Optional(
      Type.Record(VariableName, Type.Array(Type.String({ maxLength: 100 }), { minItems: 1, maxItems: 200 })),
    ),
    percent: Type.Union([Type.Literal("row"), Type.Literal("column")]),
    poststratify: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type CrosstabRequest = Static<typeof CrosstabRequest>;

/** `GET /api/admin/waves/:waveId/crosstab.xlsx`: the request as query parameters, `filters` as JSON text. */
export const CrosstabXlsxQuery = Type.Object(
  {
    row: VariableName,
    column: VariableName,
    percent: Type.Union([Type.Literal("row"), Type.Literal("column")]),
    poststratify: Type.Optional(Type.Union([Type.Literal("true"), Type.Literal("false")])),
    filters: Type.Optional(Type.String({ maxLength: 20000 })),
  },
  { additionalProperties: false },
);
export type CrosstabXlsxQuery = Static<typeof CrosstabXlsxQuery>;

export const CrosstabMargin = Type.Object({
  ...CrosstabCategory.properties,
  /** Weighted percent of the whole table. */
  percent: Num,
  weightedCount: Num,
  n: Type.Integer(),
});
export type CrosstabMargin = Static<typeof CrosstabMargin>;

export const CrosstabCellResult = Type.Object({
  /** Weighted row or column percent (0–100), as requested. */
  percent: Num,
  /** Estimated population count Σw. */
  weightedCount: Num,
  /** Unweighted respondents. */
  n: Type.Integer(),
  /** Adjusted standardised residual of the unweighted table. */
  residual: NullableNum,
  /** |residual| > 1.96: see `footnote`. */
  marked: Type.Boolean(),
});
export type CrosstabCellResult = Static<typeof CrosstabCellResult>;

export const CrosstabResult = Type.Object({
  row: Type.Object({ name: Type.String(), label: Type.String() }),
  column: Type.Object({ name: Type.String(), label: Type.String() }),
  percent: Type.Union([Type.Literal("row"), Type.Literal("column")]),
  weighting: Weighting,
  rows: Type.Array(CrosstabMargin),
  columns: Type.Array(CrosstabMargin),
  /** cells[i][j] for rows[i] × columns[j]. */
  cells: Type.Array(Type.Array(CrosstabCellResult)),
  total: Type.Object({ weightedCount: Num, n: Type.Integer() }),
  /** Rao–Scott second-order corrected F (R svychisq); null for a table with one row or column. */
  raoScott: Type.Union([Type.Object({ f: Num, numeratorDf: Num, denominatorDf: Num, pValue: Num }), Type.Null()]),
  /** Unweighted Pearson χ², for reference. */
  pearson: Type.Union([Type.Object({ chiSquare: Num, df: Type.Integer(), pValue: Num }), Type.Null()]),
  footnote: Type.String(),
});
export type CrosstabResult = Static<typeof CrosstabResult>;

// ---------------------------------------------------------------- waves over the years

export const MeasureKind = Type.Union([
  Type.Literal("overall"),
  Type.Literal("dimension"),
  Type.Literal("domain"),
  Type.Literal("item"),
  Type.Literal("overall_item"),
]);
export type MeasureKind = Static<typeof MeasureKind>;

const measureFields = {
  kind: MeasureKind,
  /** Dimension, domain or question code; "overall" for the overall score. */
  key: Type.String(),
  label: Type.String(),
};
export const Measure = Type.Object(measureFields);
export type Measure = Static<typeof Measure>;

/** This wave against the base wave; independent samples, so Var(d) = V_this + V_base. */
export const EstimateChange = Type.Object({
  current: Estimate,
  base: Estimate,
  ...differenceFields,
  /** The 95 % CI of the difference excludes 0. */
  significant: Type.Boolean(),
});
export type EstimateChange = Static<typeof EstimateChange>;

export const MeasureComparison = Type.Object({
  ...measureFields,
  /** For dimensions and domains: both waves' questionnaires give it the same items. */
  sameItems: Type.Boolean(),
  district: EstimateChange,
  towns: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), change: EstimateChange })),
});
export type MeasureComparison = Static<typeof MeasureComparison>;

export const CompareParams = Type.Object({
  waveId: Type.String({ maxLength: 40 }),
  baseWaveId: Type.String({ maxLength: 40 }),
});

/** `GET /api/admin/waves/:waveId/compare/:baseWaveId[?poststratify=true]` → 200. */
export const WaveComparison = Type.Object({
  wave: WaveRef,
  baseWave: WaveRef,
  weighting: Weighting,
  measures: Type.Array(MeasureComparison),
});
export type WaveComparison = Static<typeof WaveComparison>;

export const TrendQuery = Type.Object(
  {
    question: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    dimension: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    domain: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    overall: Type.Optional(Type.Literal("true")),
    poststratify: Type.Optional(Type.Union([Type.Literal("true"), Type.Literal("false")])),
  },
  { additionalProperties: false },
);

export const TrendPoint = Type.Object({ waveId: Type.Integer(), estimate: Estimate });
export type TrendPoint = Static<typeof TrendPoint>;

/**
 * `GET /api/admin/trends?question=<q>` (or `dimension=<d>`, `domain=<d>`, `overall=true`) → 200: the measure
 * in every wave whose questionnaire has it and that has results, oldest first.
 */
export const TrendSeries = Type.Object({
  measure: Measure,
  weighting: Weighting,
  waves: Type.Array(WaveRef),
  district: Type.Array(TrendPoint),
  towns: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), points: Type.Array(TrendPoint) })),
});
export type TrendSeries = Static<typeof TrendSeries>;
