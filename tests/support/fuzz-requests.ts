import type { InjectOptions } from "fastify";
import type { SeededRandom } from "./fuzz-random";
import { MALFORMED_JSON, randomJson, valueFor, WEIRD_PATH_VALUES, WRONG_CONTENT_TYPES } from "./fuzz-values";

/** One operation of the OpenAPI document. */
export interface Operation {
  method: string;
  path: string;
  parameters: { name: string; in: string; schema?: Record<string, unknown> }[];
  jsonBody?: Record<string, unknown>;
  /** Declares a request body in another format, or none although it is a write (uploads). */
  takesBody: boolean;
}

interface OpenApiDocument {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: Operation["parameters"];
        requestBody?: { content?: Record<string, { schema?: Record<string, unknown> }> };
      }
    >
  >;
}

export function operationsOf(document: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      const upper = method.toUpperCase();
      operations.push({
        method: upper,
        path,
        parameters: operation.parameters ?? [],
        jsonBody: operation.requestBody?.content?.["application/json"]?.schema,
        takesBody: upper !== "GET" && upper !== "HEAD",
      });
    }
  }
  return operations;
}

export interface FuzzContext {
  /** Real values for path parameters by name, so that some requests reach the services. */
  validParams: Record<string, string>;
  adminHeaders: Record<string, string>;
  reservationToken: string;
  /** Question names of the wave's questionnaire, so that answers reach the answer checks. */
  questionNames: string[];
}

export type FuzzCase = InjectOptions & { label: string };

const BODY_LIMIT = 2 * 1024 * 1024;

/** encodeURIComponent, with lone surrogates (which no URL can carry) replaced instead of throwing. */
function encode(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return encodeURIComponent(value.replace(/[\ud800-\udfff]/g, "\ufffd"));
  }
}

function fillPath(operation: Operation, random: SeededRandom, context: FuzzContext, weird: boolean): string {
  return operation.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const valid = context.validParams[name];
    if (!weird && valid !== undefined) return encode(valid);
    return random.pick(WEIRD_PATH_VALUES);
  });
}

function queryString(operation: Operation, random: SeededRandom): string {
  const pairs: string[] = [];
  for (const parameter of operation.parameters.filter((p) => p.in === "query")) {
    if (random.chance(0.6)) {
      const value = valueFor(parameter.schema as never, random);
      pairs.push(`${parameter.name}=${encode(typeof value === "string" ? value : JSON.stringify(value))}`);
    }
  }
  if (random.chance(0.3)) pairs.push(`${encode(String(randomJson(random, 0)))}=${random.pick(WEIRD_PATH_VALUES)}`);
  if (random.chance(0.2)) pairs.push("a=1&a=2&a[]=3&b[x]=y");
  return pairs.length > 0 ? `?${pairs.join("&")}` : "";
}

function authHeaders(operation: Operation, random: SeededRandom, context: FuzzContext): Record<string, string> {
  if (operation.path.startsWith("/api/admin") || operation.path.startsWith("/api/auth")) {
    const roll = random.next();
    if (roll < 0.8) return { ...context.adminHeaders };
    if (roll < 0.9) return { cookie: context.adminHeaders.cookie ?? "" };
    return { cookie: `survey_session=${encode(String(randomJson(random, 0)))}`, "x-csrf-token": "x" };
  }
  const roll = random.next();
  if (roll < 0.6) return { authorization: `Bearer ${context.reservationToken}` };
  if (roll < 0.8) return { authorization: `Bearer ${"A".repeat(random.int(1, 300))}` };
  return { authorization: random.pick(["Basic eDp5", "Bearer", "", "Bearer \u00e9\u00e9\u00e9", "bearer x y z"]) };
}

/**
 * The requests sent to one operation: shaped and random JSON bodies, malformed JSON, wrong content types,
 * a body over the limit, weird path parameters and query strings, with and without credentials.
 */
export function casesFor(operation: Operation, random: SeededRandom, context: FuzzContext): FuzzCase[] {
  const cases: FuzzCase[] = [];
  // Server-sent events never end: only requests that are refused before the stream opens.
  const streaming = operation.path.endsWith("/events");
  const add = (
    label: string,
    options: { weird?: boolean; payload?: unknown; raw?: string; type?: string; auth?: boolean },
  ) => {
    const weird = options.weird ?? false;
    const headers: Record<string, string> = options.auth === false ? {} : authHeaders(operation, random, context);
    if (streaming && !weird && options.auth !== false) return;
    const request: FuzzCase = {
      label,
      method: operation.method as InjectOptions["method"],
      url: fillPath(operation, random, context, weird) + queryString(operation, random),
      headers,
    };
    if (options.raw !== undefined) {
      request.payload = options.raw;
      headers["content-type"] = options.type ?? "application/json";
    } else if (options.payload !== undefined) {
      request.payload = JSON.stringify(options.payload);
      headers["content-type"] = options.type ?? "application/json";
    }
    cases.push(request);
  };

  for (let i = 0; i < 4; i++)
    add("shaped", { payload: operation.takesBody ? valueFor(operation.jsonBody as never, random) : undefined });
  for (let i = 0; i < 3; i++)
    add("weird path", {
      weird: true,
      payload: operation.takesBody ? valueFor(operation.jsonBody as never, random) : undefined,
    });
  add("no credentials", { auth: false, payload: operation.takesBody ? randomJson(random) : undefined });
  if (operation.takesBody) {
    add("random json", { payload: randomJson(random) });
    add("random json", { payload: randomJson(random) });
    add("malformed json", { raw: random.pick(MALFORMED_JSON) });
    add("wrong content type", { raw: String(randomJson(random, 0)), type: random.pick(WRONG_CONTENT_TYPES) });
    add("csv text", {
      raw: `town_code,community_code\n${random.pick(["", "\u0000", "<b>x</b>", "'; --"])},😀\n"unterminated`,
      type: "text/csv",
    });
    add("over the body limit", { raw: `{"answers": "${"x".repeat(BODY_LIMIT + 10)}"}` });
  }
  return cases;
}
