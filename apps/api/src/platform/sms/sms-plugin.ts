import fp from "fastify-plugin";
import { AppError } from "../errors";
import { AliyunSmsProvider } from "./aliyun-sms";
import { DevOutboxProvider } from "./dev-outbox";
import { HttpSmsProvider } from "./http-gateway";
import type { SmsProvider } from "./sms-provider";
import { TencentSmsProvider } from "./tencent-sms";

declare module "fastify" {
  interface FastifyInstance {
    sms: SmsProvider;
    /** Present only with the dev-outbox provider (never in production). */
    devOutbox?: DevOutboxProvider;
  }
}

/** Counts every send, and every refusal by the error the resident got, for /metrics. */
function counted(provider: SmsProvider, metrics: Metrics): SmsProvider {
  return {
    name: provider.name,
    async send(message, db) {
      try {
        await provider.send(message, db);
      } catch (error) {
        metrics.smsRefused.inc({ provider: provider.name, error: error instanceof AppError ? error.code : "internal" });
        throw error;
      }
      metrics.smsSent.inc({ provider: provider.name });
    },
  };
}

type Metrics = import("fastify").FastifyInstance["metrics"];

export default fp(
  async (app) => {
    const { sms } = app.config;
    const log = app.log.child({ component: "sms" });
    if (sms.provider === "dev-outbox") {
      const outbox = new DevOutboxProvider(app.database.db, app.now);
      app.decorate("sms", counted(outbox, app.metrics));
      app.decorate("devOutbox", outbox);
      return;
    }
    const provider =
      sms.provider === "http"
        ? new HttpSmsProvider(sms.url, sms.token)
        : sms.provider === "aliyun"
          ? await AliyunSmsProvider.create(sms, log)
          : await TencentSmsProvider.create(sms, log);
    app.decorate("sms", counted(provider, app.metrics));
  },
  { name: "sms", dependencies: ["database", "clock", "metrics"] },
);
