import type ExcelJS from "exceljs";

/**
 * A new exceljs workbook. exceljs takes about half a second of CPU to load, more than the rest of the API's
 * start: it is loaded with the first spreadsheet a user asks for or uploads, not when the server starts.
 */
export async function newWorkbook(): Promise<ExcelJS.Workbook> {
  const { default: excel } = await import("exceljs");
  return new excel.Workbook();
}
