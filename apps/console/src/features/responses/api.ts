import type {
  CorrectAnswersBody,
  QualityFlagName,
  ResponseDetail,
  ResponseMode,
  ResponsePage,
  ResponseQuality,
  ResponseStatus,
} from "@survey/contract";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../shared/api/http";
import { useInvalidatingMutation } from "../../shared/api/mutations";

export interface ResponseFilters {
  town?: string;
  mode?: ResponseMode;
  status?: ResponseStatus;
  flag?: QualityFlagName;
  page: number;
}

export const RESPONSES_PAGE_SIZE = 50;

export function useResponses(waveId: number, filters: ResponseFilters) {
  return useQuery({
    queryKey: ["responses", waveId, filters],
    queryFn: () =>
      apiRequest<ResponsePage>(`/api/admin/waves/${waveId}/responses`, {
        query: { ...filters, pageSize: RESPONSES_PAGE_SIZE },
      }),
    placeholderData: keepPreviousData,
  });
}

export function useResponse(responseId: string) {
  return useQuery({
    queryKey: ["response", responseId],
    queryFn: () => apiRequest<ResponseDetail>(`/api/admin/responses/${encodeURIComponent(responseId)}`),
  });
}

/**
 * The quality counts: every 15 s, after any change made here, and (on the monitor) whenever `version` — the
 * monitor's completed count — changes, so that a void elsewhere shows up with the quotas it changed.
 */
export function useResponseQuality(waveId: number, version?: string) {
  return useQuery({
    queryKey: ["response-quality", waveId, version],
    placeholderData: keepPreviousData,
    queryFn: () => apiRequest<ResponseQuality>(`/api/admin/waves/${waveId}/responses/quality`),
    refetchInterval: 15_000,
    staleTime: 0,
  });
}

/** A void or a correction changes the list, the counts, the quotas and the monitor. */
const changedByResponse = (responseId: string) => [
  ["response", responseId],
  ["responses"],
  ["response-quality"],
  ["fieldwork"],
  ["quotas"],
];

export function useVoidResponse(responseId: string) {
  return useInvalidatingMutation(
    (reason: string) =>
      apiRequest<ResponseDetail>(`/api/admin/responses/${encodeURIComponent(responseId)}/void`, {
        method: "POST",
        json: { reason },
      }),
    changedByResponse(responseId),
  );
}

export function useCorrectAnswers(responseId: string) {
  return useInvalidatingMutation(
    (body: CorrectAnswersBody) =>
      apiRequest<ResponseDetail>(`/api/admin/responses/${encodeURIComponent(responseId)}/answers`, {
        method: "PUT",
        json: body,
      }),
    changedByResponse(responseId),
  );
}

export function useSetQualityThreshold(waveId: number) {
  return useInvalidatingMutation(
    (minSecondsPerQuestion: number) =>
      apiRequest<ResponseQuality>(`/api/admin/waves/${waveId}/responses/quality`, {
        method: "PUT",
        json: { minSecondsPerQuestion },
      }),
    [
      ["responses", waveId],
      ["response-quality", waveId],
    ],
  );
}
