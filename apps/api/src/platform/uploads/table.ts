import type { UploadLimits } from "../config";
import { type AppError, InvalidFileError } from "../errors";
import { cellText } from "./cells";
import { checkUploadSize, readCsvRecords, readWorkbookSheets, type SheetData } from "./spreadsheet-reader";

/**
 * Spreadsheet uploads (sampling frame, paper questionnaires, indicator values) as one header plus rows of
 * trimmed strings: CSV in any of the encodings Excel writes, or the first sheet of an .xlsx. The format is read
 * from the bytes, never from the name or content type. The request side is ./upload-body.ts. Parsing runs in a
 * worker thread within the configured limits (./spreadsheet-reader.ts).
 */

/** One problem in an uploaded table, as listed in a 422 `invalid_file` body. */
export interface TableProblem {
  /** The row number a person sees in Excel (the header is row 1); null for the file as a whole. */
  row: number | null;
  column: string | null;
  message: string;
}

export interface TableRow {
  rowNumber: number;
  /** Every header column, trimmed; a missing cell is "". */
  values: Record<string, string>;
}

export interface UploadedTable {
  format: "csv" | "xlsx";
  /** Row number of the header (1 unless blank rows come first). */
  headerRow: number;
  header: string[];
  /** Data rows in file order; rows whose cells are all blank are left out. */
  rows: TableRow[];
}

/** 422 `invalid_file` with `details: [{row, column, message}]` (and any further fields of `extra`). */
export function invalidFile(problems: TableProblem[], message?: string, extra: Record<string, unknown> = {}): AppError {
  return new InvalidFileError({ details: problems, ...extra }, message);
}

/** 422 `invalid_file` about the file as a whole. */
export function fileProblem(message: string): AppError {
  return invalidFile([{ row: null, column: null, message }], message);
}

// ---------------------------------------------------------------- text decoding

function startsWith(buffer: Buffer, bytes: number[]): boolean {
  return bytes.every((byte, index) => buffer[index] === byte);
}

/**
 * Excel on Chinese Windows saves "CSV" in GB18030 and "Unicode text" in UTF-16LE; "CSV UTF-8" has a BOM.
 * A declared charset wins; otherwise UTF-8 is tried strictly and GB18030 is the fallback.
 */
function decodeText(buffer: Buffer, charset: string | undefined): string {
  if (startsWith(buffer, [0xff, 0xfe])) return new TextDecoder("utf-16le").decode(buffer);
  if (startsWith(buffer, [0xfe, 0xff])) return new TextDecoder("utf-16be").decode(buffer);
  const declared = charset?.toLowerCase();
  if (declared && /^(gbk|gb2312|gb18030|cp936)$/.test(declared)) return new TextDecoder("gb18030").decode(buffer);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(buffer);
  } catch {
    // A file that claims UTF-8 but is not: say so rather than guess.
    if (declared && /^utf-?8$/.test(declared))
      throw fileProblem("文件声明为 UTF-8 编码，但内容不是有效的 UTF-8 文本。");
    return new TextDecoder("gb18030").decode(buffer);
  }
}

// ---------------------------------------------------------------- CSV

function chooseDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  return firstLine.includes("\t") && !firstLine.includes(",") ? "\t" : ",";
}

async function parseCsvText(text: string, limits: UploadLimits): Promise<ParsedTable> {
  if (text.includes("\u0000")) throw fileProblem("文件不是 CSV 文本或 Excel (.xlsx) 表格，无法读取。");
  const records = await readCsvRecords(text, chooseDelimiter(text.replace(/^\uFEFF/, "")), limits);
  if (!Array.isArray(records)) {
    throw invalidFile(
      [{ row: records.badRow, column: null, message: "CSV 格式错误：引号没有正确配对，请检查这一行。" }],
      "CSV 文件格式有错误，整个文件没有导入，请修改后重新上传。",
    );
  }
  // Record i is the (i + 1)-th row a person sees when the file is opened in Excel.
  return toTable(records.map((cells, index) => ({ rowNumber: index + 1, cells: cells.map((cell) => cell.trim()) })));
}

// ---------------------------------------------------------------- XLSX

/** The table on a sheet read by ./spreadsheet-reader.ts: the first non-blank row is the header. */
export function tableOfSheet(sheet: SheetData): ParsedTable {
  return toTable(
    sheet.rows.map((row) => ({ rowNumber: row.rowNumber, cells: row.values.map((value) => cellText(value ?? null)) })),
  );
}

async function parseXlsx(buffer: Buffer, limits: UploadLimits): Promise<ParsedTable> {
  const sheets = await readWorkbookSheets(buffer, limits);
  if (!sheets) throw fileProblem("Excel 文件已损坏或不是 .xlsx 格式，无法读取。");
  const sheet = sheets[0];
  if (!sheet) throw fileProblem("Excel 文件中没有工作表。");
  return tableOfSheet(sheet);
}

// ---------------------------------------------------------------- common shape

export type ParsedTable = Omit<UploadedTable, "format">;

function toTable(records: { rowNumber: number; cells: string[] }[]): ParsedTable {
  const nonBlank = records.filter((record) => record.cells.some((cell) => cell !== ""));
  const [headerRecord, ...dataRecords] = nonBlank;
  if (!headerRecord) throw fileProblem("文件是空的，没有表头和数据。");
  const header = headerRecord.cells.map((cell) => cell.replace(/^\uFEFF/, "").trim());
  const problems: TableProblem[] = [];
  const seen = new Set<string>();
  for (const name of header) {
    if (name === "") continue;
    if (seen.has(name)) {
      problems.push({ row: headerRecord.rowNumber, column: name, message: `表头中“${name}”这一列出现了不止一次。` });
    }
    seen.add(name);
  }
  if (problems.length > 0) throw invalidFile(problems);
  const columns = header.map((name, index) => ({ name, index })).filter((column) => column.name !== "");
  const rows = dataRecords.map((record) => {
    const values: Record<string, string> = {};
    for (const column of columns) values[column.name] = record.cells[column.index] ?? "";
    return { rowNumber: record.rowNumber, values };
  });
  return { headerRow: headerRecord.rowNumber, header: columns.map((column) => column.name), rows };
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

/** Whether the bytes are a ZIP archive, as every .xlsx is. */
export const isZip = (bytes: Buffer): boolean => startsWith(bytes, ZIP_MAGIC);

/**
 * The table in uploaded bytes. The format is read from the bytes, not trusted from the name or content type;
 * `charset` is a declared text encoding. 422 `invalid_file` (with `details`) for empty or unreadable files; 413
 * `payload_too_large` / `upload_too_large` and 422 `upload_too_slow` for files over the limits.
 */
export async function parseTableBytes(buffer: Buffer, limits: UploadLimits, charset?: string): Promise<UploadedTable> {
  if (buffer.length === 0) throw fileProblem("文件是空的，没有表头和数据。");
  checkUploadSize(buffer, limits);
  if (isZip(buffer)) return { format: "xlsx", ...(await parseXlsx(buffer, limits)) };
  if (startsWith(buffer, OLE_MAGIC)) {
    throw fileProblem("不支持旧版 Excel (.xls) 文件，请在 Excel 中另存为 .xlsx 或 CSV 后再上传。");
  }
  return { format: "csv", ...(await parseCsvText(decodeText(buffer, charset), limits)) };
}

/** Problems for every required column the header lacks (reported on the header row). */
export function missingColumns(
  table: Pick<UploadedTable, "header" | "headerRow">,
  required: readonly string[],
): TableProblem[] {
  const present = new Set(table.header.map((name) => name.toLowerCase()));
  return required
    .filter((name) => !present.has(name.toLowerCase()))
    .map((name) => ({ row: table.headerRow, column: name, message: `缺少“${name}”这一列。` }));
}
