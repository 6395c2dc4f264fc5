import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { errorResponses, ImportReply, InterviewBody, InterviewReply, WaveIdParams } from "@survey/contract";
import { requireUser } from "../../platform/auth/request-user";
import { readUploadedTable } from "../../platform/uploads/upload-body";
import { audit } from "../../services/audit-service";
import { enterInterview, importResponses } from "../../services/offline-response-service";

const responseAdminRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    "/api/admin/waves/:waveId/interviews",
    {
      config: { roles: ["staff", "admin"] },
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
      const receipt = await enterInterview(app, user, request.params.waveId, request.body);
      await audit(request, "response.interview", `response:${receipt.responseId}`, {
        waveId: request.params.waveId,
        communityCode: request.body.communityCode,
      });
      return reply.status(201).send(receipt);
    },
  );

  app.post(
    "/api/admin/waves/:waveId/responses/import",
    {
      config: { roles: ["staff", "admin"] },
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
      const result = await importResponses(app, user, request.params.waveId, table);
      await audit(request, "response.import", `wave:${request.params.waveId}`, result);
      return result;
    },
  );
};

export default responseAdminRoutes;
