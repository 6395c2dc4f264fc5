/**
 * Waves over the years: this wave against a base wave for every shared item, dimension, domain and the
 * overall score (independent samples, so Var(d) = V_this + V_base), and the series of one measure per town
 * across every wave that has it.
 */
import type {
  AreaScores,
  Estimate,
  EstimateChange,
  Measure,
  MeasureComparison,
  TrendSeries,
  WaveComparison,
  WaveResults,
} from "@survey/contract";
import type { Database } from "@survey/db";
import { estimateFromVariance, Z_95 } from "@survey/stats";
import { AppError, InvalidRequestError, UnknownMeasureError } from "../../platform/errors";
import { listWaves, requireWave } from "../waves";
import { computeWaveResults, type ResultsOptions, waveRef } from "./results-service";

export function estimateChange(current: Estimate, base: Estimate): EstimateChange {
  const difference = estimateFromVariance(current.mean - base.mean, current.se ** 2 + base.se ** 2, current.n);
  return {
    current,
    base,
    difference: difference.mean,
    se: difference.se,
    ciLow: difference.ciLow,
    ciHigh: difference.ciHigh,
    significant: Math.abs(difference.mean) > Z_95 * difference.se,
  };
}

/** The estimate of a measure in one area (district or town), if it has one. */
function pick(area: AreaScores, results: WaveResults, measure: Measure, town?: string): Estimate | undefined {
  switch (measure.kind) {
    case "overall":
      return area.overall;
    case "dimension":
      return area.dimensions[measure.key];
    case "domain":
      return area.domains[measure.key];
    case "item":
      return area.items[measure.key];
    case "overall_item":
      return town === undefined ? results.overallItem?.district : results.overallItem?.towns[town];
  }
}

const OVERALL: Measure = { kind: "overall", key: "overall", label: "总体得分（各维度平均）" };

/** Every measure of a wave's results, with its items for dimensions and domains. */
function measuresOf(results: WaveResults): (Measure & { items?: string[] })[] {
  return [
    OVERALL,
    ...results.dimensions.map((dimension) => ({
      kind: "dimension" as const,
      key: dimension.code,
      label: dimension.name,
      items: dimension.items,
    })),
    ...results.domains.map((domain) => ({
      kind: "domain" as const,
      key: domain.code,
      label: domain.name,
      items: domain.items,
    })),
    ...results.items.map((item) => ({ kind: "item" as const, key: item.question, label: item.title })),
    ...(results.overallItem
      ? [{ kind: "overall_item" as const, key: results.overallItem.question, label: results.overallItem.title }]
      : []),
  ];
}

const sameList = (a: readonly string[] | undefined, b: readonly string[] | undefined) =>
  JSON.stringify([...(a ?? [])].sort()) === JSON.stringify([...(b ?? [])].sort());

function compareResults(current: WaveResults, base: WaveResults): MeasureComparison[] {
  const baseMeasures = new Map(measuresOf(base).map((measure) => [`${measure.kind}:${measure.key}`, measure]));
  const baseTowns = new Map(base.towns.map((town) => [town.code, town]));
  const comparisons: MeasureComparison[] = [];
  for (const measure of measuresOf(current)) {
    const before = baseMeasures.get(`${measure.kind}:${measure.key}`);
    if (!before) continue;
    const now = pick(current.district, current, measure);
    const then = pick(base.district, base, measure);
    if (!now || !then) continue;
    comparisons.push({
      kind: measure.kind,
      key: measure.key,
      label: measure.label,
      sameItems:
        measure.kind === "overall"
          ? sameList(
              current.items.map((item) => item.question),
              base.items.map((item) => item.question),
            )
          : sameList(measure.items, before.items),
      district: estimateChange(now, then),
      towns: current.towns.flatMap((town) => {
        const earlier = baseTowns.get(town.code);
        const townNow = pick(town, current, measure, town.code);
        const townThen = earlier ? pick(earlier, base, measure, town.code) : undefined;
        return townNow && townThen
          ? [{ code: town.code, name: town.name, change: estimateChange(townNow, townThen) }]
          : [];
      }),
    });
  }
  return comparisons;
}

export async function compareWaves(
  db: Database,
  waveId: number,
  baseWaveId: number,
  options: ResultsOptions,
): Promise<WaveComparison> {
  const wave = await requireWave(db, waveId);
  const baseWave = await requireWave(db, baseWaveId);
  if (wave.id === baseWave.id) throw new InvalidRequestError({ field: "baseWaveId" }, "请选择另一次调查作为比较基准。");
  const [current, base] = [
    await computeWaveResults(db, wave, options),
    await computeWaveResults(db, baseWave, options),
  ];
  return {
    wave: waveRef(wave),
    baseWave: waveRef(baseWave),
    weighting: current.weighting,
    measures: compareResults(current, base),
  };
}

export interface TrendQuery {
  question?: string;
  dimension?: string;
  domain?: string;
  overall?: boolean;
}

function requestedMeasure(query: TrendQuery): Pick<Measure, "kind" | "key"> {
  const given = [
    query.question !== undefined,
    query.dimension !== undefined,
    query.domain !== undefined,
    query.overall === true,
  ].filter(Boolean).length;
  if (given !== 1) {
    throw new InvalidRequestError(
      {},
      "请只指定一个题目（question）、维度（dimension）、领域（domain）或总体得分（overall=true）。",
    );
  }
  if (query.question !== undefined) return { kind: "item", key: query.question };
  if (query.dimension !== undefined) return { kind: "dimension", key: query.dimension };
  if (query.domain !== undefined) return { kind: "domain", key: query.domain };
  return OVERALL;
}

/** The measure in every wave whose results have it, oldest first; a question may be the overall question. */
export async function trendSeries(db: Database, query: TrendQuery, options: ResultsOptions): Promise<TrendSeries> {
  const wanted = requestedMeasure(query);
  // A wave hidden from trends (a test round, an aborted one) gives no point and is never a base year.
  const waves = (await listWaves(db))
    .filter((wave) => !wave.hiddenFromTrends)
    .sort((a, b) => a.year - b.year || a.id - b.id);
  const found: { results: WaveResults; measure: Measure }[] = [];
  for (const wave of waves) {
    let results: WaveResults;
    try {
      results = await computeWaveResults(db, wave, options);
    } catch (error) {
      // Waves without results (no responses yet, no questionnaire) have no point on the chart.
      if (error instanceof AppError && (error.code === "no_results" || error.code === "invalid_wave_state")) continue;
      throw error;
    }
    const measure = measuresOf(results).find(
      (candidate) =>
        candidate.key === wanted.key &&
        (candidate.kind === wanted.kind || (wanted.kind === "item" && candidate.kind === "overall_item")),
    );
    if (measure && pick(results.district, results, measure)) found.push({ results, measure });
  }
  const latest = found.at(-1);
  if (!latest) throw new UnknownMeasureError({ ...wanted });
  const towns = new Map<string, TrendSeries["towns"][number]>();
  for (const { results, measure } of found) {
    for (const town of results.towns) {
      const estimate = pick(town, results, measure, town.code);
      if (!estimate) continue;
      const series = towns.get(town.code) ?? { code: town.code, name: town.name, points: [] };
      series.points.push({ waveId: results.wave.id, estimate });
      towns.set(town.code, series);
    }
  }
  return {
    measure: { kind: latest.measure.kind, key: latest.measure.key, label: latest.measure.label },
    weighting: latest.results.weighting,
    waves: found.map(({ results }) => results.wave),
    district: found.map(({ results, measure }) => ({
      waveId: results.wave.id,
      estimate: pick(results.district, results, measure) as Estimate,
    })),
    towns: [...towns.values()].sort((a, b) => a.code.localeCompare(b.code)),
  };
}
