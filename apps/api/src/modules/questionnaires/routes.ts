import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import {
  CreatedQuestionnaire,
  CreateQuestionnaireBody,
  errorResponses,
  QuestionnaireDetail,
  QuestionnaireIdParams,
  QuestionnaireList,
  type Role,
  rolesOf,
} from "@survey/contract";
import { actorOf } from "../../platform/auth/request-user";
import { NotFoundError } from "../../platform/errors";
import { parseId } from "../../platform/ids";
import { recordAudit } from "../accounts";
import { createQuestionnaire, listQuestionnaires, loadQuestionnaireById } from "./questionnaire-service";

/**
 * The wave settings and paper entry pages read the questionnaires; the office may read them too, which no
 * console area's set expresses, so the readers are named here.
 */
const READERS: Role[] = ["admin", "office", "staff"];

const questionnaireRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    "/api/admin/questionnaires",
    {
      config: { roles: READERS },
      schema: {
        tags: ["questionnaires"],
        summary: "问卷列表",
        response: { 200: QuestionnaireList, ...errorResponses(401, 403) },
      },
    },
    async () =>
      (await listQuestionnaires(app.database.db)).map((row) => ({ ...row, createdAt: row.createdAt.toISOString() })),
  );

  app.get(
    "/api/admin/questionnaires/:id",
    {
      config: { roles: READERS },
      schema: {
        tags: ["questionnaires"],
        summary: "问卷定义（SurveyJS JSON）",
        params: QuestionnaireIdParams,
        response: { 200: QuestionnaireDetail, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => {
      const id = parseId(request.params.id);
      if (id === undefined) throw new NotFoundError({}, "没有找到这个问卷。");
      const { code, version, title, definition } = await loadQuestionnaireById(app.database.db, id);
      return { id, code, version, title, definition };
    },
  );

  app.post(
    "/api/admin/questionnaires",
    {
      // A new questionnaire (version) is part of setting up waves.
      config: { roles: rolesOf("waves") },
      schema: {
        tags: ["questionnaires"],
        summary: "新建问卷或问卷的新版本",
        body: CreateQuestionnaireBody,
        response: {
          201: CreatedQuestionnaire,
          ...errorResponses(400, 401, 403, 422),
        },
      },
    },
    async (request, reply) => {
      const created = await createQuestionnaire(app.database.db, request.body);
      await recordAudit(app.database.db, actorOf(request), "questionnaire.create", `questionnaire:${created.id}`, {
        code: request.body.code,
        version: created.version,
      });
      return reply.status(201).send(created);
    },
  );
};

export default questionnaireRoutes;
