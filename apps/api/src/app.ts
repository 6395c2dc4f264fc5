import type { DatabaseHandle } from "@survey/db";
import type { FastifyPluginAsync } from "fastify";
import fp from "fastify-plugin";
import type { Config } from "./config";
import auth from "./plugins/auth";
import clock from "./plugins/clock";
import database from "./plugins/database";
import docs from "./plugins/docs";
import errorHandler from "./plugins/error-handler";
import frontEnds from "./plugins/front-ends";
import jsonCompression from "./plugins/json-compression";
import rateLimit from "./plugins/rate-limit";
import reservationSweeper from "./plugins/reservation-sweeper";
import sms from "./plugins/sms";
import storableText from "./plugins/storable-text";
import tableUpload from "./plugins/table-upload";
import adminRoutes from "./routes/admin/index";
import authRoutes from "./routes/auth";
import devOutboxRoutes from "./routes/dev-outbox";
import healthRoutes from "./routes/health";
import publicWaveRoutes from "./routes/public-waves";
import reservationRoutes from "./routes/reservation";
import verificationRoutes from "./routes/verifications";
import { seedDemoData } from "./seed/seed-demo";

declare module "fastify" {
  interface FastifyInstance {
    config: Config;
  }
}

export interface AppOptions {
  config: Config;
  /** An open, migrated database supplied by the caller (tests); otherwise opened from config. */
  database?: DatabaseHandle;
  now?: () => Date;
}

/** The whole application as one plugin; `server.ts` only starts it. */
const app: FastifyPluginAsync<AppOptions> = async (fastify, options) => {
  fastify.decorate("config", options.config);
  await fastify.register(clock, { now: options.now });
  await fastify.register(errorHandler);
  await fastify.register(jsonCompression);
  await fastify.register(storableText);
  await fastify.register(database, { config: options.config, database: options.database });
  await fastify.register(docs);
  await fastify.register(auth);
  await fastify.register(rateLimit);
  await fastify.register(sms);
  await fastify.register(tableUpload);
  await fastify.register(reservationSweeper);

  await fastify.register(healthRoutes);
  await fastify.register(publicWaveRoutes);
  await fastify.register(verificationRoutes);
  await fastify.register(reservationRoutes);
  await fastify.register(devOutboxRoutes);
  await fastify.register(authRoutes);
  await fastify.register(adminRoutes);
  await fastify.register(frontEnds);

  if (options.config.seedDemo) {
    fastify.addHook("onReady", async () => {
      const seeded = await seedDemoData(fastify.database.db, fastify.now());
      if (seeded) fastify.log.info("loaded the Songjiang demo frame and wave (demo data)");
    });
  }
};

export default fp(app, { name: "survey-app" });
