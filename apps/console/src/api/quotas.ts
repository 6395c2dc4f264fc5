import { useQuery } from "@tanstack/react-query";
import { apiRequest } from "./http";

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

export function fetchTownQuotas(waveId: number): Promise<TownQuota[]> {
  return apiRequest<TownQuota[]>(`/api/waves/${waveId}/towns`);
}

export function fetchCommunityQuotas(waveId: number, townCode: string): Promise<CommunityQuota[]> {
  return apiRequest<CommunityQuota[]>(`/api/waves/${waveId}/towns/${encodeURIComponent(townCode)}/communities`);
}

export function useTownQuotas(waveId: number | undefined) {
  return useQuery({
    queryKey: ["quotas", waveId],
    queryFn: () => fetchTownQuotas(waveId ?? 0),
    enabled: waveId !== undefined,
  });
}

export function useCommunityQuotas(waveId: number | undefined, townCode: string | null) {
  return useQuery({
    queryKey: ["quotas", waveId, townCode],
    queryFn: () => fetchCommunityQuotas(waveId ?? 0, townCode ?? ""),
    enabled: waveId !== undefined && townCode !== null,
    staleTime: 0,
  });
}
