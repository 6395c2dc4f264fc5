import type { FastifyRequest } from "fastify";
import fp from "fastify-plugin";

export type Role = "admin" | "office" | "staff" | "department";

declare module "fastify" {
  interface FastifyContextConfig {
    /** Roles allowed on an /api/admin route; checked by the `authorize` hook. */
    roles?: Role[];
  }
  interface FastifyInstance {
    /** onRequest hook for the /api/admin scope: 401 without a session, 403 without a listed role. */
    authorize: (request: FastifyRequest) => Promise<void>;
  }
}

/**
 * Placeholder access control until sign-in exists (the Quota engine issue allows admin routes without
 * authentication until the console issue adds it). The auth plugin replaces this decorator.
 */
export default fp(
  async (app) => {
    app.decorate("authorize", async () => {});
  },
  { name: "access" },
);
