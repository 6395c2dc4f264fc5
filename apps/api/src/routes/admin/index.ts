import type { FastifyPluginAsync } from "fastify";
import auditRoutes from "./audit";
import userRoutes from "./users";

/** Every /api/admin route is registered here, behind the `authorize` hook (session + role). */
const adminRoutes: FastifyPluginAsync = async (app) => {
  app.addHook("onRequest", (request) => app.authorize(request));
  await app.register(userRoutes);
  await app.register(auditRoutes);
};

export default adminRoutes;
