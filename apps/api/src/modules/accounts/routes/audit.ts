import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { AuditPage, AuditQueryParams, errorResponses, rolesOf, XlsxFile } from "@survey/contract";
import { auditPage, auditWorkbook } from "../audit-service";

/** The audit log viewer (admin only), newest first. */
const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    "/api/admin/audit",
    {
      config: { roles: rolesOf("audit") },
      schema: {
        tags: ["console"],
        summary: "操作日志",
        querystring: AuditQueryParams,
        response: { 200: AuditPage, ...errorResponses(400, 401, 403) },
      },
    },
    (request) => {
      const { limit, before, ...filters } = request.query;
      return auditPage(app.database.db, {
        ...filters,
        limit: limit === undefined ? undefined : Math.max(1, Number(limit)),
        before: before === undefined ? undefined : Number(before),
      });
    },
  );

  app.get(
    "/api/admin/audit.xlsx",
    {
      config: { roles: rolesOf("audit") },
      schema: {
        tags: ["console"],
        summary: "导出操作日志（Excel，按筛选条件）",
        querystring: AuditQueryParams,
        response: { 200: XlsxFile, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const { limit: _limit, before: _before, ...filters } = request.query;
      const content = await auditWorkbook(app.database.db, filters);
      return reply
        .type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .header(
          "content-disposition",
          `attachment; filename="audit.xlsx"; filename*=UTF-8''${encodeURIComponent("操作日志.xlsx")}`,
        )
        .send(content);
    },
  );
};

export default auditRoutes;
