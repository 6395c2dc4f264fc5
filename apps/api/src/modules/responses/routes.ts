import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import {
  CorrectAnswersBody,
  errorResponses,
  QualitySettingsBody,
  ResponseDetail,
  ResponseIdParams,
  ResponseListQuery,
  ResponsePage,
  ResponseQuality,
  rolesOf,
  VoidResponseBody,
  WaveIdParams,
} from "@survey/contract";
import { actorOf, requireUser } from "../../platform/auth/request-user";
import { UnknownWaveError } from "../../platform/errors";
import { pathId } from "../../platform/ids";
import { depsOf } from "../../platform/route-deps";
import {
  correctAnswers,
  listResponses,
  responseDetail,
  responseQuality,
  setQualityThreshold,
  voidResponse,
} from "./response-service";

const PAGE_SIZE_DEFAULT = 50;
const PAGE_SIZE_MAX = 200;

/** Responses: the list with quality flags, one response, voiding and correcting; the quality counts and threshold. */
const responseRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ["responses"];

  app.get(
    "/api/admin/waves/:waveId/responses",
    {
      config: { roles: rolesOf("responses") },
      schema: {
        tags,
        summary: "问卷列表（按街镇、社区、方式、状态、质量提示筛选，分页）",
        params: WaveIdParams,
        querystring: ResponseListQuery,
        response: { 200: ResponsePage, ...errorResponses(400, 401, 403, 404) },
      },
    },
    (request) => {
      const { page, pageSize, ...filters } = request.query;
      return listResponses(depsOf(app), pathId(request.params.waveId, UnknownWaveError), {
        ...filters,
        page: page === undefined ? 1 : Number(page),
        pageSize: Math.min(pageSize === undefined ? PAGE_SIZE_DEFAULT : Number(pageSize), PAGE_SIZE_MAX),
      });
    },
  );

  app.get(
    "/api/admin/waves/:waveId/responses/quality",
    {
      config: { roles: rolesOf("monitor", "responses") },
      schema: {
        tags,
        summary: "问卷质量提示计数和“作答过快”的阈值",
        params: WaveIdParams,
        response: { 200: ResponseQuality, ...errorResponses(401, 403, 404) },
      },
    },
    (request) => responseQuality(depsOf(app), requireUser(request), pathId(request.params.waveId, UnknownWaveError)),
  );

  app.put(
    "/api/admin/waves/:waveId/responses/quality",
    {
      config: { roles: rolesOf("responses") },
      schema: {
        tags,
        summary: "设置“作答过快”的阈值（每题秒数）",
        params: WaveIdParams,
        body: QualitySettingsBody,
        response: { 200: ResponseQuality, ...errorResponses(400, 401, 403, 404) },
      },
    },
    (request) =>
      setQualityThreshold(
        depsOf(app),
        requireUser(request),
        actorOf(request),
        pathId(request.params.waveId, UnknownWaveError),
        request.body.minSecondsPerQuestion,
      ),
  );

  app.get(
    "/api/admin/responses/:responseId",
    {
      config: { roles: rolesOf("responses") },
      schema: {
        tags,
        summary: "一份问卷的答案",
        params: ResponseIdParams,
        response: { 200: ResponseDetail, ...errorResponses(401, 403, 404) },
      },
    },
    (request) => responseDetail(depsOf(app), request.params.responseId),
  );

  app.post(
    "/api/admin/responses/:responseId/void",
    {
      config: { roles: rolesOf("responses") },
      schema: {
        tags,
        summary: "作废一份问卷（退回名额，不计入结果和导出，此人不能再次作答）",
        params: ResponseIdParams,
        body: VoidResponseBody,
        response: { 200: ResponseDetail, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    (request) => voidResponse(depsOf(app), actorOf(request), request.params.responseId, request.body.reason),
  );

  app.put(
    "/api/admin/responses/:responseId/answers",
    {
      config: { roles: rolesOf("responses") },
      schema: {
        tags,
        summary: "更正纸质问卷的答案（原答案保留在操作日志中）",
        params: ResponseIdParams,
        body: CorrectAnswersBody,
        response: { 200: ResponseDetail, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    (request) => correctAnswers(depsOf(app), actorOf(request), request.params.responseId, request.body),
  );
};

export default responseRoutes;
