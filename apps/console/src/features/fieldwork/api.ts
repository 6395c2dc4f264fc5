import type { ImportReply, InterviewBody, InterviewReply } from "@survey/contract";
import { consoleApiPaths, FIELDWORK_EVENT, type FieldworkSummary } from "@survey/contract";
import { type QueryClient, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { apiRequest } from "../../shared/api/http";
import { postTableFile } from "../../shared/api/upload";

// ---------------------------------------------------------------- monitor

/** Polling interval when the event stream is not available. */
const FIELDWORK_POLL_FALLBACK_MS = 5000;

const fieldworkQueryKey = (waveId: number) => ["fieldwork", waveId] as const;

export type LiveMode = "stream" | "polling";

/**
 * The wave's fieldwork summary, kept current: the server's event stream pushes each change into the
 * query cache; while the stream is down (or absent) the query polls every 5 s instead.
 */
export function useFieldwork(waveId: number | undefined) {
  const client = useQueryClient();
  const [mode, setMode] = useState<LiveMode>("polling");

  useEffect(() => {
    if (waveId === undefined || typeof EventSource === "undefined") return;
    const source = new EventSource(consoleApiPaths.fieldworkEvents(waveId));
    source.addEventListener("open", () => setMode("stream"));
    source.addEventListener(FIELDWORK_EVENT, (event) => {
      client.setQueryData(fieldworkQueryKey(waveId), JSON.parse((event as MessageEvent<string>).data));
      setMode("stream");
    });
    // EventSource reconnects by itself after a dropped connection; polling covers the gap.
    source.addEventListener("error", () => setMode("polling"));
    return () => {
      source.close();
      setMode("polling");
    };
  }, [client, waveId]);

  const query = useQuery({
    queryKey: fieldworkQueryKey(waveId ?? 0),
    queryFn: () => apiRequest<FieldworkSummary>(consoleApiPaths.fieldwork(waveId ?? 0)),
    enabled: waveId !== undefined,
    refetchInterval: mode === "stream" ? false : FIELDWORK_POLL_FALLBACK_MS,
    staleTime: 0,
  });
  return { ...query, mode };
}

export function fieldworkWorkbookUrl(waveId: number): string {
  return consoleApiPaths.fieldworkXlsx(waveId);
}

// ---------------------------------------------------------------- paper questionnaires

/** Quotas and the monitor change with every stored questionnaire. */
function refreshQuotas(client: QueryClient, waveId: number): void {
  client.invalidateQueries({ queryKey: ["quotas", waveId] });
  client.invalidateQueries({ queryKey: ["fieldwork", waveId] });
}

export function useSubmitInterview(waveId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (request: InterviewBody) =>
      apiRequest<InterviewReply>(`/api/admin/waves/${waveId}/interviews`, { method: "POST", json: request }),
    onSettled: () => refreshQuotas(client, waveId),
  });
}

export function useImportResponses(waveId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => postTableFile<ImportReply>(`/api/admin/waves/${waveId}/responses/import`, file),
    onSuccess: () => refreshQuotas(client, waveId),
  });
}

// ---------------------------------------------------------------- posters

/** Printable HTML (one A4 page per community with its QR code), opened in a frame or a new tab. */
export function postersUrl(waveId: number, townCode: string): string {
  return consoleApiPaths.posters(waveId, townCode);
}
