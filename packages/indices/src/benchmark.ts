import type { DomainCode } from "./domains";
import type { Indicator, IndicatorValue } from "./indicator";
import { competitionRanks } from "./ranks";
import { computeTownIndices } from "./town-indices";
import type { Weighting } from "./weights";

/** One district's position among its siblings on one figure (an indicator value, a domain index, the composite). */
export interface BenchmarkPosition {
  /** The district's own figure; null when it has none. */
  own: number | null;
  /** Competition rank among every district with a figure (1 = best, direction-aware); null without own figure. */
  rank: number | null;
  /** Districts with a figure, the district included. */
  of: number;
  /** Mean of the sibling districts' figures; null when none has one. */
  othersMean: number | null;
  /** own − othersMean on the figure's scale (raw units for an indicator, points for an index). */
  gap: number | null;
  /** Whether the gap is in the district's favour (direction-aware); null without a gap. */
  ahead: boolean | null;
}

export interface BenchmarkInput {
  indicators: readonly Indicator[];
  /** Values keyed by district code in `townCode` (the district's own under `ownCode`). */
  values: readonly IndicatorValue[];
  year: number;
  ownCode: string;
  siblings: readonly string[];
  weighting?: Weighting;
}

export interface BenchmarkResult {
  indicators: Record<string, BenchmarkPosition & { scores: Record<string, number | null> }>;
  domains: Partial<Record<DomainCode, BenchmarkPosition & { scores: Record<string, number | null> }>>;
  composite: BenchmarkPosition & { scores: Record<string, number | null> };
}

/** Larger is better: the raw value turned so that higher ranks first, by direction (interval: distance to the band). */
function merit(indicator: Indicator, value: number): number {
  if (indicator.direction === "positive") return value;
  if (indicator.direction === "negative") return -value;
  const low = indicator.intervalLow ?? Number.NEGATIVE_INFINITY;
  const high = indicator.intervalHigh ?? Number.POSITIVE_INFINITY;
  return -Math.max(0, low - value, value - high);
}

function position(
  figures: ReadonlyMap<string, number>,
  ownCode: string,
  better: (value: number) => number,
  aheadWhenHigher: boolean | "closer",
  closeness?: (value: number) => number,
): BenchmarkPosition {
  const codes = [...figures.keys()];
  const own = figures.get(ownCode) ?? null;
  const others = codes.filter((code) => code !== ownCode).map((code) => figures.get(code) as number);
  const othersMean = others.length === 0 ? null : others.reduce((s, v) => s + v, 0) / others.length;
  const ranks = competitionRanks(codes.map((code) => better(figures.get(code) as number)));
  const rank = own === null ? null : (ranks[codes.indexOf(ownCode)] ?? null);
  const gap = own === null || othersMean === null ? null : own - othersMean;
  let ahead: boolean | null = null;
  if (gap !== null && own !== null && othersMean !== null) {
    ahead =
      aheadWhenHigher === "closer" && closeness
        ? closeness(own) > closeness(othersMean)
        : aheadWhenHigher === true
          ? gap > 0
          : gap < 0;
  }
  return { own, rank, of: codes.length, othersMean, gap, ahead };
}

/**
 * The district among its sibling districts (STATISTICS §8): per indicator its value, rank (direction-aware) and
 * gap to the siblings' mean; per domain and for the composite the same on indices computed for every district
 * with the district's own normalisation (method and thresholds) and weights — every indicator counts, as the
 * district figures are compared.
 */
export function benchmarkDistricts(input: BenchmarkInput): BenchmarkResult {
  const districts = [input.ownCode, ...input.siblings.filter((code) => code !== input.ownCode)];
  const asUnits = input.indicators.map((indicator) => ({ ...indicator, level: "town" as const }));
  const indices = computeTownIndices({
    indicators: asUnits,
    values: input.values.filter((v) => districts.includes(v.townCode)),
    year: input.year,
    weighting: input.weighting ?? { kind: "equal" },
    towns: districts,
  });
  const scoreOf = (pick: (row: (typeof indices.towns)[number]) => number | null | undefined) =>
    Object.fromEntries(indices.towns.map((row) => [row.townCode, pick(row) ?? null]));
  const present = (scores: Record<string, number | null>) =>
    new Map(Object.entries(scores).filter((entry): entry is [string, number] => entry[1] !== null));

  const indicators: BenchmarkResult["indicators"] = {};
  for (const indicator of asUnits) {
    const raw = new Map<string, number>();
    for (const v of input.values) {
      if (v.year === input.year && v.indicatorCode === indicator.code && districts.includes(v.townCode)) {
        raw.set(v.townCode, v.value);
      }
    }
    const ahead = indicator.direction === "interval" ? "closer" : indicator.direction === "positive";
    indicators[indicator.code] = {
      ...position(
        raw,
        input.ownCode,
        (value) => merit(indicator, value),
        ahead,
        (value) => merit(indicator, value),
      ),
      scores: scoreOf((row) => row.indicatorScores[indicator.code]),
    };
  }
  const domains: BenchmarkResult["domains"] = {};
  for (const domain of Object.keys(indices.domainWeights) as DomainCode[]) {
    const scores = scoreOf((row) => row.domainIndices[domain]);
    domains[domain] = { ...position(present(scores), input.ownCode, (v) => v, true), scores };
  }
  const compositeScores = scoreOf((row) => row.composite);
  return {
    indicators,
    domains,
    composite: { ...position(present(compositeScores), input.ownCode, (v) => v, true), scores: compositeScores },
  };
}
