import { DOMAIN_CODES, type DomainCode } from "./domains";
import { DISTRICT_UNIT_CODE, type Indicator, type IndicatorValue } from "./indicator";
import { minMaxShares, normalize, normalizeMinMax } from "./normalize";
import { entropyWeights, type Weighting, weightedMean } from "./weights";

export interface TownIndicesInput {
  indicators: readonly Indicator[];
  values: readonly IndicatorValue[];
  year: number;
  /** Default: equal weights. */
  weighting?: Weighting;
  /** Towns to report, in this order; default: every town with a town-level value that year, sorted by code. */
  towns?: readonly string[];
}

export interface TownIndex {
  townCode: string;
  /** Normalised 0–100 score per town-level indicator; null when the town has no value. */
  indicatorScores: Record<string, number | null>;
  /** Per domain that has town-level indicators; null when the town has none of its values. */
  domainIndices: Partial<Record<DomainCode, number | null>>;
  /** Weighted mean of the available domain indices, 0–100; null when the town has no values at all. */
  composite: number | null;
  missingIndicators: string[];
}

export interface TownIndicesResult {
  year: number;
  towns: TownIndex[];
  /** Indicator weights used (relative within a domain; sum to 1 under entropy weighting). */
  indicatorWeights: Record<string, number>;
  /** Domain weights used in the composite. */
  domainWeights: Partial<Record<DomainCode, number>>;
  /** False when min–max scores or entropy weights make this year's figures relative to this year's towns. */
  comparableAcrossYears: boolean;
  /** Present under entropy weighting: e_j per indicator, and whether weights fell back to equal. */
  entropy?: { entropies: Record<string, number>; fellBackToEqual: boolean };
}

/**
 * Town indices for one year (STATISTICS §4): normalised indicator scores, domain indices (weighted mean of the
 * available indicators, weights renormalised when one is missing) and the composite (weighted mean of domains).
 * Only town-level indicators count.
 */
export function computeTownIndices(input: TownIndicesInput): TownIndicesResult {
  const weighting = input.weighting ?? { kind: "equal" };
  const indicators = input.indicators.filter((i) => i.level === "town");
  const raw = collectValues(indicators, input.values, input.year);
  const towns = input.towns
    ? [...input.towns]
    : [...new Set([...raw.values()].flatMap((m) => [...m.keys()]))].filter((t) => t !== DISTRICT_UNIT_CODE).sort();

  const scores = new Map<string, Map<string, number>>();
  for (const indicator of indicators) {
    const byTown = raw.get(indicator.code) ?? new Map<string, number>();
    const present = towns.filter((t) => byTown.has(t));
    const values = present.map((t) => byTown.get(t) as number);
    const normalised =
      indicator.method === "minmax" ? normalizeMinMax(indicator, values) : values.map((v) => normalize(indicator, v));
    scores.set(indicator.code, new Map(present.map((t, k) => [t, normalised[k] as number])));
  }

  const { indicatorWeights, domainWeights, entropy } = resolveWeights(indicators, weighting, towns, raw, scores);
  const domains = DOMAIN_CODES.filter((d) => indicators.some((i) => i.domain === d));

  const townResults = towns.map((townCode): TownIndex => {
    const indicatorScores: Record<string, number | null> = {};
    for (const indicator of indicators) {
      indicatorScores[indicator.code] = scores.get(indicator.code)?.get(townCode) ?? null;
    }
    const domainIndices: Partial<Record<DomainCode, number | null>> = {};
    for (const domain of domains) {
      domainIndices[domain] = weightedMean(
        indicators
          .filter((i) => i.domain === domain)
          .map((i) => ({ score: indicatorScores[i.code] ?? null, weight: indicatorWeights[i.code] ?? 0 })),
      );
    }
    const composite = weightedMean(
      domains.map((d) => ({ score: domainIndices[d] ?? null, weight: domainWeights[d] ?? 0 })),
    );
    const missingIndicators = indicators.filter((i) => indicatorScores[i.code] === null).map((i) => i.code);
    return { townCode, indicatorScores, domainIndices, composite, missingIndicators };
  });

  return {
    year: input.year,
    towns: townResults,
    indicatorWeights,
    domainWeights,
    comparableAcrossYears: weighting.kind !== "entropy" && indicators.every((i) => i.method !== "minmax"),
    ...(entropy ? { entropy } : {}),
  };
}

/** indicator code → unit code → value, for one year; duplicates are an error, not silently overwritten. */
export function collectValues(
  indicators: readonly Indicator[],
  values: readonly IndicatorValue[],
  year: number,
): Map<string, Map<string, number>> {
  const wanted = new Set(indicators.map((i) => i.code));
  const out = new Map<string, Map<string, number>>();
  for (const v of values) {
    if (v.year !== year || !wanted.has(v.indicatorCode)) continue;
    let byTown = out.get(v.indicatorCode);
    if (!byTown) {
      byTown = new Map();
      out.set(v.indicatorCode, byTown);
    }
    if (byTown.has(v.townCode)) {
      throw new Error(`duplicate value for ${v.townCode} × ${v.indicatorCode} × ${year}`);
    }
    byTown.set(v.townCode, v.value);
  }
  return out;
}

function resolveWeights(
  indicators: readonly Indicator[],
  weighting: Weighting,
  towns: readonly string[],
  raw: Map<string, Map<string, number>>,
  scores: Map<string, Map<string, number>>,
): Pick<TownIndicesResult, "indicatorWeights" | "domainWeights" | "entropy"> {
  const domains = DOMAIN_CODES.filter((d) => indicators.some((i) => i.domain === d));
  const indicatorWeights: Record<string, number> = {};
  const domainWeights: Partial<Record<DomainCode, number>> = {};
  switch (weighting.kind) {
    case "equal":
      for (const i of indicators) indicatorWeights[i.code] = 1;
      for (const d of domains) domainWeights[d] = 1;
      return { indicatorWeights, domainWeights };
    case "expert":
      for (const i of indicators) {
        const w = weighting.indicatorWeights?.[i.code] ?? i.weight;
        if (!(w >= 0)) throw new RangeError(`indicator ${i.code}: weight must be non-negative`);
        indicatorWeights[i.code] = w;
      }
      for (const d of domains) {
        const w = weighting.domainWeights?.[d] ?? 1;
        if (!(w >= 0)) throw new RangeError(`domain ${d}: weight must be non-negative`);
        domainWeights[d] = w;
      }
      return { indicatorWeights, domainWeights };
    case "entropy": {
      // r_ij: min–max of the raw values by direction; an interval indicator has no monotone raw scale, so its
      // (fixed) interval score is min–maxed instead.
      const shares = indicators.map((i) => {
        const present = towns.filter((t) => raw.get(i.code)?.has(t));
        if (i.direction === "interval") {
          return minMaxShares(
            present.map((t) => scores.get(i.code)?.get(t) as number),
            "positive",
          );
        }
        return minMaxShares(
          present.map((t) => raw.get(i.code)?.get(t) as number),
          i.direction,
        );
      });
      const result = entropyWeights(shares);
      const entropies: Record<string, number> = {};
      indicators.forEach((i, k) => {
        indicatorWeights[i.code] = result.weights[k] as number;
        entropies[i.code] = result.entropies[k] as number;
      });
      for (const d of domains) {
        domainWeights[d] = indicators
          .filter((i) => i.domain === d)
          .reduce((s, i) => s + (indicatorWeights[i.code] ?? 0), 0);
      }
      return { indicatorWeights, domainWeights, entropy: { entropies, fellBackToEqual: result.fellBackToEqual } };
    }
  }
}
