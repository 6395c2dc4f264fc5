import type { FastifyRequest } from "fastify";
import { PayloadTooLargeError, UnsupportedMediaTypeError } from "../errors";
import { BINARY_TYPES, TEXT_TYPES } from "./media-types";
import { fileProblem, parseTableBytes, type UploadedTable } from "./table";
import type { UploadBody, UploadWording } from "./upload-types";

/**
 * The Fastify side of uploads, for routes: the bytes of an upload request, whatever way it was sent. Parsing
 * them is the bytes' business (./table.ts, or a module's own reader), never the request's.
 */

const TABLE_WORDING: UploadWording = {
  noFile: "没有收到文件，请选择一个 CSV 或 Excel (.xlsx) 文件上传。",
  fileProblem,
};

function charsetOf(contentType: string | undefined): string | undefined {
  return /charset\s*=\s*"?([\w-]+)/i.exec(contentType ?? "")?.[1];
}

function mediaTypeOf(contentType: string | undefined): string {
  return (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
}

/** Multipart failures that are the client's doing: a broken or over-full form, not a bug of ours. */
const CLIENT_FORM_ERRORS = new Set([
  "FST_FILES_LIMIT",
  "FST_PARTS_LIMIT",
  "FST_FIELDS_LIMIT",
  "FST_PROTO_VIOLATION",
  "FST_MP_PREMATURE_CLOSE",
]);
const BUSBOY_FORM_ERRORS =
  /Unexpected end of (form|multipart data)|Malformed part header|Boundary not found|Malformed urlencoded form/i;

async function readMultipartFile(request: FastifyRequest, wording: UploadWording): Promise<UploadBody> {
  let file: Awaited<ReturnType<FastifyRequest["file"]>>;
  let bytes: Buffer;
  try {
    file = await request.file();
    bytes = file ? await file.toBuffer() : Buffer.alloc(0);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === "FST_REQ_FILE_TOO_LARGE") {
      const megabytes = Math.round(request.server.config.uploads.maxBytes / (1024 * 1024));
      throw new PayloadTooLargeError({}, `文件太大了，最大 ${megabytes} MB。`);
    }
    if (
      wording.everyFormErrorIsTheClients ||
      (typeof code === "string" && CLIENT_FORM_ERRORS.has(code)) ||
      (error instanceof Error && BUSBOY_FORM_ERRORS.test(error.message))
    ) {
      throw wording.fileProblem("上传的表单不完整或无法读取，请重新选择一个文件上传。");
    }
    throw error;
  }
  if (!file) throw wording.fileProblem(wording.noFile);
  return { bytes, charset: charsetOf(file.mimetype), limits: request.server.config.uploads };
}

/**
 * The bytes of an upload request: a `text/csv` or `text/plain` body, an .xlsx body (`application/vnd.openxmlformats-…`
 * or `application/octet-stream`), or `multipart/form-data` with one file. Throws 415 `unsupported_media_type` for
 * other bodies, 413 for a file over the limit and 422 `invalid_file` for a form without a readable file.
 */
export async function readUploadBody(
  request: FastifyRequest,
  wording: UploadWording = TABLE_WORDING,
): Promise<UploadBody> {
  const contentType = request.headers["content-type"];
  const limits = request.server.config.uploads;
  const mediaType = mediaTypeOf(contentType);
  if (mediaType === "multipart/form-data" && request.isMultipart()) return readMultipartFile(request, wording);
  if (TEXT_TYPES.includes(mediaType) || BINARY_TYPES.includes(mediaType)) {
    const body = request.body;
    if (body === undefined || body === null) return { bytes: Buffer.alloc(0), charset: undefined, limits };
    if (Buffer.isBuffer(body)) return { bytes: body, charset: charsetOf(contentType), limits };
    if (typeof body === "string") return { bytes: Buffer.from(body, "utf8"), charset: "utf-8", limits };
  }
  throw new UnsupportedMediaTypeError(
    {},
    "请以 CSV（text/csv）、Excel（.xlsx）或表单文件（multipart/form-data）的形式上传表格。",
  );
}

/**
 * The table in an upload request (UTF-8, UTF-8 with BOM, GB18030 or UTF-16 CSV, comma or tab separated, or the
 * first sheet of an .xlsx); the first non-blank row is the header. 422 `invalid_file` (with `details`) for
 * empty or unreadable files.
 */
export async function readUploadedTable(request: FastifyRequest): Promise<UploadedTable> {
  const { bytes, charset, limits } = await readUploadBody(request);
  return parseTableBytes(bytes, limits, charset);
}
