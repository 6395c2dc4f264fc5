import { strings } from "../strings";
import { ApiRequestError, apiRequest, type RequestOptions } from "./http";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/** Matches the API's upload limit (10 MiB). */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

export interface UploadBody {
  body: Blob;
  contentType: string;
}

/** A CSV goes up as text/csv (no charset: the server tells UTF-8 from GB18030 itself), a workbook as its own media type; anything else is refused here. */
export function uploadBody(file: File): UploadBody | { problem: string } {
  const name = file.name.toLowerCase();
  if (file.size > MAX_UPLOAD_BYTES) return { problem: strings.fileUpload.tooLarge };
  if (name.endsWith(".csv")) return { body: file, contentType: "text/csv" };
  if (name.endsWith(".xlsx")) return { body: file, contentType: XLSX_TYPE };
  return { problem: strings.fileUpload.badType };
}

/** One problem of an uploaded file, as in a 422 `invalid_file` body. */
export interface RowProblem {
  /** The row a person sees in Excel (header = 1); null for the file as a whole. */
  row: number | null;
  column: string | null;
  message: string;
}

export function rowProblemsOf(details: unknown): RowProblem[] {
  if (!Array.isArray(details)) return [];
  return details.map((detail) => {
    const item = detail as { row?: unknown; column?: unknown; question?: unknown; message?: unknown };
    const column =
      typeof item.column === "string" ? item.column : typeof item.question === "string" ? item.question : null;
    return {
      row: typeof item.row === "number" ? item.row : null,
      column,
      message: typeof item.message === "string" ? item.message : "",
    };
  });
}

/** Sends a CSV or .xlsx file as the raw request body. */
export function postTableFile<T>(path: string, file: File, query?: RequestOptions["query"]): Promise<T> {
  const prepared = uploadBody(file);
  if ("problem" in prepared) {
    return Promise.reject(new ApiRequestError(0, { error: "invalid_file", message: prepared.problem }));
  }
  return apiRequest<T>(path, { method: "POST", query, body: prepared.body, contentType: prepared.contentType });
}
