import type { FastifyServerOptions } from "fastify";
import { stdSerializers } from "pino";
import pretty from "pino-pretty";
import type { Config } from "./config";

/**
 * Personal data must never reach a log: bodies are not logged, the query string (which can carry a
 * phone number) is cut from URLs, and any field that could hold an ID number, phone, code, password
 * or token is censored wherever it appears.
 */
const REDACTED_PATHS = [
  "req.headers.authorization",
  "req.headers.cookie",
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  "idNumber",
  "phone",
  "code",
  "password",
  "token",
  "*.idNumber",
  "*.phone",
  "*.code",
  "*.password",
  "*.token",
  "*.*.idNumber",
  "*.*.phone",
  "*.*.code",
];

/**
 * A failed database statement's message (drizzle's "Failed query: … params: …", in its stack too) carries the
 * statement's parameters — hashes, last-4 digits, birth years, answers. Such an error is logged as its SQL state
 * code, constraint and the database's own message with quoted values cut; anything else as pino would.
 */
type SerializedError = { type: string; message: string; stack: string; [key: string]: unknown };

export function serializeError(error: unknown): SerializedError {
  if (!(error instanceof Error)) return { type: typeof error, message: String(error), stack: "" };
  const failedQuery = causeChain(error).find((link) => /^Failed query:|\bparams:/.test(link.message));
  if (!failedQuery && !hasSqlState(error)) return stdSerializers.err(error);
  const database = causeChain(error).find(hasSqlState);
  const state = database as (Error & { code?: string; constraint?: string; table?: string }) | undefined;
  const message = redactValues(database?.message ?? "database statement failed");
  return {
    type: error.name,
    sqlState: state?.code,
    constraint: state?.constraint,
    table: state?.table,
    message,
    // The stack's first line is the message with the parameters; the frames alone say where.
    stack: `${error.name}: ${message}\n${(error.stack ?? "")
      .split("\n")
      .filter((line) => /^\s+at /.test(line))
      .join("\n")}`,
  };
}

function causeChain(error: Error): Error[] {
  const chain: Error[] = [];
  for (let link: unknown = error; link instanceof Error && chain.length < 5; link = link.cause) chain.push(link);
  return chain;
}

function hasSqlState(error: Error): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" && /^[0-9A-Z]{5}$/.test(code) && !/^Failed query:/.test(error.message);
}

/** `invalid input syntax for type integer: "1980"` → `invalid input syntax for type integer: [redacted]`. */
function redactValues(message: string): string {
  return message.replace(/"[^"]*"|'[^']*'|\([^)]*\)=\([^)]*\)/g, (quoted) =>
    /^"[a-z_][a-z0-9_]*"$/.test(quoted) ? quoted : "[redacted]",
  );
}

/**
 * JSON lines (production: for the log shipper) or readable lines (development), to `stream` or stdout. The
 * readable form is pino-pretty in this process, after redaction, so it shows nothing the JSON would not.
 */
export function loggerOptions(config: Config, stream?: NodeJS.WritableStream): FastifyServerOptions["logger"] {
  const destination =
    config.logFormat === "pretty"
      ? pretty({
          destination: stream ?? 1,
          translateTime: "SYS:HH:MM:ss.l",
          ignore: "pid,hostname",
          colorize: stream ? false : undefined,
          sync: true,
        })
      : stream;
  return {
    level: config.logLevel,
    ...(destination ? { stream: destination } : {}),
    redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
    serializers: {
      err: serializeError,
      req(request: { method: string; url: string; ip?: string }) {
        return { method: request.method, url: request.url.split("?")[0], remoteAddress: request.ip };
      },
    },
  };
}

/** The logger calls code outside the routes makes (Fastify's logger has them). */
export interface Log {
  info(details: object, message?: string): void;
  debug(message: string): void;
  error(details: object, message?: string): void;
}
