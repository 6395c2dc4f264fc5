/**
 * `GET /api/admin/waves/:waveId/results` (SPEC §3a, STATISTICS.md §1–2): district and town scores per
 * dimension, domain and item with SE, CI and n; item diagnostics; town against district with ranking tiers.
 * Everything is estimated from per-town sums that results-tally.ts forms from one scan of the respondents'
 * code rows (data/response-codes.ts).
 */
import type {
  AreaScores,
  DistrictDifference,
  ExcludedTown,
  ItemSummary,
  OverallItemResult,
  TownResult,
  TownTier,
  WaveRef,
  WaveResults,
} from "@survey/contract";
import type { Database } from "@survey/db";
import { DOMAINS } from "@survey/indices";
import { DIMENSIONS, type ScoringMap } from "@survey/questionnaire";
import { compareTownsWithDistrict, DEFAULT_SCORE_SCALE, type RatioEstimate, type ScoreResult } from "@survey/stats";
import { NoResultsError } from "../../platform/errors";
import { questionnaireOfWave } from "../questionnaires";
import type { WaveRow } from "../waves";
import { requireWave } from "../waves";
import { type CodeGroupRow, codeLayout, planCodeScan, respondentCodeGroups } from "./data/response-codes";
import { loadResultsDesign, type ResultsDesign } from "./results-design";
import {
  estimateItems,
  estimateScores,
  type ItemEstimates,
  percentEstimate,
  plainEstimate,
  planScores,
  scoreSpecs,
} from "./results-estimation";
import { codeTable, tallyItems, tallyScores } from "./results-tally";

export interface ResultsOptions {
  poststratify: boolean;
}

export const waveRef = (wave: WaveRow): WaveRef => ({
  id: wave.id,
  code: wave.code,
  title: wave.title,
  year: wave.year,
});

const dimensionName = (code: string) => DIMENSIONS.find((dimension) => dimension.code === code)?.name ?? code;
const domainName = (code: string) => DOMAINS.find((domain) => domain.code === code)?.name ?? code;

/** Questions grouped by dimension or domain, in questionnaire order, with Chinese names. */
function groupings(scoring: ScoringMap, key: "dimension" | "domain") {
  const groups = new Map<string, string[]>();
  for (const item of scoring.items) groups.set(item[key], [...(groups.get(item[key]) ?? []), item.name]);
  const name = key === "dimension" ? dimensionName : domainName;
  return [...groups].map(([code, items]) => ({ code, name: name(code), items }));
}

function areaScores(
  scoring: ScoringMap,
  n: number,
  items: Map<string, RatioEstimate> | undefined,
  scores: Map<string, ScoreResult> | undefined,
): AreaScores | undefined {
  const overall = scores?.get("overall");
  if (!overall) return undefined;
  const pick = (prefix: string) =>
    Object.fromEntries(
      [...(scores ?? [])]
        .filter(([key]) => key.startsWith(prefix))
        .map(([key, estimate]) => [key.slice(prefix.length), plainEstimate(estimate)]),
    );
  return {
    n,
    overall: plainEstimate(overall),
    dimensions: pick("dimension:"),
    domains: pick("domain:"),
    items: Object.fromEntries(
      scoring.items.flatMap((item) => {
        const result = items?.get(item.name);
        return result ? [[item.name, plainEstimate(result)]] : [];
      }),
    ),
  };
}

function itemSummary(
  item: { name: string; title: string },
  estimates: ItemEstimates,
): Omit<ItemSummary, "dimension" | "domain"> {
  const result = estimates.districtDetail.get(item.name);
  const missing = estimates.missing.get(item.name);
  return {
    question: item.name,
    title: item.title,
    missingShare: missing?.share ?? 0,
    flagged: missing?.flagged ?? false,
    satisfactionRate: result ? percentEstimate(result.satisfactionRate) : null,
    designEffect: result?.score.designEffect ?? null,
    effectiveSampleSize: result?.score.effectiveSampleSize ?? null,
  };
}

const TIERS: Record<DistrictDifference["significance"], TownTier> = {
  above: "above",
  not_significant: "average",
  below: "below",
};

/** Standard competition ranking on the overall score ("1224"): equal scores share a rank. */
function ranks(values: readonly number[]): number[] {
  return values.map((value) => 1 + values.filter((other) => other > value).length);
}

/**
 * Results of a wave (any status); `NoResultsError` when no town has two counted responses. The design and the
 * codes are read in one read-only repeatable-read transaction, so they see the same responses while
 * fieldwork goes on; the arithmetic runs after it has ended (an analyst's request, not a hot path).
 */
export async function computeWaveResults(db: Database, wave: WaveRow, options: ResultsOptions): Promise<WaveResults> {
  return estimateWaveCodes(wave, await readWaveCodes(db, wave, options));
}

export interface WaveCodes {
  scoring: ScoringMap;
  design: ResultsDesign;
  groups: CodeGroupRow[];
}

/** The questionnaire's scoring, the design and the respondents' codes, read in one consistent snapshot. */
export function readWaveCodes(db: Database, wave: WaveRow, options: ResultsOptions): Promise<WaveCodes> {
  return db.transaction(
    async (tx) => {
      await planCodeScan(tx);
      const questionnaire = await questionnaireOfWave(tx, wave);
      // The code groups carry the counted respondents per town (and cell): the design needs no scan of its own.
      const groups = await respondentCodeGroups(tx, wave.id, { byCell: options.poststratify });
      const design = await loadResultsDesign(tx, wave.id, options, groups);
      return { scoring: questionnaire.scoring, design, groups };
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}

/** The results from codes read by `readWaveCodes`. */
export async function estimateWaveCodes(wave: WaveRow, { scoring, design, groups }: WaveCodes): Promise<WaveResults> {
  const questions = [...scoring.items.map((item) => item.name), ...(scoring.overall ? [scoring.overall.name] : [])];
  const table = codeTable(scoring, codeLayout(scoring), DEFAULT_SCORE_SCALE.satisfiedFrom);
  const items = estimateItems(design, await tallyItems(table, groups), questions);
  const plans = planScores(design, items, scoreSpecs(scoring));
  const scores = estimateScores(design, plans, await tallyScores(table, plans.table, groups));

  const respondents = design.towns.reduce((total, town) => total + town.respondents, 0);
  const district = areaScores(scoring, respondents, items.district, scores.district);
  if (!district) throw new NoResultsError({}, "这次调查还没有有效的满意度回答，暂时无法计算结果。");

  const excluded: ExcludedTown[] = [...design.excluded];
  const estimated = design.towns.flatMap((town) => {
    const area = areaScores(scoring, town.respondents, items.towns.get(town.code), scores.towns.get(town.code));
    if (area) return [{ town, area }];
    excluded.push({ code: town.code, name: town.name, n: town.respondents, reason: "没有有效的满意度回答" });
    return [];
  });
  const comparison = compareTownsWithDistrict(
    estimated.map(({ town, area }) => ({ stratum: town.code, estimate: area.overall, population: town.population })),
  );
  const rankOf = ranks(estimated.map(({ area }) => area.overall.mean));
  const towns: TownResult[] = estimated.map(({ town, area }, index) => {
    const difference = comparison.towns[index];
    if (!difference) throw new Error(`no comparison for town ${town.code}`);
    return {
      code: town.code,
      name: town.name,
      population: town.population,
      ...area,
      rank: rankOf[index] ?? 0,
      tier: TIERS[difference.significance],
      target: town.target,
      belowTarget: town.respondents < town.target,
      comparison: {
        difference: difference.mean,
        se: difference.se,
        ciLow: difference.ciLow,
        ciHigh: difference.ciHigh,
        pValue: difference.pValue,
        significance: difference.significance,
      },
    };
  });

  const overallQuestion = scoring.overall;
  const overallDistrict = overallQuestion ? items.districtDetail.get(overallQuestion.name) : undefined;
  const overallItem: OverallItemResult | null =
    overallQuestion && overallDistrict
      ? {
          ...itemSummary(overallQuestion, items),
          district: plainEstimate(overallDistrict.score),
          towns: Object.fromEntries(
            estimated.flatMap(({ town }) => {
              const result = items.towns.get(town.code)?.get(overallQuestion.name);
              return result ? [[town.code, plainEstimate(result)]] : [];
            }),
          ),
        }
      : null;

  return {
    wave: waveRef(wave),
    weighting: design.weighting,
    district,
    towns,
    items: scoring.items.map((item) => ({
      ...itemSummary(item, items),
      dimension: item.dimension,
      domain: item.domain,
    })),
    overallItem,
    dimensions: groupings(scoring, "dimension"),
    domains: groupings(scoring, "domain"),
    excludedTowns: excluded,
  };
}

export async function waveResults(db: Database, waveId: number, options: ResultsOptions): Promise<WaveResults> {
  const wave = await requireWave(db, waveId);
  return computeWaveResults(db, wave, options);
}
