import { type DatabaseHandle, openDatabase } from "@survey/db";
import fp from "fastify-plugin";
import type { Config } from "./config";

declare module "fastify" {
  interface FastifyInstance {
    database: DatabaseHandle;
  }
}

export interface DatabasePluginOptions {
  config: Config;
  /** An already open and migrated database (tests); the app then leaves closing it to the caller. */
  database?: DatabaseHandle;
}

/** Opens and migrates the configured database (the server's, or the command line's `npm run admin`). */
export async function openConfiguredDatabase(config: Config): Promise<DatabaseHandle> {
  const opened = await openDatabase({
    url: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: config.databasePool.size,
    connectTimeoutMs: config.databasePool.connectTimeoutMs,
    queryTimeoutMs: config.databasePool.queryTimeoutMs,
  });
  try {
    await opened.migrate();
  } catch (error) {
    await opened.close();
    throw error;
  }
  return opened;
}

export default fp<DatabasePluginOptions>(
  async (app, { config, database }) => {
    if (database) {
      app.decorate("database", database);
      return;
    }
    const opened = await openConfiguredDatabase(config);
    app.decorate("database", opened);
    app.addHook("onClose", () => opened.close());
  },
  { name: "database" },
);
