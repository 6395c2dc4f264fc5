import rateLimit from "@fastify/rate-limit";
import fp from "fastify-plugin";
import { Redis } from "ioredis";
import { RateLimitedError } from "./errors";

/**
 * Per-client-address limits (request.ip honours TRUST_PROXY). Counters live in Redis when REDIS_URL is
 * set, so several API processes share them; otherwise in this process's memory. Routes opt in with
 * `config.rateLimit`.
 */
export default fp(
  async (app) => {
    const redis = app.config.redisUrl
      ? new Redis(app.config.redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: false })
      : undefined;
    if (redis) {
      redis.on("error", (error) => app.log.warn({ err: error }, "redis error"));
      app.addHook("onClose", async () => {
        await redis.quit().catch(() => redis.disconnect());
      });
    }
    await app.register(rateLimit, {
      global: false,
      redis,
      nameSpace: "survey-rl:",
      // Without Redis the limiter refuses rather than letting everyone through (skipOnError false).
      skipOnError: false,
      keyGenerator: (request) => request.ip,
      errorResponseBuilder: (_request, context) =>
        new RateLimitedError({ retryAfterSeconds: Math.max(1, Math.ceil(context.ttl / 1000)) }),
    });
  },
  { name: "rate-limit", dependencies: ["error-handler"] },
);
