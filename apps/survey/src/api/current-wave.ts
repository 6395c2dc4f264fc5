import { request } from "./http";
import type { CurrentWave } from "./types";
import { type Query, useQuery } from "./use-api";

/** GET /api/waves/current — 404 `no_open_wave` when nothing is open. */
export async function fetchCurrentWave(signal?: AbortSignal): Promise<CurrentWave> {
  return (await request<CurrentWave>("GET", "/api/waves/current", { signal })).data;
}

/** GET /api/waves/by-code/:code — the wave a poster link names, open or closed; 404 `unknown_wave`. */
export async function fetchWaveByCode(code: string, signal?: AbortSignal): Promise<CurrentWave> {
  return (await request<CurrentWave>("GET", `/api/waves/by-code/${encodeURIComponent(code)}`, { signal })).data;
}

export function useCurrentWave(): Query<CurrentWave> {
  return useQuery("current-wave", fetchCurrentWave);
}
