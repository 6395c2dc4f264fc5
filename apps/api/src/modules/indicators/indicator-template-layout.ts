/**
 * Layout of the indicator values template, shared by the writer (indicator-template-service) and the
 * reader (indicator-upload-reader), so the two cannot drift apart:
 *
 *   row 1  A1: title "2026年“医疗卫生”指标数据填报表…" (the year is read back from it)
 *   row 2  街镇代码 | 街镇名称 | <indicator code> …      ← the code row; its A cell marks a data sheet
 *   row 3           | 指标名称（单位） | <name（unit）> …
 *   row 4+ <town code> | <town name> | values …, last the district row (district | 全区)
 *
 * One sheet per domain, named by the domain's Chinese name.
 */

export const TITLE_ROW = 1;
export const CODE_ROW = 2;
export const NAME_ROW = 3;
export const FIRST_DATA_ROW = 4;
export const FIRST_VALUE_COLUMN = 3;

/** A1 of the code row; `town_code` is accepted too for sheets built by scripts. */
export const UNIT_CODE_HEADERS = ["街镇代码", "town_code"];
export const UNIT_CODE_HEADER = "街镇代码";
export const UNIT_NAME_HEADER = "街镇名称";
export const INDICATOR_NAME_HEADER = "指标名称（单位）";
export const DISTRICT_NAME = "全区";

export function templateTitle(year: number, domainName: string): string {
  return `${year}年“${domainName}”指标数据填报表（灰色格不需填写；请勿修改第2行的指标代码和第1列的街镇代码）`;
}

/** The year a template title names, or null. */
export function yearOfTitle(title: string): number | null {
  const match = /^\s*(\d{4})\s*年/.exec(title);
  return match ? Number(match[1]) : null;
}

/** Long-format table columns (CSV or a flat sheet): English names or the Chinese labels. */
export const TABLE_COLUMNS = {
  indicatorCode: ["indicator_code", "指标代码"],
  townCode: ["town_code", "街镇代码"],
  year: ["year", "年份"],
  value: ["value", "数值"],
} as const;
