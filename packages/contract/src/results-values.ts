/**
 * Values the console and the API use at run time, with no schema inside: a front end importing one does not
 * pull the schemas (or TypeBox) into its bundle. One file per area, so each lands in the chunk that uses it.
 */
import type { TownTier } from "./results";

export const TOWN_TIER_LABELS: Readonly<Record<TownTier, string>> = {
  above: "显著高于全区",
  average: "与全区无显著差异",
  below: "显著低于全区",
};

/**
 * Results paths. Besides the JSON ones:
 * - `resultsXlsx`: workbook with sheets 街镇×维度, 街镇×领域, 街镇×题目, 题目, 排名 (Chinese headers);
 * - `microdataCsv`: anonymised microdata, UTF-8 with BOM: response number, town, community, mode, sex, age
 *   group, registered, design weight, then each coded answer by question name (no ID numbers, phones, hashes,
 *   receipt codes, times or free text); counted responses only.
 */
export const resultsApiPaths = {
  results: (waveId: number) => `/api/admin/waves/${waveId}/results`,
  resultsXlsx: (waveId: number) => `/api/admin/waves/${waveId}/results.xlsx`,
  microdataCsv: (waveId: number) => `/api/admin/waves/${waveId}/microdata.csv`,
  crosstab: (waveId: number) => `/api/admin/waves/${waveId}/crosstab`,
  crosstabXlsx: (waveId: number) => `/api/admin/waves/${waveId}/crosstab.xlsx`,
  frequenciesXlsx: (waveId: number) => `/api/admin/waves/${waveId}/frequencies.xlsx`,
  microdataSav: (waveId: number) => `/api/admin/waves/${waveId}/microdata.sav`,
  crosstabVariables: (waveId: number) => `/api/admin/waves/${waveId}/crosstab/variables`,
  compare: (waveId: number, baseWaveId: number) => `/api/admin/waves/${waveId}/compare/${baseWaveId}`,
  trends: "/api/admin/trends",
  reportBuild: (waveId: number) => `/api/admin/waves/${waveId}/report-build`,
} as const;
