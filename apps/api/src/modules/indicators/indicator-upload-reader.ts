import type { IndicatorUploadProblem } from "@survey/contract";
import type ExcelJS from "exceljs";
import { type AppError, InvalidFileError } from "../../platform/errors";
import { plainCell } from "../../platform/uploads/cells";
import { columnLetter, readWorkbookSheets, type SheetData } from "../../platform/uploads/spreadsheet-reader";
import { isZip, parseTableBytes, tableOfSheet, type UploadedTable } from "../../platform/uploads/table";
import type { UploadBody, UploadWording } from "../../platform/uploads/upload-types";
import {
  CODE_ROW,
  FIRST_VALUE_COLUMN,
  NAME_ROW,
  TABLE_COLUMNS,
  TITLE_ROW,
  UNIT_CODE_HEADERS,
  yearOfTitle,
} from "./indicator-template-layout";

/**
 * Reads an indicator-values upload into one entry per supplied cell. The template workbook has one sheet
 * per domain, which the table reader (first sheet only) cannot read, so workbooks are opened here; CSV and
 * flat tables go through the table reader for its encoding and format handling.
 * Only the file's shape is checked here; what the values mean is checked by indicator-values-service.
 */

export interface CellLocation {
  sheet: string | null;
  row: number | null;
  column: string | null;
}

export interface CellContent {
  text: string;
  /** The number a numeric cell holds (never parsed from text here). */
  number: number | null;
  /** Excel stored the cell with a percent format: "95%" typed in is 0.95. */
  percentFormat: boolean;
}

export interface ValueEntry {
  indicatorCode: string;
  indicatorAt: CellLocation;
  unitCode: string;
  unitAt: CellLocation;
  /** null when the year could not be read (a problem is recorded already). */
  year: number | null;
  value: CellContent;
  valueAt: CellLocation;
}

export interface IndicatorUpload {
  format: "template" | "csv" | "xlsx";
  entries: ValueEntry[];
  problems: IndicatorUploadProblem[];
}

function fileProblem(message: string): AppError {
  return new InvalidFileError({ details: [{ sheet: null, row: null, column: null, message }] }, message);
}

/** The refusals of a form sent to the indicator upload: its problems name a `sheet`, and Excel comes first. */
export const INDICATOR_UPLOAD_WORDING: UploadWording = {
  noFile: "没有收到文件，请选择一个 Excel (.xlsx) 或 CSV 文件上传。",
  fileProblem,
  everyFormErrorIsTheClients: true,
};

/** A sheet read off the event loop (../../platform/uploads/spreadsheet-reader.ts), looked up by row and column. */
class Sheet {
  private readonly rows: Map<number, SheetData["rows"][number]>;
  constructor(private readonly data: SheetData) {
    this.rows = new Map(data.rows.map((row) => [row.rowNumber, row]));
  }
  get name(): string {
    return this.data.name;
  }
  get rowCount(): number {
    return this.data.rowCount;
  }
  cellCount(row: number): number {
    return this.rows.get(row)?.values.length ?? 0;
  }
  cell(row: number, column: number): CellContent {
    const found = this.rows.get(row);
    return cellContent(found?.values[column - 1] ?? null, found?.percent.includes(column) ?? false);
  }
}

/** The upload's bytes as value entries: the template workbook (any sheet with 街镇代码 in column A), else a long
 * table (CSV or the first sheet of a flat workbook). Over the upload limits: 413/422 from the reader. */
export async function readIndicatorUpload(upload: UploadBody, yearParam: number | undefined): Promise<IndicatorUpload> {
  if (!isZip(upload.bytes))
    return readTable(await parseTableBytes(upload.bytes, upload.limits, upload.charset), yearParam);
  const workbook = await readWorkbookSheets(upload.bytes, upload.limits);
  if (!workbook) throw fileProblem("Excel 文件已损坏或不是 .xlsx 格式，无法读取。");
  const sheets = workbook.map((data) => new Sheet(data));
  const templates = sheets.filter((sheet) => codeRowOf(sheet) !== null);
  if (templates.length > 0) return readTemplate(templates, yearParam);
  const first = workbook[0];
  if (!first) throw fileProblem("Excel 文件中没有工作表。");
  return readTable({ format: "xlsx", ...tableOfSheet(first) }, yearParam);
}

// ---------------------------------------------------------------- template workbook

function cellContent(value: ExcelJS.CellValue | null, percentFormat: boolean): CellContent {
  const plain = plainCell(value);
  if (plain === null) return { text: "", number: null, percentFormat };
  if (typeof plain === "number") return { text: String(plain), number: plain, percentFormat };
  // Text as it is; a boolean or date as JavaScript writes it (it is no number, and the message quotes it).
  return { text: typeof plain === "string" ? plain : String(plain), number: null, percentFormat };
}

/** The code row of a template sheet: near the top, with 街镇代码 in column A. */
function codeRowOf(sheet: Sheet): number | null {
  for (let row = 1; row <= Math.min(sheet.rowCount, 10); row++) {
    if (UNIT_CODE_HEADERS.includes(sheet.cell(row, 1).text)) return row;
  }
  return null;
}

function readTemplate(sheets: Sheet[], yearParam: number | undefined): IndicatorUpload {
  const problems: IndicatorUploadProblem[] = [];
  const entries: ValueEntry[] = [];
  for (const sheet of sheets) {
    const name = sheet.name;
    const codeRow = codeRowOf(sheet) ?? CODE_ROW;
    const titleYear = codeRow > TITLE_ROW ? yearOfTitle(sheet.cell(TITLE_ROW, 1).text) : null;
    if (yearParam !== undefined && titleYear !== null && titleYear !== yearParam) {
      problems.push({
        sheet: name,
        row: TITLE_ROW,
        column: "A",
        message: `这张表是${titleYear}年的模板，与上传时选择的${yearParam}年不一致，请下载${yearParam}年的模板填写。`,
      });
      continue;
    }
    const year = yearParam ?? titleYear;
    if (year === null) {
      problems.push({
        sheet: name,
        row: TITLE_ROW,
        column: "A",
        message: "无法确定数据年份：请在上传时选择年份，或使用系统下载的模板（第1行标题注明年份）。",
      });
      continue;
    }
    const columns: { index: number; letter: string; code: string }[] = [];
    const lastColumn = sheet.cellCount(codeRow);
    for (let index = FIRST_VALUE_COLUMN; index <= lastColumn; index++) {
      const code = sheet.cell(codeRow, index).text;
      if (code !== "") columns.push({ index, letter: columnLetter(index), code });
    }
    for (let row = codeRow + 1; row <= sheet.rowCount; row++) {
      const unitCode = sheet.cell(row, 1).text;
      const filled = columns
        .map((column) => ({ column, value: sheet.cell(row, column.index) }))
        .filter(({ value }) => value.text !== "");
      if (unitCode === "") {
        // The name row (and any note row) has no code; a row with values but no code would be lost.
        if (filled.length > 0 && row !== codeRow + (NAME_ROW - CODE_ROW)) {
          problems.push({ sheet: name, row, column: "A", message: "这一行填了数值，但没有街镇代码。" });
        }
        continue;
      }
      for (const { column, value } of filled) {
        entries.push({
          indicatorCode: column.code,
          indicatorAt: { sheet: name, row: codeRow, column: column.letter },
          unitCode,
          unitAt: { sheet: name, row, column: "A" },
          year,
          value,
          valueAt: { sheet: name, row, column: column.letter },
        });
      }
    }
  }
  return { format: "template", entries, problems };
}

// ---------------------------------------------------------------- long table (CSV or a flat sheet)

function columnName(header: readonly string[], names: readonly string[]): string | undefined {
  return header.find((name) => names.includes(name.toLowerCase()));
}

function readTable(table: UploadedTable, yearParam: number | undefined): IndicatorUpload {
  const names = {
    indicatorCode: columnName(table.header, TABLE_COLUMNS.indicatorCode),
    townCode: columnName(table.header, TABLE_COLUMNS.townCode),
    year: columnName(table.header, TABLE_COLUMNS.year),
    value: columnName(table.header, TABLE_COLUMNS.value),
  };
  const required = (Object.keys(names) as (keyof typeof names)[])
    .filter((key) => names[key] === undefined)
    .map((key) => TABLE_COLUMNS[key][0]);
  if (required.length > 0) {
    throw new InvalidFileError({
      details: required.map((name) => ({
        sheet: null,
        row: table.headerRow,
        column: name,
        message: `缺少“${name}”这一列：请使用系统下载的模板，或按 indicator_code, town_code, year, value 四列填写。`,
      })),
    });
  }
  const column = (key: keyof typeof names) => names[key] as string;
  const problems: IndicatorUploadProblem[] = [];
  const entries: ValueEntry[] = [];
  for (const row of table.rows) {
    const at = (key: keyof typeof names): CellLocation => ({ sheet: null, row: row.rowNumber, column: column(key) });
    const yearText = row.values[column("year")] ?? "";
    let year: number | null = /^\d{4}$/.test(yearText) ? Number(yearText) : null;
    if (year === null || year < 2000 || year > 2100) {
      problems.push({ ...at("year"), message: `年份“${yearText}”不正确，应为四位数字（如 2026）。` });
      year = null;
    } else if (yearParam !== undefined && year !== yearParam) {
      problems.push({ ...at("year"), message: `年份 ${year} 与上传时选择的 ${yearParam} 年不一致。` });
      year = null;
    }
    entries.push({
      indicatorCode: row.values[column("indicatorCode")] ?? "",
      indicatorAt: at("indicatorCode"),
      unitCode: row.values[column("townCode")] ?? "",
      unitAt: at("townCode"),
      year,
      value: { text: row.values[column("value")] ?? "", number: null, percentFormat: false },
      valueAt: at("value"),
    });
  }
  return { format: table.format, entries, problems };
}
