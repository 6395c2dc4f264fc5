/**
 * Subjective against objective (SPEC §4, STATISTICS §5): each town's satisfaction beside its objective index,
 * ranked and correlated, with quadrants, shared weaknesses and a plain reading; and the overview per domain.
 */
import { DOMAIN_CODES } from "@survey/indices";
import { type Static, Type } from "typebox";
import { typed } from "./common";
import type { IndexWeighting } from "./indicators";
import type { Weighting } from "./results";

const YearText = Type.String({ pattern: "^\\d{4}$", description: "指标数值的年份，默认为调查年份" });
const ObjectiveWeighting = Type.Union([Type.Literal("equal"), Type.Literal("expert"), Type.Literal("entropy")], {
  description: "客观指数的权重：equal 等权（默认）/ expert 专家权重 / entropy 熵权",
});
const Poststratify = Type.Union([Type.Literal("true"), Type.Literal("false")], {
  description: "满意度是否做事后分层加权（默认否）",
});

const common = {
  year: Type.Optional(YearText),
  weighting: Type.Optional(ObjectiveWeighting),
  poststratify: Type.Optional(Poststratify),
};

/** `?domain=<domain code>|overall&year=&weighting=&poststratify=` */
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

/** `?year=&weighting=&poststratify=` */
export const OverviewQuery = Type.Object(common, { additionalProperties: false });

const WaveRef = Type.Object({ id: Type.Integer(), code: Type.String(), title: Type.String(), year: Type.Integer() });
const NullableNumber = Type.Union([Type.Number(), Type.Null()]);
const TownRef = Type.Object({ townCode: Type.String(), townName: Type.String() });
/** The two weightings as sent: plain strings in the schema, one of a few words in fact. */
const SatisfactionWeighting = typed<Weighting>(Type.String());
const ObjectiveIndexWeighting = typed<IndexWeighting>(Type.String());

export const Quadrant = Type.Union([
  Type.Literal("strength"),
  Type.Literal("satisfaction_high_objective_low"),
  Type.Literal("objective_high_satisfaction_low"),
  Type.Literal("shared_weakness"),
]);
export type Quadrant = Static<typeof Quadrant>;

export const ComparisonTown = Type.Object({
  townCode: Type.String(),
  townName: Type.String(),
  /** Satisfaction score 0–100 for the domain (or overall). */
  satisfaction: NullableNumber,
  /** 95 % CI of the satisfaction score when the results service provides it. */
  satisfactionCi: typed<[number, number] | null>(
    Type.Union([Type.Array(Type.Number(), { minItems: 2, maxItems: 2 }), Type.Null()]),
  ),
  /** Objective domain index (or composite) 0–100. */
  objective: NullableNumber,
});
export type ComparisonTown = Static<typeof ComparisonTown>;

export const RankCorrelation = Type.Object({
  /** ρ (Spearman, mid-ranks) or τ_b (Kendall). */
  value: Type.Number(),
  /** Two-sided, as R's cor.test; null when undefined. */
  pValue: NullableNumber,
  pValueMethod: Type.String(),
  n: Type.Integer(),
  ties: Type.Boolean(),
});
export type RankCorrelation = Static<typeof RankCorrelation>;

export const ComparisonRankRow = Type.Object({
  townCode: Type.String(),
  townName: Type.String(),
  satisfaction: Type.Number(),
  objective: Type.Number(),
  satisfactionRank: Type.Integer(),
  objectiveRank: Type.Integer(),
  /** satisfactionRank − objectiveRank: positive when residents rate the town lower than its indicators do. */
  difference: Type.Integer({ description: "满意度排名 − 客观指数排名" }),
  /** |difference| ≥ 5 */
  flagged: Type.Boolean({ description: "|差| ≥ 5" }),
});
export type ComparisonRankRow = Static<typeof ComparisonRankRow>;

/**
 * `GET /api/admin/waves/:waveId/comparison?domain=<domain code>|overall&year=&weighting=&poststratify=` → 200
 * (office, admin). `domain` defaults to overall, `year` (of the indicator values) to the wave's year, `weighting`
 * (of the objective index) to equal. 422 `comparison_unavailable` (with the reason) when fewer than 3 towns
 * have both figures or one of them does not vary; 409 `no_results` when the wave has no results yet.
 */
export const ComparisonReport = Type.Object({
  wave: WaveRef,
  year: Type.Integer(),
  domain: Type.Object({ code: Type.String(), name: Type.String() }),
  /** Satisfaction: design-based estimates of the results service, design or post-stratified weights. */
  satisfactionWeighting: SatisfactionWeighting,
  /** Indicator weighting of the objective index. */
  objectiveWeighting: ObjectiveIndexWeighting,
  towns: Type.Array(ComparisonTown),
  n: Type.Integer(),
  /** Towns without one of the two figures. */
  excluded: Type.Array(Type.String()),
  /** Compared towns with fewer counted responses than their sample target: marked wherever they are ranked. */
  belowTarget: Type.Array(
    Type.Object({ townCode: Type.String(), townName: Type.String(), n: Type.Integer(), target: Type.Integer() }),
  ),
  spearman: RankCorrelation,
  kendall: RankCorrelation,
  /** The quadrant split: the means over the compared towns. */
  means: Type.Object({ satisfaction: Type.Number(), objective: Type.Number() }),
  rankTable: Type.Array(ComparisonRankRow),
  quadrantLabels: typed<Record<Quadrant, string>>(Type.Record(Type.String(), Type.String())),
  quadrants: Type.Array(
    Type.Object({ townCode: Type.String(), townName: Type.String(), quadrant: Quadrant, label: Type.String() }),
  ),
  /** 共同短板: bottom-k agreement and the both-low quadrant. */
  consensusWeaknesses: Type.Object({
    k: Type.Integer(),
    satisfactionBottom: Type.Array(Type.String()),
    objectiveBottom: Type.Array(Type.String()),
    /** In both bottom groups. */
    overlap: Type.Array(TownRef),
    /** Hypergeometric P(overlap ≥ observed) if the two rankings were unrelated. */
    probability: Type.Number(),
    expectedByChance: Type.Number(),
    /** Below both means (quadrant shared_weakness). */
    bothLow: Type.Array(TownRef),
  }),
  /** Towns whose two ranks differ by 5 or more places, with a Chinese explanation. */
  disagreements: Type.Array(Type.Object({ ...ComparisonRankRow.properties, explanation: Type.String() })),
  reading: Type.Object({
    level: Type.Union([Type.Literal("high"), Type.Literal("moderate"), Type.Literal("weak")]),
    label: Type.String(),
    opposite: Type.Boolean(),
  }),
  /** Plain-language Chinese summary; `footnote` carries the exact statistics. */
  summary: Type.Object({ sentence: Type.String(), footnote: Type.String() }),
});
export type ComparisonReport = Static<typeof ComparisonReport>;

/** `GET /api/admin/waves/:waveId/comparison/overview?year=&weighting=&poststratify=` → 200: one line per domain. */
export const ComparisonOverview = Type.Object({
  wave: WaveRef,
  year: Type.Integer(),
  satisfactionWeighting: SatisfactionWeighting,
  objectiveWeighting: ObjectiveIndexWeighting,
  /** Every domain, then `overall` (satisfaction overall score against the composite index). */
  domains: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      n: Type.Integer(),
      /** null when fewer than 3 towns have both figures (`reason` says why). */
      rho: NullableNumber,
      pValue: NullableNumber,
      tau: NullableNumber,
      kendallPValue: NullableNumber,
      /** 高度一致 / 中度一致 / 较弱 … */
      reading: Type.Union([Type.String(), Type.Null()]),
      sharedWeaknesses: Type.Array(Type.String()),
      reason: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
});
export type ComparisonOverview = Static<typeof ComparisonOverview>;
