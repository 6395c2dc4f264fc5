import { useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../shared/api/http";
import { useInvalidatingMutation } from "../../shared/api/mutations";

// TODO(contract): import from @survey/contract once the API's schemas move there
/** A wave as the write endpoints return it. */
export interface AdminWave {
  id: number;
  code: string;
  title: string;
  year: number;
  status: "draft" | "open" | "closed";
  questionnaireId: number | null;
  townTarget: number;
  communityCap: number;
  minAge: number;
  reservationMinutes: number;
  allocation: "cap" | "proportional";
  opensAt: string | null;
  closesAt: string | null;
  openedAt: string | null;
  demo: boolean;
  createdAt: string;
}

/** A wave as `GET /api/admin/waves` lists it (roles admin, office, staff). */
export interface AdminWaveListItem extends AdminWave {
  totals: { towns: number; communities: number; target: number; completed: number; reserved: number };
}

/** `GET /api/admin/waves/:id`: the wave with every town and community taking part. */
export interface AdminWaveDetail extends AdminWaveListItem {
  towns: {
    code: string;
    name: string;
    kind: "street" | "town";
    population: number;
    target: number;
    targetOverridden: boolean;
    completed: number;
    reserved: number;
    full: boolean;
    communities: {
      code: string;
      name: string;
      kind: "residential" | "village";
      population: number;
      cap: number;
      capOverridden: boolean;
      completed: number;
      reserved: number;
      full: boolean;
    }[];
  }[];
}

/** `POST /api/admin/waves` (a draft; the questionnaire is required). */
export interface CreateWaveBody {
  code: string;
  title: string;
  year: number;
  questionnaireId: number;
  townTarget?: number;
  communityCap?: number;
  minAge?: number;
  reservationMinutes?: number;
  allocation?: "cap" | "proportional";
  townCodes?: string[];
  opensAt?: string | null;
  closesAt?: string | null;
}

/** `PATCH /api/admin/waves/:id`; code and towns are fixed once created. */
export interface UpdateWaveBody {
  title?: string;
  year?: number;
  questionnaireId?: number;
  townTarget?: number;
  communityCap?: number;
  minAge?: number;
  reservationMinutes?: number;
  allocation?: "cap" | "proportional";
  opensAt?: string | null;
  closesAt?: string | null;
  townTargets?: Record<string, number | null>;
  communityCaps?: Record<string, number | null>;
}

/** `GET /api/admin/waves/:id/allocation?plan&townTarget&communityCap` */
export interface AllocationPreview {
  waveId: number;
  plan: "cap" | "proportional";
  townTarget: number;
  communityCap: number;
  summary: {
    towns: number;
    target: number;
    capacity: number;
    planned: number;
    missing: number;
    infeasibleTowns: number;
  };
  towns: {
    code: string;
    name: string;
    target: number;
    communityCount: number;
    capacity: number;
    planned: number;
    feasible: boolean;
    missing: number;
    smallestFeasibleCap: number | null;
    /** Chinese warning when the target cannot be reached, else null. */
    warning: string | null;
    /** Chinese sentence describing the town's plan. */
    message: string;
    /** `quota`: most completions the community may contribute under the plan (its cap, or its proportional quota). */
    communities: { code: string; name: string; population: number; cap: number; quota: number }[];
  }[];
}

/** One row of `GET /api/admin/questionnaires`. */
export interface QuestionnaireSummary {
  id: number;
  code: string;
  version: number;
  title: string;
  createdAt: string;
}

/** `GET /api/admin/questionnaires/:id`: a stored version with its SurveyJS definition. */
export interface QuestionnaireDetail {
  id: number;
  code: string;
  version: number;
  title: string;
  definition: Record<string, unknown>;
}
/** `GET /api/waves/:waveId/towns` (SPEC §3): a town's quota as residents see it. */
export interface TownQuota {
  code: string;
  name: string;
  kind: "street" | "town";
  target: number;
  completed: number;
  reserved: number;
  full: boolean;
}

/** `GET /api/waves/:waveId/towns/:townCode/communities` */
export interface CommunityQuota {
  code: string;
  name: string;
  cap: number;
  completed: number;
  reserved: number;
  full: boolean;
}

// end TODO(contract)

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
