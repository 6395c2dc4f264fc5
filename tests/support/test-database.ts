import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { PGlite } from "@electric-sql/pglite";
import { type DatabaseHandle, migrationsFolder, openDatabase } from "@survey/db";
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

const snapshotDir = fileURLToPath(new URL("../../.tmp/pglite-snapshots/", import.meta.url));

/** Names the migrated data directory by what it is made of: the migrations and the PGlite build. */
function snapshotPath(): string {
  const hash = createHash("sha256");
  // The package's own package.json (its version) sits above its dist/ entry point.
  const pglite = join(dirname(fileURLToPath(import.meta.resolve("@electric-sql/pglite"))), "..", "package.json");
  hash.update(readFileSync(pglite));
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else hash.update(entry.name).update(readFileSync(path));
    }
  };
  visit(migrationsFolder);
  return join(snapshotDir, `migrated-${hash.digest("hex").slice(0, 16)}.tar`);
}

/**
 * The data directory of a freshly created and migrated PGlite (openDatabase, then every migration), saved
 * once per migration state. Creating a PGlite runs initdb, over a second and a half on a small machine;
 * starting one from this copy takes a fifth of that.
 */
async function migratedSnapshot(): Promise<Blob> {
  const path = snapshotPath();
  if (existsSync(path)) return new Blob([readFileSync(path)]);
  const handle = await openDatabase({ dataDir: "memory://" });
  await handle.migrate();
  const client = (handle.db as unknown as { $client: PGlite }).$client;
  const dump = await client.dumpDataDir("none");
  await handle.close();
  mkdirSync(snapshotDir, { recursive: true });
  // Test files run in parallel processes: write aside, then rename, so no reader sees half a file.
  const partial = `${path}.${process.pid}.partial`;
  writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
  renameSync(partial, path);
  return dump;
}

/**
 * A fresh, migrated database for one test file: in-memory PGlite, or a new database on the
 * PostgreSQL server named by TEST_DATABASE_URL. PGlite starts from a saved copy of a migrated data
 * directory unless `fromScratch` asks for initdb and every migration (the migration tests).
 */
export async function createTestDatabase(options: { fromScratch?: boolean } = {}): Promise<TestDatabase> {
  if (testDriver === "pglite") {
    const handle = await openDatabase({
      dataDir: "memory://",
      loadDataDir: options.fromScratch ? undefined : await migratedSnapshot(),
    });
    // From scratch, this runs every migration; from the snapshot, it finds none pending.
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
