import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import {
  CompareParams,
  CrosstabRequest,
  CrosstabResult,
  CrosstabVariables,
  CrosstabXlsxQuery,
  CsvFile,
  errorResponses,
  PoststratifyQuery,
  rolesOf,
  SavFile,
  TrendQuery,
  TrendSeries,
  WaveComparison,
  WaveIdParams,
  WavePriorities,
  WaveResults,
  XlsxFile,
} from "@survey/contract";
import { InvalidRequestError, UnknownWaveError } from "../../../platform/errors";
import { pathId } from "../../../platform/ids";
import { crosstab, listCrosstabVariables } from "../crosstab-service";
import { crosstabWorkbook } from "../crosstab-workbook-service";
import { frequencyWorkbook } from "../frequency-tables-service";
import { MICRODATA_NOTE, microdataCsv } from "../microdata-export-service";
import { microdataSav } from "../microdata-sav-service";
import { wavePriorities } from "../priorities-service";
import { waveResults } from "../results-service";
import { resultsWorkbook } from "../results-workbook-service";
import { compareWaves, trendSeries } from "../wave-comparison-service";

/** `attachment` with an ASCII fallback name and the Chinese name for browsers that read filename*. */
const attachment = (fallback: string, fileName: string) =>
  `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** `filters` of the cross-tab's query: JSON `{variable: [values]}`; anything else is a 400. */
function parseFilters(text: string | undefined): Record<string, string[]> | undefined {
  if (text === undefined || text === "") return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new InvalidRequestError({ field: "filters" }, "筛选条件格式不正确。");
  }
  const valid =
    typeof parsed === "object" &&
    parsed !== null &&
    !Array.isArray(parsed) &&
    Object.values(parsed).every(
      (values) => Array.isArray(values) && values.length > 0 && values.every((value) => typeof value === "string"),
    );
  if (!valid) throw new InvalidRequestError({ field: "filters" }, "筛选条件格式不正确。");
  return parsed as Record<string, string[]>;
}

/** Results are for the office's analysts; survey staff see fieldwork only. */
const RESULTS = { roles: rolesOf("results") };
const CROSSTAB = { roles: rolesOf("crosstab") };
const TRENDS = { roles: rolesOf("trends") };

const waveIdOf = (raw: string) => pathId(raw, UnknownWaveError);

const resultsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = () => app.database.db;

  app.get(
    "/api/admin/waves/:waveId/results",
    {
      config: RESULTS,
      schema: {
        tags: ["results"],
        summary: "满意度结果：全区和各街镇的总体、维度、领域、题目得分（0–100，含标准误、95%置信区间和样本数）",
        params: WaveIdParams,
        querystring: PoststratifyQuery,
        response: { 200: WaveResults, ...errorResponses(401, 403, 404, 409) },
      },
    },
    (request) =>
      waveResults(db(), waveIdOf(request.params.waveId), { poststratify: request.query.poststratify === "true" }),
  );

  app.get(
    "/api/admin/waves/:waveId/priorities",
    {
      config: RESULTS,
      schema: {
        tags: ["results"],
        summary: "改进优先事项：各题目的推导重要性（与其余题目得分的加权相关）对表现（得分），全区和各街镇的四象限",
        params: WaveIdParams,
        querystring: PoststratifyQuery,
        response: { 200: WavePriorities, ...errorResponses(401, 403, 404, 409) },
      },
    },
    (request) =>
      wavePriorities(db(), waveIdOf(request.params.waveId), { poststratify: request.query.poststratify === "true" }),
  );

  app.get(
    "/api/admin/waves/:waveId/crosstab/variables",
    {
      config: CROSSTAB,
      schema: {
        tags: ["results"],
        summary: "交叉表可用的变量（中文名称和分类）",
        params: WaveIdParams,
        response: { 200: CrosstabVariables, ...errorResponses(401, 403, 404, 409) },
      },
    },
    (request) => listCrosstabVariables(db(), waveIdOf(request.params.waveId)),
  );

  app.post(
    "/api/admin/waves/:waveId/crosstab",
    {
      config: CROSSTAB,
      schema: {
        tags: ["results"],
        summary: "交叉表：加权行/列百分比、未加权人数、Rao–Scott F 检验、皮尔逊卡方和残差标注",
        params: WaveIdParams,
        body: CrosstabRequest,
        response: { 200: CrosstabResult, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    (request) => crosstab(db(), waveIdOf(request.params.waveId), request.body),
  );

  app.get(
    "/api/admin/waves/:waveId/compare/:baseWaveId",
    {
      config: TRENDS,
      schema: {
        tags: ["results"],
        summary: "与往年比较：每个共有的题目、维度、领域和总体得分，本次减基准的差值及其95%置信区间、是否显著",
        params: CompareParams,
        querystring: PoststratifyQuery,
        response: { 200: WaveComparison, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    (request) =>
      compareWaves(db(), waveIdOf(request.params.waveId), waveIdOf(request.params.baseWaveId), {
        poststratify: request.query.poststratify === "true",
      }),
  );

  app.get(
    "/api/admin/trends",
    {
      config: TRENDS,
      schema: {
        tags: ["results"],
        summary:
          "历年趋势：一个题目（question）、维度（dimension）、领域（domain）或总体得分（overall=true）在各次调查中的全区和各街镇得分",
        querystring: TrendQuery,
        response: { 200: TrendSeries, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    (request) => {
      const { poststratify, overall, ...measure } = request.query;
      return trendSeries(db(), { ...measure, overall: overall === "true" }, { poststratify: poststratify === "true" });
    },
  );

  app.get(
    "/api/admin/waves/:waveId/results.xlsx",
    {
      config: RESULTS,
      schema: {
        tags: ["results"],
        summary: "导出满意度结果（Excel：街镇×维度、街镇×领域、街镇×题目、题目、排名、说明）",
        params: WaveIdParams,
        querystring: PoststratifyQuery,
        response: { 200: XlsxFile, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const { fileName, content } = await resultsWorkbook(
        db(),
        waveIdOf(request.params.waveId),
        { poststratify: request.query.poststratify === "true" },
        app.now(),
      );
      return reply
        .type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .header("content-disposition", attachment("results.xlsx", fileName))
        .send(content);
    },
  );

  app.get(
    "/api/admin/waves/:waveId/frequencies.xlsx",
    {
      config: RESULTS,
      schema: {
        tags: ["results"],
        summary: "导出频数表（Excel）：每道编码题各答案的人数、百分比、有效百分比和加权有效百分比",
        params: WaveIdParams,
        response: { 200: XlsxFile, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const { fileName, content } = await frequencyWorkbook(db(), waveIdOf(request.params.waveId));
      return reply.type(XLSX).header("content-disposition", attachment("frequencies.xlsx", fileName)).send(content);
    },
  );

  app.get(
    "/api/admin/waves/:waveId/crosstab.xlsx",
    {
      config: CROSSTAB,
      schema: {
        tags: ["results"],
        summary: "导出交叉表（Excel）：加权百分比、未加权人数、残差标注，以及 Rao–Scott F 检验和皮尔逊卡方",
        params: WaveIdParams,
        querystring: CrosstabXlsxQuery,
        response: { 200: XlsxFile, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const { row, column, percent, poststratify, filters } = request.query;
      const { fileName, content } = await crosstabWorkbook(db(), waveIdOf(request.params.waveId), {
        row,
        column,
        percent,
        poststratify: poststratify === "true",
        filters: parseFilters(filters),
      });
      return reply.type(XLSX).header("content-disposition", attachment("crosstab.xlsx", fileName)).send(content);
    },
  );

  app.get(
    "/api/admin/waves/:waveId/microdata.csv",
    {
      config: RESULTS,
      schema: {
        tags: ["results"],
        summary: "导出匿名微观数据（CSV，UTF-8 带 BOM）：不含身份证号、手机号、哈希值、回执码、时间和文字意见",
        description: MICRODATA_NOTE,
        params: WaveIdParams,
        response: { 200: CsvFile, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const { fileName, stream } = await microdataCsv(db(), waveIdOf(request.params.waveId));
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", attachment("microdata.csv", fileName))
        .send(stream);
    },
  );

  app.get(
    "/api/admin/waves/:waveId/microdata.sav",
    {
      config: RESULTS,
      schema: {
        tags: ["results"],
        summary:
          "导出匿名微观数据（SPSS .sav，UTF-8）：与 CSV 相同的行和匿名化，带变量标签（题目）和值标签，不了解、不适用为用户缺失值",
        description: MICRODATA_NOTE,
        params: WaveIdParams,
        response: { 200: SavFile, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const { fileName, content } = await microdataSav(db(), waveIdOf(request.params.waveId), app.now());
      return reply
        .type("application/x-spss-sav")
        .header("content-disposition", attachment("microdata.sav", fileName))
        .send(content);
    },
  );
};

export default resultsRoutes;
