/**
 * The annual report's requests: gather the figures from the analysis services (on the main thread, whose
 * services already yield between towns), then write the documents in the worker thread.
 */
import type { ReportKind } from "@survey/contract";
import { type Database, queryRows } from "@survey/db";
import { sql } from "drizzle-orm";
import { InvalidRequestError, UnknownTownError } from "../../platform/errors";
import { requireWave } from "../waves";
import type { Progress, RenderedFile, RenderTask } from "./render/render-task";
import { gatherReportData } from "./report-data";
import { renderOffThread } from "./report-runner";

async function requireWaveTown(db: Database, waveId: number, townCode: string): Promise<void> {
  const rows = await queryRows<{ found: number }>(
    db,
    sql`select 1 as found from wave_towns where wave_id = ${waveId} and town_code = ${townCode}`,
  );
  if (rows.length === 0) throw new UnknownTownError({ townCode });
}

async function waveTownCodes(db: Database, waveId: number): Promise<string[]> {
  const rows = await queryRows<{ code: string }>(
    db,
    sql`select town_code as code from wave_towns where wave_id = ${waveId} order by town_code`,
  );
  return rows.map((row) => row.code);
}

export interface ReportRequest {
  kind: ReportKind;
  townCode?: string;
}

/** One report as a file; `progress` hears of each step (gathering, then every document written). */
export async function generateReport(
  db: Database,
  waveId: number,
  request: ReportRequest,
  now: Date,
  progress: Progress = () => {},
): Promise<RenderedFile> {
  await requireWave(db, waveId);
  if (request.kind === "town") {
    if (!request.townCode) throw new InvalidRequestError({ field: "townCode" }, "请选择一个街镇。");
    await requireWaveTown(db, waveId, request.townCode);
  }
  progress(0, 1, "正在计算结果");
  const cardTowns =
    request.kind === "town"
      ? [request.townCode as string]
      : request.kind === "towns"
        ? await waveTownCodes(db, waveId)
        : [];
  const data = await gatherReportData(db, waveId, now, cardTowns);
  const task: RenderTask =
    request.kind === "town"
      ? { kind: "town", data, townCode: request.townCode as string }
      : request.kind === "towns"
        ? { kind: "towns", data }
        : { kind: "district", data };
  return renderOffThread(task, progress);
}
