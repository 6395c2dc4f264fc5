import { type MeasureKind, resultsApiPaths, type TrendSeries, type WaveComparison } from "@survey/contract";
import { useQuery } from "@tanstack/react-query";
import { apiRequest } from "./http";

/** `GET /api/admin/waves/:waveId/compare/:baseWaveId` */
export function fetchWaveComparison(waveId: number, baseWaveId: number, poststratify: boolean) {
  return apiRequest<WaveComparison>(resultsApiPaths.compare(waveId, baseWaveId), {
    query: { poststratify: poststratify ? "true" : undefined },
  });
}

export function useWaveComparison(waveId: number | undefined, baseWaveId: number | undefined, poststratify: boolean) {
  return useQuery({
    queryKey: ["wave-comparison", waveId ?? 0, baseWaveId ?? 0, poststratify],
    queryFn: () => fetchWaveComparison(waveId ?? 0, baseWaveId ?? 0, poststratify),
    enabled: waveId !== undefined && baseWaveId !== undefined,
  });
}

/** A measure the trends endpoint can follow over the waves. */
export interface TrendMeasure {
  kind: MeasureKind;
  key: string;
}

/** The query parameter naming the measure: `question=`, `dimension=`, `domain=` or `overall=true`. */
export function trendQuery(measure: TrendMeasure, poststratify: boolean): Record<string, string | undefined> {
  const ps = poststratify ? "true" : undefined;
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
export function fetchTrend(measure: TrendMeasure, poststratify: boolean): Promise<TrendSeries> {
  return apiRequest<TrendSeries>(resultsApiPaths.trends, { query: trendQuery(measure, poststratify) });
}

export function useTrend(measure: TrendMeasure | null, poststratify: boolean) {
  return useQuery({
    queryKey: ["trend", measure?.kind, measure?.key, poststratify],
    queryFn: () => fetchTrend(measure as TrendMeasure, poststratify),
    enabled: measure !== null,
  });
}
