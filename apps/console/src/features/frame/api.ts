import type { FrameImportResult, FrameOverview, PopulationImportResult } from "@survey/contract";
import { useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../shared/api/http";
import { useInvalidatingMutation } from "../../shared/api/mutations";
import { postTableFile } from "../../shared/api/upload";

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
