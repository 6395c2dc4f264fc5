import { hypergeometricUpper } from "./distributions";
import { type KendallResult, kendall } from "./kendall";
import { competitionRanks } from "./ranks";
import { type SpearmanResult, spearman } from "./spearman";

/** One town's satisfaction score and objective index for one domain (or overall), each computed independently. */
export interface TownScores {
  townCode: string;
  satisfaction: number | null;
  objective: number | null;
}

export interface RankRow {
  townCode: string;
  satisfaction: number;
  objective: number;
  /** 1 = highest; ties share the best place (1, 2, 2, 4). */
  satisfactionRank: number;
  objectiveRank: number;
  /** satisfactionRank − objectiveRank: positive when residents rate the town lower than its indicators. */
  difference: number;
  /** |difference| ≥ the flag threshold (default 5 places). */
  flagged: boolean;
}

export type Quadrant =
  | "strength"
  | "satisfaction_high_objective_low"
  | "objective_high_satisfaction_low"
  | "shared_weakness";

export const QUADRANT_LABELS: Readonly<Record<Quadrant, string>> = {
  strength: "优势领先（满意度与客观指标均较好）",
  satisfaction_high_objective_low: "满意度较高、客观指标偏弱",
  objective_high_satisfaction_low: "客观指标较好、满意度偏低（服务或沟通落差）",
  shared_weakness: "共同短板（满意度与客观指标均偏弱）",
};

export interface QuadrantRow {
  townCode: string;
  quadrant: Quadrant;
  label: string;
}

export interface BottomOverlap {
  /** Requested k; a group is larger when towns tie with its k-th lowest value. */
  k: number;
  satisfactionBottom: string[];
  objectiveBottom: string[];
  /** Towns in both bottom groups: weaknesses on which both measures agree. */
  overlap: string[];
  /** Hypergeometric P(overlap ≥ observed) if the two bottom groups were unrelated. */
  probability: number;
  /** Mean overlap by chance: |A|·|B|/N. */
  expectedByChance: number;
}

export interface Comparison {
  n: number;
  /** Towns left out because one of the two figures is missing. */
  excluded: string[];
  spearman: SpearmanResult;
  kendall: KendallResult;
  means: { satisfaction: number; objective: number };
  rankTable: RankRow[];
  quadrants: QuadrantRow[];
  bottomOverlap: BottomOverlap;
}

export interface ComparisonOptions {
  /** Bottom-k for the agreement on weaknesses; default 5. */
  bottomK?: number;
  /** Rank difference that is flagged; default 5. */
  rankDifferenceFlag?: number;
}

/** Subjective against objective across towns (STATISTICS §5). Needs at least 3 towns with both figures. */
export function compareSubjectiveObjective(towns: readonly TownScores[], options: ComparisonOptions = {}): Comparison {
  if (new Set(towns.map((t) => t.townCode)).size !== towns.length) throw new Error("duplicate town in comparison");
  const complete = towns.filter(
    (t): t is TownScores & { satisfaction: number; objective: number } =>
      t.satisfaction !== null &&
      t.objective !== null &&
      Number.isFinite(t.satisfaction) &&
      Number.isFinite(t.objective),
  );
  if (complete.length < 3) throw new RangeError("comparison needs at least 3 towns with both figures");
  const codes = complete.map((t) => t.townCode);
  const excluded = towns.map((t) => t.townCode).filter((c) => !codes.includes(c));
  const sat = complete.map((t) => t.satisfaction);
  const obj = complete.map((t) => t.objective);
  const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
  const means = { satisfaction: mean(sat), objective: mean(obj) };
  return {
    n: complete.length,
    excluded,
    spearman: spearman(sat, obj),
    kendall: kendall(sat, obj),
    means,
    rankTable: rankTable(codes, sat, obj, options.rankDifferenceFlag ?? 5),
    quadrants: complete.map((t) => {
      const quadrant = quadrantOf(t.satisfaction >= means.satisfaction, t.objective >= means.objective);
      return { townCode: t.townCode, quadrant, label: QUADRANT_LABELS[quadrant] };
    }),
    bottomOverlap: bottomOverlap(codes, sat, obj, options.bottomK ?? 5),
  };
}

/** Towns exactly at the mean count as high. */
function quadrantOf(satisfactionHigh: boolean, objectiveHigh: boolean): Quadrant {
  if (satisfactionHigh) return objectiveHigh ? "strength" : "satisfaction_high_objective_low";
  return objectiveHigh ? "objective_high_satisfaction_low" : "shared_weakness";
}

/** Rows ordered by satisfaction rank, then town code. */
export function rankTable(
  codes: readonly string[],
  satisfaction: readonly number[],
  objective: readonly number[],
  flagAt = 5,
): RankRow[] {
  const sRanks = competitionRanks(satisfaction);
  const oRanks = competitionRanks(objective);
  return codes
    .map((townCode, i) => {
      const satisfactionRank = sRanks[i] as number;
      const objectiveRank = oRanks[i] as number;
      const difference = satisfactionRank - objectiveRank;
      return {
        townCode,
        satisfaction: satisfaction[i] as number,
        objective: objective[i] as number,
        satisfactionRank,
        objectiveRank,
        difference,
        flagged: Math.abs(difference) >= flagAt,
      };
    })
    .sort((a, b) => a.satisfactionRank - b.satisfactionRank || a.townCode.localeCompare(b.townCode));
}

/** The k lowest; towns tied with the k-th lowest value are all included, so no tie is broken arbitrarily. */
export function bottomGroup(codes: readonly string[], values: readonly number[], k: number): string[] {
  if (!(Number.isInteger(k) && k >= 1)) throw new RangeError("bottom-k: k must be a positive integer");
  if (k >= codes.length) return [...codes];
  const cutoff = [...values].sort((a, b) => a - b)[k - 1] as number;
  return codes.filter((_, i) => (values[i] as number) <= cutoff);
}

export function bottomOverlap(
  codes: readonly string[],
  satisfaction: readonly number[],
  objective: readonly number[],
  k = 5,
): BottomOverlap {
  const satisfactionBottom = bottomGroup(codes, satisfaction, k);
  const objectiveBottom = bottomGroup(codes, objective, k);
  const overlap = satisfactionBottom.filter((c) => objectiveBottom.includes(c));
  const N = codes.length;
  return {
    k,
    satisfactionBottom,
    objectiveBottom,
    overlap,
    probability: hypergeometricUpper(overlap.length, N, satisfactionBottom.length, objectiveBottom.length),
    expectedByChance: (satisfactionBottom.length * objectiveBottom.length) / N,
  };
}
