import { useQuery } from "@tanstack/react-query";
import { apiRequest } from "./http";

/** One row of `GET /api/admin/questionnaires`. */
export interface QuestionnaireSummary {
  id: number;
  code: string;
  version: number;
  title: string;
  createdAt: string;
}

/** `GET /api/admin/questionnaires/:id`: a stored version with its SurveyJS definition. */
export interface Questionnaire extends QuestionnaireSummary {
  definition: Record<string, unknown>;
}

export function fetchQuestionnaires(): Promise<QuestionnaireSummary[]> {
  return apiRequest<QuestionnaireSummary[]>("/api/admin/questionnaires");
}

export function fetchQuestionnaire(id: number): Promise<Questionnaire> {
  return apiRequest<Questionnaire>(`/api/admin/questionnaires/${id}`);
}

export function useQuestionnaires() {
  return useQuery({ queryKey: ["questionnaires"], queryFn: fetchQuestionnaires });
}

/** Stored versions never change, so one fetch per session is enough. */
export function useQuestionnaire(id: number | null | undefined) {
  return useQuery({
    queryKey: ["questionnaires", id],
    queryFn: () => fetchQuestionnaire(id ?? 0),
    enabled: typeof id === "number",
    staleTime: Number.POSITIVE_INFINITY,
  });
}
