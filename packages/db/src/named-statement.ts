import { type SQL, sql } from "drizzle-orm";
import { PgDialect, type PgSession } from "drizzle-orm/pg-core";
import type { Executor } from "./client";

const dialect = new PgDialect();

/** A value the statement takes by name: `${param("waveId")}` in the statement's SQL. */
export const param = (name: string) => sql.placeholder(name);

/**
 * A statement of the hot resident path, built once: its SQL text is made when the module loads (no query
 * building per request) and node-postgres sends it as a named prepared statement, which PostgreSQL parses
 * and plans once per connection instead of once per request. PGlite runs the same text unnamed. Values go in
 * by the names given to `param`; rows come back as the driver returns them (timestamps may be strings).
 */
export function namedStatement<Row, Values extends Record<string, unknown>>(name: string, statement: SQL) {
  const query = dialect.sqlToQuery(statement);
  return async (db: Executor, values: Values): Promise<Row[]> => {
    const { session } = (db as unknown as { _: { session: PgSession } })._;
    const prepared = session.prepareQuery(query, undefined, name, false);
    const result = (await prepared.execute(values)) as { rows: Row[] };
    return result.rows;
  };
}
