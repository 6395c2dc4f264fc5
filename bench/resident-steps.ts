/**
 * Cost of each step of the resident path, one resident at a time (no contention): CPU time of the API in
 * this process and SQL statements sent to PostgreSQL (BEGIN and COMMIT included). The surge benchmark says
 * how fast; this says where the time goes.
 *
 *   npx tsx bench/resident-steps.ts [--residents 200] [--smoke]
 *
 * --smoke: 5 residents after 5 warm-up ones — checks that the benchmark still runs (CI); figures meaningless.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { openDatabase } from "@survey/db";
import pg from "pg";
import { createServer } from "../apps/api/src/create-server";
import { loadConfig } from "../apps/api/src/platform/config";
import { GENEROUS_RESIDENT_LIMITS } from "../tests/support/test-app";
import { createBenchDatabase } from "./support/bench-database";
import { STEPS, type Step } from "./support/resident-load";
import { residentNumber, seededRandom } from "./support/residents";
import { prepareSurgeWave } from "./support/surge-wave";

const { values: args } = parseArgs({
  options: { residents: { type: "string", default: "200" }, smoke: { type: "boolean", default: false } },
});
const measured = args.smoke ? 5 : Number(args.residents);
const WARM_UP = args.smoke ? 5 : 30;

// Count every statement any pg client of this process sends.
let statements = 0;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...params: unknown[]) {
  statements += 1;
  return (query as (...args: unknown[]) => unknown).apply(this, params);
} as typeof query;

const database = await createBenchDatabase("bench_steps");
const handle = await openDatabase({ url: database.url, poolSize: 10 });
await handle.migrate();
const config = loadConfig({
  NODE_ENV: "test",
  SEED_DEMO: "true",
  LOG_LEVEL: "silent",
  DATA_DIR: mkdtempSync(join(tmpdir(), "bench-steps-")),
  VERIFY_RATE_LIMIT_PER_MINUTE: "100000",
  // One machine plays every resident: the squatting limits and the challenge would refuse it.
  ...GENEROUS_RESIDENT_LIMITS,
  RESERVATION_SWEEP_MS: "0",
});
const app = await createServer({ config, database: handle });
try {
  const wave = await prepareSurgeWave(handle.db);
  const random = seededRandom(7);
  const cpu = Object.fromEntries(STEPS.map((step) => [step, 0])) as Record<Step, number>;
  const sql = Object.fromEntries(STEPS.map((step) => [step, 0])) as Record<Step, number>;
  for (let n = 0; n < WARM_UP + measured; n++) {
    const resident = residentNumber(n, wave.communities, random);
    const step = async <T>(name: Step, run: () => Promise<T>): Promise<T> => {
      const before = { cpu: process.cpuUsage(), statements };
      const result = await run();
      const used = process.cpuUsage(before.cpu);
      if (n >= WARM_UP) {
        cpu[name] += (used.user + used.system) / 1000;
        sql[name] += statements - before.statements;
      }
      return result;
    };
    const started = await step("start", () =>
      app.inject({ method: "POST", url: `/api/waves/${wave.id}/verifications`, payload: resident }),
    );
    const outbox = await step("outbox", () =>
      app.inject({ method: "GET", url: `/api/dev/sms-outbox?phone=${resident.phone}` }),
    );
    const confirmed = await step("confirm", () =>
      app.inject({
        method: "POST",
        url: `/api/verifications/${started.json().verificationId}/confirm`,
        payload: { code: outbox.json()[0].code },
      }),
    );
    const submitted = await step("submit", () =>
      app.inject({
        method: "POST",
        url: "/api/responses",
        headers: { authorization: `Bearer ${confirmed.json().reservationToken}` },
        payload: { answers: wave.answers(n) },
      }),
    );
    if (submitted.statusCode !== 201) throw new Error(`resident ${n}: ${submitted.statusCode} ${submitted.body}`);
  }
  console.log("| step | API CPU ms per request | SQL statements per request |");
  console.log("| --- | --- | --- |");
  for (const name of STEPS) {
    console.log(`| ${name} | ${(cpu[name] / measured).toFixed(1)} | ${(sql[name] / measured).toFixed(0)} |`);
  }
  const total = (values: Record<Step, number>) => STEPS.reduce((sum, name) => sum + values[name], 0) / measured;
  console.log(`| one resident | ${total(cpu).toFixed(1)} | ${total(sql).toFixed(0)} |`);
  console.log(`(pgbench's script: 9 statements per resident — see bench/claim-submit.sql)`);
} finally {
  await app.close();
  await handle.close();
  await database.drop();
}
