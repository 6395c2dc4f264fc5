import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { errorResponses, OutboxQuery, OutboxReply } from "@survey/contract";
import { normalizePhone, phoneProblemMessage } from "@survey/identity";
import { hashPii } from "@survey/identity/pii-hash";
import { DevOutboxDisabledError, InvalidPhoneError } from "../errors";

/** Development and tests only: the codes the dev-outbox provider "sent", newest first. */
const devOutboxRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    "/api/dev/sms-outbox",
    {
      schema: {
        tags: ["development"],
        summary: "开发用短信信箱（生产环境不可用）",
        querystring: OutboxQuery,
        response: { 200: OutboxReply, ...errorResponses(400, 404) },
      },
    },
    async (request) => {
      const outbox = app.devOutbox;
      if (!outbox || app.config.nodeEnv === "production") throw new DevOutboxDisabledError();
      const phone = normalizePhone(request.query.phone);
      if (!phone) throw new InvalidPhoneError({}, phoneProblemMessage);
      return outbox.list(hashPii(app.config.piiSecret, "phone", phone));
    },
  );
};

export default devOutboxRoutes;
