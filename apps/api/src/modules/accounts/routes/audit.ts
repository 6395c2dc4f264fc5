import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { AuditPage, AuditQueryParams, errorResponses, rolesOf } from "@survey/contract";
import { auditPage } from "../audit-service";

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
      const { limit, before, action, user } = request.query;
      return auditPage(app.database.db, {
        limit: limit === undefined ? undefined : Math.max(1, Number(limit)),
        before: before === undefined ? undefined : Number(before),
        action,
        user,
      });
    },
  );
};

export default auditRoutes;
