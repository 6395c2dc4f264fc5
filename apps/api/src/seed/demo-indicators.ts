import type { Executor } from "@survey/db";
import {
  DEFAULT_INDICATORS,
  DISTRICT_UNIT_CODE,
  demoIndicatorValues,
  demoPlanTarget,
  type IndicatorValue,
} from "@survey/indices";
import { insertIndicators, upsertBenchmarks, upsertValues } from "../modules/indicators";

/**
 * The demo years: the current wave's year and five before it, so the forecast (≥ 3 years) and the deterioration
 * check (three years) have data; the trend counts from 2025, so 2025 and 2026 are what they always were.
 */
const DEMO_INDICATOR_YEARS = [2021, 2022, 2023, 2024, 2025, 2026] as const;
const DEMO_TREND_FROM = 2025;
const DEMO_SEED = 20260101;
/** The plan the demo targets belong to: the 15th five-year plan (2026–2030). */
const DEMO_PLAN_END_YEAR = 2030;

/** Made-up sibling districts (兄弟区, 演示数据) for the benchmark page; the population sets their standing's spread. */
const DEMO_SIBLINGS = [
  { code: "demo_minhang", name: "闵行区（演示）", population: 2_650_000 },
  { code: "demo_jiading", name: "嘉定区（演示）", population: 1_830_000 },
  { code: "demo_qingpu", name: "青浦区（演示）", population: 1_270_000 },
  { code: "demo_fengxian", name: "奉贤区（演示）", population: 1_140_000 },
  { code: "demo_jinshan", name: "金山区（演示）", population: 820_000 },
] as const;
const DEMO_BENCHMARK_YEARS = [2025, 2026] as const;

/**
 * District figures for the town-level indicators: the population-weighted mean of the towns' values. The
 * town-level demo indicators are rates and per-head figures, for which that is the district figure.
 */
function districtFigures(
  towns: readonly { code: string; population: number }[],
  values: readonly IndicatorValue[],
): IndicatorValue[] {
  const population = new Map(towns.map((town) => [town.code, town.population]));
  const sums = new Map<string, { indicatorCode: string; year: number; weighted: number; total: number }>();
  for (const value of values) {
    const weight = population.get(value.townCode);
    if (weight === undefined) continue;
    const key = `${value.indicatorCode}|${value.year}`;
    const sum = sums.get(key) ?? { indicatorCode: value.indicatorCode, year: value.year, weighted: 0, total: 0 };
    sum.weighted += weight * value.value;
    sum.total += weight;
    sums.set(key, sum);
  }
  return [...sums.values()].map((sum) => ({
    indicatorCode: sum.indicatorCode,
    townCode: DISTRICT_UNIT_CODE,
    year: sum.year,
    value: Number((sum.weighted / sum.total).toPrecision(4)),
  }));
}

/**
 * Loads the default catalogue (marked demo) with plausible plan targets, generated demo values for the demo towns
 * (演示数据) and the figures of a few made-up sibling districts (marked demo).
 */
export async function seedDemoIndicators(
  tx: Executor,
  towns: readonly { code: string; population: number }[],
  now: Date,
): Promise<void> {
  await insertIndicators(
    tx,
    DEFAULT_INDICATORS.map((indicator) => ({
      ...indicator,
      planTarget: demoPlanTarget(indicator),
      planEndYear: DEMO_PLAN_END_YEAR,
      demo: true,
    })),
  );
  const generated = demoIndicatorValues(towns, DEMO_INDICATOR_YEARS, DEMO_SEED, DEFAULT_INDICATORS, DEMO_TREND_FROM);
  const townValues = generated.filter((value) => value.townCode !== DISTRICT_UNIT_CODE);
  await upsertValues(tx, [...generated, ...districtFigures(towns, townValues)], now, null);

  // Each sibling as one unit with every indicator as its own figure.
  const asDistrictFigures = DEFAULT_INDICATORS.map((indicator) => ({ ...indicator, level: "town" as const }));
  const siblings = demoIndicatorValues(DEMO_SIBLINGS, DEMO_BENCHMARK_YEARS, DEMO_SEED + 1, asDistrictFigures);
  const names = new Map<string, string>(DEMO_SIBLINGS.map((sibling) => [sibling.code, sibling.name]));
  await upsertBenchmarks(
    tx,
    siblings.flatMap((value) => {
      const districtName = names.get(value.townCode);
      return districtName === undefined
        ? []
        : [
            {
              districtCode: value.townCode,
              districtName,
              indicatorCode: value.indicatorCode,
              year: value.year,
              value: value.value,
              demo: true,
              importedAt: now,
            },
          ];
    }),
  );
}
