import { DISTRICT_UNIT, type SessionUser } from "@survey/contract";
import type { PlanTarget } from "@survey/indices";
import { canAccessTown } from "../../platform/auth/scopes";
import type { IndicatorRow } from "./data/indicators";
import { userDomains } from "./indicator-catalogue-service";

/** Where the forecast projects to when the catalogue names no plan end year: the 15th five-year plan's last year. */
export const DEFAULT_PLAN_END_YEAR = 2030;

/**
 * The plan target a unit's value is held to (STATISTICS §8): the district figure to the district's target, a town
 * to the towns' target (the district's when none is set); an interval indicator to its optimal band. Null when the
 * catalogue gives none.
 */
export function planTargetOf(row: IndicatorRow, unitCode: string): PlanTarget | null {
  if (row.direction === "interval") {
    return row.intervalLow !== null && row.intervalHigh !== null
      ? { kind: "band", low: row.intervalLow, high: row.intervalHigh }
      : null;
  }
  const value = unitCode === DISTRICT_UNIT ? row.planTarget : (row.townPlanTarget ?? row.planTarget);
  return value === null ? null : { kind: "value", value };
}

/** The target as the contract shows it: T, or the band's edges. */
export function targetFields(target: PlanTarget) {
  return target.kind === "value"
    ? { target: target.value, targetLow: null, targetHigh: null }
    : { target: null, targetLow: target.low, targetHigh: target.high };
}

/**
 * What a user may see of the indicator system's warnings and forecasts: a department user its own domains'
 * indicators, a town-scoped staff user its towns (the district figure is everyone's).
 */
export function indicatorScope(user: SessionUser) {
  const domains = userDomains(user);
  return {
    indicator: (row: IndicatorRow) => domains.has(row.domain),
    unit: (unitCode: string) => unitCode === DISTRICT_UNIT || canAccessTown(user, unitCode),
  };
}

/** The optional filters of the warnings and forecast pages. */
export interface IndicatorFilters {
  domain?: string;
  department?: string;
  town?: string;
  indicator?: string;
}

export function matchesFilters(row: IndicatorRow, unitCode: string, filters: IndicatorFilters): boolean {
  return (
    (filters.domain === undefined || row.domain === filters.domain) &&
    (filters.department === undefined || row.department === filters.department) &&
    (filters.indicator === undefined || row.code === filters.indicator) &&
    (filters.town === undefined || unitCode === filters.town)
  );
}
