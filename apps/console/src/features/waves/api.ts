import type {
  AdminWave,
  AdminWaveDetail,
  AdminWaveListItem,
  AllocationPreview,
  CommunityQuota,
  CreateWaveBody,
  QuestionnaireDetail,
  QuestionnaireSummary,
  TownQuota,
  UpdateWaveBody,
} from "@survey/contract";
import { useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../shared/api/http";
import { useInvalidatingMutation } from "../../shared/api/mutations";

/** How a town's target is spread over its communities. */
export type AllocationPlan = AdminWave["allocation"];

// ---------------------------------------------------------------- waves

const wavesQueryKey = ["waves"] as const;

/** Newest first; the monitor and the entry page default to the most recently opened wave. */
export function useWaves() {
  return useQuery({
    queryKey: wavesQueryKey,
    queryFn: () => apiRequest<AdminWaveListItem[]>("/api/admin/waves"),
    select: (waves) => [...waves].sort((a, b) => b.id - a.id),
  });
}

export function useWave(waveId: number | undefined) {
  return useQuery({
    queryKey: ["waves", waveId ?? 0],
    queryFn: () => apiRequest<AdminWaveDetail>(`/api/admin/waves/${waveId ?? 0}`),
    enabled: waveId !== undefined,
  });
}

export function useCreateWave() {
  return useInvalidatingMutation(
    (input: CreateWaveBody) => apiRequest<AdminWave>("/api/admin/waves", { method: "POST", json: input }),
    [wavesQueryKey],
  );
}

export function useUpdateWave(waveId: number) {
  return useInvalidatingMutation(
    (update: UpdateWaveBody) => apiRequest<AdminWave>(`/api/admin/waves/${waveId}`, { method: "PATCH", json: update }),
    [wavesQueryKey],
  );
}

export function useChangeWaveStatus(waveId: number) {
  return useInvalidatingMutation(
    (action: "open" | "close") => apiRequest<AdminWave>(`/api/admin/waves/${waveId}/${action}`, { method: "POST" }),
    [wavesQueryKey],
  );
}

// ---------------------------------------------------------------- quotas (as residents see them)

export function useTownQuotas(waveId: number | undefined) {
  return useQuery({
    queryKey: ["quotas", waveId],
    queryFn: () => apiRequest<TownQuota[]>(`/api/waves/${waveId ?? 0}/towns`),
    enabled: waveId !== undefined,
  });
}

export function useCommunityQuotas(waveId: number | undefined, townCode: string | null) {
  return useQuery({
    queryKey: ["quotas", waveId, townCode],
    queryFn: () =>
      apiRequest<CommunityQuota[]>(`/api/waves/${waveId ?? 0}/towns/${encodeURIComponent(townCode ?? "")}/communities`),
    enabled: waveId !== undefined && townCode !== null,
    staleTime: 0,
  });
}

// ---------------------------------------------------------------- allocation preview

/** A trial target and cap are computed without being saved. */
export interface AllocationRequest {
  plan: AllocationPlan;
  townTarget?: number;
  communityCap?: number;
}

export function useAllocation(waveId: number | undefined, request: AllocationRequest) {
  return useQuery({
    queryKey: ["allocation", waveId, request],
    queryFn: () =>
      apiRequest<AllocationPreview>(`/api/admin/waves/${waveId ?? 0}/allocation`, {
        query: { plan: request.plan, townTarget: request.townTarget, communityCap: request.communityCap },
      }),
    enabled: waveId !== undefined,
    staleTime: 0,
    placeholderData: (previous) => previous,
  });
}

// ---------------------------------------------------------------- questionnaires

export function useQuestionnaires() {
  return useQuery({
    queryKey: ["questionnaires"],
    queryFn: () => apiRequest<QuestionnaireSummary[]>("/api/admin/questionnaires"),
  });
}

/** Stored versions never change, so one fetch per session is enough. */
export function useQuestionnaire(id: number | null | undefined) {
  return useQuery({
    queryKey: ["questionnaires", id],
    queryFn: () => apiRequest<QuestionnaireDetail>(`/api/admin/questionnaires/${id ?? 0}`),
    enabled: typeof id === "number",
    staleTime: Number.POSITIVE_INFINITY,
  });
}
