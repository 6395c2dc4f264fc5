import { DOMAIN_CODES } from "@survey/indices";
import { Type } from "typebox";

const YearText = Type.String({ pattern: "^\\d{4}$", description: "指标数值的年份，默认为调查年份" });
const Weighting = Type.Union([Type.Literal("equal"), Type.Literal("expert"), Type.Literal("entropy")], {
  description: "客观指数的权重：equal 等权（默认）/ expert 专家权重 / entropy 熵权",
});
const Poststratify = Type.Union([Type.Literal("true"), Type.Literal("false")], {
  description: "满意度是否做事后分层加权（默认否）",
});

const common = {
  year: Type.Optional(YearText),
  weighting: Type.Optional(Weighting),
  poststratify: Type.Optional(Poststratify),
};

export const ComparisonQuery = Type.Object(
  {
    ...common,
    domain: Type.Optional(
      Type.Union([...DOMAIN_CODES.map((code) => Type.Literal(code)), Type.Literal("overall")], {
        description: "领域代码，或 overall（总体满意度对综合指数，默认）",
      }),
    ),
  },
  { additionalProperties: false },
);

export const OverviewQuery = Type.Object(common, { additionalProperties: false });

const WaveRef = Type.Object({ id: Type.Integer(), code: Type.String(), title: Type.String(), year: Type.Integer() });
const NullableNumber = Type.Union([Type.Number(), Type.Null()]);
const TownRef = Type.Object({ townCode: Type.String(), townName: Type.String() });
const Quadrant = Type.Union([
  Type.Literal("strength"),
  Type.Literal("satisfaction_high_objective_low"),
  Type.Literal("objective_high_satisfaction_low"),
  Type.Literal("shared_weakness"),
]);
const Correlation = Type.Object({
  value: Type.Number(),
  pValue: NullableNumber,
  pValueMethod: Type.String(),
  n: Type.Integer(),
  ties: Type.Boolean(),
});
const RankRow = Type.Object({
  townCode: Type.String(),
  townName: Type.String(),
  satisfaction: Type.Number(),
  objective: Type.Number(),
  satisfactionRank: Type.Integer(),
  objectiveRank: Type.Integer(),
  difference: Type.Integer({ description: "满意度排名 − 客观指数排名" }),
  flagged: Type.Boolean({ description: "|差| ≥ 5" }),
});

export const ComparisonReport = Type.Object({
  wave: WaveRef,
  year: Type.Integer(),
  domain: Type.Object({ code: Type.String(), name: Type.String() }),
  satisfactionWeighting: Type.String(),
  objectiveWeighting: Type.String(),
  towns: Type.Array(
    Type.Object({
      townCode: Type.String(),
      townName: Type.String(),
      satisfaction: NullableNumber,
      satisfactionCi: Type.Union([Type.Array(Type.Number(), { minItems: 2, maxItems: 2 }), Type.Null()]),
      objective: NullableNumber,
    }),
  ),
  n: Type.Integer(),
  excluded: Type.Array(Type.String()),
  spearman: Correlation,
  kendall: Correlation,
  means: Type.Object({ satisfaction: Type.Number(), objective: Type.Number() }),
  rankTable: Type.Array(RankRow),
  quadrantLabels: Type.Record(Type.String(), Type.String()),
  quadrants: Type.Array(
    Type.Object({ townCode: Type.String(), townName: Type.String(), quadrant: Quadrant, label: Type.String() }),
  ),
  consensusWeaknesses: Type.Object({
    k: Type.Integer(),
    satisfactionBottom: Type.Array(Type.String()),
    objectiveBottom: Type.Array(Type.String()),
    overlap: Type.Array(TownRef),
    probability: Type.Number(),
    expectedByChance: Type.Number(),
    bothLow: Type.Array(TownRef),
  }),
  disagreements: Type.Array(Type.Object({ ...RankRow.properties, explanation: Type.String() })),
  reading: Type.Object({
    level: Type.Union([Type.Literal("high"), Type.Literal("moderate"), Type.Literal("weak")]),
    label: Type.String(),
    opposite: Type.Boolean(),
  }),
  summary: Type.Object({ sentence: Type.String(), footnote: Type.String() }),
});

export const ComparisonOverview = Type.Object({
  wave: WaveRef,
  year: Type.Integer(),
  satisfactionWeighting: Type.String(),
  objectiveWeighting: Type.String(),
  domains: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      n: Type.Integer(),
      rho: NullableNumber,
      pValue: NullableNumber,
      tau: NullableNumber,
      kendallPValue: NullableNumber,
      reading: Type.Union([Type.String(), Type.Null()]),
      sharedWeaknesses: Type.Array(Type.String()),
      reason: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
});
