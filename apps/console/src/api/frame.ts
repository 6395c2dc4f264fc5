import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "./http";
import { postTableFile } from "./upload";

export interface FrameTown {
  code: string;
  name: string;
  kind: "street" | "town";
  population: number;
  /** Demo numbers, not official ones. */
  demo: boolean;
  communityCount: number;
  residentialCount: number;
  villageCount: number;
  communityPopulation: number;
  /** Sex × age-group population cells known for the town. */
  populationCells: number;
  updatedAt: string;
}

/** `GET /api/admin/frame` */
export interface FrameOverview {
  towns: FrameTown[];
  totals: { towns: number; communities: number; population: number };
}

/** `POST /api/admin/frame/import` → 200 */
export interface FrameImportResult {
  towns: number;
  communities: number;
  removedCommunities: string[];
  retainedCommunities: string[];
}

/** `POST /api/admin/frame/population` → 200 */
export interface PopulationImportResult {
  towns: number;
  cells: number;
}

export const frameQueryKey = ["frame"] as const;

export function fetchFrame(): Promise<FrameOverview> {
  return apiRequest<FrameOverview>("/api/admin/frame");
}

export function importFrame(file: File): Promise<FrameImportResult> {
  return postTableFile<FrameImportResult>("/api/admin/frame/import", file);
}

export function importPopulation(file: File): Promise<PopulationImportResult> {
  return postTableFile<PopulationImportResult>("/api/admin/frame/population", file);
}

export function useFrame() {
  return useQuery({ queryKey: frameQueryKey, queryFn: fetchFrame });
}

export function useImportFrame() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: importFrame,
    onSuccess: () => client.invalidateQueries({ queryKey: frameQueryKey }),
  });
}

export function useImportPopulation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: importPopulation,
    onSuccess: () => client.invalidateQueries({ queryKey: frameQueryKey }),
  });
}
