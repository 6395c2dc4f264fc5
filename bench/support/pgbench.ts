import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type LatencySummary, summarise } from "./latency";

export interface PgbenchRun {
  clients: number;
  transactions: number;
  failed: number;
  /** Transactions per second, without connection set-up (pgbench's own figure). */
  tps: number;
  latency: LatencySummary;
  /** Every transaction's latency in ms. */
  latencies: number[];
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"], env });
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
    });
    child.stderr.on("data", (chunk) => {
      output += chunk;
    });
    child.once("error", reject);
    child.once("exit", (code) =>
      code === 0 ? resolve(output) : reject(new Error(`${command} exited with ${code}:\n${output}`)),
    );
  });
}

/** Connection options of a postgres:// URL in pgbench's command-line form. */
function connectionArgs(url: string): string[] {
  const parsed = new URL(url);
  const args = ["-h", parsed.hostname, "-p", parsed.port || "5432"];
  if (parsed.username) args.push("-U", decodeURIComponent(parsed.username));
  args.push(decodeURIComponent(parsed.pathname.slice(1)));
  return args;
}

/**
 * Runs a pgbench script with `clients` connections until `total` transactions are done (rounded up to a
 * whole number per client, at least `minPerClient`), as prepared statements like the API's hot statements
 * (node-postgres named statements, `namedStatement` in packages/db), and reads every transaction's latency
 * from pgbench's log.
 *
 * pgbench opens its connections afresh on every run, where the API's pool keeps them: by default PostgreSQL
 * plans a prepared statement anew on each of its first five executions, so a run of a few transactions per
 * client would spend much of its time planning. Its connections therefore use the generic plan from the
 * first execution (the plan the API's statements settle on), and the surge gives each client enough
 * transactions that the one planning per connection does not count.
 */
export async function runPgbench(options: {
  url: string;
  script: string;
  clients: number;
  total: number;
  variables: Record<string, string>;
  /** Open loop: transactions are scheduled at this rate (pgbench --rate), latency includes waiting. */
  rate?: number;
  minPerClient?: number;
}): Promise<PgbenchRun> {
  const perClient = Math.max(Math.ceil(options.total / options.clients), options.minPerClient ?? 1);
  const logDir = mkdtempSync(join(tmpdir(), "pgbench-"));
  try {
    const variableArgs = Object.entries(options.variables).flatMap(([name, value]) => ["-D", `${name}=${value}`]);
    const output = await run(
      process.env.PGBENCH ?? "pgbench",
      [
        "-n",
        "-M",
        "prepared",
        "-c",
        String(options.clients),
        "-j",
        "2",
        "-t",
        String(perClient),
        "-f",
        options.script,
        ...(options.rate ? ["--rate", String(options.rate)] : []),
        "--log",
        `--log-prefix=${join(logDir, "tx")}`,
        ...variableArgs,
        ...connectionArgs(options.url),
      ],
      { ...process.env, PGOPTIONS: `${process.env.PGOPTIONS ?? ""} -c plan_cache_mode=force_generic_plan`.trim() },
    );
    const tps = Number(/tps = ([\d.]+) \(without initial connection time\)/.exec(output)?.[1]);
    const processed = Number(/number of transactions actually processed: (\d+)/.exec(output)?.[1]);
    const failed = Number(/number of failed transactions: (\d+)/.exec(output)?.[1] ?? 0);
    if (!Number.isFinite(tps) || !Number.isFinite(processed)) throw new Error(`unexpected pgbench output:\n${output}`);
    const latencies: number[] = [];
    for (const file of readdirSync(logDir)) {
      for (const line of readFileSync(join(logDir, file), "utf8").split("\n")) {
        const micros = Number(line.split(" ")[2]);
        if (line && Number.isFinite(micros)) latencies.push(micros / 1000);
      }
    }
    return { clients: options.clients, transactions: processed, failed, tps, latency: summarise(latencies), latencies };
  } finally {
    rmSync(logDir, { recursive: true, force: true });
  }
}
