/**
 * `GET /api/admin/waves/:waveId/crosstab.xlsx`: the cross-tab the page shows (same request), as a sheet —
 * weighted row or column percent with unweighted n in each cell, the margins, residual marks — then the
 * Rao–Scott F test and Pearson's χ² with their p-values and the footnote (STATISTICS §3).
 */
import type { CrosstabRequest } from "@survey/contract";
import type { Database } from "@survey/db";
import { newWorkbook } from "../../platform/workbook";
import { crosstab } from "./crosstab-service";

export async function crosstabWorkbook(
  db: Database,
  waveId: number,
  request: CrosstabRequest,
): Promise<{ fileName: string; content: Buffer }> {
  const result = await crosstab(db, waveId, request);
  const workbook = await newWorkbook();
  const sheet = workbook.addWorksheet("交叉表");
  const percentName = result.percent === "row" ? "行百分比" : "列百分比";
  sheet.addRow([`${result.row.label} × ${result.column.label}（加权${percentName}，括号内为未加权人数）`]).font = {
    bold: true,
  };
  sheet.addRow([
    `${result.row.label} \\ ${result.column.label}`,
    ...result.columns.flatMap((column) => [`${column.label} %`, `${column.label} n`]),
    "合计 %",
    "合计 n",
  ]).font = { bold: true };
  result.rows.forEach((row, rowIndex) => {
    const cells = result.cells[rowIndex] ?? [];
    sheet.addRow([
      row.label,
      ...cells.flatMap((cell) => [Number((cell.percent / 100).toFixed(6)), cell.marked ? `${cell.n}*` : cell.n]),
      row.percent / 100,
      row.n,
    ]);
  });
  sheet.addRow([
    "合计",
    ...result.columns.flatMap((column) => [column.percent / 100, column.n]),
    1,
    result.total.n,
  ]).font = { bold: true };
  sheet.getColumn(1).width = 22;
  for (let column = 2; column <= 3 + result.columns.length * 2; column++) {
    sheet.getColumn(column).width = 12;
    if (column % 2 === 0) sheet.getColumn(column).numFmt = "0.0%";
  }
  sheet.addRow([]);
  sheet.addRow(["检验"]).font = { bold: true };
  if (result.raoScott) {
    const { f, numeratorDf, denominatorDf, pValue } = result.raoScott;
    sheet.addRow([
      "Rao–Scott 校正 F",
      f,
      "自由度",
      `${numeratorDf.toFixed(2)}, ${denominatorDf.toFixed(2)}`,
      "p 值",
      pValue,
    ]);
  }
  if (result.pearson) {
    const { chiSquare, df, pValue } = result.pearson;
    sheet.addRow(["皮尔逊卡方（未加权）", chiSquare, "自由度", df, "p 值", pValue]);
  }
  if (!result.raoScott && !result.pearson) sheet.addRow(["只有一行或一列，无法检验。"]);
  sheet.addRow([result.footnote]);
  sheet.addRow([result.weighting === "poststratified" ? "权重：事后分层" : "权重：设计权重"]);
  return {
    fileName: `交叉表-${result.row.label}×${result.column.label}.xlsx`.replace(/[\\/:*?"<>|]/g, "_"),
    content: Buffer.from(await workbook.xlsx.writeBuffer()),
  };
}
