/**
 * Satisfaction results (STATISTICS.md §1–3): per-town and district scores, cross-tabs, comparisons
 * between waves, trends, and the exports. Every score is on the 0–100 scale; shares are 0–1 unless the
 * field says percent. District figures are weighted by town population (design weight N_h/n_h, with fpc);
 * a town's figures are its own.
 */

/** A point estimate with its standard error, 95 % confidence interval (± 1.96·SE) and unweighted n. */
export interface Estimate {
  mean: number;
  se: number;
  ciLow: number;
  ciHigh: number;
  n: number;
}

export type Weighting = "design" | "poststratified";

export interface WaveRef {
  id: number;
  code: string;
  title: string;
  year: number;
}

/** Scores of one area (a town or the district): the SPEC §3a shape. Keys are dimension, domain and question codes. */
export interface AreaScores {
  /** Counted responses. */
  n: number;
  /** Overall score: weighted mean of the dimension scores. */
  overall: Estimate;
  dimensions: Record<string, Estimate>;
  domains: Record<string, Estimate>;
  /** Mean score of each satisfaction item (the separate overall question is in `overallItem`). */
  items: Record<string, Estimate>;
}

export type Significance = "above" | "below" | "not_significant";

/** Town minus district on the overall score: d_h = ȳ_h − Σ W_g ȳ_g, Var = (1−W_h)²V_h + Σ_{g≠h} W_g² V_g. */
export interface DistrictDifference {
  difference: number;
  se: number;
  ciLow: number;
  ciHigh: number;
  pValue: number | null;
  significance: Significance;
}

/** Ranking tier from the CI of the difference with the district (rankings are published as tiers). */
export type TownTier = "above" | "average" | "below";

export const TOWN_TIER_LABELS: Readonly<Record<TownTier, string>> = {
  above: "显著高于全区",
  average: "与全区无显著差异",
  below: "显著低于全区",
};

export interface TownResult extends AreaScores {
  code: string;
  name: string;
  /** N_h: the town's adult population (sum of its sex × age cells when imported, else the frame population). */
  population: number;
  /** 1 = highest overall score; ties share a rank. */
  rank: number;
  tier: TownTier;
  comparison: DistrictDifference;
}

/** District-level diagnostics of one satisfaction item. */
export interface ItemSummary {
  question: string;
  title: string;
  dimension: string;
  domain: string;
  /** Unweighted share (0–1) of counted respondents without a valid answer (don't know, not applicable, blank). */
  missingShare: number;
  /** missingShare > 20 %. */
  flagged: boolean;
  /** 满意率: weighted percent (0–100) of valid answers that are 4 or 5; null when nobody answered validly. */
  satisfactionRate: Estimate | null;
  /** Design variance over the simple-random-sample variance of the mean score; null when undefined. */
  designEffect: number | null;
  effectiveSampleSize: number | null;
}

/** The separate overall question (总体满意度), not part of any dimension or domain score. */
export interface OverallItemResult extends Omit<ItemSummary, "dimension" | "domain"> {
  district: Estimate;
  /** Per town code. */
  towns: Record<string, Estimate>;
}

export interface LabelledCode {
  code: string;
  name: string;
}

export interface ExcludedTown {
  code: string;
  name: string;
  n: number;
  /** Why the town has no figures (Chinese). */
  reason: string;
}

/** `GET /api/admin/waves/:waveId/results[?poststratify=true]` → 200. */
export interface WaveResults {
  wave: WaveRef;
  weighting: Weighting;
  district: AreaScores;
  towns: TownResult[];
  items: ItemSummary[];
  overallItem: OverallItemResult | null;
  /** Labels in questionnaire order; `items` lists the questions of each dimension. */
  dimensions: (LabelledCode & { items: string[] })[];
  domains: (LabelledCode & { items: string[] })[];
  /** Towns of the wave with fewer than two counted responses (no variance can be estimated). */
  excludedTowns: ExcludedTown[];
}

// ---------------------------------------------------------------- cross-tabs

export type CrosstabVariableGroup = "respondent" | "score" | "demographic" | "policy" | "satisfaction";

export interface CrosstabCategory {
  value: string;
  label: string;
}

/** `GET /api/admin/waves/:waveId/crosstab/variables` → 200 `CrosstabVariable[]`. */
export interface CrosstabVariable {
  name: string;
  label: string;
  group: CrosstabVariableGroup;
  categories: CrosstabCategory[];
}

/** `POST /api/admin/waves/:waveId/crosstab`; filters keep respondents whose variable is one of the values. */
export interface CrosstabRequest {
  row: string;
  column: string;
  filters?: Record<string, string[]>;
  percent: "row" | "column";
  poststratify?: boolean;
}

export interface CrosstabCellResult {
  /** Weighted row or column percent (0–100), as requested. */
  percent: number;
  /** Estimated population count Σw. */
  weightedCount: number;
  /** Unweighted respondents. */
  n: number;
  /** Adjusted standardised residual of the unweighted table. */
  residual: number | null;
  /** |residual| > 1.96: see `footnote`. */
  marked: boolean;
}

export interface CrosstabMargin extends CrosstabCategory {
  /** Weighted percent of the whole table. */
  percent: number;
  weightedCount: number;
  n: number;
}

export interface CrosstabResult {
  row: { name: string; label: string };
  column: { name: string; label: string };
  percent: "row" | "column";
  weighting: Weighting;
  rows: CrosstabMargin[];
  columns: CrosstabMargin[];
  /** cells[i][j] for rows[i] × columns[j]. */
  cells: CrosstabCellResult[][];
  total: { weightedCount: number; n: number };
  /** Rao–Scott second-order corrected F (R svychisq); null for a table with one row or column. */
  raoScott: { f: number; numeratorDf: number; denominatorDf: number; pValue: number } | null;
  /** Unweighted Pearson χ², for reference. */
  pearson: { chiSquare: number; df: number; pValue: number } | null;
  footnote: string;
}

// ---------------------------------------------------------------- waves over the years

export type MeasureKind = "overall" | "dimension" | "domain" | "item" | "overall_item";

export interface Measure {
  kind: MeasureKind;
  /** Dimension, domain or question code; "overall" for the overall score. */
  key: string;
  label: string;
}

/** This wave against the base wave; independent samples, so Var(d) = V_this + V_base. */
export interface EstimateChange {
  current: Estimate;
  base: Estimate;
  difference: number;
  se: number;
  ciLow: number;
  ciHigh: number;
  /** The 95 % CI of the difference excludes 0. */
  significant: boolean;
}

export interface MeasureComparison extends Measure {
  /** For dimensions and domains: both waves' questionnaires give it the same items. */
  sameItems: boolean;
  district: EstimateChange;
  towns: { code: string; name: string; change: EstimateChange }[];
}

/** `GET /api/admin/waves/:waveId/compare/:baseWaveId[?poststratify=true]` → 200. */
export interface WaveComparison {
  wave: WaveRef;
  baseWave: WaveRef;
  weighting: Weighting;
  measures: MeasureComparison[];
}

export interface TrendPoint {
  waveId: number;
  estimate: Estimate;
}

/**
 * `GET /api/admin/trends?question=<q>` (or `dimension=<d>`, `domain=<d>`, `overall=true`) → 200: the measure
 * in every wave whose questionnaire has it and that has results, oldest first.
 */
export interface TrendSeries {
  measure: Measure;
  weighting: Weighting;
  waves: WaveRef[];
  district: TrendPoint[];
  towns: { code: string; name: string; points: TrendPoint[] }[];
}

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
  crosstabVariables: (waveId: number) => `/api/admin/waves/${waveId}/crosstab/variables`,
  compare: (waveId: number, baseWaveId: number) => `/api/admin/waves/${waveId}/compare/${baseWaveId}`,
  trends: "/api/admin/trends",
} as const;
