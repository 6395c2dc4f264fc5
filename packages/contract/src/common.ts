/**
 * Shapes every part of the API shares: the error body, path parameters, file answers. Each schema is exported
 * with its TypeScript type under the same name (`Static<typeof X>`), so the API validates and serialises with
 * the very shape the console and the survey app read.
 */
import { type Static, type TSchema, type TUnsafe, Type } from "typebox";

/**
 * `schema` unchanged, typed as `T`: for a field whose JSON schema is looser than its values (a `string` that
 * only ever holds a few words, an array of two numbers). What the API validates and sends stays as it was.
 */
export const typed = <T>(schema: TSchema): TUnsafe<T> => schema as unknown as TUnsafe<T>;

/** SPEC §3 error body: a stable code, a Chinese sentence, and any details. */
export const ErrorBody = Type.Object(
  { error: Type.String(), message: Type.String() },
  { additionalProperties: true, description: "错误：稳定的错误代码和给人看的中文说明" },
);

/** `{ error, message, ...details }`; `message` is a Chinese sentence for a person. */
export type ApiError = Static<typeof ErrorBody> & { [detail: string]: unknown };

export const errorResponses = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((status) => [status, ErrorBody])) as Record<number, typeof ErrorBody>;

/** Path ids are validated by the API after the schema (an unknown or malformed id is a 404, not a 400). */
export const WaveIdParams = Type.Object({ waveId: Type.String({ maxLength: 40 }) });
export type WaveIdParams = Static<typeof WaveIdParams>;

export const WaveTownParams = Type.Object({
  waveId: Type.String({ maxLength: 40 }),
  townCode: Type.String({ maxLength: 40 }),
});
export type WaveTownParams = Static<typeof WaveTownParams>;

/** Content types the spreadsheet uploads accept: CSV, .xlsx, raw or as one file of a form. */
export const UPLOAD_CONTENT_TYPES = [
  "text/csv",
  "text/plain",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/octet-stream",
  "multipart/form-data",
];

/** An answer with no body (204). */
export const NoContent = Type.Null();

/** Answers that are files or pages rather than JSON. */
export const HtmlPage = Type.String({ description: "text/html" });
export const XlsxFile = Type.Unknown({ description: "xlsx 文件" });
export const CsvFile = Type.Unknown({ description: "CSV 文件" });
export const SavFile = Type.Unknown({ description: "SPSS 数据文件（.sav）" });

/** `GET /api/health` → 200, or 503 while the database does not answer. */
export const Health = Type.Object({
  status: Type.Union([Type.Literal("ok"), Type.Literal("unavailable")]),
  database: Type.Object({ driver: Type.String(), reachable: Type.Boolean() }),
});
export type Health = Static<typeof Health>;
