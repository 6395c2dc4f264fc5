import type { FastifyPluginAsync } from "fastify";
import auditRoutes from "./audit";
import comparisonRoutes from "./comparison";
import fieldworkRoutes from "./fieldwork";
import frameRoutes from "./frame";
import indicatorRoutes from "./indicators";
import posterRoutes from "./posters";
import questionnaireRoutes from "./questionnaires";
import responseAdminRoutes from "./responses";
import resultsRoutes from "./results";
import userRoutes from "./users";
import waveRoutes from "./waves";

/** Every /api/admin route is registered here, behind the `authorize` hook (session + role). */
const adminRoutes: FastifyPluginAsync = async (app) => {
  app.addHook("onRequest", (request) => app.authorize(request));
  await app.register(userRoutes);
  await app.register(auditRoutes);
  await app.register(fieldworkRoutes);
  await app.register(posterRoutes);
  await app.register(frameRoutes);
  await app.register(waveRoutes);
  await app.register(indicatorRoutes);
  await app.register(comparisonRoutes);
  await app.register(questionnaireRoutes);
  await app.register(responseAdminRoutes);
  await app.register(resultsRoutes);
};

export default adminRoutes;
