import { promisify } from "node:util";
import { constants, gzip, gzipSync } from "node:zlib";
import type { FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { type DeflatedPart, deflatePart, splicedGzip } from "./spliced-gzip";

/** Below this a JSON answer fits in a packet or two: compressing it saves less than it costs. */
const MIN_BYTES = 1024;
/** Above this the compression runs on libuv's thread pool rather than holding the event loop. */
const ASYNC_BYTES = 64 * 1024;
/** Questionnaire versions kept compressed; a district runs one or two waves at a time. */
const CACHED_QUESTIONNAIRES = 16;

const gzipAsync = promisify(gzip);

/** `gzip` acceptable per the request's accept-encoding (RFC 9110 §12.5.3): listed or `*`, not at q=0. */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  const value = Array.isArray(header) ? header.join(",") : (header ?? "");
  let gzipQuality: number | null = null;
  let anyQuality: number | null = null;
  for (const item of value.split(",")) {
    const [name = "", ...params] = item.trim().toLowerCase().split(";");
    const q = params.map((param) => /^\s*q=([\d.]+)\s*$/.exec(param)?.[1]).find((found) => found !== undefined);
    const quality = q === undefined ? 1 : Number(q);
    if (name.trim() === "gzip" || name.trim() === "x-gzip") gzipQuality = quality;
    else if (name.trim() === "*") anyQuality = quality;
  }
  return (gzipQuality ?? anyQuality ?? 0) > 0;
}

/**
 * The questionnaire in confirm's and the reservation's answers: about 23 KB of the 23.5 KB, the same for every
 * resident of a wave. It is found by its serialised text and compressed once per version.
 */
const QUESTIONNAIRE_KEY = '"questionnaire":';
const QUESTIONNAIRE_START = /^\{"id":(\d+),/;

function questionnaireParts(cache: Map<string, DeflatedPart & { json: string }>) {
  return (payload: string): { start: number; part: DeflatedPart & { json: string } } | null => {
    const at = payload.indexOf(`${QUESTIONNAIRE_KEY}{"id":`);
    if (at < 0) return null;
    const start = at + QUESTIONNAIRE_KEY.length;
    const id = QUESTIONNAIRE_START.exec(payload.slice(start, start + 32))?.[1];
    if (id === undefined) return null;
    const cached = cache.get(id);
    if (cached && payload.startsWith(cached.json, start)) return { start, part: cached };
    // A first answer for this questionnaire, or an edited one: learn its text from the answer itself.
    let json: string;
    try {
      json = JSON.stringify((JSON.parse(payload) as { questionnaire?: unknown }).questionnaire);
    } catch {
      return null;
    }
    if (!json || !payload.startsWith(json, start)) return null;
    cache.delete(id);
    if (cache.size >= CACHED_QUESTIONNAIRES) cache.delete(cache.keys().next().value ?? "");
    const part = { json, ...deflatePart(json) };
    cache.set(id, part);
    return { start, part };
  };
}

function addVary(reply: FastifyReply) {
  const vary = reply.getHeader("vary");
  const values = String(vary ?? "")
    .split(",")
    .map((value) => value.trim())
    .filter(Boolean);
  if (!values.some((value) => value.toLowerCase() === "accept-encoding" || value === "*")) {
    reply.header("vary", [...values, "accept-encoding"].join(", "));
  }
}

/**
 * gzip for JSON answers above 1 KB when the client accepts it — on a 1.6 Mbit/s phone connection confirm's
 * 23 KB questionnaire is ~120 ms of download, ~20 ms compressed. Static files are not touched here: they are
 * sent pre-compressed by the front-ends plugin.
 */
export default fp(
  async (app) => {
    const findQuestionnaire = questionnaireParts(new Map());

    app.addHook("onSend", async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
      if (typeof payload !== "string" || payload.length < MIN_BYTES) return payload;
      if (reply.hasHeader("content-encoding")) return payload;
      if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(String(reply.getHeader("content-type") ?? ""))) {
        return payload;
      }
      addVary(reply);
      if (!acceptsGzip(request.headers["accept-encoding"])) return payload;

      const shared = findQuestionnaire(payload);
      const body = shared
        ? splicedGzip(
            payload.slice(0, shared.start),
            shared.part,
            payload.slice(shared.start + shared.part.json.length),
          )
        : payload.length > ASYNC_BYTES
          ? await gzipAsync(payload, { level: constants.Z_BEST_SPEED })
          : gzipSync(payload, { level: constants.Z_BEST_SPEED });
      reply.header("content-encoding", "gzip");
      reply.removeHeader("content-length");
      return body;
    });
  },
  { name: "json-compression" },
);
