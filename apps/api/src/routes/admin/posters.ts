import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { errorResponses, HtmlPage, WaveTownParams } from "@survey/contract";
import { requireUser } from "../../platform/auth/request-user";
import { townPostersHtml } from "../../services/poster-service";

/** Printable QR posters, one A4 page per community of a town. */
const posterRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    "/api/admin/waves/:waveId/towns/:townCode/posters",
    {
      config: { roles: ["staff", "office", "admin"] },
      schema: {
        tags: ["console"],
        summary: "街镇各社区的二维码海报（可打印的 A4 HTML 页面）",
        params: WaveTownParams,
        response: { 200: HtmlPage, ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const html = await townPostersHtml(
        app.database.db,
        requireUser(request),
        request.params.waveId,
        request.params.townCode,
        app.config.publicSurveyUrl,
      );
      return reply.type("text/html; charset=utf-8").send(html);
    },
  );
};

export default posterRoutes;
