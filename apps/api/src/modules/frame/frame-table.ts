import { invalidFile, type TableProblem, type TableRow, type UploadedTable } from "../../platform/uploads/table";

/**
 * Reading the frame's tables (towns and communities, population cells). A file is all or nothing: every
 * problem of every row is collected and reported together, and nothing is written unless there are none.
 */

/** A column: its name in the file (English, or the Chinese label of the template) and how to read it. */
export interface ColumnSpec {
  name: string;
  label: string;
}

const CODE_PATTERN = /^[0-9A-Za-z_-]{1,40}$/;
const MAX_NAME_LENGTH = 100;
/** No town of any Chinese district has a hundred million people; a bigger figure is a typing slip. */
const MAX_POPULATION = 100_000_000;
/** A file with more problems than this is listed up to here, with the total count. */
const MAX_LISTED_PROBLEMS = 1000;

export type Columns<K extends string> = Record<K, ColumnSpec>;

/** Reads the cells of one row, recording a problem for each that is missing or malformed. */
export class RowReader<K extends string> {
  constructor(
    private readonly row: TableRow,
    private readonly columns: Columns<K>,
    private readonly headerNames: Record<K, string | undefined>,
    private readonly problems: TableProblem[],
  ) {}

  private report(key: K, message: string): undefined {
    this.problems.push({ row: this.row.rowNumber, column: this.columns[key].name, message });
    return undefined;
  }

  /** The trimmed cell, or undefined (with a problem) when it is empty; undefined silently when the column is absent. */
  text(key: K): string | undefined {
    const header = this.headerNames[key];
    if (header === undefined) return undefined;
    const value = this.row.values[header] ?? "";
    if (value === "") return this.report(key, `${this.columns[key].label}不能为空。`);
    return value;
  }

  code(key: K): string | undefined {
    const value = this.text(key);
    if (value === undefined) return undefined;
    if (!CODE_PATTERN.test(value)) {
      return this.report(key, `${this.columns[key].label}“${value}”只能由字母、数字、“-”和“_”组成，最长40个字符。`);
    }
    return value;
  }

  name(key: K): string | undefined {
    const value = this.text(key);
    if (value !== undefined && value.length > MAX_NAME_LENGTH) {
      return this.report(key, `${this.columns[key].label}太长了（最多${MAX_NAME_LENGTH}个字）。`);
    }
    return value;
  }

  oneOf<T>(key: K, allowed: Record<string, T>, expected: string): T | undefined {
    const value = this.text(key);
    if (value === undefined) return undefined;
    const mapped = allowed[value] ?? allowed[value.toLowerCase()];
    if (mapped === undefined)
      return this.report(key, `${this.columns[key].label}“${value}”无法识别，应为${expected}。`);
    return mapped;
  }

  /** A count of people: a whole number ≥ 0; thousands separators and a ".0" from a spreadsheet are fine. */
  count(key: K): number | undefined {
    const value = this.text(key);
    if (value === undefined) return undefined;
    const label = this.columns[key].label;
    const plain = /^\d{1,3}(,\d{3})+$/.test(value) ? value.replaceAll(",", "") : value.replace(/\.0+$/, "");
    if (/^-\s*\d/.test(value)) return this.report(key, `${label}不能是负数（现在是“${value}”）。`);
    if (/^\d+\.\d+$/.test(plain)) return this.report(key, `${label}应为整数（现在是“${value}”）。`);
    if (!/^\d+$/.test(plain)) return this.report(key, `${label}应为数字（现在是“${value}”）。`);
    const number = Number(plain);
    if (number > MAX_POPULATION) return this.report(key, `${label}“${value}”不合理（超过1亿）。`);
    return number;
  }
}

/** Finds each expected column in the header (by name, case-insensitive, or by its Chinese label). */
export function resolveColumns<K extends string>(
  table: UploadedTable,
  columns: Columns<K>,
  problems: TableProblem[],
): Record<K, string | undefined> {
  const byKey = new Map(table.header.map((header) => [header.toLowerCase(), header]));
  const resolved = {} as Record<K, string | undefined>;
  for (const key of Object.keys(columns) as K[]) {
    const { name, label } = columns[key];
    const header = byKey.get(name) ?? byKey.get(label);
    if (header === undefined) {
      problems.push({ row: table.headerRow, column: name, message: `缺少“${name}”（${label}）这一列。` });
    }
    resolved[key] = header;
  }
  return resolved;
}

export function requireRows(table: UploadedTable, problems: TableProblem[]): void {
  if (table.rows.length === 0) problems.push({ row: null, column: null, message: "文件中只有表头，没有数据行。" });
}

export function rejectIfProblems(problems: TableProblem[]): void {
  if (problems.length === 0) return;
  const sorted = [...problems].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  const listed = sorted.slice(0, MAX_LISTED_PROBLEMS);
  const message =
    sorted.length > listed.length
      ? `文件中有${sorted.length}处错误（下面列出前${listed.length}处），整个文件没有导入，请修改后重新上传。`
      : `文件中有${sorted.length}处错误，整个文件没有导入，请修改后重新上传。`;
  throw invalidFile(listed, message, { problemCount: sorted.length });
}
