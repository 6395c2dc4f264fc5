/**
 * Console API for the objective indicator system and its comparison with satisfaction (SPEC §4,
 * STATISTICS §4–5). Scores and indices are 0–100; ranks are competition ranks (1 = best, ties share the place).
 */

// ---------------------------------------------------------------- catalogue

export type IndicatorDirection = "positive" | "negative" | "interval";
export type IndicatorLevel = "town" | "district";
/** threshold (阈值法, L and U), target (目标值法, T) or minmax (relative to the year's towns). */
export type IndicatorMethod = "threshold" | "target" | "minmax";

export interface IndicatorDomainInfo {
  /** e.g. `health`; the same codes as the questionnaire items' `domain`. */
  code: string;
  name: string;
}

export interface IndicatorDefinition {
  code: string;
  name: string;
  domain: string;
  unit: string;
  direction: IndicatorDirection;
  level: IndicatorLevel;
  method: IndicatorMethod;
  /** Threshold method: L (worst value, scores 0) and U (best value, scores 100); for a negative indicator L > U. */
  lower: number | null;
  upper: number | null;
  /** Target method: T. */
  target: number | null;
  /** Interval direction: 100 inside [intervalLow, intervalHigh]. */
  intervalLow: number | null;
  intervalHigh: number | null;
  /** Plausible range; uploads outside it are rejected. */
  minValue: number | null;
  maxValue: number | null;
  /** Expert weight inside its domain. */
  weight: number;
  /** Source department (来源部门). */
  department: string;
  /** Part of the demo catalogue (not yet reviewed by the office); an edit clears it. */
  demo: boolean;
}

/** `GET /api/admin/indicators` → 200 (every signed-in role). */
export interface IndicatorCatalogue {
  domains: IndicatorDomainInfo[];
  indicators: IndicatorDefinition[];
}

/** `POST /api/admin/indicators` body (admin, office) → 201 IndicatorDefinition; 409 duplicate_code; 422 invalid_indicator. */
export type NewIndicator = Omit<IndicatorDefinition, "demo" | "method" | "weight" | NullableField> & {
  method?: IndicatorMethod;
  weight?: number;
} & Partial<Pick<IndicatorDefinition, NullableField>>;

type NullableField = "lower" | "upper" | "target" | "intervalLow" | "intervalHigh" | "minValue" | "maxValue";

/** `PATCH /api/admin/indicators/:code` body (admin, office) → 200 IndicatorDefinition; 404 unknown_indicator. */
export type IndicatorUpdate = Partial<Omit<NewIndicator, "code">>;

// ---------------------------------------------------------------- values

/** Unit code of district-wide figures in value tables, templates and uploads. */
export const DISTRICT_UNIT = "district";

/**
 * `GET /api/admin/indicators/values?year=` → 200 (admin, office, department; a department user limited to
 * domains sees only those indicators). One row per town, then the district row (`district`, 全区).
 */
export interface IndicatorValuesTable {
  year: number;
  indicators: Pick<IndicatorDefinition, "code" | "name" | "domain" | "unit" | "level">[];
  rows: { unitCode: string; unitName: string; values: Record<string, number | null> }[];
  /** Number of stored values shown. */
  count: number;
}

/**
 * `POST /api/admin/indicators/values?year=` — the template workbook (.xlsx; every sheet whose cell A2 is
 * 街镇代码 is read, year from the title in A1 or `?year`) or a CSV/.xlsx table with columns
 * `indicator_code, town_code, year, value`. All or nothing: 422 `invalid_file` with `details: IndicatorUploadProblem[]`.
 * Blank template cells leave stored values unchanged; a value for an indicator outside a department user's
 * domains is a row problem of the 422 (the whole file is refused), so the clerk sees every problem at once.
 */
export interface IndicatorUploadResult {
  /** Values written (inserted or replaced). */
  imported: number;
  years: number[];
  indicators: number;
  units: number;
}

export interface IndicatorUploadProblem {
  /** Worksheet name for a template workbook; null for a CSV or a flat table. */
  sheet: string | null;
  /** Row as seen in Excel (1-based); null for the file as a whole. */
  row: number | null;
  /** Column letter (workbook) or header name (table). */
  column: string | null;
  message: string;
}

// ---------------------------------------------------------------- index

export type IndexWeighting = "equal" | "expert" | "entropy";

export interface ProgressFigure {
  base: number | null;
  current: number | null;
  /** (S_t / S_base − 1)·100 */
  progressIndex: number | null;
  /** S_t − S_base, in index points. */
  pointChange: number | null;
}

export interface TownIndexRow {
  townCode: string;
  townName: string;
  /** Normalised 0–100 score per town-level indicator; null when the value is missing. */
  indicatorScores: Record<string, number | null>;
  domainIndices: Record<string, number | null>;
  composite: number | null;
  /** By composite; null when the town has no values. */
  rank: number | null;
  missingIndicators: string[];
  /** Present when `baseYear` was asked for. */
  progress: {
    composite: ProgressFigure;
    domains: Record<string, ProgressFigure>;
    /** Indicators present in only one of the two years (their absence shifts the renormalised weights). */
    indicatorSetChanged: string[];
  } | null;
}

export interface DistrictIndexRow {
  indicatorScores: Record<string, number | null>;
  domainIndices: Record<string, number | null>;
  composite: number | null;
  missingIndicators: string[];
  progress: ProgressFigure | null;
}

/**
 * `GET /api/admin/indicators/index?year=&weighting=equal|expert|entropy&baseYear=` → 200 (admin, office).
 * 422 `progress_not_comparable` when a base year is asked for with entropy weights or min–max indicators.
 */
export interface IndicatorIndexReport {
  year: number;
  weighting: IndexWeighting;
  baseYear: number | null;
  /** False under entropy weights or with min–max indicators: this year's figures are relative to this year's towns. */
  comparableAcrossYears: boolean;
  domains: (IndicatorDomainInfo & { weight: number })[];
  /** Every indicator; town-level ones make the town index, all with a district figure the district index. */
  indicators: (Pick<IndicatorDefinition, "code" | "name" | "domain" | "unit" | "level" | "method"> & {
    /** Weight used inside its domain (for district-level indicators: in the district index). */
    weight: number;
    /** Entropy e_j under entropy weighting. */
    entropy: number | null;
  })[];
  towns: TownIndexRow[];
  /** The district's own index from the district figures (null under entropy weights: no cross-section). */
  district: DistrictIndexRow | null;
  /** Chinese remarks for the reader (weights fell back to equal, indicators left out of the district index …). */
  notes: string[];
}

// ---------------------------------------------------------------- subjective against objective

export type Quadrant =
  | "strength"
  | "satisfaction_high_objective_low"
  | "objective_high_satisfaction_low"
  | "shared_weakness";

export interface ComparisonTown {
  townCode: string;
  townName: string;
  /** Satisfaction score 0–100 for the domain (or overall). */
  satisfaction: number | null;
  /** 95 % CI of the satisfaction score when the results service provides it. */
  satisfactionCi: [number, number] | null;
  /** Objective domain index (or composite) 0–100. */
  objective: number | null;
}

export interface ComparisonRankRow {
  townCode: string;
  townName: string;
  satisfaction: number;
  objective: number;
  satisfactionRank: number;
  objectiveRank: number;
  /** satisfactionRank − objectiveRank: positive when residents rate the town lower than its indicators do. */
  difference: number;
  /** |difference| ≥ 5 */
  flagged: boolean;
}

export interface RankCorrelation {
  /** ρ (Spearman, mid-ranks) or τ_b (Kendall). */
  value: number;
  /** Two-sided, as R's cor.test; null when undefined. */
  pValue: number | null;
  pValueMethod: string;
  n: number;
  ties: boolean;
}

/**
 * `GET /api/admin/waves/:waveId/comparison?domain=<domain code>|overall&year=&weighting=&poststratify=` → 200
 * (office, admin). `domain` defaults to overall, `year` (of the indicator values) to the wave's year, `weighting`
 * (of the objective index) to equal. 422 `comparison_unavailable` (with the reason) when fewer than 3 towns
 * have both figures or one of them does not vary; 409 `no_results` when the wave has no results yet.
 */
export interface ComparisonReport {
  wave: { id: number; code: string; title: string; year: number };
  year: number;
  domain: { code: string; name: string };
  /** Satisfaction: design-based estimates of the results service, design or post-stratified weights. */
  satisfactionWeighting: "design" | "poststratified";
  /** Indicator weighting of the objective index. */
  objectiveWeighting: IndexWeighting;
  towns: ComparisonTown[];
  n: number;
  /** Towns without one of the two figures. */
  excluded: string[];
  spearman: RankCorrelation;
  kendall: RankCorrelation;
  /** The quadrant split: the means over the compared towns. */
  means: { satisfaction: number; objective: number };
  rankTable: ComparisonRankRow[];
  quadrantLabels: Record<Quadrant, string>;
  quadrants: { townCode: string; townName: string; quadrant: Quadrant; label: string }[];
  /** 共同短板: bottom-k agreement and the both-low quadrant. */
  consensusWeaknesses: {
    k: number;
    satisfactionBottom: string[];
    objectiveBottom: string[];
    /** In both bottom groups. */
    overlap: { townCode: string; townName: string }[];
    /** Hypergeometric P(overlap ≥ observed) if the two rankings were unrelated. */
    probability: number;
    expectedByChance: number;
    /** Below both means (quadrant shared_weakness). */
    bothLow: { townCode: string; townName: string }[];
  };
  /** Towns whose two ranks differ by 5 or more places, with a Chinese explanation. */
  disagreements: (ComparisonRankRow & { explanation: string })[];
  reading: { level: "high" | "moderate" | "weak"; label: string; opposite: boolean };
  /** Plain-language Chinese summary; `footnote` carries the exact statistics. */
  summary: { sentence: string; footnote: string };
}

/** `GET /api/admin/waves/:waveId/comparison/overview?year=&weighting=&poststratify=` → 200: one line per domain. */
export interface ComparisonOverview {
  wave: { id: number; code: string; title: string; year: number };
  year: number;
  satisfactionWeighting: "design" | "poststratified";
  objectiveWeighting: IndexWeighting;
  /** Every domain, then `overall` (satisfaction overall score against the composite index). */
  domains: {
    code: string;
    name: string;
    n: number;
    /** null when fewer than 3 towns have both figures (`reason` says why). */
    rho: number | null;
    pValue: number | null;
    tau: number | null;
    kendallPValue: number | null;
    /** 高度一致 / 中度一致 / 较弱 … */
    reading: string | null;
    sharedWeaknesses: string[];
    reason: string | null;
  }[];
}

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
