import { consoleApiPaths, FIELDWORK_EVENT, type FieldworkSummary } from "@survey/contract";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { apiRequest } from "./http";

/** Polling interval when the event stream is not available. */
export const FIELDWORK_POLL_FALLBACK_MS = 5000;

export const fieldworkQueryKey = (waveId: number) => ["fieldwork", waveId] as const;

export function fetchFieldwork(waveId: number): Promise<FieldworkSummary> {
  return apiRequest<FieldworkSummary>(consoleApiPaths.fieldwork(waveId));
}

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
    queryFn: () => fetchFieldwork(waveId ?? 0),
    enabled: waveId !== undefined,
    refetchInterval: mode === "stream" ? false : FIELDWORK_POLL_FALLBACK_MS,
    staleTime: 0,
  });
  return { ...query, mode };
}

export function fieldworkWorkbookUrl(waveId: number): string {
  return consoleApiPaths.fieldworkXlsx(waveId);
}
