import { DISTRICT_UNIT, type IndicatorForecast, type IndicatorWarning, type SessionUser } from "@survey/contract";
import type { Database } from "@survey/db";
import { forecastTrend, isWorsening, MIN_FORECAST_YEARS, warningStatus, yearTargetReached } from "@survey/indices";
import { type IndicatorRow, listIndicators, listTownUnits, listValues } from "./data/indicators";
import { sortByDomain } from "./indicator-catalogue-service";
import { DISTRICT_NAME } from "./indicator-template-layout";
import {
  DEFAULT_PLAN_END_YEAR,
  type IndicatorFilters,
  indicatorScope,
  matchesFilters,
  planTargetOf,
  targetFields,
} from "./plan-targets";

/** One indicator × unit with a plan target and its yearly values up to the asked year. */
interface Series {
  row: IndicatorRow;
  unitCode: string;
  unitName: string;
  byYear: Map<number, number>;
}

/** Every indicator × unit (towns for town-level indicators, and the district) that has a plan target. */
async function loadSeries(
  db: Database,
  year: number,
  keep: (row: IndicatorRow, unitCode: string) => boolean,
): Promise<Series[]> {
  const [rows, towns, values] = await Promise.all([listIndicators(db), listTownUnits(db), listValues(db)]);
  const units = [
    ...towns.map((town) => ({ code: town.code, name: town.name })),
    { code: DISTRICT_UNIT, name: DISTRICT_NAME },
  ];
  const byKey = new Map<string, Map<number, number>>();
  for (const value of values) {
    if (value.year > year) continue;
    const key = `${value.indicatorCode}|${value.townCode}`;
    const series = byKey.get(key) ?? new Map<number, number>();
    series.set(value.year, value.value);
    byKey.set(key, series);
  }
  const out: Series[] = [];
  for (const row of sortByDomain(rows)) {
    for (const unit of units) {
      if (row.level === "district" && unit.code !== DISTRICT_UNIT) continue;
      if (!keep(row, unit.code)) continue;
      out.push({
        row,
        unitCode: unit.code,
        unitName: unit.name,
        byYear: byKey.get(`${row.code}|${unit.code}`) ?? new Map(),
      });
    }
  }
  return out;
}

function facts(series: Series) {
  const { row } = series;
  return {
    indicatorCode: row.code,
    indicatorName: row.name,
    domain: row.domain,
    department: row.department,
    unit: row.unit,
    direction: row.direction,
    townCode: series.unitCode === DISTRICT_UNIT ? null : series.unitCode,
    townName: series.unitName,
  };
}

function warningOf(series: Series, year: number): IndicatorWarning | null {
  const target = planTargetOf(series.row, series.unitCode);
  const value = series.byYear.get(year);
  if (!target || value === undefined) return null;
  return {
    ...facts(series),
    ...targetFields(target),
    value,
    status: warningStatus(series.row.direction, target, value),
    worsening: isWorsening(series.row.direction, target, series.byYear, year),
    previous: [year - 2, year - 1].map((y) => ({ year: y, value: series.byYear.get(y) ?? null })),
  };
}

/** Status of every value of the year against its plan target, as far as the user may see (STATISTICS §8). */
export async function indicatorWarnings(
  db: Database,
  user: SessionUser,
  year: number,
  filters: IndicatorFilters,
): Promise<IndicatorWarning[]> {
  const scope = indicatorScope(user);
  const series = await loadSeries(
    db,
    year,
    (row, unit) => scope.indicator(row) && scope.unit(unit) && matchesFilters(row, unit, filters),
  );
  return series.flatMap((one) => warningOf(one, year) ?? []);
}

/** A town's warnings of a year, for its report card: the town's own values against the towns' targets. */
export async function townWarnings(db: Database, townCode: string, year: number): Promise<IndicatorWarning[]> {
  const series = await loadSeries(db, year, (_row, unit) => unit === townCode);
  return series.flatMap((one) => warningOf(one, year) ?? []);
}

const round = (value: number) => Number(value.toFixed(2));

function forecastOf(series: Series, year: number, endYearAsked: number | undefined): IndicatorForecast | null {
  const target = planTargetOf(series.row, series.unitCode);
  if (!target) return null;
  const endYear = Math.max(endYearAsked ?? series.row.planEndYear ?? DEFAULT_PLAN_END_YEAR, year);
  const history = [...series.byYear.entries()]
    .map(([y, value]) => ({ year: y, value }))
    .sort((a, b) => a.year - b.year);
  const base = { ...facts(series), ...targetFields(target), endYear, history };
  const trend = forecastTrend(history, endYear);
  const last = history.at(-1)?.year;
  if (!trend || last === undefined) {
    return {
      ...base,
      projected: null,
      low: null,
      high: null,
      reachesTargetIn: null,
      path: [],
      slope: null,
      summary: `只有${history.length}年的数值，至少需要${MIN_FORECAST_YEARS}年才能预测。`,
    };
  }
  const reaches = yearTargetReached(series.row.direction, target, trend, last, endYear);
  const { fit, low, high } = trend.projected;
  const unit = series.row.unit;
  const summary =
    reaches === null
      ? `按目前趋势，到${endYear}年预计为 ${round(fit)}${unit}（95% 预测区间 ${round(low)}～${round(high)}），到期末达不到目标。`
      : reaches <= last
        ? `按目前趋势已达到目标，${endYear}年预计为 ${round(fit)}${unit}（95% 预测区间 ${round(low)}～${round(high)}）。`
        : `按目前趋势将在${reaches}年达到目标；${endYear}年预计为 ${round(fit)}${unit}（95% 预测区间 ${round(low)}～${round(high)}）。`;
  return {
    ...base,
    projected: fit,
    low,
    high,
    reachesTargetIn: reaches,
    path: trend.path,
    slope: trend.slope,
    summary,
  };
}

/**
 * Where each indicator's trend leads by the plan's end year (STATISTICS §8): the OLS line of value on year with
 * its 95 % prediction interval and the year it meets the target; fewer than 3 values are said so.
 */
export async function indicatorForecasts(
  db: Database,
  user: SessionUser,
  year: number,
  endYear: number | undefined,
  filters: IndicatorFilters,
): Promise<IndicatorForecast[]> {
  const scope = indicatorScope(user);
  const series = await loadSeries(
    db,
    year,
    (row, unit) => scope.indicator(row) && scope.unit(unit) && matchesFilters(row, unit, filters),
  );
  return series.flatMap((one) => (one.byYear.size === 0 ? [] : (forecastOf(one, year, endYear) ?? [])));
}
