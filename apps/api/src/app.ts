import type { DatabaseHandle } from "@survey/db";
import type { FastifyPluginAsync } from "fastify";
import fp from "fastify-plugin";
import { auditRoutes, authRoutes, sessionAuthority, userRoutes } from "./modules/accounts";
import { comparisonRoutes, resultsRoutes } from "./modules/analysis";
import { commentRoutes } from "./modules/comments";
import { monitorRoutes, paperEntryRoutes, posterRoutes } from "./modules/fieldwork";
import { frameRoutes } from "./modules/frame";
import { indicatorRoutes } from "./modules/indicators";
import { questionnaireDocumentRoutes, questionnaireRoutes } from "./modules/questionnaires";
import { recommendationRoutes } from "./modules/recommendations";
import { reportRoutes } from "./modules/reports";
import { publicWaveRoutes, reservationRoutes, reservationSweeper, verificationRoutes } from "./modules/resident";
import { responseRoutes } from "./modules/responses";
import { waveRoutes } from "./modules/waves";
import auth from "./platform/auth/auth-plugin";
import clock from "./platform/clock";
import type { Config } from "./platform/config";
import database from "./platform/database";
import docs from "./platform/docs";
import errorHandler from "./platform/error-handler";
import frontEnds from "./platform/front-ends";
import healthRoutes from "./platform/health-route";
import jsonCompression from "./platform/json-compression";
import metrics from "./platform/metrics";
import rateLimit from "./platform/rate-limit";
import securityHeaders from "./platform/security-headers";
import devOutboxRoutes from "./platform/sms/dev-outbox-route";
import sms from "./platform/sms/sms-plugin";
import storableText from "./platform/storable-text";
import uploads from "./platform/uploads/upload-plugin";
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

/** Every /api/admin route, behind the `authorize` hook (session + role). */
const adminRoutes: FastifyPluginAsync = async (admin) => {
  admin.addHook("onRequest", (request) => admin.authorize(request));
  await admin.register(userRoutes);
  await admin.register(auditRoutes);
  await admin.register(monitorRoutes);
  await admin.register(posterRoutes);
  await admin.register(frameRoutes);
  await admin.register(waveRoutes);
  await admin.register(indicatorRoutes);
  await admin.register(recommendationRoutes);
  await admin.register(comparisonRoutes);
  await admin.register(questionnaireRoutes);
  await admin.register(questionnaireDocumentRoutes);
  await admin.register(paperEntryRoutes);
  await admin.register(resultsRoutes);
  await admin.register(responseRoutes);
  await admin.register(commentRoutes);
  await admin.register(reportRoutes);
};

/** The whole application as one plugin: the platform, then each module's routes; `server.ts` only starts it. */
const app: FastifyPluginAsync<AppOptions> = async (fastify, options) => {
  fastify.decorate("config", options.config);
  await fastify.register(clock, { now: options.now });
  await fastify.register(errorHandler);
  await fastify.register(securityHeaders);
  await fastify.register(jsonCompression);
  await fastify.register(storableText);
  await fastify.register(database, { config: options.config, database: options.database });
  await fastify.register(auth, { sessions: sessionAuthority });
  await fastify.register(docs);
  await fastify.register(rateLimit);
  await fastify.register(metrics);
  await fastify.register(sms);
  await fastify.register(uploads);
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
