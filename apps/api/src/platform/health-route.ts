import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Health } from "@survey/contract";

const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    "/api/health",
    { schema: { tags: ["operations"], summary: "健康检查", response: { 200: Health, 503: Health } } },
    async (_request, reply) => {
      const reachable = await app.database.ping().then(
        () => true,
        () => false,
      );
      return reply
        .status(reachable ? 200 : 503)
        .send({ status: reachable ? "ok" : "unavailable", database: { driver: app.database.driver, reachable } });
    },
  );
};

export default healthRoutes;
