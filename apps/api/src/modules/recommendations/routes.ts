import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import {
  errorResponses,
  NewRecommendation,
  Recommendation,
  RecommendationIdParams,
  RecommendationList,
  RecommendationResponse,
  rolesOf,
  XlsxFile,
} from "@survey/contract";
import { actorOf, requireUser } from "../../platform/auth/request-user";
import { UnknownRecommendationError } from "../../platform/errors";
import { pathId } from "../../platform/ids";
import { recordAudit } from "../accounts";
import { createRecommendation, recommendationList, respondToRecommendation } from "./recommendation-service";
import { recommendationWorkbook } from "./recommendation-workbook";

const READERS = rolesOf("recommendations");
/** The office drafts; the addressed department or town answers. */
const DRAFTERS = rolesOf("benchmarks");

/** 整改建议 (SPEC §3a rectification): drafted by the office, answered by the addressee, exported. */
const recommendationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = () => app.database.db;

  app.get(
    "/api/admin/recommendations",
    {
      config: { roles: READERS },
      schema: {
        tags: ["console"],
        summary: "整改建议（社建办看到全部；部门和街镇只看到发给自己的），附依据的次年数值",
        response: { 200: RecommendationList, ...errorResponses(401, 403) },
      },
    },
    (request) => recommendationList(db(), requireUser(request), app.now()),
  );

  app.get(
    "/api/admin/recommendations.xlsx",
    {
      config: { roles: DRAFTERS },
      schema: {
        tags: ["console"],
        summary: "整改建议导出（Excel）",
        response: { 200: XlsxFile, ...errorResponses(401, 403) },
      },
    },
    async (request, reply) => {
      const content = await recommendationWorkbook(await recommendationList(db(), requireUser(request), app.now()));
      return reply
        .type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .header(
          "content-disposition",
          `attachment; filename="recommendations.xlsx"; filename*=UTF-8''${encodeURIComponent("整改建议.xlsx")}`,
        )
        .send(content);
    },
  );

  app.post(
    "/api/admin/recommendations",
    {
      config: { roles: DRAFTERS },
      schema: {
        tags: ["console"],
        summary: "起草整改建议：依据（预警、预测或主客观共同短板）、责任部门或街镇、截止日期",
        body: NewRecommendation,
        response: { 201: Recommendation, ...errorResponses(400, 401, 403, 422) },
      },
    },
    async (request, reply) => {
      const created = await createRecommendation(db(), requireUser(request), request.body, app.now());
      await recordAudit(db(), actorOf(request), "recommendation.create", `recommendation:${created.id}`, {
        title: created.title,
        basis: created.basis,
        addressee: created.addressee,
        dueDate: created.dueDate,
      });
      return reply.code(201).send(created);
    },
  );

  app.put(
    "/api/admin/recommendations/:id/response",
    {
      config: { roles: READERS },
      schema: {
        tags: ["console"],
        summary: "责任部门或街镇反馈整改情况（措施和状态）",
        params: RecommendationIdParams,
        body: RecommendationResponse,
        response: { 200: Recommendation, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const id = pathId(request.params.id, UnknownRecommendationError);
      const { recommendation, before } = await respondToRecommendation(
        db(),
        requireUser(request),
        id,
        request.body,
        app.now(),
      );
      await recordAudit(db(), actorOf(request), "recommendation.respond", `recommendation:${id}`, {
        before,
        after: { status: recommendation.status, measures: recommendation.measures },
      });
      return recommendation;
    },
  );
};

export default recommendationRoutes;
