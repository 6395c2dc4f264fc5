import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import {
  CreatedQuestionnaire,
  CreateQuestionnaireBody,
  errorResponses,
  QuestionnaireDraft,
  QuestionnaireIdParams,
  QuestionnaireList,
  type Role,
  rolesOf,
  SavedQuestionnaire,
  UpdateQuestionnaireBody,
} from "@survey/contract";
import { actorOf } from "../../../platform/auth/request-user";
import { NotFoundError } from "../../../platform/errors";
import { parseId } from "../../../platform/ids";
import { recordAudit } from "../../accounts";
import { createVersionFrom, listQuestionnaireVersions, questionnaireDraft, saveDraft } from "../draft-service";
import { createQuestionnaire } from "../questionnaire-service";

/** The id of a questionnaire path, or 404. */
export function questionnaireIdOf(params: { id: string }): number {
  const id = parseId(params.id);
  if (id === undefined) throw new NotFoundError({}, "没有找到这个问卷。");
  return id;
}

/**
 * The wave settings and paper entry pages read the questionnaires; the office may read them too, which no
 * console area's set expresses, so the readers are named here.
 */
export const READERS: Role[] = ["admin", "office", "staff"];
/** Who edits questionnaires in the studio. */
const EDITORS = rolesOf("questionnaires");

const questionnaireRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    "/api/admin/questionnaires",
    {
      config: { roles: READERS },
      schema: {
        tags: ["questionnaires"],
        summary: "问卷列表：每个版本、使用它的调查、是否已冻结",
        response: { 200: QuestionnaireList, ...errorResponses(401, 403) },
      },
    },
    async () => listQuestionnaireVersions(app.database.db),
  );

  app.get(
    "/api/admin/questionnaires/:id",
    {
      config: { roles: READERS },
      schema: {
        tags: ["questionnaires"],
        summary: "问卷定义（SurveyJS JSON），以及编辑需要的信息",
        params: QuestionnaireIdParams,
        response: { 200: QuestionnaireDraft, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => questionnaireDraft(app.database.db, questionnaireIdOf(request.params)),
  );

  app.post(
    "/api/admin/questionnaires/:id/versions",
    {
      config: { roles: EDITORS },
      schema: {
        tags: ["questionnaires"],
        summary: "新版本：把这个版本复制为可以编辑的新版本",
        params: QuestionnaireIdParams,
        response: { 201: CreatedQuestionnaire, ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const sourceId = questionnaireIdOf(request.params);
      const created = await createVersionFrom(app.database.db, sourceId);
      await recordAudit(app.database.db, actorOf(request), "questionnaire.version", `questionnaire:${created.id}`, {
        sourceId,
        version: created.version,
      });
      return reply.status(201).send(created);
    },
  );

  app.put(
    "/api/admin/questionnaires/:id",
    {
      config: { roles: EDITORS },
      schema: {
        tags: ["questionnaires"],
        summary: "保存问卷草稿（冻结后 409 questionnaire_in_use；有问题时 422，details 指出每个字段）",
        params: QuestionnaireIdParams,
        body: UpdateQuestionnaireBody,
        response: { 200: SavedQuestionnaire, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      const id = questionnaireIdOf(request.params);
      const saved = await saveDraft(app.database.db, id, request.body, app.now());
      await recordAudit(app.database.db, actorOf(request), "questionnaire.edit", `questionnaire:${id}`, {
        revision: saved.revision,
      });
      return saved;
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
