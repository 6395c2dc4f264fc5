import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import {
  errorResponses,
  IndexQuery,
  IndicatorCatalogue,
  IndicatorCodeParams,
  IndicatorDefinition,
  IndicatorIndexReport,
  IndicatorUpdate,
  IndicatorUploadResult,
  IndicatorValuesTable,
  NewIndicator,
  OptionalYearQuery,
  ROLES,
  type Role,
  rolesOf,
  UPLOAD_CONTENT_TYPES,
  XlsxFile,
  YearQuery,
} from "@survey/contract";
import { actorOf, requireUser } from "../../platform/auth/request-user";
import { readUploadBody } from "../../platform/uploads/upload-body";
import { recordAudit } from "../accounts";
import { catalogue, createIndicator, updateIndicator } from "./indicator-catalogue-service";
import { indexReportFor, indicatorIndex } from "./indicator-index-service";
import { indicatorTemplate } from "./indicator-template-service";
import { INDICATOR_UPLOAD_WORDING, readIndicatorUpload } from "./indicator-upload-reader";
import { importIndicatorValues, valuesTable } from "./indicator-values-service";
import indicatorSystemRoutes from "./routes/indicator-system";

/** The catalogue is for every signed-in role (staff too, though no staff page shows it). */
const EVERYONE: Role[] = [...ROLES];
/** The indicators page shows departments the values only: the office edits the catalogue and reads the index. */
const EDITORS: Role[] = ["admin", "office"];
const SUPPLIERS: Role[] = rolesOf("indicators");
/** The office reads the whole index; a department the indices of its own domains. */
const ANALYSTS: Role[] = ["admin", "office", "department"];

/** The objective indicator system (SPEC §4 Indicators): catalogue, values, template and the index. */
const indicatorRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = () => app.database.db;
  await app.register(indicatorSystemRoutes);

  app.get(
    "/api/admin/indicators",
    {
      config: { roles: EVERYONE },
      schema: {
        tags: ["console"],
        summary: "指标目录（领域、单位、方向、标准化方法、权重、来源部门）",
        response: { 200: IndicatorCatalogue, ...errorResponses(401, 403) },
      },
    },
    () => catalogue(db()),
  );

  app.post(
    "/api/admin/indicators",
    {
      config: { roles: EDITORS },
      schema: {
        tags: ["console"],
        summary: "新增指标",
        body: NewIndicator,
        response: { 201: IndicatorDefinition, ...errorResponses(400, 401, 403, 409, 422) },
      },
    },
    async (request, reply) => {
      const created = await createIndicator(db(), request.body);
      await recordAudit(db(), actorOf(request), "indicator.create", `indicator:${created.code}`, { ...created });
      return reply.code(201).send(created);
    },
  );

  app.patch(
    "/api/admin/indicators/:code",
    {
      config: { roles: EDITORS },
      schema: {
        tags: ["console"],
        summary: "修改指标（null 清除阈值、目标值等数值）",
        params: IndicatorCodeParams,
        body: IndicatorUpdate,
        response: { 200: IndicatorDefinition, ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request) => {
      const updated = await updateIndicator(db(), request.params.code, request.body);
      await recordAudit(db(), actorOf(request), "indicator.update", `indicator:${updated.code}`, {
        changes: request.body,
      });
      return updated;
    },
  );

  app.get(
    "/api/admin/indicators/template.xlsx",
    {
      config: { roles: SUPPLIERS },
      schema: {
        tags: ["console"],
        summary: "指标数值填报模板（Excel：每个领域一张表，街镇为行，已有数值预先填入）",
        description: "部门用户只得到本部门负责领域的工作表。",
        querystring: YearQuery,
        response: { 200: XlsxFile, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { fileName, content } = await indicatorTemplate(
        db(),
        requireUser(request),
        Number(request.query.year),
        app.now(),
      );
      return reply
        .type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .header(
          "content-disposition",
          `attachment; filename="indicators-${request.query.year}.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
        )
        .send(content);
    },
  );

  app.get(
    "/api/admin/indicators/values",
    {
      config: { roles: SUPPLIERS },
      schema: {
        tags: ["console"],
        summary: "某年的指标数值（街镇 × 指标）",
        querystring: YearQuery,
        response: { 200: IndicatorValuesTable, ...errorResponses(400, 401, 403) },
      },
    },
    (request) => valuesTable(db(), requireUser(request), Number(request.query.year)),
  );

  app.post(
    "/api/admin/indicators/values",
    {
      config: { roles: SUPPLIERS },
      schema: {
        tags: ["console"],
        summary: "上传指标数值（填报模板或 CSV，全部正确才导入）",
        description:
          "系统下载的模板（.xlsx，读取所有 A2 为“街镇代码”的工作表，年份取 ?year 或标题），或列为 " +
          "indicator_code, town_code, year, value 的 CSV/.xlsx 表（全区数值的 town_code 为 district）。" +
          "任何一处错误（未知指标或街镇、非数字、超出合理范围、重复、不属于本部门领域的指标）都会使整个文件不导入，" +
          "422 invalid_file 的 details 列出每一处：{sheet, row, column, message}。模板中的空格不会删除已有数值。",
        querystring: OptionalYearQuery,
        consumes: UPLOAD_CONTENT_TYPES,
        response: { 200: IndicatorUploadResult, ...errorResponses(400, 401, 403, 413, 415, 422) },
      },
    },
    async (request) => {
      const year = request.query.year === undefined ? undefined : Number(request.query.year);
      const upload = await readIndicatorUpload(await readUploadBody(request, INDICATOR_UPLOAD_WORDING), year);
      const result = await importIndicatorValues(db(), requireUser(request), upload, app.now());
      await recordAudit(db(), actorOf(request), "indicator.values_import", "indicator_values", {
        format: upload.format,
        ...result,
      });
      return result;
    },
  );

  app.get(
    "/api/admin/indicators/index",
    {
      config: { roles: ANALYSTS },
      schema: {
        tags: ["console"],
        summary: "客观指数：各街镇指标得分、领域指数、综合指数和排名，全区指数，进步指数（部门用户只看到本部门领域）",
        description:
          "weighting：equal 等权（默认）、expert 专家权重、entropy 熵权（敏感性分析）。给出 baseYear 时计算进步指数 " +
          "(S_t/S_base − 1)·100 和分值变化；熵权或极差标准化不能跨年比较，此时返回 422 progress_not_comparable。",
        querystring: IndexQuery,
        response: { 200: IndicatorIndexReport, ...errorResponses(400, 401, 403, 422) },
      },
    },
    async (request) =>
      indexReportFor(
        await indicatorIndex(db(), {
          year: Number(request.query.year),
          weighting: request.query.weighting ?? "equal",
          baseYear: request.query.baseYear === undefined ? undefined : Number(request.query.baseYear),
        }),
        requireUser(request),
      ),
  );
};

export default indicatorRoutes;
