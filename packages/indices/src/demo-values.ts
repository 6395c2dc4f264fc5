import { DEFAULT_INDICATORS } from "./catalogue";
import type { DomainCode } from "./domains";
import { DISTRICT_UNIT_CODE, type Indicator, type IndicatorValue } from "./indicator";
import { seededRandom } from "./seeded-random";

/** FNV-1a over the key, so every town × indicator × year draws from its own reproducible stream. */
function hash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i += 1) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A reproducible stream of uniform draws for one key. */
function uniform(key: string): () => number {
  return seededRandom(hash(key));
}

/** One standard normal draw (Box–Muller) from a keyed stream. */
function normal(key: string): number {
  const next = uniform(key);
  const u = Math.max(next(), Number.MIN_VALUE);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
}

/** Denser (more populous) towns tend to have better service coverage but less green space per head. */
const POPULATION_EFFECT: Partial<Record<DomainCode, number>> = {
  public_facilities: 0.05,
  health: 0.04,
  culture: -0.02,
  living_environment: -0.03,
};

/** Map a quality q (≈0 poor, ≈1 good, may overshoot) to a raw value on the indicator's own scale. */
function valueForQuality(indicator: Indicator, q: number, side: number): number {
  const { lower, upper, target, intervalLow, intervalHigh, minValue, maxValue } = indicator;
  let v: number;
  if (
    indicator.direction === "interval" &&
    lower != null &&
    upper != null &&
    intervalLow != null &&
    intervalHigh != null
  ) {
    const centre = (intervalLow + intervalHigh) / 2;
    const reach = side >= 0 ? upper - centre : lower - centre;
    v = centre + (1 - Math.min(q, 1)) * 0.9 * reach;
  } else if (indicator.method === "threshold" && lower != null && upper != null) {
    v = lower + q * (upper - lower);
  } else if (indicator.method === "target" && target != null) {
    v = indicator.direction === "negative" ? target * (1.8 - 1.2 * q) : target * (0.45 + 0.6 * q);
  } else {
    const lo = minValue ?? 0;
    const hi = maxValue ?? 100;
    v = lo + (hi - lo) * (0.2 + 0.6 * q);
  }
  if (minValue != null) v = Math.max(v, minValue);
  if (maxValue != null) v = Math.min(v, maxValue);
  const decimals = Math.abs(v) >= 1000 ? 0 : Math.abs(v) >= 10 ? 1 : 2;
  return Number(v.toFixed(decimals));
}

/**
 * Deterministic, plausible demo values for every town × town-level indicator × year, plus the district figure of
 * every district-level indicator (town code `district`). Each town has a persistent overall standing and a
 * persistent standing per indicator, so rankings are stable from year to year; each later year is slightly
 * better on average (+0.04 in quality per year, about 4 index points), except about one series in twelve that
 * declines by as much (so the early warning has something to find). `trendFrom` is the year the trend counts
 * from (default: the first year), so adding earlier years leaves the later years' values as they were.
 */
export function demoIndicatorValues(
  towns: readonly { code: string; population: number }[],
  years: readonly number[],
  seed: number,
  indicators: readonly Indicator[] = DEFAULT_INDICATORS,
  trendFrom?: number,
): IndicatorValue[] {
  if (years.length === 0) return [];
  const firstYear = trendFrom ?? Math.min(...years);
  const logPops = towns.map((t) => Math.log(Math.max(t.population, 1)));
  const meanLog = logPops.reduce((s, v) => s + v, 0) / Math.max(logPops.length, 1);
  const sdLog = Math.sqrt(logPops.reduce((s, v) => s + (v - meanLog) ** 2, 0) / Math.max(logPops.length, 1)) || 1;

  const units = [
    ...towns.map((t, k) => ({ code: t.code, density: ((logPops[k] as number) - meanLog) / sdLog, level: "town" })),
    { code: DISTRICT_UNIT_CODE, density: 0, level: "district" },
  ];
  const out: IndicatorValue[] = [];
  for (const unit of units) {
    const standing = unit.level === "district" ? 0.5 : normal(`${seed}|town|${unit.code}`);
    for (const indicator of indicators) {
      if (indicator.level !== unit.level) continue;
      const own = normal(`${seed}|own|${unit.code}|${indicator.code}`);
      const side = normal(`${seed}|side|${unit.code}|${indicator.code}`);
      const densityEffect = (POPULATION_EFFECT[indicator.domain] ?? 0) * unit.density;
      const pace = normal(`${seed}|pace|${unit.code}|${indicator.code}`) < -1.38 ? -0.04 : 0.04;
      for (const year of years) {
        const yearNoise = normal(`${seed}|year|${unit.code}|${indicator.code}|${year}`);
        const q = 0.55 + 0.12 * standing + 0.15 * own + densityEffect + pace * (year - firstYear) + 0.03 * yearNoise;
        out.push({
          townCode: unit.code,
          indicatorCode: indicator.code,
          year,
          value: valueForQuality(indicator, q, side),
        });
      }
    }
  }
  return out;
}
