import {
  type ComparisonOverview,
  type ComparisonReport,
  type IndexWeighting,
  indicatorApiPaths,
} from "@survey/contract";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiRequest } from "./http";

export interface ComparisonOptions {
  /** Domain code or `overall`. */
  domain: string;
  /** Year of the indicator values; the wave's year when absent. */
  year?: number;
  weighting: IndexWeighting;
  poststratify: boolean;
}

const optionQuery = (options: Omit<ComparisonOptions, "domain">) => ({
  year: options.year,
  weighting: options.weighting === "equal" ? undefined : options.weighting,
  poststratify: options.poststratify ? "true" : undefined,
});

/** `GET /api/admin/waves/:waveId/comparison?domain=&year=&weighting=&poststratify=` */
export function fetchComparison(waveId: number, options: ComparisonOptions): Promise<ComparisonReport> {
  return apiRequest<ComparisonReport>(`/api/admin/waves/${waveId}/comparison`, {
    query: { domain: options.domain, ...optionQuery(options) },
  });
}

/** `GET /api/admin/waves/:waveId/comparison/overview`: one line per domain. */
export function fetchComparisonOverview(
  waveId: number,
  options: Omit<ComparisonOptions, "domain">,
): Promise<ComparisonOverview> {
  return apiRequest<ComparisonOverview>(indicatorApiPaths.comparisonOverview(waveId), { query: optionQuery(options) });
}

export function useComparison(waveId: number | undefined, options: ComparisonOptions) {
  return useQuery({
    queryKey: ["comparison", waveId ?? 0, options],
    queryFn: () => fetchComparison(waveId ?? 0, options),
    enabled: waveId !== undefined,
    placeholderData: keepPreviousData,
  });
}

export function useComparisonOverview(waveId: number | undefined, options: Omit<ComparisonOptions, "domain">) {
  return useQuery({
    queryKey: ["comparison-overview", waveId ?? 0, options],
    queryFn: () => fetchComparisonOverview(waveId ?? 0, options),
    enabled: waveId !== undefined,
  });
}
