import type { FastifyError } from "fastify";
import fp from "fastify-plugin";
import {
  AppError,
  DatabaseUnavailableError,
  InternalError,
  InvalidRequestError,
  NotFoundError,
  PayloadTooLargeError,
  RateLimitedError,
  UnsupportedMediaTypeError,
} from "./errors";
import { pgErrorCode } from "./transaction-retry";

/** Connection-level failures (server down, restarting, network) are a 503, not a bug. */
const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "57P01",
  "57P02",
  "57P03",
  "08000",
  "08001",
  "08003",
  "08006",
]);

/** character_not_in_repertoire (e.g. U+0000 in text), untranslatable_character (U+0000 in jsonb). */
const TEXT_REFUSED_CODES = new Set(["22021", "22P05"]);

function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const candidate = current as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof candidate.code === "string" && UNAVAILABLE_CODES.has(candidate.code)) return true;
    if (
      typeof candidate.message === "string" &&
      /Connection terminated|connection timeout|Client has encountered a connection error|timeout exceeded when trying to connect|not queryable/i.test(
        candidate.message,
      )
    ) {
      return true;
    }
    current = candidate.cause;
  }
  return false;
}

/** Turns anything thrown into the `{ error, message, ...details }` body of SPEC §3. */
function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const fastifyError = error as FastifyError;
  if (fastifyError.validation) {
    return new InvalidRequestError({
      details: fastifyError.validation.map((issue) => ({
        field: issue.instancePath || (issue.params as { missingProperty?: string })?.missingProperty || "",
        message: issue.message ?? "",
      })),
    });
  }
  switch (fastifyError.code) {
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return new PayloadTooLargeError();
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
    case "FST_ERR_CTP_INVALID_CONTENT_LENGTH":
      return new UnsupportedMediaTypeError();
    case "FST_ERR_CTP_INVALID_JSON_BODY":
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
    case "FST_ERR_CTP_EMPTY_TYPE":
    case "FST_ERR_CTP_INVALID_TYPE":
      return new InvalidRequestError({}, "提交的内容不是有效的 JSON。");
    case "FST_ERR_NOT_FOUND":
      return new NotFoundError();
  }
  if (fastifyError.statusCode === 429) return new RateLimitedError();
  if (error instanceof SyntaxError && fastifyError.statusCode === 400) {
    return new InvalidRequestError({}, "提交的内容不是有效的 JSON。");
  }
  if (isDatabaseUnavailable(error)) return new DatabaseUnavailableError();
  // Text the database cannot store (a NUL or an untranslatable character that got past the request
  // checks, e.g. inside an uploaded file) is the caller's input, not a server fault.
  if (TEXT_REFUSED_CODES.has(pgErrorCode(error) ?? "")) {
    return new InvalidRequestError({}, "提交的内容中含有无法保存的字符，请删除后重试。");
  }
  if (fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    return new InvalidRequestError();
  }
  return new InternalError();
}

export default fp(
  async (app) => {
    app.setErrorHandler((error, request, reply) => {
      const appError = toAppError(error);
      if (appError.status >= 500) {
        request.log.error({ err: error }, "request failed");
      }
      const retryAfterSeconds = appError.details.retryAfterSeconds;
      if (typeof retryAfterSeconds === "number") reply.header("retry-after", String(retryAfterSeconds));
      else if (appError instanceof RateLimitedError && !reply.hasHeader("retry-after")) {
        reply.header("retry-after", "60");
      }
      // A 5xx never shows its internals: only the code and the fixed sentence go out.
      return reply
        .status(appError.status)
        .send({ error: appError.code, message: appError.message, ...appError.details });
    });
  },
  { name: "error-handler" },
);
