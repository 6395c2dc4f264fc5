import type {
  ComparisonOverview,
  ComparisonRankRow,
  ComparisonReport,
  ComparisonTown,
  Estimate,
  IndexWeighting,
  WaveResults,
} from "@survey/contract";
import type { Database } from "@survey/db";
import {
  type Comparison,
  compareSubjectiveObjective,
  DOMAINS,
  domainName,
  isDomainCode,
  QUADRANT_LABELS,
  readAgreement,
  summarizeComparison,
  type TownIndicesResult,
} from "@survey/indices";
import { ComparisonUnavailableError, InvalidRequestError } from "../../platform/errors";
import { type IndexInputs, loadIndexInputs, townIndices } from "../indicators";
import type { WaveRow } from "../waves";
import { requireWave } from "../waves";
import { computeWaveResults, waveRef } from "./results-service";

/**
 * Subjective against objective (STATISTICS §5): each town's satisfaction score for a domain (results
 * service, design-based) beside its objective domain index (indicator index), computed independently and
 * compared across towns: rank table, Spearman ρ and Kendall τ_b with R's p-values, quadrants split at the
 * town means, agreement on the weakest towns, and a plain Chinese reading for officials.
 */

export const OVERALL = "overall";
const OVERALL_NAME = "总体";

export interface ComparisonQuery {
  year?: number;
  weighting?: IndexWeighting;
  poststratify?: boolean;
}

/** Both sides for a wave, loaded once and compared per domain. */
export interface ComparisonSides {
  wave: WaveRow;
  year: number;
  weighting: IndexWeighting;
  results: WaveResults;
  inputs: IndexInputs;
  objective: TownIndicesResult;
  townNames: Record<string, string>;
}

export async function loadComparisonSides(
  db: Database,
  waveId: number,
  query: ComparisonQuery,
): Promise<ComparisonSides> {
  const wave = await requireWave(db, waveId);
  const year = query.year ?? wave.year;
  const weighting = query.weighting ?? "equal";
  const results = await computeWaveResults(db, wave, { poststratify: query.poststratify ?? false });
  const inputs = await loadIndexInputs(db, [year]);
  const objective = townIndices(inputs, year, weighting);
  const townNames: Record<string, string> = {};
  for (const town of inputs.towns) townNames[town.code] = town.name;
  for (const town of results.towns) townNames[town.code] = town.name;
  return { wave, year, weighting, results, inputs, objective, townNames };
}

export function domainLabel(domain: string): string {
  return domain === OVERALL ? OVERALL_NAME : isDomainCode(domain) ? domainName(domain) : domain;
}

/** One row per town of the frame or the wave: satisfaction (with CI) and objective index for the domain. */
function townScores(sides: ComparisonSides, domain: string): ComparisonTown[] {
  const satisfaction = new Map<string, Estimate | undefined>(
    sides.results.towns.map((town) => [town.code, domain === OVERALL ? town.overall : town.domains[domain]]),
  );
  const objective = new Map<string, number | null>(
    sides.objective.towns.map((town) => [
      town.townCode,
      domain === OVERALL ? town.composite : ((town.domainIndices as Record<string, number | null>)[domain] ?? null),
    ]),
  );
  const codes = [...new Set([...objective.keys(), ...satisfaction.keys()])].sort();
  return codes.map((townCode) => {
    const estimate = satisfaction.get(townCode);
    return {
      townCode,
      townName: sides.townNames[townCode] ?? townCode,
      satisfaction: estimate ? estimate.mean : null,
      satisfactionCi: estimate ? [estimate.ciLow, estimate.ciHigh] : null,
      objective: objective.get(townCode) ?? null,
    };
  });
}

/** Why a domain cannot be compared (Chinese), or null when it can. */
function unavailableReason(sides: ComparisonSides, domain: string, towns: ComparisonTown[]): string | null {
  const label = domain === OVERALL ? "总体" : `“${domainLabel(domain)}”领域`;
  const withSatisfaction = towns.filter((t) => t.satisfaction !== null);
  const withObjective = towns.filter((t) => t.objective !== null);
  const complete = towns.filter((t) => t.satisfaction !== null && t.objective !== null);
  if (withSatisfaction.length === 0) {
    return domain === OVERALL ? "这次调查还没有满意度结果。" : `问卷中没有对应${label}的满意度题目，无法比较。`;
  }
  if (withObjective.length === 0) return `${sides.year}年没有${label}的街镇指标数值，无法比较。`;
  if (complete.length < 3) return `同时具有${label}满意度和客观指数的街镇只有${complete.length}个，至少需要3个。`;
  const constant = (values: number[]) => values.every((v) => v === values[0]);
  if (constant(complete.map((t) => t.satisfaction as number))) {
    return `各街镇${label}的满意度得分完全相同，无法计算等级相关。`;
  }
  if (constant(complete.map((t) => t.objective as number))) {
    return `各街镇${label}的客观指数完全相同，无法计算等级相关。`;
  }
  return null;
}

function disagreementText(row: ComparisonRankRow): string {
  return row.difference > 0
    ? `居民满意度排第${row.satisfactionRank}位，明显低于客观指标的第${row.objectiveRank}位：客观条件较好但居民感受不佳，可能存在服务或沟通落差。`
    : `居民满意度排第${row.satisfactionRank}位，明显高于客观指标的第${row.objectiveRank}位：居民评价较好，但客观条件仍需补齐。`;
}

/** Ranked towns whose counted responses fall short of their sample target (fieldwork open or ended short). */
export function belowTargetTowns(sides: ComparisonSides, ranked?: ReadonlySet<string>) {
  return sides.results.towns
    .filter((town) => town.belowTarget && (!ranked || ranked.has(town.code)))
    .map((town) => ({ townCode: town.code, townName: town.name, n: town.n, target: town.target }));
}

export type DomainComparison = { ok: true; report: ComparisonReport } | { ok: false; reason: string; n: number };

/** The comparison of one domain (or overall), or why there is none. */
export function compareDomain(sides: ComparisonSides, domain: string): DomainComparison {
  const towns = townScores(sides, domain);
  const reason = unavailableReason(sides, domain, towns);
  const complete = towns.filter((t) => t.satisfaction !== null && t.objective !== null).length;
  if (reason) return { ok: false, reason, n: complete };
  const c: Comparison = compareSubjectiveObjective(towns);
  const name = (code: string) => sides.townNames[code] ?? code;
  const rankTable = c.rankTable.map((row) => ({ ...row, townName: name(row.townCode) }));
  const summary = summarizeComparison({
    comparison: c,
    domainName: domain === OVERALL ? undefined : domainLabel(domain),
    townNames: sides.townNames,
  });
  return {
    ok: true,
    report: {
      wave: waveRef(sides.wave),
      year: sides.year,
      domain: { code: domain, name: domainLabel(domain) },
      satisfactionWeighting: sides.results.weighting,
      objectiveWeighting: sides.weighting,
      towns,
      n: c.n,
      excluded: c.excluded,
      belowTarget: belowTargetTowns(sides, new Set(c.rankTable.map((row) => row.townCode))),
      spearman: {
        value: c.spearman.rho,
        pValue: c.spearman.pValue,
        pValueMethod: c.spearman.pValueMethod,
        n: c.spearman.n,
        ties: c.spearman.ties,
      },
      kendall: {
        value: c.kendall.tau,
        pValue: c.kendall.pValue,
        pValueMethod: c.kendall.pValueMethod,
        n: c.kendall.n,
        ties: c.kendall.ties,
      },
      means: c.means,
      rankTable,
      quadrantLabels: { ...QUADRANT_LABELS },
      quadrants: c.quadrants.map((q) => ({ ...q, townName: name(q.townCode) })),
      consensusWeaknesses: {
        k: c.bottomOverlap.k,
        satisfactionBottom: c.bottomOverlap.satisfactionBottom,
        objectiveBottom: c.bottomOverlap.objectiveBottom,
        overlap: c.bottomOverlap.overlap.map((code) => ({ townCode: code, townName: name(code) })),
        probability: c.bottomOverlap.probability,
        expectedByChance: c.bottomOverlap.expectedByChance,
        bothLow: c.quadrants
          .filter((q) => q.quadrant === "shared_weakness")
          .map((q) => ({ townCode: q.townCode, townName: name(q.townCode) })),
      },
      disagreements: rankTable
        .filter((row) => row.flagged)
        .map((row) => ({ ...row, explanation: disagreementText(row) })),
      reading: readAgreement(c.spearman.rho),
      summary,
    },
  };
}

function parseDomain(raw: string | undefined): string {
  const domain = raw ?? OVERALL;
  if (domain !== OVERALL && !isDomainCode(domain)) {
    throw new InvalidRequestError({ field: "domain" }, `未知的领域“${domain}”。`);
  }
  return domain;
}

export async function comparison(
  db: Database,
  waveId: number,
  query: ComparisonQuery & { domain?: string },
): Promise<ComparisonReport> {
  const domain = parseDomain(query.domain);
  const sides = await loadComparisonSides(db, waveId, query);
  const result = compareDomain(sides, domain);
  if (!result.ok) throw new ComparisonUnavailableError({ domain, n: result.n }, result.reason);
  return result.report;
}

/** Every domain in catalogue order, then overall: ρ, τ_b, the reading and the shared weaknesses, or why not. */
export async function comparisonOverview(
  db: Database,
  waveId: number,
  query: ComparisonQuery,
): Promise<ComparisonOverview> {
  const sides = await loadComparisonSides(db, waveId, query);
  const domains = [...DOMAINS.map((d) => d.code as string), OVERALL].map((code) => {
    const result = compareDomain(sides, code);
    if (!result.ok) {
      return {
        code,
        name: domainLabel(code),
        n: result.n,
        rho: null,
        pValue: null,
        tau: null,
        kendallPValue: null,
        reading: null,
        sharedWeaknesses: [],
        reason: result.reason,
      };
    }
    const r = result.report;
    return {
      code,
      name: r.domain.name,
      n: r.n,
      rho: r.spearman.value,
      pValue: r.spearman.pValue,
      tau: r.kendall.value,
      kendallPValue: r.kendall.pValue,
      reading: r.reading.label,
      sharedWeaknesses: r.consensusWeaknesses.overlap.map((t) => t.townName),
      reason: null,
    };
  });
  return {
    wave: waveRef(sides.wave),
    year: sides.year,
    satisfactionWeighting: sides.results.weighting,
    objectiveWeighting: sides.weighting,
    domains,
  };
}
