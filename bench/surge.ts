/**
 * Surge benchmark: thousands of residents go through verification and submission at once.
 *
 *   npx tsx bench/surge.ts [--residents 2000] [--concurrency 64,256] [--processes 2] [--pool 10] [--rounds 4]
 *                          [--paced 256] [--think 1000] [--paced-residents 2000]
 *                          [--arrivals 40,60] [--arrival-seconds 30] [--redis] [--profile DIR] [--smoke]
 *
 * --smoke: one API process, a few dozen residents through every kind of run (closed loop, paced, open loop)
 * and pgbench — checks that the benchmark still runs (CI); its figures mean nothing.
 *
 * Starts the API (one process per CPU core by default, as deployed behind a load balancer) on a fresh
 * PostgreSQL database with the demo frame and caps raised so that no run ends in quota_full, drives the
 * full resident path with undici at each concurrency, and runs pgbench on the same server with the SQL one
 * claim and one submission issue (bench/claim-submit.sql) at the same concurrency. The API and pgbench
 * alternate in rounds so that a change in background load hits both; the ratio is API residents/s over
 * pgbench transactions/s (one transaction = one claim + one submission).
 *
 * Closed-loop latency is concurrency ÷ throughput (Little's law), so the latency a resident sees in a real
 * surge is measured two more ways: the same number of residents in flight, each pausing between steps as a
 * person does (--paced, --think), and open loop: residents arrive at a fixed rate (--arrivals), and pgbench
 * --rate runs the same SQL at the same rate, for a p99 ratio.
 */
import { cpus } from "node:os";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { openDatabase } from "@survey/db";
import { findQuotaInvariantViolations, releaseExpiredReservations } from "../apps/api/src/modules/resident/data/quota";
import { GENEROUS_RESIDENT_LIMITS } from "../tests/support/test-app";
import { type ApiServer, startApiServer } from "./support/api-server";
import { createBenchDatabase } from "./support/bench-database";
import { LatencyRecorder, ms, summarise } from "./support/latency";
import { connectionHeadroom, describeMachine, machineBusyCpuMs, ownCpuMs, processCpuMs } from "./support/machine";
import { runPgbench } from "./support/pgbench";
import { driveResidents, STEPS } from "./support/resident-load";
import { residentNumber, seededRandom } from "./support/residents";
import { prepareSurgeWave } from "./support/surge-wave";

const { values: flags } = parseArgs({
  options: {
    smoke: { type: "boolean", default: false },
    residents: { type: "string", default: "2000" },
    concurrency: { type: "string", default: "64,256" },
    processes: { type: "string", default: String(cpus().length) },
    rounds: { type: "string", default: "4" },
    /** Open-loop runs: residents arriving at these rates per second (comma-separated; "" for none). */
    arrivals: { type: "string", default: "40,60" },
    /** Runs with this many residents in flight, each pausing --think ms between steps ("" for none). */
    paced: { type: "string", default: "256" },
    think: { type: "string", default: "1000" },
    "paced-residents": { type: "string", default: "2000" },
    /** How long each open-loop run lasts, in seconds. */
    "arrival-seconds": { type: "string", default: "30" },
    warmup: { type: "string", default: "1500" },
    /** Fewest transactions each pgbench connection runs in a round (its connections are new every round). */
    "pgbench-per-client": { type: "string", default: "50" },
    redis: { type: "boolean", default: false },
    /** PostgreSQL connections per API process (DATABASE_POOL_SIZE). */
    pool: { type: "string", default: "10" },
    keep: { type: "boolean", default: false },
    /** Directory for V8 CPU profiles of the API processes (written when they stop). */
    profile: { type: "string" },
  },
});
const args = flags.smoke
  ? {
      ...flags,
      residents: "16",
      concurrency: "4",
      processes: "1",
      rounds: "1",
      arrivals: "8",
      "arrival-seconds": "1",
      paced: "4",
      think: "20",
      "paced-residents": "8",
      warmup: "8",
      "pgbench-per-client": "2",
      pool: "4",
    }
  : flags;
const residentsPerRun = Number(args.residents);
const levels = args.concurrency.split(",").filter(Boolean).map(Number);
const rounds = Number(args.rounds);
const script = fileURLToPath(new URL("./claim-submit.sql", import.meta.url));

interface Measurement {
  concurrency: number;
  residents: number;
  apiSeconds: number;
  requests: number;
  apiCpuMsPerResident: number;
  /** Whole machine's busy CPU per resident, and the load generator's (this process) share of it. */
  machineCpuMsPerResident: number;
  loadCpuMsPerResident: number;
  /** Whole machine's busy CPU per pgbench transaction. */
  machineCpuMsPerTransaction: number;
  outcomes: Map<string, number>;
  latency: LatencyRecorder;
  pgbenchClients: number;
  pgbenchTransactions: number;
  pgbenchSeconds: number;
  pgbenchFailed: number;
  pgbenchLatencies: number[];
}

const database = await createBenchDatabase("bench_surge");
const apis: ApiServer[] = [];
const handle = await openDatabase({ url: database.url, poolSize: 2 });
try {
  const env = {
    DATABASE_URL: database.url,
    SEED_DEMO: "true",
    VERIFY_RATE_LIMIT_PER_MINUTE: "100000",
    // One machine plays every resident: the squatting limits and the challenge would refuse it.
    ...GENEROUS_RESIDENT_LIMITS,
    DATABASE_POOL_SIZE: args.pool,
    ...(args.redis ? { REDIS_URL: process.env.TEST_REDIS_URL || "redis://127.0.0.1:6379" } : {}),
  };
  const nodeFlags = args.profile ? ["--cpu-prof", `--cpu-prof-dir=${args.profile}`] : [];
  // The first process migrates and seeds; the others start on the ready database.
  apis.push(await startApiServer(env, nodeFlags));
  for (let i = 1; i < Number(args.processes); i++) apis.push(await startApiServer(env, nodeFlags));
  const baseUrls = apis.map((api) => api.url);
  const wave = await prepareSurgeWave(handle.db);

  const random = seededRandom(20261120);
  let sequence = 0;
  const nextResidents = (count: number) =>
    Array.from({ length: count }, () => residentNumber(sequence++, wave.communities, random));
  const apiCpuMs = () => apis.reduce((sum, api) => sum + processCpuMs(api.child.pid), 0);

  console.log(`machine: ${await describeMachine(database.url)}`);
  console.log(
    `API: ${apis.length} process(es) with ${args.pool} PostgreSQL connections each, rate-limit store ${args.redis ? "Redis" : "in process memory"}; frame: ${wave.communities.length} communities in ${wave.towns} towns; ${residentsPerRun} residents per concurrency level in ${rounds} rounds alternating with pgbench`,
  );

  // Warm-up: JIT, connection pools, PostgreSQL caches.
  await driveResidents({
    baseUrls,
    waveId: wave.id,
    residents: nextResidents(Number(args.warmup)),
    concurrency: 32,
    answers: wave.answers,
  });
  await runPgbench({
    url: database.url,
    script,
    clients: 16,
    total: Number(args.warmup),
    variables: wave.pgbenchVariables,
  });

  const measurements: Measurement[] = [];
  for (const concurrency of levels) {
    const m: Measurement = {
      concurrency,
      residents: 0,
      apiSeconds: 0,
      requests: 0,
      apiCpuMsPerResident: 0,
      machineCpuMsPerResident: 0,
      loadCpuMsPerResident: 0,
      machineCpuMsPerTransaction: 0,
      outcomes: new Map(),
      latency: new LatencyRecorder(),
      pgbenchClients: Math.min(concurrency, await connectionHeadroom(database.url)),
      pgbenchTransactions: 0,
      pgbenchSeconds: 0,
      pgbenchFailed: 0,
      pgbenchLatencies: [],
    };
    let cpu = 0;
    let machineCpu = 0;
    let loadCpu = 0;
    let pgbenchMachineCpu = 0;
    for (let round = 0; round < rounds; round++) {
      const perRound = Math.ceil(residentsPerRun / rounds);
      const cpuBefore = apiCpuMs();
      const machineBefore = machineBusyCpuMs();
      const loadBefore = ownCpuMs();
      const load = await driveResidents({
        baseUrls,
        waveId: wave.id,
        residents: nextResidents(perRound),
        concurrency,
        answers: wave.answers,
        latency: m.latency,
      });
      cpu += apiCpuMs() - cpuBefore;
      machineCpu += machineBusyCpuMs() - machineBefore;
      loadCpu += ownCpuMs() - loadBefore;
      const pgbenchMachineBefore = machineBusyCpuMs();
      m.residents += load.residents;
      m.apiSeconds += load.elapsedMs / 1000;
      m.requests += load.requests;
      for (const [outcome, count] of load.outcomes) m.outcomes.set(outcome, (m.outcomes.get(outcome) ?? 0) + count);
      const bench = await runPgbench({
        url: database.url,
        script,
        clients: m.pgbenchClients,
        total: perRound,
        minPerClient: Number(args["pgbench-per-client"]),
        variables: wave.pgbenchVariables,
      });
      pgbenchMachineCpu += machineBusyCpuMs() - pgbenchMachineBefore;
      m.pgbenchTransactions += bench.transactions;
      m.pgbenchSeconds += bench.transactions / bench.tps;
      m.pgbenchFailed += bench.failed;
      m.pgbenchLatencies.push(...bench.latencies);
    }
    m.apiCpuMsPerResident = cpu / m.residents;
    m.machineCpuMsPerResident = machineCpu / m.residents;
    m.loadCpuMsPerResident = loadCpu / m.residents;
    m.machineCpuMsPerTransaction = pgbenchMachineCpu / m.pgbenchTransactions;
    measurements.push(m);
    printMeasurement(m);
  }

  const paced: string[] = [];
  for (const concurrency of args.paced.split(",").filter(Boolean).map(Number)) {
    const think = Number(args.think);
    const load = await driveResidents({
      baseUrls,
      waveId: wave.id,
      residents: nextResidents(Number(args["paced-residents"])),
      concurrency,
      answers: wave.answers,
      thinkMs: think,
    });
    const steps = STEPS.map((step) => load.latency.summary(step));
    const outcomes = [...load.outcomes].map(([name, n]) => `${name} ${n}`).join(", ");
    const perSecond = load.residents / (load.elapsedMs / 1000);
    console.log(`\n== ${concurrency} concurrent residents pausing ${think} ms between steps ==`);
    console.log(
      `API: ${load.residents} residents (${outcomes}) in ${(load.elapsedMs / 1000).toFixed(1)} s = ${perSecond.toFixed(1)} residents/s`,
    );
    for (const [i, step] of STEPS.entries()) {
      console.log(
        `  ${step.padEnd(8)} p50 ${ms(steps[i]?.p50 ?? Number.NaN)} ms  p99 ${ms(steps[i]?.p99 ?? Number.NaN)} ms`,
      );
    }
    const worst = Math.max(...steps.map((s) => s.p99));
    paced.push(
      `| ${concurrency} | ${think} ms | ${perSecond.toFixed(0)} | ${steps.map((s) => `${ms(s.p50)} / ${ms(s.p99)}`).join(" | ")} | ${worst < 100 ? "yes" : "no"} |`,
    );
  }

  const openLoop: string[] = [];
  for (const rate of args.arrivals.split(",").filter(Boolean).map(Number)) {
    const count = Math.round(rate * Number(args["arrival-seconds"]));
    const load = await driveResidents({
      baseUrls,
      waveId: wave.id,
      residents: nextResidents(count),
      concurrency: 512,
      answers: wave.answers,
      arrivalsPerSecond: rate,
    });
    const bench = await runPgbench({
      url: database.url,
      script,
      clients: Math.min(64, await connectionHeadroom(database.url)),
      total: count,
      variables: wave.pgbenchVariables,
      rate,
    });
    const steps = STEPS.map((step) => load.latency.summary(step));
    const resident = load.latency.summary("resident");
    const outcomes = [...load.outcomes].map(([name, n]) => `${name} ${n}`).join(", ");
    console.log(`\n== open loop: ${rate} residents arriving per second for ${args["arrival-seconds"]} s ==`);
    console.log(`API: ${load.residents} residents (${outcomes}) in ${(load.elapsedMs / 1000).toFixed(1)} s`);
    for (const [i, step] of STEPS.entries()) {
      console.log(
        `  ${step.padEnd(8)} p50 ${ms(steps[i]?.p50 ?? Number.NaN)} ms  p99 ${ms(steps[i]?.p99 ?? Number.NaN)} ms`,
      );
    }
    console.log(`  resident p50 ${ms(resident.p50)} ms  p99 ${ms(resident.p99)} ms (all four steps)`);
    console.log(
      `pgbench --rate ${rate}: ${bench.transactions} tx, p50 ${ms(bench.latency.p50)} ms p99 ${ms(bench.latency.p99)} ms`,
    );
    const worst = Math.max(...steps.map((s) => s.p99));
    openLoop.push(
      `| ${rate}/s open loop | ${steps.map((s) => `${ms(s.p50)} / ${ms(s.p99)}`).join(" | ")} | ${ms(resident.p99)} | ${ms(bench.latency.p99)} | **${(resident.p99 / bench.latency.p99).toFixed(2)}** | ${worst < 100 ? "yes" : "no"} |`,
    );
  }

  await releaseExpiredReservations(handle.db, { now: new Date(), waveId: wave.id });
  const violations = await findQuotaInvariantViolations(handle.db, wave.id);
  console.log(`\nquota invariant after all runs: ${violations.length === 0 ? "holds" : JSON.stringify(violations)}`);
  printTable(measurements);
  if (paced.length > 0) {
    console.log(
      "\n| residents in flight | pause between steps | residents/s | start p50/p99 ms | outbox p50/p99 ms | confirm p50/p99 ms | submit p50/p99 ms | every step p99 < 100 ms |",
    );
    console.log("| --- | --- | --- | --- | --- | --- | --- | --- |");
    for (const row of paced) console.log(row);
  }
  if (openLoop.length > 0) {
    console.log(
      "\n| arrivals | start p50/p99 ms | outbox p50/p99 ms | confirm p50/p99 ms | submit p50/p99 ms | resident (4 steps) p99 ms | pgbench --rate p99 ms | ratio p99 API/pgbench | every step p99 < 100 ms |",
    );
    console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
    for (const row of openLoop) console.log(row);
  }
} finally {
  await handle.close();
  await Promise.all(apis.map((api) => api.stop()));
  if (!args.keep) await database.drop();
  else console.log(`kept database ${database.name}`);
}

function rates(m: Measurement) {
  const residentsPerSecond = m.residents / m.apiSeconds;
  const pgbenchRate = m.pgbenchTransactions / m.pgbenchSeconds;
  return { residentsPerSecond, pgbenchRate, ratio: residentsPerSecond / pgbenchRate };
}

function printMeasurement(m: Measurement) {
  const { residentsPerSecond, pgbenchRate, ratio } = rates(m);
  const outcomes = [...m.outcomes].map(([name, count]) => `${name} ${count}`).join(", ");
  const pg = summarise(m.pgbenchLatencies);
  console.log(`\n== ${m.concurrency} concurrent residents ==`);
  console.log(
    `API: ${m.residents} residents in ${m.apiSeconds.toFixed(1)} s = ${residentsPerSecond.toFixed(1)} residents/s, ${(m.requests / m.apiSeconds).toFixed(0)} requests/s (${outcomes}); API CPU ${m.apiCpuMsPerResident.toFixed(1)} ms per resident`,
  );
  for (const step of [...STEPS, "resident"]) {
    const s = m.latency.summary(step);
    console.log(`  ${step.padEnd(8)} n=${s.count} p50 ${ms(s.p50)} ms  p99 ${ms(s.p99)} ms  max ${ms(s.max)} ms`);
  }
  console.log(
    `pgbench (${m.pgbenchClients} clients, one claim + one submission per transaction): ${m.pgbenchTransactions} tx (${m.pgbenchFailed} failed) in ${m.pgbenchSeconds.toFixed(1)} s = ${pgbenchRate.toFixed(1)} tx/s, p50 ${ms(pg.p50)} ms p99 ${ms(pg.p99)} ms`,
  );
  console.log(
    `machine CPU per resident ${m.machineCpuMsPerResident.toFixed(1)} ms (API processes ${m.apiCpuMsPerResident.toFixed(1)}, load generator ${m.loadCpuMsPerResident.toFixed(1)}, PostgreSQL and the rest ${(m.machineCpuMsPerResident - m.apiCpuMsPerResident - m.loadCpuMsPerResident).toFixed(1)}); per pgbench transaction ${m.machineCpuMsPerTransaction.toFixed(1)} ms (pgbench and PostgreSQL)`,
  );
  console.log(`ratio API residents/s ÷ pgbench tx/s = ${ratio.toFixed(2)}`);
}

function printTable(measurements: Measurement[]) {
  console.log(
    "\n| concurrent residents | API residents/s | API requests/s | start p50/p99 ms | outbox p50/p99 ms | confirm p50/p99 ms | submit p50/p99 ms | pgbench clients | pgbench tx/s | pgbench p50/p99 ms | ratio API/pgbench | every step p99 < 100 ms |",
  );
  console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
  for (const m of measurements) {
    const { residentsPerSecond, pgbenchRate, ratio } = rates(m);
    const pg = summarise(m.pgbenchLatencies);
    const steps = STEPS.map((step) => m.latency.summary(step));
    console.log(
      `| ${m.concurrency} | ${residentsPerSecond.toFixed(0)} | ${(m.requests / m.apiSeconds).toFixed(0)} | ${steps.map((s) => `${ms(s.p50)} / ${ms(s.p99)}`).join(" | ")} | ${m.pgbenchClients} | ${pgbenchRate.toFixed(0)} | ${ms(pg.p50)} / ${ms(pg.p99)} | **${ratio.toFixed(2)}** | ${steps.every((s) => s.p99 < 100) ? "yes" : "no"} |`,
    );
  }
}
