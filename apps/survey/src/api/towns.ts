import { request } from "./http";
import type { TownQuota } from "./types";
import { type Query, useQuery } from "./use-api";

/** GET /api/waves/:waveId/towns — the towns of a wave with their quota fill. */
export async function fetchTowns(waveId: number, signal?: AbortSignal): Promise<TownQuota[]> {
  return (await request<TownQuota[]>("GET", `/api/waves/${waveId}/towns`, { signal })).data;
}

export function useTowns(waveId: number | null): Query<TownQuota[]> {
  return useQuery(waveId === null ? null : `towns:${waveId}`, (signal) => fetchTowns(waveId ?? 0, signal));
}
