import type { DomainCode } from "./domains";
import { DISTRICT_UNIT_CODE, type Indicator, type IndicatorValue } from "./indicator";
import { computeTownIndices } from "./town-indices";
import type { Weighting } from "./weights";

/** P_t = (S_t / S_base − 1)·100 (STATISTICS §4); null when either is missing or the base is 0. */
export function progressIndex(base: number | null, current: number | null): number | null {
  if (base === null || current === null || base === 0) return null;
  return (current / base - 1) * 100;
}

export interface ProgressFigure {
  base: number | null;
  current: number | null;
  /** (S_t / S_base − 1)·100 */
  progressIndex: number | null;
  /** S_t − S_base, in index points. */
  pointChange: number | null;
}

export interface TownProgress extends ProgressFigure {
  townCode: string;
  domains: Partial<Record<DomainCode, ProgressFigure>>;
  /** Indicators the town has in only one of the two years: their absence shifts the renormalised weights. */
  indicatorSetChanged: string[];
}

export interface ProgressInput {
  indicators: readonly Indicator[];
  values: readonly IndicatorValue[];
  baseYear: number;
  year: number;
  /** equal (default) or expert; entropy weights change every year and are refused. */
  weighting?: Weighting;
  towns?: readonly string[];
}

function figure(base: number | null, current: number | null): ProgressFigure {
  return {
    base,
    current,
    progressIndex: progressIndex(base, current),
    pointChange: base === null || current === null ? null : current - base,
  };
}

/**
 * Progress of each town's composite and domain indices against a base year. Only meaningful when scores
 * rest on fixed thresholds, targets or intervals and fixed weights, so min–max indicators and entropy
 * weighting are refused rather than silently producing a figure that mixes two different scales.
 */
export function computeProgress(input: ProgressInput): TownProgress[] {
  const weighting = input.weighting ?? { kind: "equal" };
  if (weighting.kind === "entropy") {
    throw new Error("进步指数须使用固定权重：熵权随年份变化，不能用于计算进步指数");
  }
  const relative = input.indicators.filter((i) => i.level === "town" && i.method === "minmax");
  if (relative.length > 0) {
    throw new Error(
      `进步指数须使用固定阈值或目标值：以下指标采用极差（min–max）标准化，不能跨年比较：${relative.map((i) => i.name).join("、")}`,
    );
  }
  const common = { indicators: input.indicators, values: input.values, weighting };
  const townLevel = new Set(input.indicators.filter((i) => i.level === "town").map((i) => i.code));
  const townsOf = (year: number) =>
    input.values
      .filter((v) => v.year === year && townLevel.has(v.indicatorCode) && v.townCode !== DISTRICT_UNIT_CODE)
      .map((v) => v.townCode);
  const towns = input.towns ?? [...new Set([...townsOf(input.baseYear), ...townsOf(input.year)])].sort();
  const base = computeTownIndices({ ...common, year: input.baseYear, towns });
  const current = computeTownIndices({ ...common, year: input.year, towns });

  return towns.map((townCode, k): TownProgress => {
    const b = base.towns[k];
    const c = current.towns[k];
    if (!b || !c) throw new Error("unreachable: town lists differ");
    const domains: Partial<Record<DomainCode, ProgressFigure>> = {};
    for (const d of Object.keys(c.domainIndices) as DomainCode[]) {
      domains[d] = figure(b.domainIndices[d] ?? null, c.domainIndices[d] ?? null);
    }
    const indicatorSetChanged = Object.keys(c.indicatorScores).filter(
      (code) => (b.indicatorScores[code] === null) !== (c.indicatorScores[code] === null),
    );
    return { townCode, ...figure(b.composite, c.composite), domains, indicatorSetChanged };
  });
}
