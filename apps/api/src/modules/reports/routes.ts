import { PassThrough } from "node:stream";
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import {
  DocxFile,
  errorResponses,
  ReportBuildQuery,
  ReportBuildStream,
  rolesOf,
  WaveIdParams,
  WaveTownParams,
} from "@survey/contract";
import type { FastifyReply } from "fastify";
import { AppError, UnknownWaveError } from "../../platform/errors";
import { pathId } from "../../platform/ids";
import type { RenderedFile } from "./render/render-task";
import { generateReport } from "./report-service";

const sendFile = (reply: FastifyReply, file: RenderedFile, fallback: string) =>
  reply
    .type(file.contentType)
    .header("content-disposition", attachment(fallback, file.fileName))
    .send(Buffer.from(file.bytes));

/** The report is the results' product: the same roles (office, admin). */
const REPORTS = { roles: rolesOf("results") };

const waveIdOf = (raw: string) => pathId(raw, UnknownWaveError);

const attachment = (fallback: string, fileName: string) =>
  `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;

/** The annual report (SPEC §4): the district's Word report, a town's card, and the console's build with progress. */
const reportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = () => app.database.db;

  app.get(
    "/api/admin/waves/:waveId/report.docx",
    {
      config: REPORTS,
      schema: {
        tags: ["results"],
        summary:
          "年度调查报告（Word）：摘要、方法、全区和街镇结果、题目、主客观对比、优先改进、政策知晓、居民意见、附录",
        params: WaveIdParams,
        response: { 200: DocxFile, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const file = await generateReport(db(), waveIdOf(request.params.waveId), { kind: "district" }, app.now());
      return sendFile(reply, file, "report.docx");
    },
  );

  app.get(
    "/api/admin/waves/:waveId/towns/:townCode/report.docx",
    {
      config: REPORTS,
      schema: {
        tags: ["results"],
        summary: "街镇报告卡（Word，2–4页）：与全区对比、分档和变化、优势短板、优先改进、居民意见",
        params: WaveTownParams,
        response: { 200: DocxFile, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const file = await generateReport(
        db(),
        waveIdOf(request.params.waveId),
        { kind: "town", townCode: request.params.townCode },
        app.now(),
      );
      return sendFile(reply, file, "town-report.docx");
    },
  );

  app.get(
    "/api/admin/waves/:waveId/report-build",
    {
      config: REPORTS,
      schema: {
        tags: ["results"],
        summary:
          "生成报告并报告进度（application/x-ndjson）：每行一个 {type:'progress',done,total,step}，最后一行 {type:'file',fileName,contentType,base64} 或 {type:'error',error,message}",
        params: WaveIdParams,
        querystring: ReportBuildQuery,
        response: { 200: ReportBuildStream, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const waveId = waveIdOf(request.params.waveId);
      const stream = new PassThrough();
      const line = (value: unknown) => stream.write(`${JSON.stringify(value)}\n`);
      generateReport(
        db(),
        waveId,
        { kind: request.query.kind, townCode: request.query.town },
        app.now(),
        (done, total, step) => line({ type: "progress", done, total, step }),
      )
        .then((file) =>
          line({
            type: "file",
            fileName: file.fileName,
            contentType: file.contentType,
            base64: Buffer.from(file.bytes).toString("base64"),
          }),
        )
        .catch((error: unknown) => {
          if (error instanceof AppError) line({ type: "error", error: error.code, message: error.message });
          else {
            request.log.error({ err: error }, "report generation failed");
            line({ type: "error", error: "internal_error", message: "报告生成失败，请稍后再试。" });
          }
        })
        .finally(() => stream.end());
      return reply.type("application/x-ndjson; charset=utf-8").header("cache-control", "no-store").send(stream);
    },
  );
};

export default reportRoutes;
