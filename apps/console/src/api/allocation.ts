import { useQuery } from "@tanstack/react-query";
import { apiRequest } from "./http";
import type { AllocationKind } from "./waves";

export interface AllocationCommunity {
  code: string;
  name: string;
  population: number;
  cap: number;
  /** Most completions the community may contribute under the plan (its cap, or its proportional quota). */
  quota: number;
}

export interface AllocationTown {
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
  communities: AllocationCommunity[];
}

/** `GET /api/admin/waves/:id/allocation?plan&townTarget&communityCap` */
export interface AllocationPreview {
  waveId: number;
  plan: AllocationKind;
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
  towns: AllocationTown[];
}

/** A trial target and cap are computed without being saved. */
export interface AllocationRequest {
  plan: AllocationKind;
  townTarget?: number;
  communityCap?: number;
}

export function fetchAllocation(waveId: number, request: AllocationRequest): Promise<AllocationPreview> {
  return apiRequest<AllocationPreview>(`/api/admin/waves/${waveId}/allocation`, {
    query: { plan: request.plan, townTarget: request.townTarget, communityCap: request.communityCap },
  });
}

export function useAllocation(waveId: number | undefined, request: AllocationRequest) {
  return useQuery({
    queryKey: ["allocation", waveId, request],
    queryFn: () => fetchAllocation(waveId ?? 0, request),
    enabled: waveId !== undefined,
    staleTime: 0,
    placeholderData: (previous) => previous,
  });
}
