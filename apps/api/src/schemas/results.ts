/** TypeBox schemas of the results routes; the shapes are packages/contract/src/results-api.ts. */
import { Type } from "typebox";

const Num = Type.Number();
const NullableNum = Type.Union([Type.Number(), Type.Null()]);

export const EstimateSchema = Type.Object(
  { mean: Num, se: Num, ciLow: Num, ciHigh: Num, n: Type.Integer() },
  { description: "估计值（0–100）、标准误、95%置信区间和有效样本数" },
);
const EstimateMap = Type.Record(Type.String(), EstimateSchema);
const Weighting = Type.Union([Type.Literal("design"), Type.Literal("poststratified")]);
const WaveRefSchema = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  title: Type.String(),
  year: Type.Integer(),
});

const areaFields = {
  n: Type.Integer(),
  overall: EstimateSchema,
  dimensions: EstimateMap,
  domains: EstimateMap,
  items: EstimateMap,
};

const itemSummaryFields = {
  question: Type.String(),
  title: Type.String(),
  missingShare: Num,
  flagged: Type.Boolean(),
  satisfactionRate: Type.Union([EstimateSchema, Type.Null()]),
  designEffect: NullableNum,
  effectiveSampleSize: NullableNum,
};

const Labelled = Type.Object({ code: Type.String(), name: Type.String(), items: Type.Array(Type.String()) });

export const WaveResultsSchema = Type.Object({
  wave: WaveRefSchema,
  weighting: Weighting,
  district: Type.Object(areaFields),
  towns: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      population: Num,
      ...areaFields,
      rank: Type.Integer(),
      tier: Type.Union([Type.Literal("above"), Type.Literal("average"), Type.Literal("below")]),
      comparison: Type.Object({
        difference: Num,
        se: Num,
        ciLow: Num,
        ciHigh: Num,
        pValue: NullableNum,
        significance: Type.Union([Type.Literal("above"), Type.Literal("below"), Type.Literal("not_significant")]),
      }),
    }),
  ),
  items: Type.Array(Type.Object({ ...itemSummaryFields, dimension: Type.String(), domain: Type.String() })),
  overallItem: Type.Union([
    Type.Object({ ...itemSummaryFields, district: EstimateSchema, towns: EstimateMap }),
    Type.Null(),
  ]),
  dimensions: Type.Array(Labelled),
  domains: Type.Array(Labelled),
  excludedTowns: Type.Array(
    Type.Object({ code: Type.String(), name: Type.String(), n: Type.Integer(), reason: Type.String() }),
  ),
});

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

const Category = Type.Object({ value: Type.String(), label: Type.String() });

export const CrosstabVariablesSchema = Type.Array(
  Type.Object({
    name: Type.String(),
    label: Type.String(),
    group: Type.Union([
      Type.Literal("respondent"),
      Type.Literal("score"),
      Type.Literal("demographic"),
      Type.Literal("policy"),
      Type.Literal("satisfaction"),
    ]),
    categories: Type.Array(Category),
  }),
);

const VariableName = Type.String({ minLength: 1, maxLength: 100 });

export const CrosstabBody = Type.Object(
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

const Margin = Type.Object({
  value: Type.String(),
  label: Type.String(),
  percent: Num,
  weightedCount: Num,
  n: Type.Integer(),
});

export const CrosstabResultSchema = Type.Object({
  row: Type.Object({ name: Type.String(), label: Type.String() }),
  column: Type.Object({ name: Type.String(), label: Type.String() }),
  percent: Type.Union([Type.Literal("row"), Type.Literal("column")]),
  weighting: Weighting,
  rows: Type.Array(Margin),
  columns: Type.Array(Margin),
  cells: Type.Array(
    Type.Array(
      Type.Object({
        percent: Num,
        weightedCount: Num,
        n: Type.Integer(),
        residual: NullableNum,
        marked: Type.Boolean(),
      }),
    ),
  ),
  total: Type.Object({ weightedCount: Num, n: Type.Integer() }),
  raoScott: Type.Union([Type.Object({ f: Num, numeratorDf: Num, denominatorDf: Num, pValue: Num }), Type.Null()]),
  pearson: Type.Union([Type.Object({ chiSquare: Num, df: Type.Integer(), pValue: Num }), Type.Null()]),
  footnote: Type.String(),
});

// ---------------------------------------------------------------- waves over the years

const MeasureKind = Type.Union([
  Type.Literal("overall"),
  Type.Literal("dimension"),
  Type.Literal("domain"),
  Type.Literal("item"),
  Type.Literal("overall_item"),
]);

const Change = Type.Object({
  current: EstimateSchema,
  base: EstimateSchema,
  difference: Num,
  se: Num,
  ciLow: Num,
  ciHigh: Num,
  significant: Type.Boolean(),
});

export const CompareParams = Type.Object({
  waveId: Type.String({ maxLength: 40 }),
  baseWaveId: Type.String({ maxLength: 40 }),
});

export const WaveComparisonSchema = Type.Object({
  wave: WaveRefSchema,
  baseWave: WaveRefSchema,
  weighting: Weighting,
  measures: Type.Array(
    Type.Object({
      kind: MeasureKind,
      key: Type.String(),
      label: Type.String(),
      sameItems: Type.Boolean(),
      district: Change,
      towns: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), change: Change })),
    }),
  ),
});

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

const Point = Type.Object({ waveId: Type.Integer(), estimate: EstimateSchema });

export const TrendSeriesSchema = Type.Object({
  measure: Type.Object({ kind: MeasureKind, key: Type.String(), label: Type.String() }),
  weighting: Weighting,
  waves: Type.Array(WaveRefSchema),
  district: Type.Array(Point),
  towns: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), points: Type.Array(Point) })),
});
