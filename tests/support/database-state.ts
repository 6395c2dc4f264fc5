import { randomBytes } from "node:crypto";
import { type Executor, queryRows } from "@survey/db";
import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import pg from "pg";
import { completeDefaultAnswers } from "../../packages/questionnaire/src/default-questionnaire.fixture";
import { adultIdNumber, mobilePhone, submitResponse, verifyResident } from "./resident";

/** Rows of every table of the application's schema (and the applied migrations), by table name. */
export async function tableCounts(db: Executor): Promise<Record<string, number>> {
  const tables = await queryRows<{ schema: string; name: string }>(
    db,
    sql`select table_schema as schema, table_name as name from information_schema.tables
        where table_schema in ('public', 'drizzle') and table_type = 'BASE TABLE' order by 1, 2`,
  );
  const counts: Record<string, number> = {};
  for (const { schema, name } of tables) {
    const [row] = await queryRows<{ n: number }>(db, sql.raw(`select count(*)::int as n from "${schema}"."${name}"`));
    counts[`${schema}.${name}`] = row?.n ?? 0;
  }
  return counts;
}

/**
 * Residents through the API of `app`, in `communityCode`: `submitted` verify and submit, `held` verify and keep
 * their slot. Returns the reservation tokens of those held.
 */
export async function residentsThrough(
  app: FastifyInstance,
  waveId: number,
  communityCode: string,
  counts: { submitted: number; held: number },
): Promise<string[]> {
  const held: string[] = [];
  for (let i = 0; i < counts.submitted + counts.held; i++) {
    const confirmed = await verifyResident(app, waveId, {
      idNumber: adultIdNumber(),
      phone: mobilePhone(),
      communityCode,
    });
    if (confirmed.statusCode !== 201) throw new Error(`confirm: ${confirmed.statusCode} ${confirmed.body}`);
    const token = confirmed.json().reservationToken as string;
    if (i >= counts.submitted) {
      held.push(token);
      continue;
    }
    const submitted = await submitResponse(app, token, completeDefaultAnswers(1 + (i % 5)));
    if (submitted.statusCode !== 201) throw new Error(`submit: ${submitted.statusCode} ${submitted.body}`);
  }
  return held;
}

/** A new, empty database on the PostgreSQL server of TEST_DATABASE_URL (no migrations), with its dropper. */
export async function emptyPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error("TEST_DATABASE_URL is required for the postgres test driver");
  const name = `test_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
