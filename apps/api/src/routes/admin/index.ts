import type { FastifyPluginAsync } from "fastify";

/** Every /api/admin route is registered here, behind the `authorize` hook (session + role). */
const adminRoutes: FastifyPluginAsync = async (app) => {
  app.addHook("onRequest", (request) => app.authorize(request));
};

export default adminRoutes;
