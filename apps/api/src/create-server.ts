import Fastify, { type FastifyInstance } from "fastify";
import app, { type AppOptions } from "./app";
import type { Config } from "./platform/config";
import { loggerOptions } from "./platform/logging";

export interface CreateServerOptions extends AppOptions {
  /** Where logs go (tests capture them); default stdout. */
  logStream?: NodeJS.WritableStream;
}

/**
 * Fastify's trustProxy for TRUST_PROXY. A hop count becomes a function trusting the nearest `hops` addresses
 * (the peer and the entries nearest it in X-Forwarded-For), so the client address is the one the outermost
 * trusted proxy saw: Fastify itself no longer honours a bare number (it trusts nothing then). Whatever the
 * client writes into the header further left is never taken.
 */
export function trustProxyOption(
  trustProxy: Config["trustProxy"],
): boolean | string | ((address: string, hop: number) => boolean) {
  if (typeof trustProxy !== "number") return trustProxy;
  const hops = trustProxy;
  return (_address, hop) => hop < hops;
}

export async function createServer(options: CreateServerOptions): Promise<FastifyInstance> {
  const { config } = options;
  const server = Fastify({
    logger: loggerOptions(config, options.logStream),
    trustProxy: trustProxyOption(config.trustProxy),
    bodyLimit: 2 * 1024 * 1024,
    // Opening PGlite and migrating on a first start can take longer than Fastify's 10 s default.
    pluginTimeout: 120_000,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, allErrors: true } },
  });
  await server.register(app, options);
  await server.ready();
  return server;
}
