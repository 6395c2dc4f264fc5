import { DISTRICT_UNIT, type SessionUser } from "@survey/contract";
import type { Database } from "@survey/db";
import { DOMAINS } from "@survey/indices";
import type ExcelJS from "exceljs";
import { NotFoundError } from "../../platform/errors";
import { newWorkbook } from "../../platform/workbook";
import { type IndicatorRow, listIndicators, listTownUnits, listValues } from "./data/indicators";
import { sortByDomain, userDomains } from "./indicator-catalogue-service";
import {
  CODE_ROW,
  DISTRICT_NAME,
  FIRST_DATA_ROW,
  FIRST_VALUE_COLUMN,
  INDICATOR_NAME_HEADER,
  NAME_ROW,
  TITLE_ROW,
  templateTitle,
  UNIT_CODE_HEADER,
  UNIT_NAME_HEADER,
} from "./indicator-template-layout";

const GREY: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9D9D9" } };
const HEADER: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };

function rangeText(row: IndicatorRow): string {
  if (row.minValue === null && row.maxValue === null) return "";
  return `合理范围 ${row.minValue ?? "−∞"}～${row.maxValue ?? "+∞"} ${row.unit}`;
}

/**
 * The values template for a year (layout: indicator-template-layout.ts): one sheet per domain with
 * indicators (only a department user's own domains), towns as rows and the district last, existing values
 * prefilled. Cells that need no value (district-only indicators on town rows) are grey; every value cell
 * carries the plausible range as an Excel data validation, so most slips are caught while typing.
 */
export async function indicatorTemplate(
  db: Database,
  user: SessionUser,
  year: number,
  now: Date,
): Promise<{ fileName: string; content: Buffer }> {
  const allowed = userDomains(user);
  const indicators = sortByDomain((await listIndicators(db)).filter((row) => allowed.has(row.domain)));
  if (indicators.length === 0) throw new NotFoundError({}, "没有您可以填报的指标。");
  const towns = await listTownUnits(db);
  const units = [...towns.map((t) => ({ code: t.code, name: t.name })), { code: DISTRICT_UNIT, name: DISTRICT_NAME }];
  const stored = new Map(
    (await listValues(db, [year])).map((v) => [`${v.indicatorCode}|${v.townCode}`, v.value] as const),
  );

  const workbook = await newWorkbook();
  workbook.created = now;
  workbook.title = `${year}年社会建设指标数据填报模板`;
  for (const domain of DOMAINS) {
    const columns = indicators.filter((row) => row.domain === domain.code);
    if (columns.length === 0) continue;
    const sheet = workbook.addWorksheet(domain.name, {
      views: [{ state: "frozen", xSplit: FIRST_VALUE_COLUMN - 1, ySplit: NAME_ROW }],
    });
    sheet.getCell(TITLE_ROW, 1).value = templateTitle(year, domain.name);
    sheet.getCell(TITLE_ROW, 1).font = { bold: true, size: 13 };
    sheet.getCell(CODE_ROW, 1).value = UNIT_CODE_HEADER;
    sheet.getCell(CODE_ROW, 2).value = UNIT_NAME_HEADER;
    sheet.getCell(NAME_ROW, 2).value = INDICATOR_NAME_HEADER;
    sheet.getColumn(1).width = 14;
    sheet.getColumn(2).width = 16;
    columns.forEach((indicator, k) => {
      const column = FIRST_VALUE_COLUMN + k;
      sheet.getColumn(column).width = 22;
      const codeCell = sheet.getCell(CODE_ROW, column);
      codeCell.value = indicator.code;
      codeCell.font = { color: { argb: "FF808080" }, size: 9 };
      const nameCell = sheet.getCell(NAME_ROW, column);
      nameCell.value = `${indicator.name}（${indicator.unit}）${indicator.level === "district" ? "［仅全区］" : ""}`;
      nameCell.alignment = { wrapText: true, vertical: "top" };
      nameCell.note = [`来源部门：${indicator.department}`, rangeText(indicator)].filter(Boolean).join("\n");
    });
    for (const header of [CODE_ROW, NAME_ROW]) {
      sheet.getRow(header).eachCell((cell) => {
        cell.fill = HEADER;
      });
    }
    sheet.getRow(NAME_ROW).height = 48;
    units.forEach((unit, u) => {
      const row = FIRST_DATA_ROW + u;
      sheet.getCell(row, 1).value = unit.code;
      sheet.getCell(row, 2).value = unit.name;
      columns.forEach((indicator, k) => {
        const cell = sheet.getCell(row, FIRST_VALUE_COLUMN + k);
        if (indicator.level === "district" && unit.code !== DISTRICT_UNIT) {
          cell.fill = GREY;
          return;
        }
        cell.numFmt = "General";
        const value = stored.get(`${indicator.code}|${unit.code}`);
        if (value !== undefined) cell.value = value;
        cell.dataValidation = {
          type: "decimal",
          operator: "between",
          allowBlank: true,
          formulae: [indicator.minValue ?? -1e15, indicator.maxValue ?? 1e15],
          showErrorMessage: true,
          errorTitle: "数值超出合理范围",
          error: `${indicator.name}：${rangeText(indicator) || "请填写数字"}`,
        };
      });
    });
  }
  const content = Buffer.from(await workbook.xlsx.writeBuffer());
  return { fileName: `${year}年社会建设指标填报模板.xlsx`, content };
}
