import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import {
  CommentCounts,
  CommentsExportQuery,
  CommentsPage,
  CommentsQuery,
  CommentThemeList,
  CommentThemesBody,
  errorResponses,
  rolesOf,
  TagCommentsBody,
  TagCommentsReply,
  WaveIdParams,
  XlsxFile,
} from "@survey/contract";
import { actorOf, requireUser } from "../../platform/auth/request-user";
import { UnknownWaveError } from "../../platform/errors";
import { pathId } from "../../platform/ids";
import { commentCounts, listComments, tagComments } from "./comments-service";
import { commentsWorkbook } from "./comments-workbook-service";
import { getThemeList, saveThemeListOfWave } from "./theme-list-service";

/** Reading: office, admin and staff (their towns). Tagging and the theme lists: the office's analysts. */
const READERS = { roles: rolesOf("comments") };
const ANALYSTS = { roles: rolesOf("results") };

const waveIdOf = (raw: string) => pathId(raw, UnknownWaveError);

const attachment = (fallback: string, fileName: string) =>
  `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;

const commentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = () => app.database.db;

  app.get(
    "/api/admin/waves/:waveId/comments",
    {
      config: READERS,
      schema: {
        tags: ["comments"],
        summary: "居民意见：开放题回答（题目、街镇、社区、日期，不含填写人），可按街镇、社区、主题筛选和搜索，分页",
        params: WaveIdParams,
        querystring: CommentsQuery,
        response: { 200: CommentsPage, ...errorResponses(401, 403, 404, 409) },
      },
    },
    (request) => listComments(db(), requireUser(request), waveIdOf(request.params.waveId), request.query),
  );

  app.get(
    "/api/admin/waves/:waveId/comments/counts",
    {
      config: READERS,
      schema: {
        tags: ["comments"],
        summary: "各街镇各主题的意见条数",
        params: WaveIdParams,
        response: { 200: CommentCounts, ...errorResponses(401, 403, 404, 409) },
      },
    },
    (request) => commentCounts(db(), requireUser(request), waveIdOf(request.params.waveId)),
  );

  app.get(
    "/api/admin/waves/:waveId/comments.xlsx",
    {
      config: READERS,
      schema: {
        tags: ["comments"],
        summary: "导出居民意见（Excel：意见、主题统计、主题关键词、说明），筛选条件同列表",
        params: WaveIdParams,
        querystring: CommentsExportQuery,
        response: { 200: XlsxFile, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const { fileName, content } = await commentsWorkbook(
        db(),
        requireUser(request),
        waveIdOf(request.params.waveId),
        request.query,
      );
      return reply
        .type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .header("content-disposition", attachment("comments.xlsx", fileName))
        .send(content);
    },
  );

  app.post(
    "/api/admin/waves/:waveId/comments/tags",
    {
      config: ANALYSTS,
      schema: {
        tags: ["comments"],
        summary: "给选中的意见设置、添加或去掉主题（可批量），或恢复为关键词建议",
        params: WaveIdParams,
        body: TagCommentsBody,
        response: { 200: TagCommentsReply, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    (request) =>
      tagComments(db(), requireUser(request), actorOf(request), waveIdOf(request.params.waveId), request.body),
  );

  app.get(
    "/api/admin/waves/:waveId/comment-themes",
    {
      config: READERS,
      schema: {
        tags: ["comments"],
        summary: "意见主题及其关键词（未编辑时为问卷涉及的领域加“其他”）",
        params: WaveIdParams,
        response: { 200: CommentThemeList, ...errorResponses(401, 403, 404, 409) },
      },
    },
    (request) => getThemeList(db(), waveIdOf(request.params.waveId)),
  );

  app.put(
    "/api/admin/waves/:waveId/comment-themes",
    {
      config: ANALYSTS,
      schema: {
        tags: ["comments"],
        summary: "保存意见主题及其关键词（删除的主题也从人工标注中去掉）",
        params: WaveIdParams,
        body: CommentThemesBody,
        response: { 200: CommentThemeList, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    (request) => saveThemeListOfWave(db(), actorOf(request), waveIdOf(request.params.waveId), request.body.themes),
  );
};

export default commentRoutes;
