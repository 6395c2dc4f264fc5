import fp from "fastify-plugin";
import { InvalidRequestError } from "./errors";

/** Half of a surrogate pair without its other half. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** U+0000 or a lone surrogate: text PostgreSQL cannot store. */
function unstorable(text: string): boolean {
  return text.includes("\u0000") || LONE_SURROGATE.test(text);
}

/** Whether a parsed request value holds unstorable text in any string, keys included (depth-limited walk). */
export function containsUnstorableText(value: unknown, depth = 0): boolean {
  if (typeof value === "string") return unstorable(value);
  if (depth > 64 || value === null || typeof value !== "object" || Buffer.isBuffer(value)) return false;
  if (Array.isArray(value)) return value.some((item) => containsUnstorableText(item, depth + 1));
  for (const [key, item] of Object.entries(value)) {
    if (unstorable(key) || containsUnstorableText(item, depth + 1)) return true;
  }
  return false;
}

/**
 * PostgreSQL text and json cannot hold U+0000 or an unpaired surrogate (JSON allows both as escapes), so
 * a request carrying one in its path, query or JSON body would fail deep inside a query, or in the audit
 * log. It is refused up front as bad input instead.
 */
export default fp(
  async (app) => {
    app.addHook("preValidation", async (request) => {
      if (
        containsUnstorableText(request.params) ||
        containsUnstorableText(request.query) ||
        containsUnstorableText(request.body)
      ) {
        throw new InvalidRequestError({}, "提交的内容中含有无法保存的字符（如控制字符 NUL），请删除后重试。");
      }
    });
  },
  { name: "storable-text", dependencies: ["error-handler"] },
);
