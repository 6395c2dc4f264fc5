import fp from "fastify-plugin";
import { DevOutboxProvider } from "./dev-outbox";
import { HttpSmsProvider } from "./http-gateway";
import type { SmsProvider } from "./sms-provider";

declare module "fastify" {
  interface FastifyInstance {
    sms: SmsProvider;
    /** Present only with the dev-outbox provider (never in production). */
    devOutbox?: DevOutboxProvider;
  }
}

export default fp(
  async (app) => {
    const { sms } = app.config;
    if (sms.provider === "http") {
      app.decorate("sms", new HttpSmsProvider(sms.url, sms.token));
      return;
    }
    const outbox = new DevOutboxProvider(app.database.db, app.now);
    app.decorate("sms", outbox);
    app.decorate("devOutbox", outbox);
  },
  { name: "sms", dependencies: ["database", "clock"] },
);
