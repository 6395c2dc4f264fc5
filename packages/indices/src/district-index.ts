import { DOMAIN_CODES, type DomainCode } from "./domains";
import { DISTRICT_UNIT_CODE, type Indicator, type IndicatorValue } from "./indicator";
import { normalize } from "./normalize";
import { collectValues } from "./town-indices";
import { type Weighting, weightedMean } from "./weights";

export interface DistrictIndex {
  indicatorScores: Record<string, number | null>;
  domainIndices: Partial<Record<DomainCode, number | null>>;
  composite: number | null;
  missingIndicators: string[];
}

/**
 * The district's own index for one year from the district figure of every indicator (town- and district-level),
 * as Pudong publishes it. A single unit has no cross-section, so min–max indicators and entropy weights are
 * refused; the same fixed scores make district progress `progressIndex(base.composite, current.composite)`.
 */
export function computeDistrictIndex(input: {
  indicators: readonly Indicator[];
  /** Values under town code `district` for that year are used; others are ignored. */
  values: readonly IndicatorValue[];
  year: number;
  weighting?: Weighting;
}): DistrictIndex {
  const weighting = input.weighting ?? { kind: "equal" };
  if (weighting.kind === "entropy") throw new Error("熵权法需要多个街镇的横截面数据，不适用于全区指数");
  const districtValues = collectValues(input.indicators, input.values, input.year);
  const indicatorScores: Record<string, number | null> = {};
  for (const indicator of input.indicators) {
    const value = districtValues.get(indicator.code)?.get(DISTRICT_UNIT_CODE);
    indicatorScores[indicator.code] = value === undefined ? null : normalize(indicator, value);
  }
  const indicatorWeight = (i: Indicator): number =>
    weighting.kind === "expert" ? (weighting.indicatorWeights?.[i.code] ?? i.weight) : 1;
  const domainWeight = (d: DomainCode): number =>
    weighting.kind === "expert" ? (weighting.domainWeights?.[d] ?? 1) : 1;

  const domains = DOMAIN_CODES.filter((d) => input.indicators.some((i) => i.domain === d));
  const domainIndices: Partial<Record<DomainCode, number | null>> = {};
  for (const d of domains) {
    domainIndices[d] = weightedMean(
      input.indicators
        .filter((i) => i.domain === d)
        .map((i) => ({ score: indicatorScores[i.code] ?? null, weight: indicatorWeight(i) })),
    );
  }
  const composite = weightedMean(domains.map((d) => ({ score: domainIndices[d] ?? null, weight: domainWeight(d) })));
  const missingIndicators = input.indicators.filter((i) => indicatorScores[i.code] === null).map((i) => i.code);
  return { indicatorScores, domainIndices, composite, missingIndicators };
}
