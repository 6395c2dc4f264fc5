/**
 * `GET /api/admin/waves/:waveId/comments.xlsx`: the comments that pass the list's filters (意见), the counts per
 * town × theme (主题统计) and the theme keyword lists (主题关键词) — text as stored, numbers masked.
 */
import type { CommentsExportQuery, SessionUser } from "@survey/contract";
import type { Database } from "@survey/db";
import type ExcelJS from "exceljs";
import { newWorkbook } from "../../platform/workbook";
import { commentCounts, loadComments } from "./comments-service";

function header(sheet: ExcelJS.Worksheet, titles: string[], widths: number[]) {
  sheet.addRow(titles);
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  for (const [index, width] of widths.entries()) sheet.getColumn(index + 1).width = width;
}

/** A cell a spreadsheet would run as a formula (=, +, -, @) is written as text. */
const asText = (text: string) => (/^[=+\-@]/.test(text) ? `'${text}` : text);

export async function commentsWorkbook(
  db: Database,
  user: SessionUser,
  waveId: number,
  filters: CommentsExportQuery,
): Promise<{ fileName: string; content: Buffer }> {
  const [{ wave, themes, comments }, counts] = await Promise.all([
    loadComments(db, user, waveId, filters),
    commentCounts(db, user, waveId),
  ]);
  const labels = new Map(themes.map((theme) => [theme.code, theme.label]));
  const workbook = await newWorkbook();

  const list = workbook.addWorksheet("意见");
  header(
    list,
    ["序号", "街镇", "社区", "题目", "日期", "意见内容", "主题", "主题来源"],
    [6, 12, 16, 24, 12, 80, 24, 10],
  );
  for (const [index, comment] of comments.entries()) {
    list.addRow([
      index + 1,
      comment.townName,
      comment.communityName,
      comment.questionTitle,
      comment.date,
      asText(comment.text),
      comment.themes.map((code) => labels.get(code) ?? code).join("、"),
      comment.tagged ? "人工" : "关键词建议",
    ]);
  }
  list.getColumn(6).alignment = { wrapText: true, vertical: "top" };

  const table = workbook.addWorksheet("主题统计");
  header(
    table,
    ["街镇编码", "街镇", "意见条数", ...counts.themes.map((theme) => theme.label)],
    [10, 14, 10, ...counts.themes.map(() => 12)],
  );
  for (const town of counts.towns) {
    table.addRow([town.code, town.name, town.total, ...counts.themes.map((theme) => town.counts[theme.code] ?? 0)]);
  }
  table.addRow(["", "合计", counts.total, ...counts.themes.map((theme) => counts.counts[theme.code] ?? 0)]).font = {
    bold: true,
  };

  const keywords = workbook.addWorksheet("主题关键词");
  header(keywords, ["编码", "主题", "关键词"], [20, 16, 80]);
  for (const theme of themes) keywords.addRow([theme.code, theme.label, theme.keywords.join("、")]);

  const notes = workbook.addWorksheet("说明");
  notes.getColumn(1).width = 100;
  for (const line of [
    `${wave.title}：居民意见建议（开放题回答）`,
    "意见中居民填写的身份证号、手机号、电话号码和较长的数字串在保存时已隐去，原文不保存。",
    "主题由关键词自动建议（按词切分后匹配），经人工修正的标为“人工”；一条意见可属于多个主题，统计按意见条数计。",
    "不含填写人的任何身份信息。",
  ]) {
    notes.addRow([line]);
  }
  const content = Buffer.from(await workbook.xlsx.writeBuffer());
  return { fileName: `${wave.code}-居民意见.xlsx`, content };
}
