import type { FastifyServerOptions } from "fastify";
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

export function loggerOptions(config: Config, stream?: NodeJS.WritableStream): FastifyServerOptions["logger"] {
  return {
    level: config.logLevel,
    ...(stream ? { stream } : {}),
    redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
    serializers: {
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
