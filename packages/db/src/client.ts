import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import type { SQL } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { acquireDataDirLock } from "./data-dir-lock";
import type * as schema from "./schema";

export type Schema = typeof schema;
/**
 * Both drivers expose this type; code above the client never knows which one it has. Without drizzle's
 * relational `db.query` API (nothing uses it): each transaction would otherwise build a query builder for
 * every table of the schema.
 */
export type Database = PgDatabase<PgQueryResultHKT>;
export type Transaction = PgTransaction<PgQueryResultHKT>;
/** A data-access function accepts either the database or an open transaction. */
export type Executor = Database | Transaction;

export type DriverName = "postgres" | "pglite";

export interface DatabaseHandle {
  db: Database;
  driver: DriverName;
  /** Runs pending migrations from `migrations/`. */
  migrate(): Promise<void>;
  /** Cheap round trip used by the health check. */
  ping(): Promise<void>;
  /** PostgreSQL pool use (connections open, idle, requests waiting for one); PGlite has one connection. */
  poolUse(): { size: number; total: number; idle: number; waiting: number };
  close(): Promise<void>;
}

// Three levels up from packages/db/src/client.ts, and from the API's bundle apps/api/dist/server.js alike.
export const migrationsFolder = fileURLToPath(new URL("../../../migrations", import.meta.url));

export interface OpenDatabaseOptions {
  /** PostgreSQL connection string; when absent, embedded PGlite is used. */
  url?: string;
  /** PGlite data directory; `memory://` keeps everything in memory (tests). */
  dataDir?: string;
  /**
   * PGlite: start from this dump of a data directory (`dumpDataDir`) instead of running initdb — in memory, or
   * into an empty `dataDir` (a restore).
   */
  loadDataDir?: Blob;
  poolSize?: number;
  /** PostgreSQL: how long a request waits for a connection (new or from a busy pool), ms. Default 10 s. */
  connectTimeoutMs?: number;
  /**
   * PostgreSQL: a statement with no answer after this long means the server or the network is gone; its
   * connection is dropped so the request fails instead of hanging (ms, 0 = never). Default 30 s.
   */
  queryTimeoutMs?: number;
}

type QueryFunction = (...args: unknown[]) => unknown;

/**
 * Starts a timer with every query on this connection; if the answer does not come in time, the socket is
 * destroyed, which fails the query (and any queued behind it) with a connection error and makes the pool
 * discard the client. Both the promise and the callback form of `client.query` are covered.
 */
function dropSilentConnections(client: pg.PoolClient, timeoutMs: number) {
  const query = client.query.bind(client) as QueryFunction;
  const drop = () => {
    const timeout = Object.assign(new Error("database query timed out; connection dropped"), { code: "ETIMEDOUT" });
    (client as unknown as { connection?: { stream?: { destroy(error: Error): void } } }).connection?.stream?.destroy(
      timeout,
    );
  };
  (client as unknown as { query: QueryFunction }).query = (...args: unknown[]) => {
    const timer = setTimeout(drop, timeoutMs);
    timer.unref();
    const last = args[args.length - 1];
    if (typeof last === "function") {
      args[args.length - 1] = (...results: unknown[]) => {
        clearTimeout(timer);
        return (last as QueryFunction)(...results);
      };
      return query(...args);
    }
    const result = query(...args);
    if (result instanceof Promise) return result.finally(() => clearTimeout(timer));
    clearTimeout(timer);
    return result;
  };
}

/**
 * drizzle's `transaction()` takes a client from the pool and sends BEGIN before the try/finally that releases
 * the client: when BEGIN fails (the connection died while the client sat idle, as in a database outage), the
 * client is never given back, and an outage drains the pool for good. This pool gives such a client back
 * itself, with the error, so the pool discards it; any other failure is left to the caller's release.
 */
class TransactionSafePool extends pg.Pool {
  // biome-ignore lint/suspicious/noExplicitAny: pg-pool's overloads (promise and callback forms)
  override connect(...args: any[]): any {
    if (args.length > 0) return (super.connect as (...params: unknown[]) => unknown)(...args);
    return super.connect().then((client) => {
      releaseWhenBeginFails(client);
      return client;
    });
  }
}

function releaseWhenBeginFails(client: pg.PoolClient) {
  // `client.query` is pg's own method (no query timeout) or dropSilentConnections' wrapper: bind it, as pg's
  // method needs its client, and put the same function back afterwards.
  const original = client.query as QueryFunction;
  const query = original.bind(client);
  (client as unknown as { query: QueryFunction }).query = (...args: unknown[]) => {
    // Only the first query of this checkout is watched.
    (client as unknown as { query: QueryFunction }).query = original;
    const first = args[0];
    const text = typeof first === "string" ? first : (first as { text?: unknown } | undefined)?.text;
    const result = query(...args);
    if (typeof text !== "string" || !/^\s*begin\b/i.test(text) || !(result instanceof Promise)) return result;
    return result.catch((error: unknown) => {
      client.release(error instanceof Error ? error : new Error(String(error)));
      throw error;
    });
  };
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  if (options.url) {
    const pool = new TransactionSafePool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000,
      keepAlive: true,
    });
    // An idle client losing its server must not crash the process; the next query reports it.
    pool.on("error", () => {});
    const queryTimeoutMs = options.queryTimeoutMs ?? 30_000;
    pool.on("connect", (client) => {
      // The same for a client checked out for a transaction: its pending query gets the error, and
      // without a listener the client's 'error' event would be thrown and end the process.
      client.on("error", () => {});
      if (queryTimeoutMs > 0) dropSilentConnections(client, queryTimeoutMs);
    });
    const db = drizzlePg(pool) as unknown as Database;
    return {
      db,
      driver: "postgres",
      // Several API processes may start at once: an advisory lock lets one of them migrate at a time.
      migrate: async () => {
        const lockClient = await pool.connect();
        try {
          await lockClient.query("select pg_advisory_lock(7420117)");
          await migratePg(db as never, { migrationsFolder });
        } finally {
          await lockClient.query("select pg_advisory_unlock(7420117)").catch(() => {});
          lockClient.release();
        }
      },
      ping: async () => {
        await pool.query("select 1");
      },
      poolUse: () => ({
        size: options.poolSize ?? 10,
        total: pool.totalCount,
        idle: pool.idleCount,
        waiting: pool.waitingCount,
      }),
      close: () => pool.end(),
    };
  }
  const dataDir = options.dataDir ?? "./data";
  const inMemory = dataDir.startsWith("memory://");
  let releaseLock = () => {};
  if (!inMemory) {
    mkdirSync(dataDir, { recursive: true });
    releaseLock = acquireDataDirLock(dataDir);
  }
  let client: PGlite;
  try {
    client = await PGlite.create(
      inMemory ? { loadDataDir: options.loadDataDir } : { dataDir, loadDataDir: options.loadDataDir },
    );
  } catch (error) {
    releaseLock();
    throw error;
  }
  const db = drizzlePglite(client) as unknown as Database;
  return {
    db,
    driver: "pglite",
    migrate: () => migratePglite(db as never, { migrationsFolder }),
    ping: async () => {
      await client.query("select 1");
    },
    poolUse: () => ({ size: 1, total: 1, idle: 1, waiting: 0 }),
    close: async () => {
      await client.close();
      releaseLock();
    },
  };
}

/** Rows of a raw SQL query; both drivers return `{ rows }`, which drizzle's shared type hides. */
export async function queryRows<T>(db: Executor, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
