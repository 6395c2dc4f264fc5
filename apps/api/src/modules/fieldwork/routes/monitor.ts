import type { ServerResponse } from "node:http";
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import {
  errorResponses,
  FIELDWORK_EVENT,
  FIELDWORK_POLL_MS,
  FieldworkSummary,
  rolesOf,
  WaveIdParams,
  XlsxFile,
} from "@survey/contract";
import { requireUser } from "../../../platform/auth/request-user";
import { UnknownWaveError } from "../../../platform/errors";
import { pathId } from "../../../platform/ids";
import { sessionStillLive } from "../../accounts";
import { requireWave } from "../../waves";
import { fieldworkWorkbook } from "../fieldwork-export-service";
import { fieldworkFingerprint, fieldworkSummary } from "../fieldwork-service";

const MONITOR = { roles: rolesOf("monitor") };
/** A comment line now and then keeps proxies from closing a quiet stream. */
const KEEPALIVE_MS = 25_000;

/** The fieldwork monitor: summary, live updates (server-sent events) and the Excel export. */
const fieldworkRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const openStreams = new Set<() => void>();
  app.addHook("preClose", async () => {
    for (const close of [...openStreams]) close();
  });

  app.get(
    "/api/admin/waves/:waveId/fieldwork",
    {
      config: MONITOR,
      schema: {
        tags: ["console"],
        summary: "实地进度：街镇与社区配额、每日完成数、样本构成",
        params: WaveIdParams,
        response: { 200: FieldworkSummary, ...errorResponses(401, 403, 404) },
      },
    },
    (request) => {
      const user = requireUser(request);
      return fieldworkSummary(app.database.db, user, pathId(request.params.waveId, UnknownWaveError), app.now());
    },
  );

  app.get(
    "/api/admin/waves/:waveId/fieldwork/events",
    {
      config: MONITOR,
      schema: {
        tags: ["console"],
        summary: `实地进度实时推送（text/event-stream，event: ${FIELDWORK_EVENT}，有变化时推送）`,
        params: WaveIdParams,
        response: errorResponses(401, 403, 404),
      },
    },
    async (request, reply) => {
      const db = app.database.db;
      const user = requireUser(request);
      const session = request.authSession;
      const wave = await requireWave(db, pathId(request.params.waveId, UnknownWaveError));
      // Fingerprint first: a change that lands while the summary is built is seen on the next poll.
      let fingerprint = await fieldworkFingerprint(db, user, wave.id);
      const first = await fieldworkSummary(db, user, wave.id, app.now());

      reply.hijack();
      const raw: ServerResponse = reply.raw;
      raw.writeHead(200, {
        "content-type": "text/event-stream; charset=utf-8",
        "cache-control": "no-cache, no-transform",
        connection: "keep-alive",
        "x-accel-buffering": "no",
      });
      const send = (summary: unknown) => raw.write(`event: ${FIELDWORK_EVENT}\ndata: ${JSON.stringify(summary)}\n\n`);
      send(first);

      let closed = false;
      let busy = false;
      let quietSince = Date.now();
      const close = () => {
        if (closed) return;
        closed = true;
        clearInterval(timer);
        stopWatchingAccess();
        openStreams.delete(close);
        raw.end();
      };
      const poll = async () => {
        if (busy || closed) return;
        busy = true;
        try {
          if (!session || !(await sessionStillLive(db, session.idHash, app.now(), user))) return close();
          const latest = await fieldworkFingerprint(db, user, wave.id);
          if (latest !== fingerprint) {
            fingerprint = latest;
            send(await fieldworkSummary(db, user, wave.id, app.now()));
            quietSince = Date.now();
          } else if (Date.now() - quietSince >= KEEPALIVE_MS) {
            raw.write(": ping\n\n");
            quietSince = Date.now();
          }
        } catch (error) {
          // The client's EventSource reconnects; a stream that cannot read the database ends.
          request.log.error({ err: error }, "fieldwork stream stopped");
          close();
        } finally {
          busy = false;
        }
      };
      const timer = setInterval(poll, FIELDWORK_POLL_MS);
      const stopWatchingAccess = app.accessChanges.onChange(user.id, close);
      openStreams.add(close);
      request.raw.on("close", close);
    },
  );

  app.get(
    "/api/admin/waves/:waveId/fieldwork.xlsx",
    {
      config: MONITOR,
      schema: {
        tags: ["console"],
        summary: "导出实地进度表（Excel：街镇、社区）",
        params: WaveIdParams,
        response: { 200: XlsxFile, ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const waveId = pathId(request.params.waveId, UnknownWaveError);
      const { fileName, content } = await fieldworkWorkbook(app.database.db, user, waveId, app.now());
      return reply
        .type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .header(
          "content-disposition",
          `attachment; filename="fieldwork.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
        )
        .send(content);
    },
  );
};

export default fieldworkRoutes;
