import type { FastifyInstance } from "fastify";
import type { Deps } from "./deps";

/** The services' dependencies, as a route hands them over. */
export function depsOf(app: FastifyInstance): Deps {
  return { db: app.database.db, now: app.now, config: app.config, sms: app.sms };
}
