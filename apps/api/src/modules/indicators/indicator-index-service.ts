import type {
  DistrictIndexRow,
  IndexWeighting,
  IndicatorIndexReport,
  ProgressFigure,
  SessionUser,
  TownIndexRow,
} from "@survey/contract";
import type { Database } from "@survey/db";
import {
  competitionRanks,
  computeDistrictIndex,
  computeProgress,
  computeTownIndices,
  DOMAINS,
  type Indicator,
  type IndicatorValue,
  progressIndex,
  type TownIndicesResult,
  type Weighting,
} from "@survey/indices";
import { ProgressNotComparableError } from "../../platform/errors";
import { listIndicators, listTownUnits, listValues, type TownUnit } from "./data/indicators";
import { sortByDomain, toIndicator, userDomains } from "./indicator-catalogue-service";

export interface IndexInputs {
  indicators: Indicator[];
  values: IndicatorValue[];
  towns: TownUnit[];
}

export async function loadIndexInputs(db: Database, years: readonly number[]): Promise<IndexInputs> {
  const [rows, values, towns] = await Promise.all([listIndicators(db), listValues(db, years), listTownUnits(db)]);
  return { indicators: sortByDomain(rows).map(toIndicator), values, towns };
}

function toWeighting(kind: IndexWeighting): Weighting {
  return { kind };
}

/** Town indices of one year for every town of the frame (a town without values has null indices). */
export function townIndices(inputs: IndexInputs, year: number, weighting: IndexWeighting): TownIndicesResult {
  return computeTownIndices({
    indicators: inputs.indicators,
    values: inputs.values,
    year,
    weighting: toWeighting(weighting),
    towns: inputs.towns.map((town) => town.code),
  });
}

/** Why progress against a base year cannot be computed with these settings, or null when it can. */
function progressRefusal(indicators: readonly Indicator[], weighting: IndexWeighting): string | null {
  if (weighting === "entropy") {
    return "熵权法的权重随每年的数据变化，不能用于计算进步指数；请改用等权或专家权重。";
  }
  const relative = indicators.filter((i) => i.level === "town" && i.method === "minmax");
  if (relative.length > 0) {
    return `进步指数须使用固定阈值或目标值：以下指标采用极差（min–max）标准化，只反映当年各街镇的相对位置，不能跨年比较：${relative.map((i) => i.name).join("、")}。`;
  }
  return null;
}

const figure = (base: number | null, current: number | null): ProgressFigure => ({
  base,
  current,
  progressIndex: progressIndex(base, current),
  pointChange: base === null || current === null ? null : current - base,
});

/**
 * Normalised scores, domain indices, composite and rank per town for a year (STATISTICS §4), the district's
 * own index, and — with a base year — progress index and point change, refused (422) where the scores or
 * weights are relative to one year.
 */
export async function indicatorIndex(
  db: Database,
  query: { year: number; weighting: IndexWeighting; baseYear?: number },
): Promise<IndicatorIndexReport> {
  const { year, weighting, baseYear } = query;
  const inputs = await loadIndexInputs(db, baseYear === undefined ? [year] : [year, baseYear]);
  if (baseYear !== undefined) {
    const refusal = progressRefusal(inputs.indicators, weighting);
    if (refusal) throw new ProgressNotComparableError({ baseYear, weighting }, refusal);
  }
  const notes: string[] = [];
  const result = townIndices(inputs, year, weighting);
  const progress =
    baseYear === undefined
      ? undefined
      : computeProgress({
          indicators: inputs.indicators,
          values: inputs.values,
          baseYear,
          year,
          weighting: toWeighting(weighting),
          towns: inputs.towns.map((town) => town.code),
        });

  const composites = result.towns.map((t) => t.composite);
  const present = composites.filter((c): c is number => c !== null);
  const ranks = competitionRanks(present);
  const rankOf = new Map(present.map((value, k) => [value, ranks[k] as number]));
  const towns: TownIndexRow[] = result.towns.map((town, k) => {
    const p = progress?.[k];
    return {
      townCode: town.townCode,
      townName: inputs.towns[k]?.name ?? town.townCode,
      indicatorScores: town.indicatorScores,
      domainIndices: { ...town.domainIndices } as Record<string, number | null>,
      composite: town.composite,
      rank: town.composite === null ? null : (rankOf.get(town.composite) ?? null),
      missingIndicators: town.missingIndicators,
      progress: p
        ? {
            composite: figure(p.base, p.current),
            domains: { ...p.domains } as Record<string, ProgressFigure>,
            indicatorSetChanged: p.indicatorSetChanged,
          }
        : null,
    };
  });
  if (present.length === 0) notes.push(`${year}年还没有任何街镇的指标数值。`);

  const district = districtIndex(inputs, year, weighting, baseYear, notes);
  if (result.entropy) {
    notes.push("熵权法按当年各街镇数据的离散程度定权，仅作敏感性分析，结果不能跨年比较。");
    if (result.entropy.fellBackToEqual) notes.push("各指标在街镇之间没有差异，熵权无法确定，已改用等权。");
  }
  const relative = inputs.indicators.filter((i) => i.method === "minmax");
  if (relative.length > 0) {
    notes.push(`以下指标采用极差标准化，只反映当年各街镇的相对位置：${relative.map((i) => i.name).join("、")}。`);
  }

  const expertWeight = (i: Indicator) => (weighting === "expert" ? i.weight : 1);
  return {
    year,
    weighting,
    baseYear: baseYear ?? null,
    comparableAcrossYears: result.comparableAcrossYears,
    domains: DOMAINS.filter((d) => inputs.indicators.some((i) => i.domain === d.code)).map((d) => ({
      code: d.code,
      name: d.name,
      weight: result.domainWeights[d.code] ?? 0,
    })),
    indicators: inputs.indicators.map((i) => ({
      code: i.code,
      name: i.name,
      domain: i.domain,
      unit: i.unit,
      level: i.level,
      method: i.method,
      weight: result.indicatorWeights[i.code] ?? expertWeight(i),
      entropy: result.entropy?.entropies[i.code] ?? null,
    })),
    towns,
    district,
    notes,
  };
}

/**
 * The district's own index from its district figures. It has no cross-section, so entropy weights give
 * none, and min–max indicators are left out (noted).
 */
function districtIndex(
  inputs: IndexInputs,
  year: number,
  weighting: IndexWeighting,
  baseYear: number | undefined,
  notes: string[],
): DistrictIndexRow | null {
  if (weighting === "entropy") {
    notes.push("全区指数只有一个单位，无法计算熵权，未给出。");
    return null;
  }
  const fixed = inputs.indicators.filter((i) => i.method !== "minmax");
  const compute = (y: number) =>
    computeDistrictIndex({ indicators: fixed, values: inputs.values, year: y, weighting: toWeighting(weighting) });
  const current = compute(year);
  const missing = current.missingIndicators.length;
  if (current.composite !== null && missing > 0) {
    notes.push(`全区指数基于已填报全区数值的${fixed.length - missing}项指标（另有${missing}项没有全区数值）。`);
  }
  return {
    indicatorScores: current.indicatorScores,
    domainIndices: { ...current.domainIndices } as Record<string, number | null>,
    composite: current.composite,
    missingIndicators: current.missingIndicators,
    progress: baseYear === undefined ? null : figure(compute(baseYear).composite, current.composite),
  };
}

const pick = <T>(record: Record<string, T>, keep: Set<string>) =>
  Object.fromEntries(Object.entries(record).filter(([key]) => keep.has(key)));

/**
 * The index as a department user sees it: the domains it supplies and their indicators' scores (the composite and
 * the ranks stay, as the district publishes them); everyone else sees the whole report.
 */
export function indexReportFor(report: IndicatorIndexReport, user: SessionUser): IndicatorIndexReport {
  if (user.role !== "department") return report;
  const domains = userDomains(user);
  const indicators = report.indicators.filter((indicator) => domains.has(indicator.domain));
  const codes = new Set(indicators.map((indicator) => indicator.code));
  return {
    ...report,
    domains: report.domains.filter((domain) => domains.has(domain.code)),
    indicators,
    towns: report.towns.map((town) => ({
      ...town,
      indicatorScores: pick(town.indicatorScores, codes),
      domainIndices: pick(town.domainIndices, domains),
      missingIndicators: town.missingIndicators.filter((code) => codes.has(code)),
      progress: town.progress && {
        ...town.progress,
        domains: pick(town.progress.domains, domains),
        indicatorSetChanged: town.progress.indicatorSetChanged.filter((code) => codes.has(code)),
      },
    })),
    district: report.district && {
      ...report.district,
      indicatorScores: pick(report.district.indicatorScores, codes),
      domainIndices: pick(report.district.domainIndices, domains),
      missingIndicators: report.district.missingIndicators.filter((code) => codes.has(code)),
    },
  };
}
