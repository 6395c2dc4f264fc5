import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { errorResponses, ImportReply, InterviewBody, InterviewReply, rolesOf, WaveIdParams } from "@survey/contract";
import { actorOf, requireUser } from "../../../platform/auth/request-user";
import { UnknownWaveError } from "../../../platform/errors";
import { pathId } from "../../../platform/ids";
import { depsOf } from "../../../platform/route-deps";
import { readUploadedTable } from "../../../platform/uploads/upload-body";
import { recordAudit } from "../../accounts";
import { enterInterview } from "../paper-response-service";
import { importResponses } from "../response-import-service";

/** Paper questionnaires: entered one by one (interviews) or imported from a table. */
const paperEntryRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    "/api/admin/waves/:waveId/interviews",
    {
      config: { roles: rolesOf("entry") },
      schema: {
        tags: ["fieldwork"],
        summary: "录入一份纸质问卷（入户访问）",
        params: WaveIdParams,
        body: InterviewBody,
        response: { 201: InterviewReply, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const waveId = pathId(request.params.waveId, UnknownWaveError);
      const receipt = await enterInterview(depsOf(app), user, waveId, request.body);
      await recordAudit(app.database.db, actorOf(request), "response.interview", `response:${receipt.responseId}`, {
        receiptCode: receipt.receiptCode,
        waveId: request.params.waveId,
        communityCode: request.body.communityCode,
      });
      return reply.status(201).send(receipt);
    },
  );

  app.post(
    "/api/admin/waves/:waveId/responses/import",
    {
      config: { roles: rolesOf("entry") },
      schema: {
        tags: ["fieldwork"],
        summary: "批量导入线下问卷（CSV 或 XLSX，全部成功或全部不导入）",
        params: WaveIdParams,
        response: { 200: ImportReply, ...errorResponses(400, 401, 403, 404, 409, 415, 422) },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const table = await readUploadedTable(request);
      // The file is read (415, 413, 422) before the wave is looked at (404, 409).
      const result = await importResponses(depsOf(app), user, pathId(request.params.waveId, UnknownWaveError), table);
      await recordAudit(app.database.db, actorOf(request), "response.import", `wave:${request.params.waveId}`, result);
      return result;
    },
  );
};

export default paperEntryRoutes;
