import type { SessionUser } from "@survey/contract";
import type { Database } from "@survey/db";
import { newWorkbook } from "../../platform/workbook";
import { fieldworkSummary } from "./fieldwork-service";

/** The fieldwork table as an Excel workbook: sheets 街镇 (towns) and 社区 (communities), Chinese headers. */
export async function fieldworkWorkbook(
  db: Database,
  user: SessionUser,
  waveId: number,
  now: Date,
): Promise<{ fileName: string; content: Buffer }> {
  const summary = await fieldworkSummary(db, user, waveId, now);
  const workbook = await newWorkbook();
  workbook.created = now;

  const towns = workbook.addWorksheet("街镇");
  towns.columns = [
    { header: "街镇编码", key: "code", width: 12 },
    { header: "街镇名称", key: "name", width: 14 },
    { header: "目标份数", key: "target", width: 10 },
    { header: "已完成", key: "completed", width: 10 },
    { header: "填写中（占用名额）", key: "reserved", width: 18 },
    { header: "完成率", key: "fillRate", width: 10, style: { numFmt: "0.0%" } },
    { header: "未开始社区数", key: "empty", width: 14 },
    { header: "已满社区数", key: "full", width: 12 },
    { header: "不足一半社区数", key: "belowHalf", width: 16 },
    { header: "日均完成（开始以来）", key: "perDay", width: 18 },
    { header: "截止时预计份数", key: "projected", width: 16 },
    { header: "预计完成日期", key: "expectedCompletionDate", width: 14 },
    { header: "可能无法按期完成", key: "atRisk", width: 16 },
    { header: "预计份数95%区间", key: "interval", width: 16 },
    { header: "建议继续招募的社区（剩余名额）", key: "recruit", width: 40 },
  ];
  for (const town of summary.towns) {
    towns.addRow({
      code: town.code,
      name: town.name,
      target: town.target,
      completed: town.completed,
      reserved: town.reserved,
      fillRate: town.fillRate,
      empty: town.communities.empty,
      full: town.communities.full,
      belowHalf: town.communities.belowHalf,
      perDay: town.projection.perDay,
      projected: town.projection.projected,
      expectedCompletionDate: town.projection.expectedCompletionDate ?? "",
      atRisk: town.projection.atRisk ? "是" : "否",
      interval: `${town.projection.projectedLow}–${town.projection.projectedHigh}`,
      recruit: town.recruitIn.map((community) => `${community.name}（${community.room}）`).join("、"),
    });
  }

  const townNames = new Map(summary.towns.map((town) => [town.code, town.name]));
  const communities = workbook.addWorksheet("社区");
  communities.columns = [
    { header: "社区编码", key: "code", width: 14 },
    { header: "社区名称", key: "name", width: 18 },
    { header: "所属街镇", key: "town", width: 14 },
    { header: "上限", key: "cap", width: 8 },
    { header: "已完成", key: "completed", width: 10 },
    { header: "填写中（占用名额）", key: "reserved", width: 18 },
    { header: "完成率", key: "fillRate", width: 10, style: { numFmt: "0.0%" } },
  ];
  for (const community of summary.communities) {
    communities.addRow({
      code: community.code,
      name: community.name,
      town: townNames.get(community.townCode) ?? community.townCode,
      cap: community.cap,
      completed: community.completed,
      reserved: community.reserved,
      fillRate: community.cap > 0 ? community.completed / community.cap : 0,
    });
  }
  for (const sheet of [towns, communities]) {
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: "frozen", ySplit: 1 }];
  }

  const content = Buffer.from(await workbook.xlsx.writeBuffer());
  return { fileName: `${summary.wave.code}-实地进度-${summary.generatedAt.slice(0, 10)}.xlsx`, content };
}
