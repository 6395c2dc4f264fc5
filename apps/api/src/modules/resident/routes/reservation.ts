import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import {
  AnswersBody,
  BearerHeaders,
  errorResponses,
  NoContent,
  RESERVATION_EXPIRES_HEADER,
  Receipt,
  ReservationReply,
} from "@survey/contract";
import { InvalidTokenError } from "../../../platform/errors";
import { depsOf } from "../../../platform/route-deps";
import { resumeReservation, saveReservationDraft } from "../reservation-service";
import { submitResponse } from "../submission-service";

const security = [{ reservationToken: [] }];

/** Reads `Authorization: Bearer <reservationToken>`; anything else is an invalid token. */
function bearerToken(header: string | undefined): string {
  const match = /^Bearer\s+([A-Za-z0-9_-]{20,200})\s*$/.exec(header ?? "");
  if (!match?.[1]) throw new InvalidTokenError();
  return match[1];
}

const reservationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    "/api/reservation",
    {
      schema: {
        tags: ["resident"],
        summary: "恢复填写：名额状态、问卷和已保存的答案",
        security,
        headers: BearerHeaders,
        response: { 200: ReservationReply, ...errorResponses(401) },
      },
    },
    (request) => resumeReservation(depsOf(app), bearerToken(request.headers.authorization)),
  );

  app.put(
    "/api/reservation/draft",
    {
      schema: {
        tags: ["resident"],
        summary: "自动保存未完成的答案",
        security,
        headers: BearerHeaders,
        body: AnswersBody,
        response: { 204: NoContent, ...errorResponses(401, 409, 422) },
      },
    },
    async (request, reply) => {
      const saved = await saveReservationDraft(
        depsOf(app),
        bearerToken(request.headers.authorization),
        request.body.answers,
      );
      // The contract's 204 stays; the hold the save extended travels in a header the resident app reads.
      return reply.header(RESERVATION_EXPIRES_HEADER, saved.expiresAt).status(204).send(null);
    },
  );

  app.post(
    "/api/responses",
    {
      schema: {
        tags: ["resident"],
        summary: "提交问卷（同一凭证重复提交返回第一次的结果）",
        security,
        headers: BearerHeaders,
        body: AnswersBody,
        response: { 200: Receipt, 201: Receipt, ...errorResponses(401, 409, 422) },
      },
    },
    async (request, reply) => {
      const result = await submitResponse(
        depsOf(app),
        bearerToken(request.headers.authorization),
        request.body.answers,
      );
      return reply.status(result.created ? 201 : 200).send(result.body);
    },
  );
};

export default reservationRoutes;
