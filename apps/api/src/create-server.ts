import Fastify, { type FastifyInstance } from "fastify";
import app, { type AppOptions } from "./app";
import { loggerOptions } from "./platform/logging";

export interface CreateServerOptions extends AppOptions {
  /** Where logs go (tests capture them); default stdout. */
  logStream?: NodeJS.WritableStream;
}

export async function createServer(options: CreateServerOptions): Promise<FastifyInstance> {
  const { config } = options;
  const server = Fastify({
    logger: loggerOptions(config, options.logStream),
    // Fastify accepts a hop count at run time though its type leaves numbers out.
    trustProxy: config.trustProxy as boolean | string,
    bodyLimit: 2 * 1024 * 1024,
    // Opening PGlite and migrating on a first start can take longer than Fastify's 10 s default.
    pluginTimeout: 120_000,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, allErrors: true } },
  });
  await server.register(app, options);
  await server.ready();
  return server;
}
