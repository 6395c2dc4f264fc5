import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import type { Role } from "@survey/contract";
import { errorResponses, WaveIdParams } from "../../schemas/common";
import { PoststratifyQuery, WaveResultsSchema } from "../../schemas/results";
import { waveResults } from "../../services/results-service";

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
};

export default resultsRoutes;
