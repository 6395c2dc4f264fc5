import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { errorResponses, HtmlPage, rolesOf, WaveTownParams } from "@survey/contract";
import { requireUser } from "../../../platform/auth/request-user";
import { UnknownWaveError } from "../../../platform/errors";
import { pathId } from "../../../platform/ids";
import { POSTER_STYLE, townPostersHtml } from "../poster-service";

/** Printable QR posters, one A4 page per community of a town. */
const posterRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    "/api/admin/waves/:waveId/towns/:townCode/posters",
    {
      // The monitor links to the posters of its towns.
      config: { roles: rolesOf("posters", "monitor") },
      schema: {
        tags: ["console"],
        summary: "街镇各社区的二维码海报（可打印的 A4 HTML 页面）",
        params: WaveTownParams,
        response: { 200: HtmlPage, ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const waveId = pathId(request.params.waveId, UnknownWaveError);
      const { townCode } = request.params;
      const html = await townPostersHtml(app.database.db, user, waveId, townCode, app.config.publicSurveyUrl);
      return reply.allowInlineStyle(POSTER_STYLE).type("text/html; charset=utf-8").send(html);
    },
  );
};

export default posterRoutes;
