import {
  type CommentCounts,
  type CommentsExportQuery,
  type CommentsPage,
  type CommentTheme,
  type CommentThemeList,
  commentsApiPaths,
  type TagCommentsBody,
  type TagCommentsReply,
} from "@survey/contract";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../shared/api/http";
import { useInvalidatingMutation } from "../../shared/api/mutations";

export type CommentFilters = CommentsExportQuery;

const commentKeys = (waveId: number) => ["comments", waveId] as const;

/** `GET /api/admin/waves/:waveId/comments`: one page of the filtered comments. */
export function useComments(waveId: number, filters: CommentFilters, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...commentKeys(waveId), "list", filters, page, pageSize],
    queryFn: () =>
      apiRequest<CommentsPage>(commentsApiPaths.comments(waveId), { query: { ...filters, page, pageSize } }),
    placeholderData: keepPreviousData,
  });
}

export function useCommentCounts(waveId: number) {
  return useQuery({
    queryKey: [...commentKeys(waveId), "counts"],
    queryFn: () => apiRequest<CommentCounts>(commentsApiPaths.counts(waveId)),
  });
}

export function useCommentThemes(waveId: number) {
  return useQuery({
    queryKey: [...commentKeys(waveId), "themes"],
    queryFn: () => apiRequest<CommentThemeList>(commentsApiPaths.themes(waveId)),
  });
}

/** Tagging changes the list and the counts: everything about the wave's comments is read again. */
export function useTagComments(waveId: number) {
  return useInvalidatingMutation(
    (body: TagCommentsBody) =>
      apiRequest<TagCommentsReply>(commentsApiPaths.tags(waveId), { method: "POST", json: body }),
    [commentKeys(waveId)],
  );
}

export function useSaveCommentThemes(waveId: number) {
  return useInvalidatingMutation(
    (themes: CommentTheme[]) =>
      apiRequest<CommentThemeList>(commentsApiPaths.themes(waveId), { method: "PUT", json: { themes } }),
    [commentKeys(waveId)],
  );
}

/** The workbook of the comments that pass the page's filters. */
export function commentsWorkbookUrl(waveId: number, filters: CommentFilters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  const query = params.toString();
  return query ? `${commentsApiPaths.workbook(waveId)}?${query}` : commentsApiPaths.workbook(waveId);
}
