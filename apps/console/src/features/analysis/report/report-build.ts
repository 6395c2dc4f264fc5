import { type ReportBuildEvent, type ReportKind, resultsApiPaths } from "@survey/contract";

/**
 * Asks the server for a report and reads its NDJSON stream: each progress line goes to `onProgress`, the last
 * line carries the file (base64), which is handed to the browser as a download.
 */
export async function buildReport(
  waveId: number,
  request: { kind: ReportKind; town?: string },
  onProgress: (event: Extract<ReportBuildEvent, { type: "progress" }>) => void,
): Promise<string> {
  const query = new URLSearchParams({ kind: request.kind, ...(request.town ? { town: request.town } : {}) });
  const response = await fetch(`${resultsApiPaths.reportBuild(waveId)}?${query}`, { credentials: "same-origin" });
  if (!response.ok || !response.body) {
    const body = (await response.json().catch(() => null)) as { message?: string } | null;
    throw new Error(body?.message ?? `HTTP ${response.status}`);
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = "";
  for (;;) {
    const { value, done } = await reader.read();
    buffered += value ?? "";
    const lines = buffered.split("\n");
    buffered = lines.pop() ?? "";
    for (const line of lines) {
      if (!line.trim()) continue;
      const event = JSON.parse(line) as ReportBuildEvent;
      if (event.type === "progress") onProgress(event);
      else if (event.type === "error") throw new Error(event.message);
      else {
        download(event.fileName, event.contentType, event.base64);
        return event.fileName;
      }
    }
    if (done) throw new Error("stream ended without a file");
  }
}

function download(fileName: string, contentType: string, base64: string): void {
  const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: contentType }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
