import type {
  CreatedQuestionnaire,
  QuestionnaireDraft,
  QuestionnaireList,
  SavedQuestionnaire,
  UpdateQuestionnaireBody,
} from "@survey/contract";
import { useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../shared/api/http";
import { useInvalidatingMutation } from "../../shared/api/mutations";

/** The same key as the wave form's list, so a new version shows up there too. */
const LIST_KEY = ["questionnaires"] as const;
const draftKey = (id: number) => ["questionnaires", id, "draft"] as const;

export const questionnairePaths = {
  paper: (id: number) => `/api/admin/questionnaires/${id}/paper`,
  codebook: (id: number) => `/api/admin/questionnaires/${id}/codebook.xlsx`,
};

export function useQuestionnaireVersions() {
  return useQuery({
    queryKey: LIST_KEY,
    queryFn: () => apiRequest<QuestionnaireList>("/api/admin/questionnaires"),
  });
}

export function useQuestionnaireDraft(id: number) {
  return useQuery({
    queryKey: draftKey(id),
    queryFn: () => apiRequest<QuestionnaireDraft>(`/api/admin/questionnaires/${id}`),
    // The editor keeps its own copy while it is open: a refetch must not overwrite what is being typed.
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });
}

export function useCreateVersion() {
  return useInvalidatingMutation(
    (sourceId: number) =>
      apiRequest<CreatedQuestionnaire>(`/api/admin/questionnaires/${sourceId}/versions`, { method: "POST" }),
    [LIST_KEY],
  );
}

export function saveQuestionnaire(id: number, body: UpdateQuestionnaireBody) {
  return apiRequest<SavedQuestionnaire>(`/api/admin/questionnaires/${id}`, { method: "PUT", json: body });
}

export function fetchQuestionnaire(id: number) {
  return apiRequest<QuestionnaireDraft>(`/api/admin/questionnaires/${id}`);
}
