import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import {
  ComparisonOverview,
  ComparisonQuery,
  ComparisonReport,
  errorResponses,
  HtmlPage,
  OverviewQuery,
  rolesOf,
  WaveIdParams,
} from "@survey/contract";
import { UnknownWaveError } from "../../../platform/errors";
import { pathId } from "../../../platform/ids";
import { comparison, comparisonOverview, type ComparisonQuery as Query } from "../comparison-service";
import { BULLETIN_STYLE, rankingBulletinHtml } from "../ranking-bulletin";

/** The comparison page, which also prints the bulletin. */
const ANALYSTS = { roles: rolesOf("comparison") };

const waveIdOf = (raw: string) => pathId(raw, UnknownWaveError);

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
      config: ANALYSTS,
      schema: {
        tags: ["console"],
        summary: "主客观比较：各街镇满意度与客观指数、排名表、等级相关、四象限、共同短板和解读",
        params: WaveIdParams,
        querystring: ComparisonQuery,
        response: { 200: ComparisonReport, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    (request) =>
      comparison(db(), waveIdOf(request.params.waveId), { ...toQuery(request.query), domain: request.query.domain }),
  );

  app.get(
    "/api/admin/waves/:waveId/comparison/overview",
    {
      config: ANALYSTS,
      schema: {
        tags: ["console"],
        summary: "主客观比较总览：每个领域的斯皮尔曼 ρ、肯德尔 τ_b 和一致程度",
        params: WaveIdParams,
        querystring: OverviewQuery,
        response: { 200: ComparisonOverview, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    (request) => comparisonOverview(db(), waveIdOf(request.params.waveId), toQuery(request.query)),
  );

  app.get(
    "/api/admin/waves/:waveId/bulletin",
    {
      config: ANALYSTS,
      schema: {
        tags: ["console"],
        summary: "街镇排名公报（可打印的 A4 HTML 页面，供公开发布）",
        params: WaveIdParams,
        querystring: OverviewQuery,
        response: { 200: HtmlPage, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const html = await rankingBulletinHtml(db(), waveIdOf(request.params.waveId), toQuery(request.query), app.now());
      return reply.allowInlineStyle(BULLETIN_STYLE).type("text/html; charset=utf-8").send(html);
    },
  );
};

export default comparisonRoutes;
