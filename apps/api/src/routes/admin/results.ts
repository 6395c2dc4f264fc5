import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import type { Role } from "@survey/contract";
import { errorResponses, WaveIdParams } from "../../schemas/common";
import {
  CompareParams,
  CrosstabBody,
  CrosstabResultSchema,
  CrosstabVariablesSchema,
  PoststratifyQuery,
  TrendQuery,
  TrendSeriesSchema,
  WaveComparisonSchema,
  WaveResultsSchema,
} from "../../schemas/results";
import { crosstab, listCrosstabVariables } from "../../services/crosstab-service";
import { waveResults } from "../../services/results-service";
import { compareWaves, trendSeries } from "../../services/wave-comparison-service";

/** Results are for the office's analysts; survey staff see fieldwork only. */
export const RESULTS_ROLES: Role[] = ["office", "admin"];

const resultsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = () => app.database.db;

  app.get(
    "/api/admin/waves/:waveId/results",
    {
      config: { roles: RESULTS_ROLES },
      schema: {
        tags: ["results"],
        summary: "满意度结果：全区和各街镇的总体、维度、领域、题目得分（0–100，含标准误、95%置信区间和样本数）",
        params: WaveIdParams,
        querystring: PoststratifyQuery,
        response: { 200: WaveResultsSchema, ...errorResponses(401, 403, 404, 409) },
      },
    },
    (request) => waveResults(db(), request.params.waveId, { poststratify: request.query.poststratify === "true" }),
  );

  app.get(
    "/api/admin/waves/:waveId/crosstab/variables",
    {
      config: { roles: RESULTS_ROLES },
      schema: {
        tags: ["results"],
        summary: "交叉表可用的变量（中文名称和分类）",
        params: WaveIdParams,
        response: { 200: CrosstabVariablesSchema, ...errorResponses(401, 403, 404, 409) },
      },
    },
    (request) => listCrosstabVariables(db(), request.params.waveId),
  );

  app.post(
    "/api/admin/waves/:waveId/crosstab",
    {
      config: { roles: RESULTS_ROLES },
      schema: {
        tags: ["results"],
        summary: "交叉表：加权行/列百分比、未加权人数、Rao–Scott F 检验、皮尔逊卡方和残差标注",
        params: WaveIdParams,
        body: CrosstabBody,
        response: { 200: CrosstabResultSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    (request) => crosstab(db(), request.params.waveId, request.body),
  );

  app.get(
    "/api/admin/waves/:waveId/compare/:baseWaveId",
    {
      config: { roles: RESULTS_ROLES },
      schema: {
        tags: ["results"],
        summary: "与往年比较：每个共有的题目、维度、领域和总体得分，本次减基准的差值及其95%置信区间、是否显著",
        params: CompareParams,
        querystring: PoststratifyQuery,
        response: { 200: WaveComparisonSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    (request) =>
      compareWaves(db(), request.params.waveId, request.params.baseWaveId, {
        poststratify: request.query.poststratify === "true",
      }),
  );

  app.get(
    "/api/admin/trends",
    {
      config: { roles: RESULTS_ROLES },
      schema: {
        tags: ["results"],
        summary:
          "历年趋势：一个题目（question）、维度（dimension）、领域（domain）或总体得分（overall=true）在各次调查中的全区和各街镇得分",
        querystring: TrendQuery,
        response: { 200: TrendSeriesSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    (request) => {
      const { poststratify, overall, ...measure } = request.query;
      return trendSeries(db(), { ...measure, overall: overall === "true" }, { poststratify: poststratify === "true" });
    },
  );
};

export default resultsRoutes;
