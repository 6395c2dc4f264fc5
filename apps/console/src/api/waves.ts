import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "./http";

export type WaveStatus = "draft" | "open" | "closed";
export type AllocationKind = "cap" | "proportional";

export interface WaveTotals {
  towns: number;
  communities: number;
  target: number;
  completed: number;
  reserved: number;
}

/** A wave as the write endpoints return it. */
export interface WaveRecord {
  id: number;
  code: string;
  title: string;
  year: number;
  status: WaveStatus;
  questionnaireId: number | null;
  townTarget: number;
  communityCap: number;
  minAge: number;
  reservationMinutes: number;
  allocation: AllocationKind;
  opensAt: string | null;
  closesAt: string | null;
  openedAt: string | null;
  demo: boolean;
  createdAt: string;
}

/** A wave as `GET /api/admin/waves` lists it (roles admin, office, staff). */
export interface Wave extends WaveRecord {
  totals: WaveTotals;
}

export interface WaveCommunity {
  code: string;
  name: string;
  kind: "residential" | "village";
  population: number;
  cap: number;
  capOverridden: boolean;
  completed: number;
  reserved: number;
  full: boolean;
}

export interface WaveTown {
  code: string;
  name: string;
  kind: "street" | "town";
  population: number;
  target: number;
  targetOverridden: boolean;
  completed: number;
  reserved: number;
  full: boolean;
  communities: WaveCommunity[];
}

/** `GET /api/admin/waves/:id`: the wave with every town and community taking part. */
export interface WaveDetail extends Wave {
  towns: WaveTown[];
}

/** `POST /api/admin/waves` (a draft; the questionnaire is required). */
export interface WaveInput {
  code: string;
  title: string;
  year: number;
  questionnaireId: number;
  townTarget: number;
  communityCap: number;
  minAge: number;
  reservationMinutes: number;
  allocation: AllocationKind;
  closesAt: string | null;
  townCodes: string[];
}

/** `PATCH /api/admin/waves/:id`; code and towns are fixed once created. */
export type WaveUpdate = Partial<Omit<WaveInput, "code" | "townCodes">>;

export const wavesQueryKey = ["waves"] as const;
export const waveQueryKey = (waveId: number) => ["waves", waveId] as const;

export function fetchWaves(): Promise<Wave[]> {
  return apiRequest<Wave[]>("/api/admin/waves");
}

export function fetchWave(waveId: number): Promise<WaveDetail> {
  return apiRequest<WaveDetail>(`/api/admin/waves/${waveId}`);
}

export function createWave(input: WaveInput): Promise<WaveRecord> {
  return apiRequest<WaveRecord>("/api/admin/waves", { method: "POST", json: input });
}

export function updateWave(waveId: number, update: WaveUpdate): Promise<WaveRecord> {
  return apiRequest<WaveRecord>(`/api/admin/waves/${waveId}`, { method: "PATCH", json: update });
}

export function changeWaveStatus(waveId: number, action: "open" | "close"): Promise<WaveRecord> {
  return apiRequest<WaveRecord>(`/api/admin/waves/${waveId}/${action}`, { method: "POST" });
}

/** Newest first; the monitor and the entry page default to the most recently opened wave. */
export function useWaves() {
  return useQuery({
    queryKey: wavesQueryKey,
    queryFn: fetchWaves,
    select: (waves) => [...waves].sort((a, b) => b.id - a.id),
  });
}

export function useWave(waveId: number | undefined) {
  return useQuery({
    queryKey: waveQueryKey(waveId ?? 0),
    queryFn: () => fetchWave(waveId ?? 0),
    enabled: waveId !== undefined,
  });
}

export function useCreateWave() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: createWave,
    onSuccess: () => client.invalidateQueries({ queryKey: wavesQueryKey }),
  });
}

export function useUpdateWave(waveId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (update: WaveUpdate) => updateWave(waveId, update),
    onSuccess: () => client.invalidateQueries({ queryKey: wavesQueryKey }),
  });
}

export function useChangeWaveStatus(waveId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (action: "open" | "close") => changeWaveStatus(waveId, action),
    onSuccess: () => client.invalidateQueries({ queryKey: wavesQueryKey }),
  });
}

/** The wave to show first: the open one opened last, else the newest. */
export function defaultWave(waves: Wave[]): Wave | undefined {
  const open = waves
    .filter((wave) => wave.status === "open")
    .sort((a, b) => (b.openedAt ?? "").localeCompare(a.openedAt ?? ""));
  return open[0] ?? waves[0];
}
