import type { Executor } from "@survey/db";
import { DEFAULT_INDICATORS, DISTRICT_UNIT_CODE, demoIndicatorValues, type IndicatorValue } from "@survey/indices";
import { insertIndicators, upsertValues } from "../modules/indicators";

/** The demo years: the current wave's year and the year before it, so progress against a base year has data. */
const DEMO_INDICATOR_YEARS = [2025, 2026] as const;
const DEMO_SEED = 20260101;

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

/** Loads the default catalogue (marked demo) and generated demo values for the demo towns (演示数据). */
export async function seedDemoIndicators(
  tx: Executor,
  towns: readonly { code: string; population: number }[],
  now: Date,
): Promise<void> {
  await insertIndicators(
    tx,
    DEFAULT_INDICATORS.map((indicator) => ({ ...indicator, demo: true })),
  );
  const generated = demoIndicatorValues(towns, DEMO_INDICATOR_YEARS, DEMO_SEED);
  const townValues = generated.filter((value) => value.townCode !== DISTRICT_UNIT_CODE);
  await upsertValues(tx, [...generated, ...districtFigures(towns, townValues)], now, null);
}
