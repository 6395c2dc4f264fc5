import { useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../shared/api/http";
import { useInvalidatingMutation } from "../../shared/api/mutations";
import { postTableFile } from "../../shared/api/upload";

// TODO(contract): import from @survey/contract once the API's schemas move there
/** `GET /api/admin/frame` */
export interface FrameOverview {
  towns: {
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
  }[];
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
// end TODO(contract)

const frameQueryKey = ["frame"] as const;

export function useFrame() {
  return useQuery({ queryKey: frameQueryKey, queryFn: () => apiRequest<FrameOverview>("/api/admin/frame") });
}

export function useImportFrame() {
  return useInvalidatingMutation(
    (file: File) => postTableFile<FrameImportResult>("/api/admin/frame/import", file),
    [frameQueryKey],
  );
}

export function useImportPopulation() {
  return useInvalidatingMutation(
    (file: File) => postTableFile<PopulationImportResult>("/api/admin/frame/population", file),
    [frameQueryKey],
  );
}
