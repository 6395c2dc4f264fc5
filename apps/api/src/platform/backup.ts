import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { acquireDataDirLock, type DatabaseHandle, openDatabase, queryRows } from "@survey/db";
import { sql } from "drizzle-orm";
import type { Config } from "./config";

/**
 * Backups of the configured database, and their restore: PostgreSQL with `pg_dump --format=custom` and
 * `pg_restore` (the client tools of the server's major version or newer, on PATH); embedded PGlite as a dump of
 * its data directory (a .tar.gz), taken while no server holds the directory. The respondents' key (PII_SECRET, or
 * DATA_DIR/pii-secret) is never in a backup: keep it apart.
 */
export class BackupError extends Error {}

const POSTGRES_SUFFIX = ".dump";
const PGLITE_SUFFIX = ".pglite.tar.gz";

function stamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((done, fail) => {
    let stderr = "";
    const child = spawn(command, args, { stdio: ["ignore", "ignore", "pipe"] });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("error", (error) =>
      fail(new BackupError(`${command} could not run (${error.message}); install the PostgreSQL client tools`)),
    );
    child.on("exit", (code) =>
      code === 0 ? done() : fail(new BackupError(`${command} failed (exit ${code}):\n${stderr.trim()}`)),
    );
  });
}

/** Writes `survey-<UTC time>.dump` (or `.pglite.tar.gz`) into `dir`, then deletes backups older than `keepDays`. */
export async function backupDatabase(
  config: Config,
  options: { dir: string; keepDays?: number; now?: Date },
): Promise<string> {
  const now = options.now ?? new Date();
  const dir = resolve(options.dir);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `survey-${stamp(now)}${config.databaseUrl ? POSTGRES_SUFFIX : PGLITE_SUFFIX}`);
  // Written aside and renamed: a half-written file (disk full, a kill) never looks like a backup.
  const partial = `${path}.partial`;
  try {
    if (config.databaseUrl) {
      await run("pg_dump", ["--format=custom", "--file", partial, "--dbname", config.databaseUrl]);
    } else {
      if (!existsSync(join(config.dataDir, "PG_VERSION"))) {
        throw new BackupError(`DATA_DIR ${config.dataDir} holds no database (set DATA_DIR, or DATABASE_URL)`);
      }
      // Holds DATA_DIR's lock: refused with a clear message while a server runs on it.
      const handle = await openDatabase({ dataDir: config.dataDir });
      try {
        const dump = await (handle.db as unknown as { $client: PGlite }).$client.dumpDataDir("gzip");
        writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
      } finally {
        await handle.close();
      }
    }
    renameSync(partial, path);
  } finally {
    rmSync(partial, { force: true });
  }
  if (options.keepDays !== undefined) pruneBackups(dir, options.keepDays, now);
  return path;
}

function pruneBackups(dir: string, keepDays: number, now: Date) {
  const cutoff = now.getTime() - keepDays * 86_400_000;
  for (const name of readdirSync(dir)) {
    if (!/^survey-\d{8}-\d{6}(\.dump|\.pglite\.tar\.gz)$/.test(name)) continue;
    if (statSync(join(dir, name)).mtimeMs < cutoff) rmSync(join(dir, name));
  }
}

/**
 * Restores a backup into the configured database, then applies any migrations newer than the backup. An empty
 * target is required unless `replace`: PostgreSQL then drops what the backup holds first; a PGlite DATA_DIR is
 * moved aside (`<DATA_DIR>.replaced-<time>`, its pii-secret copied into the restored one).
 */
export async function restoreDatabase(
  config: Config,
  file: string,
  options: { replace?: boolean; now?: Date } = {},
): Promise<void> {
  const path = resolve(file);
  if (!existsSync(path)) throw new BackupError(`no such backup: ${path}`);
  const isPglite = basename(path).endsWith(PGLITE_SUFFIX);
  if (isPglite === Boolean(config.databaseUrl)) {
    throw new BackupError(
      config.databaseUrl
        ? `${basename(path)} is a PGlite backup and DATABASE_URL names a PostgreSQL server`
        : `${basename(path)} is a PostgreSQL backup: set DATABASE_URL to the server to restore into`,
    );
  }
  const handle = config.databaseUrl
    ? await restorePostgres(config.databaseUrl, path, options.replace ?? false)
    : await restorePglite(config.dataDir, path, options.replace ?? false, options.now ?? new Date());
  try {
    await handle.migrate();
  } finally {
    await handle.close();
  }
}

async function restorePostgres(url: string, path: string, replace: boolean): Promise<DatabaseHandle> {
  const handle = await openDatabase({ url, poolSize: 1 });
  try {
    const [tables] = await queryRows<{ n: number }>(
      handle.db,
      sql`select count(*)::int as n from information_schema.tables where table_schema in ('public', 'drizzle')`,
    );
    if ((tables?.n ?? 0) > 0 && !replace) {
      throw new BackupError(
        "the database is not empty; restore into a new database (createdb), or pass --replace to drop and replace its tables",
      );
    }
  } finally {
    await handle.close();
  }
  await run("pg_restore", [
    "--dbname",
    url,
    "--no-owner",
    "--no-privileges",
    "--single-transaction",
    "--exit-on-error",
    ...(replace ? ["--clean", "--if-exists"] : []),
    path,
  ]);
  return openDatabase({ url, poolSize: 2 });
}

/** Files of a data directory that are ours, not the database's. */
const NOT_DATABASE = new Set(["pii-secret", "survey.lock"]);

async function restorePglite(dataDir: string, path: string, replace: boolean, now: Date): Promise<DatabaseHandle> {
  const holdsDatabase = existsSync(dataDir) && readdirSync(dataDir).some((name) => !NOT_DATABASE.has(name));
  if (holdsDatabase) {
    if (!replace) {
      throw new BackupError(`DATA_DIR ${dataDir} already holds a database; pass --replace to move it aside`);
    }
    // Refused while a server holds it.
    acquireDataDirLock(dataDir)();
    const aside = `${dataDir}.replaced-${stamp(now)}`;
    renameSync(dataDir, aside);
    mkdirSync(dataDir, { recursive: true });
    const secret = join(aside, "pii-secret");
    if (existsSync(secret)) writeFileSync(join(dataDir, "pii-secret"), readFileSync(secret), { mode: 0o600 });
  }
  return openDatabase({ dataDir, loadDataDir: new Blob([readFileSync(path)]) });
}
