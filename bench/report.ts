/**
 * Annual report benchmark: the district's Word report and all 17 towns' report cards (one zip) against the
 * results endpoint they are computed from, with `/api/health` polled throughout to show that writing documents
 * (charts rasterised, documents packed — in a worker thread) does not hold the event loop.
 *
 *   DATABASE_URL=postgres://… npx tsx bench/report.ts [--sizes 3400,100000] [--rounds 3] [--smoke]
 *
 * --smoke: 340 responses (20 a town), one round, one town's card instead of all 17 — checks that the benchmark
 * still runs (CI), figures meaningless.
 *
 * For each size: a fresh database on DATABASE_URL's server with the demo frame and synthetic responses
 * (tests/support/synthetic-responses.ts), then interleaved rounds of
 *   - results:  `GET /api/admin/waves/:id/results` (the baseline: every figure of the report comes from it and
 *               the other analysis services);
 *   - district: `GET /api/admin/waves/:id/report.docx`;
 *   - towns:    `GET /api/admin/waves/:id/report-build?kind=towns` (17 report cards in a zip);
 * while `GET /api/health` is asked every 25 ms; its p50 / p99 / max while documents were being written are printed.
 */
import { parseArgs } from "node:util";
import { waves } from "@survey/db";
import { loadQuestionnaireById } from "../apps/api/src/modules/questionnaires/questionnaire-service";
import { loadSyntheticResponses } from "../tests/support/synthetic-responses";
import { signIn } from "../tests/support/test-app";
import { BENCH_SERVER_URL, createBenchDatabase } from "./support/bench-database";
import { openDemoApp } from "./support/demo-app";
import { LatencyRecorder, ms } from "./support/latency";
import { describeMachine } from "./support/machine";

const { values: flags } = parseArgs({
  options: {
    smoke: { type: "boolean", default: false },
    sizes: { type: "string", default: "3400,100000" },
    rounds: { type: "string", default: "3" },
  },
});
const args = flags.smoke ? { ...flags, sizes: "340", rounds: "1" } : flags;
const TOWNS = 17;
const HEALTH_EVERY_MS = 25;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

interface SizeFigures {
  responses: number;
  resultsMs: number;
  districtMs: number;
  townsMs: number;
  health: ReturnType<LatencyRecorder["summary"]>;
  districtBytes: number;
  townsBytes: number;
}

async function benchSize(size: number): Promise<SizeFigures> {
  const database = await createBenchDatabase(`bench_report_${size}`);
  const { handle, app } = await openDemoApp(database.url);
  try {
    const [wave] = await handle.db.select().from(waves);
    if (!wave?.questionnaireId) throw new Error("the demo wave has no questionnaire");
    const questionnaire = await loadQuestionnaireById(handle.db, wave.questionnaireId);
    const responses = await loadSyntheticResponses(handle.db, {
      waveId: wave.id,
      questionnaireId: questionnaire.id,
      scoring: questionnaire.scoring,
      perTown: Math.ceil(size / TOWNS),
      onProgress: (loaded, total) => process.stderr.write(`\r  loading ${loaded}/${total}`),
    });
    process.stderr.write("\n");
    const office = await signIn(app, "office");
    const get = async (path: string) => {
      const started = performance.now();
      const response = await app.inject({ url: `/api/admin/waves/${wave.id}${path}`, headers: office.headers });
      if (response.statusCode !== 200) throw new Error(`${path} answered ${response.statusCode}`);
      if (path.includes("report-build") && !response.body.trimEnd().split("\n").at(-1)?.includes('"type":"file"')) {
        throw new Error(`${path} ended without a file`);
      }
      return { ms: performance.now() - started, bytes: response.rawPayload.length };
    };
    // Health is asked on its own timer, from outside the request being measured, as a load balancer would.
    const health = new LatencyRecorder();
    let polling = false;
    const poll = setInterval(() => {
      if (!polling) return;
      const started = performance.now();
      void app.inject({ url: "/api/health" }).then(() => health.record("health", performance.now() - started));
    }, HEALTH_EVERY_MS);
    await get("/results"); // warm-up: plans, caches, JIT
    const timings = { results: [] as number[], district: [] as number[], towns: [] as number[] };
    let districtBytes = 0;
    let townsBytes = 0;
    try {
      for (let round = 0; round < Number(args.rounds); round++) {
        timings.results.push((await get("/results")).ms);
        polling = true;
        const district = await get("/report.docx");
        // Smoke: one card (a town of the demo frame) — CI checks that it runs, not how long 17 take.
        const towns = await get(flags.smoke ? "/towns/310117001/report.docx" : "/report-build?kind=towns");
        polling = false;
        timings.district.push(district.ms);
        timings.towns.push(towns.ms);
        districtBytes = district.bytes;
        townsBytes = towns.bytes;
        process.stderr.write(
          `  round ${round + 1}: district ${(district.ms / 1000).toFixed(1)} s, towns ${(towns.ms / 1000).toFixed(1)} s\n`,
        );
      }
    } finally {
      clearInterval(poll);
    }
    return {
      responses,
      resultsMs: median(timings.results),
      districtMs: median(timings.district),
      townsMs: median(timings.towns),
      health: health.summary("health"),
      districtBytes,
      townsBytes,
    };
  } finally {
    await app.close();
    await handle.close();
    await database.drop();
  }
}

const machine = await describeMachine(BENCH_SERVER_URL);
const rows: SizeFigures[] = [];
for (const size of args.sizes.split(",").map(Number)) {
  console.error(`${size} responses…`);
  rows.push(await benchSize(size));
}
const seconds = (value: number) => `${(value / 1000).toFixed(2)} s`;
console.log(`\n${machine}; median of ${args.rounds} interleaved rounds\n`);
console.log(
  "| responses | results endpoint | district report | district / results | 17 town cards (zip) | towns / results | /api/health during generation: n, p50, p99, max (ms) |",
);
console.log("| ---: | ---: | ---: | ---: | ---: | ---: | --- |");
for (const row of rows) {
  console.log(
    `| ${row.responses.toLocaleString("en")} | ${seconds(row.resultsMs)} | ${seconds(row.districtMs)} (${(row.districtBytes / 1024).toFixed(0)} KB) | ${(row.districtMs / row.resultsMs).toFixed(1)} | ${seconds(row.townsMs)} (${(row.townsBytes / 1024).toFixed(0)} KB) | ${(row.townsMs / row.resultsMs).toFixed(1)} | ${row.health.count}, ${ms(row.health.p50)}, ${ms(row.health.p99)}, ${ms(row.health.max)} |`,
  );
}
const slow = rows.filter((row) => !(row.health.p99 < 100));
if (!flags.smoke && slow.length > 0) {
  console.error(
    `/api/health p99 ≥ 100 ms during generation at ${slow.map((row) => row.responses).join(", ")} responses`,
  );
  process.exitCode = 1;
}
