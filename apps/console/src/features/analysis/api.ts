import {
  type ComparisonOverview,
  type ComparisonReport,
  type CrosstabRequest,
  type CrosstabResult,
  type CrosstabVariable,
  type IndexWeighting,
  indicatorApiPaths,
  type Measure,
  resultsApiPaths,
  type TrendSeries,
  type WaveComparison,
  type WaveResults,
} from "@survey/contract";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../shared/api/http";

/** The query parameter asking for post-stratified weights. */
const poststratifyQuery = (poststratify: boolean) => (poststratify ? "true" : undefined);

// ---------------------------------------------------------------- results

/** `GET /api/admin/waves/:waveId/results[?poststratify=true]` */
export function useResults(waveId: number | undefined, poststratify: boolean) {
  return useQuery({
    queryKey: ["results", waveId ?? 0, poststratify],
    queryFn: () =>
      apiRequest<WaveResults>(resultsApiPaths.results(waveId ?? 0), {
        query: { poststratify: poststratifyQuery(poststratify) },
      }),
    enabled: waveId !== undefined,
  });
}

// ---------------------------------------------------------------- crosstab

/** `GET /api/admin/waves/:waveId/crosstab/variables` */
export function useCrosstabVariables(waveId: number | undefined) {
  return useQuery({
    queryKey: ["crosstab-variables", waveId ?? 0],
    queryFn: () => apiRequest<CrosstabVariable[]>(resultsApiPaths.crosstabVariables(waveId ?? 0)),
    enabled: waveId !== undefined,
  });
}

/**
 * `POST /api/admin/waves/:waveId/crosstab`: a read, sent as POST because filters do not fit a URL well.
 * The table for the current choice; the previous table stays on screen while the next one loads.
 */
export function useCrosstab(waveId: number | undefined, request: CrosstabRequest | null) {
  return useQuery({
    queryKey: ["crosstab", waveId ?? 0, request],
    queryFn: () => apiRequest<CrosstabResult>(resultsApiPaths.crosstab(waveId ?? 0), { method: "POST", json: request }),
    enabled: waveId !== undefined && request !== null,
    placeholderData: keepPreviousData,
  });
}

// ---------------------------------------------------------------- trends

/** `GET /api/admin/waves/:waveId/compare/:baseWaveId` */
export function useWaveComparison(waveId: number | undefined, baseWaveId: number | undefined, poststratify: boolean) {
  return useQuery({
    queryKey: ["wave-comparison", waveId ?? 0, baseWaveId ?? 0, poststratify],
    queryFn: () =>
      apiRequest<WaveComparison>(resultsApiPaths.compare(waveId ?? 0, baseWaveId ?? 0), {
        query: { poststratify: poststratifyQuery(poststratify) },
      }),
    enabled: waveId !== undefined && baseWaveId !== undefined,
  });
}

/** A measure the trends endpoint can follow over the waves. */
type TrendMeasure = Pick<Measure, "kind" | "key">;

/** The query parameter naming the measure: `question=`, `dimension=`, `domain=` or `overall=true`. */
function trendQuery(measure: TrendMeasure, poststratify: boolean): Record<string, string | undefined> {
  const ps = poststratifyQuery(poststratify);
  switch (measure.kind) {
    case "overall":
      return { overall: "true", poststratify: ps };
    case "dimension":
      return { dimension: measure.key, poststratify: ps };
    case "domain":
      return { domain: measure.key, poststratify: ps };
    case "item":
    case "overall_item":
      return { question: measure.key, poststratify: ps };
  }
}

/** `GET /api/admin/trends?question=|dimension=|domain=|overall=true` */
export function useTrend(measure: TrendMeasure | null, poststratify: boolean) {
  return useQuery({
    queryKey: ["trend", measure?.kind, measure?.key, poststratify],
    queryFn: () =>
      apiRequest<TrendSeries>(resultsApiPaths.trends, { query: trendQuery(measure as TrendMeasure, poststratify) }),
    enabled: measure !== null,
  });
}

// ---------------------------------------------------------------- comparison with the objective indicators

interface ComparisonOptions {
  /** Year of the indicator values; the wave's year when absent. */
  year?: number;
  weighting: IndexWeighting;
  poststratify: boolean;
}

const optionQuery = (options: ComparisonOptions) => ({
  year: options.year,
  weighting: options.weighting === "equal" ? undefined : options.weighting,
  poststratify: poststratifyQuery(options.poststratify),
});

/** `GET /api/admin/waves/:waveId/comparison?domain=&year=&weighting=&poststratify=`; `domain` is a code or `overall`. */
export function useComparison(waveId: number | undefined, options: ComparisonOptions & { domain: string }) {
  return useQuery({
    queryKey: ["comparison", waveId ?? 0, options],
    queryFn: () =>
      apiRequest<ComparisonReport>(`/api/admin/waves/${waveId ?? 0}/comparison`, {
        query: { domain: options.domain, ...optionQuery(options) },
      }),
    enabled: waveId !== undefined,
    placeholderData: keepPreviousData,
  });
}

/** `GET /api/admin/waves/:waveId/comparison/overview`: one line per domain. */
export function useComparisonOverview(waveId: number | undefined, options: ComparisonOptions) {
  return useQuery({
    queryKey: ["comparison-overview", waveId ?? 0, options],
    queryFn: () =>
      apiRequest<ComparisonOverview>(indicatorApiPaths.comparisonOverview(waveId ?? 0), {
        query: optionQuery(options),
      }),
    enabled: waveId !== undefined,
  });
}

// ---------------------------------------------------------------- downloads and printable pages

// Plain links (the session cookie goes along), so the browser saves the file or opens the page itself.

export function resultsWorkbookUrl(waveId: number, poststratify = false): string {
  const path = resultsApiPaths.resultsXlsx(waveId);
  return poststratify ? `${path}?poststratify=true` : path;
}

/** Anonymised microdata: no ID numbers, phones, hashes, receipt codes, times or free text. */
export function microdataCsvUrl(waveId: number): string {
  return resultsApiPaths.microdataCsv(waveId);
}

export function microdataSavUrl(waveId: number): string {
  return resultsApiPaths.microdataSav(waveId);
}

export function frequenciesUrl(waveId: number): string {
  return resultsApiPaths.frequenciesXlsx(waveId);
}

/** The cross-tab the page shows, as a workbook: the same request as query parameters. */
export function crosstabXlsxUrl(waveId: number, request: CrosstabRequest): string {
  const params = new URLSearchParams({ row: request.row, column: request.column, percent: request.percent });
  if (request.poststratify) params.set("poststratify", "true");
  if (request.filters && Object.keys(request.filters).length > 0)
    params.set("filters", JSON.stringify(request.filters));
  return `${resultsApiPaths.crosstabXlsx(waveId)}?${params}`;
}

/** The printable A4 ranking bulletin (HTML), for the same indicator year and weighting as the page. */
export function bulletinUrl(
  waveId: number,
  options: { year?: number; weighting?: string; poststratify?: boolean } = {},
): string {
  const params = new URLSearchParams();
  if (options.year !== undefined) params.set("year", String(options.year));
  if (options.weighting && options.weighting !== "equal") params.set("weighting", options.weighting);
  if (options.poststratify) params.set("poststratify", "true");
  const query = params.toString();
  return query ? `${indicatorApiPaths.bulletin(waveId)}?${query}` : indicatorApiPaths.bulletin(waveId);
}
