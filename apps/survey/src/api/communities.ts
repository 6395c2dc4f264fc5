import { request } from "./http";
import type { CommunityQuota } from "./types";
import { type Query, useQuery } from "./use-api";

/** GET /api/waves/:waveId/towns/:townCode/communities — 404 `unknown_town`. */
export async function fetchCommunities(
  waveId: number,
  townCode: string,
  signal?: AbortSignal,
): Promise<CommunityQuota[]> {
  const path = `/api/waves/${waveId}/towns/${encodeURIComponent(townCode)}/communities`;
  return (await request<CommunityQuota[]>("GET", path, { signal })).data;
}

export function useCommunities(waveId: number, townCode: string | null): Query<CommunityQuota[]> {
  return useQuery(townCode === null ? null : `communities:${waveId}:${townCode}`, (signal) =>
    fetchCommunities(waveId, townCode ?? "", signal),
  );
}
