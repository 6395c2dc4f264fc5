import { resultsApiPaths, type WaveResults } from "@survey/contract";
import { useQuery } from "@tanstack/react-query";
import { apiRequest } from "./http";

export const resultsQueryKey = (waveId: number, poststratify: boolean) => ["results", waveId, poststratify] as const;

/** `GET /api/admin/waves/:waveId/results[?poststratify=true]` */
export function fetchResults(waveId: number, poststratify: boolean): Promise<WaveResults> {
  return apiRequest<WaveResults>(resultsApiPaths.results(waveId), {
    query: { poststratify: poststratify ? "true" : undefined },
  });
}

export function useResults(waveId: number | undefined, poststratify: boolean) {
  return useQuery({
    queryKey: resultsQueryKey(waveId ?? 0, poststratify),
    queryFn: () => fetchResults(waveId ?? 0, poststratify),
    enabled: waveId !== undefined,
  });
}
