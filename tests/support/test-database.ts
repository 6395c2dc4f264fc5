import { randomBytes } from "node:crypto";
import { type DatabaseHandle, openDatabase } from "@survey/db";
import pg from "pg";

export type TestDriver = "pglite" | "postgres";

export const testDriver: TestDriver = process.env.TEST_DRIVER === "postgres" ? "postgres" : "pglite";

export interface TestDatabase {
  handle: DatabaseHandle;
  /** Connection string of this test's own database (PostgreSQL only), for child processes. */
  url?: string;
  /** Closes the handle and drops the database. */
  destroy(): Promise<void>;
}

function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/**
 * A fresh, migrated database for one test file: in-memory PGlite, or a new database on the
 * PostgreSQL server named by TEST_DATABASE_URL.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (testDriver === "pglite") {
    const handle = await openDatabase({ dataDir: "memory://" });
    await handle.migrate();
    return { handle, destroy: () => handle.close() };
  }
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error("TEST_DATABASE_URL is required for the postgres test driver");
  const name = `test_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = withDatabaseName(serverUrl, name);
  const handle = await openDatabase({ url, poolSize: 20 });
  await handle.migrate();
  return {
    handle,
    url,
    destroy: async () => {
      await handle.close();
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}
