import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import {
  ComparisonOverview,
  ComparisonQuery,
  ComparisonReport,
  errorResponses,
  HtmlPage,
  OverviewQuery,
  type Role,
  WaveIdParams,
} from "@survey/contract";
import { comparison, comparisonOverview, type ComparisonQuery as Query } from "../../services/comparison-service";
import { rankingBulletinHtml } from "../../services/indicator-ranking-bulletin";

const ANALYSTS: Role[] = ["office", "admin"];

const toQuery = (query: { year?: string; weighting?: Query["weighting"]; poststratify?: "true" | "false" }): Query => ({
  year: query.year === undefined ? undefined : Number(query.year),
  weighting: query.weighting,
  poststratify: query.poststratify === "true",
});

/** Subjective against objective (SPEC §4, STATISTICS §5) and the printable ranking bulletin. */
const comparisonRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = () => app.database.db;

  app.get(
    "/api/admin/waves/:waveId/comparison",
    {
      config: { roles: ANALYSTS },
      schema: {
        tags: ["console"],
        summary: "主客观比较：各街镇满意度与客观指数、排名表、等级相关、四象限、共同短板和解读",
        params: WaveIdParams,
        querystring: ComparisonQuery,
        response: { 200: ComparisonReport, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    (request) => comparison(db(), request.params.waveId, { ...toQuery(request.query), domain: request.query.domain }),
  );

  app.get(
    "/api/admin/waves/:waveId/comparison/overview",
    {
      config: { roles: ANALYSTS },
      schema: {
        tags: ["console"],
        summary: "主客观比较总览：每个领域的斯皮尔曼 ρ、肯德尔 τ_b 和一致程度",
        params: WaveIdParams,
        querystring: OverviewQuery,
        response: { 200: ComparisonOverview, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    (request) => comparisonOverview(db(), request.params.waveId, toQuery(request.query)),
  );

  app.get(
    "/api/admin/waves/:waveId/bulletin",
    {
      config: { roles: ANALYSTS },
      schema: {
        tags: ["console"],
        summary: "街镇排名公报（可打印的 A4 HTML 页面，供公开发布）",
        params: WaveIdParams,
        querystring: OverviewQuery,
        response: { 200: HtmlPage, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const html = await rankingBulletinHtml(db(), request.params.waveId, toQuery(request.query), app.now());
      return reply.type("text/html; charset=utf-8").send(html);
    },
  );
};

export default comparisonRoutes;
