import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import fp from "fastify-plugin";

export default fp(
  async (app) => {
    await app.register(swagger, {
      openapi: {
        info: {
          title: "居民满意度调查系统 API",
          description: "Residential satisfaction survey: quotas, verification, responses, analysis.",
          version: "1.0.0",
        },
        components: {
          securitySchemes: {
            reservationToken: { type: "http", scheme: "bearer" },
            session: { type: "apiKey", in: "cookie", name: "survey_session" },
          },
        },
      },
    });
    await app.register(swaggerUi, { routePrefix: "/api/docs" });
  },
  { name: "docs" },
);
