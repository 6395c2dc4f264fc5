import { type CrosstabRequest, type CrosstabResult, type CrosstabVariable, resultsApiPaths } from "@survey/contract";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiRequest } from "./http";

/** `GET /api/admin/waves/:waveId/crosstab/variables` */
export function fetchCrosstabVariables(waveId: number): Promise<CrosstabVariable[]> {
  return apiRequest<CrosstabVariable[]>(resultsApiPaths.crosstabVariables(waveId));
}

/** `POST /api/admin/waves/:waveId/crosstab`: a read, sent as POST because filters do not fit a URL well. */
export function fetchCrosstab(waveId: number, request: CrosstabRequest): Promise<CrosstabResult> {
  return apiRequest<CrosstabResult>(resultsApiPaths.crosstab(waveId), { method: "POST", json: request });
}

export function useCrosstabVariables(waveId: number | undefined) {
  return useQuery({
    queryKey: ["crosstab-variables", waveId ?? 0],
    queryFn: () => fetchCrosstabVariables(waveId ?? 0),
    enabled: waveId !== undefined,
  });
}

/** The table for the current choice; the previous table stays on screen while the next one loads. */
export function useCrosstab(waveId: number | undefined, request: CrosstabRequest | null) {
  return useQuery({
    queryKey: ["crosstab", waveId ?? 0, request],
    queryFn: () => fetchCrosstab(waveId ?? 0, request as CrosstabRequest),
    enabled: waveId !== undefined && request !== null,
    placeholderData: keepPreviousData,
  });
}
