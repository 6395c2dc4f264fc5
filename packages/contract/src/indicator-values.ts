/**
 * Values the console and the API use at run time, with no schema inside: a front end importing one does not
 * pull the schemas (or TypeBox) into its bundle. One file per area, so each lands in the chunk that uses it.
 */
import type { IndexWeighting } from "./indicators";

/** The indicator's optional numeric settings (thresholds, interval, plan targets): blank means not set. */
export const INDICATOR_NUMBER_FIELDS = [
  "lower",
  "upper",
  "target",
  "intervalLow",
  "intervalHigh",
  "minValue",
  "maxValue",
  "planTarget",
  "townPlanTarget",
  "planEndYear",
] as const;

/** Unit code of district-wide figures in value tables, templates and uploads. */
export const DISTRICT_UNIT = "district";

export const indicatorApiPaths = {
  catalogue: "/api/admin/indicators",
  indicator: (code: string) => `/api/admin/indicators/${encodeURIComponent(code)}`,
  template: (year: number) => `/api/admin/indicators/template.xlsx?year=${year}`,
  values: (year: number) => `/api/admin/indicators/values?year=${year}`,
  index: (year: number, weighting: IndexWeighting = "equal", baseYear?: number) =>
    `/api/admin/indicators/index?year=${year}&weighting=${weighting}${baseYear ? `&baseYear=${baseYear}` : ""}`,
  comparison: (waveId: number, domain: string, year?: number) =>
    `/api/admin/waves/${waveId}/comparison?domain=${encodeURIComponent(domain)}${year ? `&year=${year}` : ""}`,
  comparisonOverview: (waveId: number) => `/api/admin/waves/${waveId}/comparison/overview`,
  /** Printable A4 HTML ranking bulletin (office, admin). */
  bulletin: (waveId: number) => `/api/admin/waves/${waveId}/bulletin`,
} as const;
