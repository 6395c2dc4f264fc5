import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import {
  BenchmarkImportResult,
  BenchmarkQuery,
  BenchmarkReport,
  errorResponses,
  ForecastQuery,
  IndicatorForecasts,
  IndicatorWarnings,
  rolesOf,
  SubmissionDeadline,
  SubmissionReport,
  UPLOAD_CONTENT_TYPES,
  WarningsQuery,
  YearQuery,
} from "@survey/contract";
import { actorOf, requireUser } from "../../../platform/auth/request-user";
import { readUploadedTable } from "../../../platform/uploads/upload-body";
import { recordAudit } from "../../accounts";
import { benchmarkReport, importBenchmarks } from "../benchmark-service";
import { indicatorForecasts, indicatorWarnings } from "../indicator-warnings-service";
import { setSubmissionDeadline, submissionReport } from "../submission-service";

/**
 * The indicator system as the district uses it (SPEC §3a, §4 "Early warning and forecast"): warnings, forecasts,
 * sibling districts and the departments' submissions.
 */
const indicatorSystemRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = () => app.database.db;

  app.get(
    "/api/admin/indicators/warnings",
    {
      config: { roles: rolesOf("warnings") },
      schema: {
        tags: ["console"],
        summary: "指标预警：每个数值对照规划目标（达标 / 接近 / 未达标）和连续两年恶化",
        description:
          "正向指标不低于目标值为达标，逆向不高于，区间型在最优区间内；差距在目标值 5% 以内为接近。街镇数值对照街镇目标，" +
          "全区数值对照全区目标。部门用户只看到本部门领域的指标，限定街镇的调查员只看到这些街镇。",
        querystring: WarningsQuery,
        response: { 200: IndicatorWarnings, ...errorResponses(400, 401, 403) },
      },
    },
    (request) => {
      const { year, ...filters } = request.query;
      return indicatorWarnings(db(), requireUser(request), Number(year), filters);
    },
  );

  app.get(
    "/api/admin/indicators/forecast",
    {
      config: { roles: rolesOf("warnings") },
      schema: {
        tags: ["console"],
        summary: "指标预测：最小二乘趋势推算到规划期末，95% 预测区间，何年达到目标",
        description:
          '至少 3 年数值才预测（R predict(lm(value ~ year), interval = "prediction")）。endYear 缺省为指标的规划期末年份。',
        querystring: ForecastQuery,
        response: { 200: IndicatorForecasts, ...errorResponses(400, 401, 403) },
      },
    },
    (request) => {
      const { year, endYear, ...filters } = request.query;
      return indicatorForecasts(
        db(),
        requireUser(request),
        Number(year),
        endYear === undefined ? undefined : Number(endYear),
        filters,
      );
    },
  );

  app.post(
    "/api/admin/benchmarks/import",
    {
      config: { roles: rolesOf("benchmarks") },
      schema: {
        tags: ["console"],
        summary: "导入兄弟区指标数值（CSV/XLSX：district_code, district_name, indicator_code, year, value）",
        description: "逐行检查，任何一处错误整个文件不导入：422 invalid_file 的 details 列出 {row, column, message}。",
        consumes: UPLOAD_CONTENT_TYPES,
        response: { 200: BenchmarkImportResult, ...errorResponses(400, 401, 403, 413, 415, 422) },
      },
    },
    async (request) => {
      const result = await importBenchmarks(db(), await readUploadedTable(request), app.now());
      await recordAudit(db(), actorOf(request), "benchmark.import", "benchmark_values", { ...result });
      return result;
    },
  );

  app.get(
    "/api/admin/benchmarks",
    {
      config: { roles: rolesOf("benchmarks") },
      schema: {
        tags: ["console"],
        summary: "本区在兄弟区中的位置：每个指标、领域和综合指数的排名和与兄弟区平均的差距",
        querystring: BenchmarkQuery,
        response: { 200: BenchmarkReport, ...errorResponses(400, 401, 403) },
      },
    },
    (request) => benchmarkReport(db(), Number(request.query.year)),
  );

  app.get(
    "/api/admin/indicators/submissions",
    {
      config: { roles: rolesOf("submissions") },
      schema: {
        tags: ["console"],
        summary: "各部门本年度指标数值报送情况（已报、缺报、迟报）和数值修改记录",
        querystring: YearQuery,
        response: { 200: SubmissionReport, ...errorResponses(400, 401, 403) },
      },
    },
    (request) => submissionReport(db(), Number(request.query.year), app.now()),
  );

  app.put(
    "/api/admin/indicators/submissions/deadline",
    {
      config: { roles: rolesOf("submissions") },
      schema: {
        tags: ["console"],
        summary: "设置某年指标数值的报送截止日期",
        body: SubmissionDeadline,
        response: { 200: SubmissionReport, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      await setSubmissionDeadline(db(), request.body.year, request.body.dueDate);
      await recordAudit(db(), actorOf(request), "indicator.deadline", `indicator_year:${request.body.year}`, {
        ...request.body,
      });
      return submissionReport(db(), request.body.year, app.now());
    },
  );
};

export default indicatorSystemRoutes;
