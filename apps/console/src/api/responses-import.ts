import { useMutation, useQueryClient } from "@tanstack/react-query";
import { postTableFile } from "./upload";

/** `POST /api/admin/waves/:waveId/responses/import` → 200 */
export interface ResponsesImportResult {
  imported: number;
  counted: number;
}

export function importResponses(waveId: number, file: File): Promise<ResponsesImportResult> {
  return postTableFile<ResponsesImportResult>(`/api/admin/waves/${waveId}/responses/import`, file);
}

export function useImportResponses(waveId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => importResponses(waveId, file),
    onSuccess: () => {
      client.invalidateQueries({ queryKey: ["quotas", waveId] });
      client.invalidateQueries({ queryKey: ["fieldwork", waveId] });
    },
  });
}
