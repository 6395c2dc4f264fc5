import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "./http";

/** `POST /api/admin/waves/:waveId/interviews`: a paper questionnaire entered by an interviewer. */
export interface InterviewRequest {
  communityCode: string;
  idNumber?: string;
  phone?: string;
  /** For a paper form without an ID number (otherwise derived from it). */
  sex?: "male" | "female";
  ageGroup?: string;
  answers: Record<string, unknown>;
}

/** 201; `counted` is false when the quota was full (the questionnaire is still kept). */
export interface InterviewResult {
  responseId: string;
  receiptCode: string;
  counted: boolean;
}

export function submitInterview(waveId: number, request: InterviewRequest): Promise<InterviewResult> {
  return apiRequest<InterviewResult>(`/api/admin/waves/${waveId}/interviews`, { method: "POST", json: request });
}

export function useSubmitInterview(waveId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (request: InterviewRequest) => submitInterview(waveId, request),
    // Quotas and the monitor change with every stored questionnaire.
    onSettled: () => {
      client.invalidateQueries({ queryKey: ["quotas", waveId] });
      client.invalidateQueries({ queryKey: ["fieldwork", waveId] });
    },
  });
}
