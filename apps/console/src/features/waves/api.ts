import type {
  AdminWave,
  AdminWaveDetail,
  AdminWaveListItem,
  AllocationPreview,
  CommunityQuota,
  CreateWaveBody,
  QuestionnaireDetail,
  QuestionnaireSummary,
  ReopenWaveBody,
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

/** Newest first (year, then the latest created), as the API lists them. */
export function useWaves() {
  return useQuery({
    queryKey: wavesQueryKey,
    queryFn: () => apiRequest<AdminWaveListItem[]>("/api/admin/waves"),
    select: (waves) => [...waves].sort((a, b) => b.year - a.year || b.id - a.id),
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

/** Opening while another wave is open needs `confirmAnotherOpen` (else 409 `another_wave_open`). */
export function useChangeWaveStatus(waveId: number) {
  return useInvalidatingMutation(
    ({ action, confirmAnotherOpen }: { action: "open" | "close"; confirmAnotherOpen?: boolean }) =>
      apiRequest<AdminWave>(`/api/admin/waves/${waveId}/${action}`, {
        method: "POST",
        json: action === "open" ? { confirmAnotherOpen: confirmAnotherOpen === true } : undefined,
      }),
    [wavesQueryKey],
  );
}

export function useReopenWave(waveId: number) {
  return useInvalidatingMutation(
    (body: ReopenWaveBody) =>
      apiRequest<AdminWave>(`/api/admin/waves/${waveId}/reopen`, { method: "POST", json: body }),
    [wavesQueryKey],
  );
}

export function useDeleteWave(waveId: number) {
  return useInvalidatingMutation(
    () => apiRequest<null>(`/api/admin/waves/${waveId}`, { method: "DELETE" }),
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
