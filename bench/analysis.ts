/**
 * Results benchmark: `GET /api/admin/waves/:waveId/results` (district and 17 towns × overall, 4 dimensions,
 * 12 domains and 37 items with SEs, design effects and town comparisons) at growing numbers of responses.
 *
 *   DATABASE_URL=postgres://… npx tsx bench/analysis.ts [--sizes 3400,100000,1000000] [--rounds 5]
 *                                                         [--naive-limit 200000] [--keep] [--reuse DB] [--smoke]
 *
 * --smoke: 340 responses (20 a town), one round — checks that the benchmark still runs (CI), figures meaningless.
 *
 * For each size: a fresh database on DATABASE_URL's server with the demo frame, synthetic responses loaded
 * in bulk (tests/support/synthetic-responses.ts), then interleaved rounds of
 *   - floor:   `select count(*) from response_items where wave_id = $1 and counted` — one bare scan of the
 *              same item rows, the least any computation over them can cost;
 *   - results: the endpoint through Fastify (one scan of the per-response code rows, the per-respondent sums
 *              and the estimation in Node);
 *   - naive:   every item row loaded into Node and the same figures computed with @survey/stats' microdata
 *              estimators (skipped above --naive-limit responses: it needs the whole wave in memory).
 * Prints medians and the ratios results/floor and naive/results, and checks that naive and the endpoint agree.
 */
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import type { WaveResults } from "@survey/contract";
import { type Database, queryRows, waves } from "@survey/db";
import type { ScoringMap } from "@survey/questionnaire";
import { compositeScore, createSample, type DimensionSpec, ratioMean, type Sample } from "@survey/stats";
import { sql } from "drizzle-orm";
import pg from "pg";
import { loadQuestionnaireById } from "../apps/api/src/modules/questionnaires/questionnaire-service";
import { loadSyntheticResponses } from "../tests/support/synthetic-responses";
import { signIn } from "../tests/support/test-app";
import { openDemoApp } from "./support/demo-app";
import { describeMachine } from "./support/machine";

const { values: flags } = parseArgs({
  options: {
    smoke: { type: "boolean", default: false },
    sizes: { type: "string", default: "3400,100000" },
    rounds: { type: "string", default: "5" },
    "naive-limit": { type: "string", default: "200000" },
    keep: { type: "boolean", default: false },
    /** Measure on a database kept by an earlier --keep run (one size) instead of loading a new one. */
    reuse: { type: "string" },
  },
});
const args = flags.smoke ? { ...flags, sizes: "340", rounds: "1" } : flags;
const SERVER_URL = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
const TOWNS = 17;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

async function timed<T>(run: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const value = await run();
  return [performance.now() - started, value];
}

async function withServer<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** The naive baseline: the whole wave's item rows in Node, estimated with the microdata functions. */
async function naiveResults(db: Database, waveId: number, scoring: ScoringMap) {
  const respondents = await queryRows<{ id: string; town: string; population: number }>(
    db,
    sql`select r.id, r.town_code as town, t.population::float8 as population
      from responses r join towns t on t.code = r.town_code where r.wave_id = ${waveId} and r.counted`,
  );
  const items = await queryRows<{ id: string; question: string; score: number | null }>(
    db,
    sql`select response_id as id, question, score from response_items where wave_id = ${waveId} and counted`,
  );
  const index = new Map(respondents.map((respondent, i) => [respondent.id, i]));
  const columns: Record<string, (number | null)[]> = {};
  for (const item of scoring.items) columns[item.name] = new Array(respondents.length).fill(null);
  for (const row of items) {
    const column = columns[row.question];
    const i = index.get(row.id);
    if (column && i !== undefined) column[i] = row.score;
  }
  const dimensions = new Map<string, string[]>();
  const domains = new Map<string, string[]>();
  for (const item of scoring.items) {
    dimensions.set(item.dimension, [...(dimensions.get(item.dimension) ?? []), item.name]);
    domains.set(item.domain, [...(domains.get(item.domain) ?? []), item.name]);
  }
  const overall: DimensionSpec[] = [...dimensions.values()].map((names) => ({ items: names }));
  const estimate = (sample: Sample, rows: number[]) => {
    const subset = Object.fromEntries(
      Object.entries(columns).map(([name, values]) => [name, rows.map((i) => values[i] ?? null)]),
    );
    const figures = { overall: compositeScore(sample, subset, overall).mean, items: {} as Record<string, number> };
    for (const names of [...dimensions.values(), ...domains.values()])
      compositeScore(sample, subset, [{ items: names }]);
    for (const item of scoring.items) figures.items[item.name] = ratioMean(sample, subset[item.name] ?? []).mean;
    return figures;
  };
  const counts = new Map<string, number>();
  for (const respondent of respondents) counts.set(respondent.town, (counts.get(respondent.town) ?? 0) + 1);
  const populations = Object.fromEntries(respondents.map((respondent) => [respondent.town, respondent.population]));
  const units = respondents.map((respondent) => ({
    stratum: respondent.town,
    weight: respondent.population / (counts.get(respondent.town) as number),
  }));
  const all = respondents.map((_, i) => i);
  const district = estimate(createSample(units, populations), all);
  for (const town of counts.keys()) {
    const rows = all.filter((i) => respondents[i]?.town === town);
    estimate(
      createSample(
        rows.map((i) => units[i] as (typeof units)[number]),
        { [town]: populations[town] as number },
      ),
      rows,
    );
  }
  return district;
}

interface SizeFigures {
  responses: number;
  itemRows: number;
  loadSeconds: number;
  floorMs: number;
  resultsMs: number;
  naiveMs: number | null;
  agreement: string;
}

async function benchSize(size: number): Promise<SizeFigures> {
  if (args.reuse) return measure(size, args.reuse, false);
  const name = `bench_analysis_${size}_${randomBytes(3).toString("hex")}`;
  await withServer((client) => client.query(`create database ${name}`));
  try {
    return await measure(size, name, true);
  } finally {
    if (args.keep) console.error(`  kept database ${name}`);
    else await withServer((client) => client.query(`drop database if exists ${name} with (force)`));
  }
}

async function measure(size: number, name: string, load: boolean): Promise<SizeFigures> {
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  const { handle, app } = await openDemoApp(url.toString());
  try {
    const [wave] = await handle.db.select().from(waves);
    if (!wave?.questionnaireId) throw new Error("the demo wave has no questionnaire");
    const questionnaire = await loadQuestionnaireById(handle.db, wave.questionnaireId);
    const perTown = Math.ceil(size / TOWNS);
    const [loadMs, responses] = await timed(async () => {
      if (!load) {
        const [row] = await queryRows<{ n: number }>(
          handle.db,
          sql`select count(*)::int as n from responses where wave_id = ${wave.id} and counted`,
        );
        return row?.n ?? 0;
      }
      return loadSyntheticResponses(handle.db, {
        waveId: wave.id,
        questionnaireId: questionnaire.id,
        scoring: questionnaire.scoring,
        perTown,
        chunkSize: 20_000,
        onProgress: (loaded, total) => process.stderr.write(`\r  loading ${loaded}/${total}`),
      });
    });
    process.stderr.write("\n");
    const office = await signIn(app, "office");
    const floor = () =>
      queryRows<{ n: number }>(
        handle.db,
        sql`select count(*)::int as n from response_items where wave_id = ${wave.id} and counted`,
      );
    const results = async () => {
      const response = await app.inject({ url: `/api/admin/waves/${wave.id}/results`, headers: office.headers });
      if (response.statusCode !== 200) throw new Error(`results answered ${response.statusCode}: ${response.body}`);
      return response.json() as WaveResults;
    };
    const runNaive = responses <= Number(args["naive-limit"]);
    const naive = () => naiveResults(handle.db, wave.id, questionnaire.scoring);
    // Warm-up: plans, caches and JIT, not measured.
    const [[itemRows]] = await Promise.all([floor()]);
    const served = await results();
    const baseline = runNaive ? await naive() : null;
    const timings = { floor: [] as number[], results: [] as number[], naive: [] as number[] };
    for (let round = 0; round < Number(args.rounds); round++) {
      timings.floor.push((await timed(floor))[0]);
      timings.results.push((await timed(results))[0]);
      if (runNaive) timings.naive.push((await timed(naive))[0]);
    }
    const gaps = baseline
      ? [
          Math.abs(baseline.overall - served.district.overall.mean),
          ...Object.entries(baseline.items).map(([item, mean]) =>
            Math.abs(mean - (served.district.items[item]?.mean ?? Number.NaN)),
          ),
        ]
      : [];
    return {
      responses,
      itemRows: itemRows?.n ?? 0,
      loadSeconds: load ? loadMs / 1000 : Number.NaN,
      floorMs: median(timings.floor),
      resultsMs: median(timings.results),
      naiveMs: runNaive ? median(timings.naive) : null,
      agreement: baseline ? `largest gap ${Math.max(...gaps).toExponential(1)}` : "not run",
    };
  } finally {
    await app.close();
    await handle.close();
  }
}

const machine = await describeMachine(SERVER_URL);
const rows: SizeFigures[] = [];
for (const size of args.sizes.split(",").map(Number)) {
  console.error(`${size} responses…`);
  rows.push(await benchSize(size));
}
const f = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
console.log(`\n${machine}; median of ${args.rounds} interleaved rounds\n`);
console.log(
  "| responses | item rows | floor: count(*) scan | results endpoint | results / floor | naive (all rows into Node) | naive / results | naive vs endpoint (district means) |",
);
console.log("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
for (const row of rows) {
  console.log(
    `| ${row.responses.toLocaleString("en")} | ${row.itemRows.toLocaleString("en")} | ${f(row.floorMs)} | ${f(row.resultsMs)} | ${(row.resultsMs / row.floorMs).toFixed(1)} | ${row.naiveMs === null ? "—" : f(row.naiveMs)} | ${row.naiveMs === null ? "—" : (row.naiveMs / row.resultsMs).toFixed(1)} | ${row.agreement} |`,
  );
}
console.log(
  `\nLoad times (synthetic INSERT … SELECT): ${rows.map((row) => `${row.responses.toLocaleString("en")}: ${Number.isNaN(row.loadSeconds) ? "reused" : `${row.loadSeconds.toFixed(0)} s`}`).join(", ")}`,
);
