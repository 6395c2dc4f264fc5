import type ExcelJS from "exceljs";

/** A cell's content as a plain value: rich text joined, a formula's result, a link's text, an error's code. */
export type PlainCell = string | number | boolean | Date | null;

/** Reads what an Excel cell shows into a plain value; text is trimmed. */
export function plainCell(value: ExcelJS.CellValue | undefined): PlainCell {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "boolean" || value instanceof Date) return value;
  if (typeof value === "string") return value.trim();
  if ("richText" in value)
    return value.richText
      .map((run) => run.text)
      .join("")
      .trim();
  if ("formula" in value || "sharedFormula" in value) return plainCell(value.result as ExcelJS.CellValue);
  if ("hyperlink" in value) return plainCell(value.text as ExcelJS.CellValue);
  if ("error" in value) return value.error;
  return null;
}

function formatNumber(value: number): string {
  if (Number.isInteger(value)) return String(value);
  // Excel shows 15 significant digits: 0.1 + 0.2 is "0.3", not "0.30000000000000004".
  return String(Number(value.toPrecision(15)));
}

function formatDate(value: Date): string {
  const iso = value.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso.slice(0, 19).replace("T", " ");
}

/** A cell as the text a table row holds: numbers as Excel shows them, TRUE/FALSE, dates as ISO dates. */
export function cellText(value: ExcelJS.CellValue | undefined): string {
  const plain = plainCell(value);
  if (plain === null) return "";
  if (typeof plain === "number") return formatNumber(plain);
  if (typeof plain === "boolean") return plain ? "TRUE" : "FALSE";
  if (plain instanceof Date) return formatDate(plain);
  return plain;
}
