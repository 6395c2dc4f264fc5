import type {
  BenchmarkImportResult,
  BenchmarkReport,
  IndicatorForecasts,
  IndicatorWarnings,
  NewRecommendation,
  Recommendation,
  RecommendationList,
  RecommendationResponse,
  SubmissionReport,
} from "@survey/contract";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../shared/api/http";
import { useInvalidatingMutation } from "../../shared/api/mutations";
import { postTableFile } from "../../shared/api/upload";

export interface WarningFilters {
  domain?: string;
  department?: string;
  town?: string;
}

export function useWarnings(year: number, filters: WarningFilters) {
  return useQuery({
    queryKey: ["indicator-system", "warnings", year, filters],
    queryFn: () => apiRequest<IndicatorWarnings>("/api/admin/indicators/warnings", { query: { year, ...filters } }),
    placeholderData: keepPreviousData,
  });
}

export function useForecast(year: number, indicator: string, town: string) {
  return useQuery({
    queryKey: ["indicator-system", "forecast", year, indicator, town],
    queryFn: () =>
      apiRequest<IndicatorForecasts>("/api/admin/indicators/forecast", { query: { year, indicator, town } }),
  });
}

export function useBenchmarks(year: number) {
  return useQuery({
    queryKey: ["indicator-system", "benchmarks", year],
    queryFn: () => apiRequest<BenchmarkReport>("/api/admin/benchmarks", { query: { year } }),
    placeholderData: keepPreviousData,
  });
}

export function useImportBenchmarks() {
  return useInvalidatingMutation(
    (file: File) => postTableFile<BenchmarkImportResult>("/api/admin/benchmarks/import", file),
    [["indicator-system", "benchmarks"]],
  );
}

const recommendationsKey = ["indicator-system", "recommendations"] as const;

export function useRecommendations() {
  return useQuery({
    queryKey: recommendationsKey,
    queryFn: () => apiRequest<RecommendationList>("/api/admin/recommendations"),
  });
}

export function useCreateRecommendation() {
  return useInvalidatingMutation(
    (draft: NewRecommendation) =>
      apiRequest<Recommendation>("/api/admin/recommendations", { method: "POST", json: draft }),
    [recommendationsKey],
  );
}

export function useRespondToRecommendation() {
  return useInvalidatingMutation(
    ({ id, response }: { id: number; response: RecommendationResponse }) =>
      apiRequest<Recommendation>(`/api/admin/recommendations/${id}/response`, { method: "PUT", json: response }),
    [recommendationsKey],
  );
}

export const recommendationsExportUrl = "/api/admin/recommendations.xlsx";

export function useSubmissions(year: number) {
  return useQuery({
    queryKey: ["indicator-system", "submissions", year],
    queryFn: () => apiRequest<SubmissionReport>("/api/admin/indicators/submissions", { query: { year } }),
    placeholderData: keepPreviousData,
  });
}

export function useSetDeadline() {
  return useInvalidatingMutation(
    (deadline: { year: number; dueDate: string }) =>
      apiRequest<SubmissionReport>("/api/admin/indicators/submissions/deadline", { method: "PUT", json: deadline }),
    [["indicator-system", "submissions"]],
  );
}
