import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import {
  ConfirmBody,
  ConfirmReply,
  errorResponses,
  StartVerificationBody,
  StartVerificationReply,
  VerificationIdParams,
  WaveIdParams,
} from "@survey/contract";
import { UnknownWaveError } from "../../../platform/errors";
import { pathId } from "../../../platform/ids";
import { depsOf } from "../../../platform/route-deps";
import { confirmReplyJson } from "../confirm-reply-json";
import { confirmVerification, startVerification } from "../verification-service";

const verificationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const rateLimit = { max: app.config.verificationRateLimit, timeWindow: 60_000 };

  app.post(
    "/api/waves/:waveId/verifications",
    {
      config: { rateLimit },
      schema: {
        tags: ["resident"],
        summary: "开始身份验证：校验身份证号和手机号并发送短信验证码",
        params: WaveIdParams,
        body: StartVerificationBody,
        response: { 201: StartVerificationReply, ...errorResponses(400, 404, 409, 422, 428, 429, 503) },
      },
    },
    async (request, reply) => {
      const waveId = pathId(request.params.waveId, UnknownWaveError);
      return reply.status(201).send(await startVerification(depsOf(app), waveId, request.body, request.ip));
    },
  );

  app.post(
    "/api/verifications/:verificationId/confirm",
    {
      config: { rateLimit },
      schema: {
        tags: ["resident"],
        summary: "确认验证码并占用一个配额名额",
        params: VerificationIdParams,
        body: ConfirmBody,
        response: { 201: ConfirmReply, ...errorResponses(400, 409, 410, 429, 503) },
      },
    },
    async (request, reply) => {
      const confirmed = await confirmVerification(
        depsOf(app),
        request.params.verificationId,
        request.body.code,
        request.ip,
      );
      // Sent as text, which Fastify passes through for a JSON content type: the questionnaire in it is
      // serialised once per process. The text is ConfirmReply's, which the type provider cannot see.
      const body = confirmReplyJson(confirmed) as unknown as ConfirmReply;
      return reply.status(201).type("application/json; charset=utf-8").send(body);
    },
  );
};

export default verificationRoutes;
