import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { errorResponses, HtmlPage, QuestionnaireIdParams, rolesOf, WaveIdParams, XlsxFile } from "@survey/contract";
import { parseId } from "../../../platform/ids";
import { PAPER_STYLE, paperQuestionnaireHtml } from "../paper-questionnaire";
import { loadQuestionnaireById } from "../questionnaire-service";
import { codebookWorkbook, responseTemplateWorkbook } from "../questionnaire-workbooks";
import { waveTemplate } from "../template-service";
import { questionnaireIdOf, READERS } from "./questionnaires";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

function attachment(asciiName: string, fileName: string): string {
  return `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** Documents made from a questionnaire definition: the paper questionnaire, the codebook, the import template. */
const questionnaireDocumentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    "/api/admin/questionnaires/:id/paper",
    {
      config: { roles: READERS },
      schema: {
        tags: ["questionnaires"],
        summary: "纸质问卷（可打印的 A4 HTML，每个选项旁边是它的代码）",
        params: QuestionnaireIdParams,
        response: { 200: HtmlPage, ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const questionnaire = await loadQuestionnaireById(app.database.db, questionnaireIdOf(request.params));
      // Its print stylesheet is inline: the page's policy names it by its hash.
      return reply
        .allowInlineStyle(PAPER_STYLE)
        .type("text/html; charset=utf-8")
        .send(paperQuestionnaireHtml(questionnaire));
    },
  );

  app.get(
    "/api/admin/questionnaires/:id/codebook.xlsx",
    {
      config: { roles: READERS },
      schema: {
        tags: ["questionnaires"],
        summary: "代码本：题目名称、题目、部分、领域、代码和标签",
        params: QuestionnaireIdParams,
        response: { 200: XlsxFile, ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const questionnaire = await loadQuestionnaireById(app.database.db, questionnaireIdOf(request.params));
      const content = await codebookWorkbook(questionnaire);
      const name = `${questionnaire.title}-第${questionnaire.version}版-代码本.xlsx`;
      return reply
        .type(XLSX)
        .header(
          "content-disposition",
          attachment(`codebook-${questionnaire.code}-v${questionnaire.version}.xlsx`, name),
        )
        .send(content);
    },
  );

  app.get(
    "/api/admin/waves/:waveId/responses/template.xlsx",
    {
      // Staff fill it in and import it; the office prepares it with the questionnaire.
      config: { roles: rolesOf("entry", "questionnaires") },
      schema: {
        tags: ["questionnaires"],
        summary: "回答导入模板：列名正是导入接受的列，代码做成下拉列表",
        params: WaveIdParams,
        response: { 200: XlsxFile, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const { wave, questionnaire } = await waveTemplate(app.database.db, parseId(request.params.waveId));
      const content = await responseTemplateWorkbook(questionnaire, wave);
      return reply
        .type(XLSX)
        .header("content-disposition", attachment(`responses-${wave.code}.xlsx`, `${wave.title}-回答导入模板.xlsx`))
        .send(content);
    },
  );
};

export default questionnaireDocumentRoutes;
