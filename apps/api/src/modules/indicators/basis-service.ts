import { type BasisFigure, DISTRICT_UNIT, type RecommendationBasis, type SessionUser } from "@survey/contract";
import type { Database } from "@survey/db";
import { DOMAINS, type DomainCode, isDomainCode, shortfall, warningStatus } from "@survey/indices";
import { listIndicators, listTownUnits, listValues } from "./data/indicators";
import { userDomains } from "./indicator-catalogue-service";
import { loadIndexInputs, townIndices } from "./indicator-index-service";
import { DISTRICT_NAME } from "./indicator-template-layout";
import { planTargetOf } from "./plan-targets";

const STATUS_LABEL = { met: "达标", near: "接近", missed: "未达标" } as const;

/** What the recommendations need to know of the indicator system, loaded once per request. */
export interface IndicatorFacts {
  indicators: Map<string, Awaited<ReturnType<typeof listIndicators>>[number]>;
  towns: Map<string, string>;
  departments: Set<string>;
}

export async function indicatorFacts(db: Database): Promise<IndicatorFacts> {
  const [rows, towns] = await Promise.all([listIndicators(db), listTownUnits(db)]);
  return {
    indicators: new Map(rows.map((row) => [row.code, row])),
    towns: new Map(towns.map((town) => [town.code, town.name])),
    departments: new Set(rows.map((row) => row.department)),
  };
}

export const unitName = (facts: IndicatorFacts, townCode: string | null) =>
  townCode === null || townCode === DISTRICT_UNIT ? DISTRICT_NAME : (facts.towns.get(townCode) ?? townCode);

/** Why a basis does not exist (an unknown indicator, town or domain), or null when it does. */
export function basisProblem(facts: IndicatorFacts, basis: RecommendationBasis): string | null {
  if (basis.kind === "weakness") {
    if (!facts.towns.has(basis.townCode)) return `未知的街镇代码“${basis.townCode}”。`;
    if (!isDomainCode(basis.domain)) return `未知的领域“${basis.domain}”。`;
    return null;
  }
  const indicator = facts.indicators.get(basis.indicatorCode);
  if (!indicator) return `未知的指标代码“${basis.indicatorCode}”。`;
  if (basis.townCode !== null && !facts.towns.has(basis.townCode)) return `未知的街镇代码“${basis.townCode}”。`;
  if (basis.townCode !== null && indicator.level === "district") return `“${indicator.name}”只有全区数值。`;
  return null;
}

/** The basis in words: “2026年 泖港镇 家庭医生签约覆盖率（预警）”. */
export function basisLabel(facts: IndicatorFacts, basis: RecommendationBasis): string {
  if (basis.kind === "weakness") {
    const domain = DOMAINS.find((d) => d.code === basis.domain)?.name ?? basis.domain;
    return `${basis.year}年 ${unitName(facts, basis.townCode)}“${domain}”主客观共同短板`;
  }
  const name = facts.indicators.get(basis.indicatorCode)?.name ?? basis.indicatorCode;
  return `${basis.year}年 ${unitName(facts, basis.townCode)} ${name}（${basis.kind === "warning" ? "预警" : "预测"}）`;
}

/**
 * The basis's figures in its year and the next (the loop's check): an indicator's value with its status against
 * the plan target, improved when its shortfall shrank (or it rose, with no target); a shared weakness's objective
 * domain index, improved when it rose.
 */
export async function basisFigures(
  db: Database,
  facts: IndicatorFacts,
  basis: RecommendationBasis,
): Promise<BasisFigure[]> {
  const years = [basis.year, basis.year + 1];
  if (basis.kind === "weakness") {
    const inputs = await loadIndexInputs(db, years);
    const [before, after] = years.map(
      (year) =>
        townIndices(inputs, year, "equal").towns.find((town) => town.townCode === basis.townCode)?.domainIndices[
          basis.domain as DomainCode
        ] ?? null,
    ) as [number | null, number | null];
    const domain = DOMAINS.find((d) => d.code === basis.domain)?.name ?? basis.domain;
    return [
      {
        label: `“${domain}”客观指数`,
        unit: "分",
        before,
        after,
        beforeCi: null,
        afterCi: null,
        improved: before === null || after === null ? null : after > before,
      },
    ];
  }
  const row = facts.indicators.get(basis.indicatorCode);
  if (!row) return [];
  const unit = basis.townCode ?? DISTRICT_UNIT;
  const values = (await listValues(db, years)).filter(
    (value) => value.indicatorCode === row.code && value.townCode === unit,
  );
  const [before, after] = years.map((year) => values.find((value) => value.year === year)?.value ?? null) as [
    number | null,
    number | null,
  ];
  const target = planTargetOf(row, unit);
  let improved: boolean | null = null;
  if (before !== null && after !== null) {
    if (target) {
      const [was, now] = [before, after].map((v) => shortfall(row.direction, target, v)) as [number, number];
      improved = now < was || (now === 0 && was === 0);
    } else if (row.direction !== "interval") {
      improved = row.direction === "positive" ? after > before : after < before;
    }
  }
  const status =
    target && after !== null ? `，${basis.year + 1}年${STATUS_LABEL[warningStatus(row.direction, target, after)]}` : "";
  return [
    {
      label: `${row.name}${status}`,
      unit: row.unit,
      before,
      after,
      beforeCi: null,
      afterCi: null,
      improved,
    },
  ];
}

/**
 * The source departments whose recommendations a department user answers: those supplying indicators of the
 * user's domains (a department account is scoped by domains).
 */
export function ownDepartments(facts: IndicatorFacts, user: SessionUser): Set<string> {
  if (user.role !== "department") return new Set();
  const domains = userDomains(user);
  return new Set([...facts.indicators.values()].filter((row) => domains.has(row.domain)).map((row) => row.department));
}
