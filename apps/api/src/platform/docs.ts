import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import fp from "fastify-plugin";
import { UnauthenticatedError } from "./errors";

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
    // In production the API's map is for signed-in staff only (the page and its JSON/YAML).
    const signedInOnly = app.config.nodeEnv === "production";
    await app.register(swaggerUi, {
      routePrefix: "/api/docs",
      // Swagger UI's own page: its scripts and styles allowed by their hashes (its routes set this header).
      staticCSP: true,
      transformStaticCSP: (header: string) =>
        app.config.cookieSecure ? header : header.replace("upgrade-insecure-requests;", ""),
      uiHooks: signedInOnly
        ? {
            onRequest: async (request) => {
              if (!(await app.authenticate(request))) throw new UnauthenticatedError();
            },
          }
        : {},
    });
  },
  { name: "docs" },
);
