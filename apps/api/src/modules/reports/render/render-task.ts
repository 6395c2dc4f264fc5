/**
 * One generation request turned into a file: the district report, one town's card, or every town's card in a
 * zip. Pure of IO besides the fonts the charts read; run inside the report worker thread.
 */
import JSZip from "jszip";
import type { ReportData } from "../report-data";
import { districtReportDocx, districtReportTitle } from "./district-report";
import { townCardDocx, townCardTitle } from "./town-card";

export type RenderTask =
  | { kind: "district"; data: ReportData }
  | { kind: "town"; data: ReportData; townCode: string }
  | { kind: "towns"; data: ReportData };

export interface RenderedFile {
  fileName: string;
  contentType: string;
  bytes: Uint8Array;
}

export type Progress = (done: number, total: number, step: string) => void;

export const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** The towns a zip holds: every town of the wave's fieldwork, those without results get a card saying why. */
const townCodes = (data: ReportData) => data.fieldwork.map((town) => town.code);

export async function renderTask(task: RenderTask, progress: Progress): Promise<RenderedFile> {
  const { data } = task;
  if (task.kind === "district") {
    progress(0, 1, "正在生成全区报告");
    const bytes = await districtReportDocx(data);
    progress(1, 1, "全区报告已生成");
    return { fileName: `${districtReportTitle(data)}.docx`, contentType: DOCX_TYPE, bytes };
  }
  if (task.kind === "town") {
    progress(0, 1, "正在生成街镇报告卡");
    const bytes = await townCardDocx(data, task.townCode);
    progress(1, 1, "街镇报告卡已生成");
    return { fileName: `${townCardTitle(data, task.townCode)}.docx`, contentType: DOCX_TYPE, bytes };
  }
  const zip = new JSZip();
  const codes = townCodes(data);
  for (const [index, code] of codes.entries()) {
    const name = data.fieldwork.find((town) => town.code === code)?.name ?? code;
    progress(index, codes.length, `正在生成${name}的报告卡`);
    zip.file(`${townCardTitle(data, code)}.docx`, await townCardDocx(data, code));
  }
  progress(codes.length, codes.length, "正在打包");
  const bytes = await zip.generateAsync({ type: "uint8array", compression: "STORE" });
  return { fileName: `${data.wave.title}各街镇报告卡.zip`, contentType: "application/zip", bytes };
}
