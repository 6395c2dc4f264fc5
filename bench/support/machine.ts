import { readFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import pg from "pg";

/** One line that says what the figures were measured on. */
export async function describeMachine(databaseUrl: string): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const version = (await client.query<{ v: string }>("select current_setting('server_version') as v")).rows[0]?.v;
  const commit = (await client.query<{ v: string }>("select current_setting('synchronous_commit') as v")).rows[0]?.v;
  await client.end();
  const cpu = cpus();
  return `${cpu.length} × ${cpu[0]?.model.trim() ?? "CPU"}, ${Math.round(totalmem() / 2 ** 30)} GB RAM, Node ${process.version}, PostgreSQL ${version} (synchronous_commit=${commit}), all on one machine`;
}

/** Connections pgbench may open without starving the server (max_connections minus those in use and a margin). */
export async function connectionHeadroom(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const row = (
    await client.query<{ max: number; used: number }>(
      "select current_setting('max_connections')::int as max, (select count(*)::int from pg_stat_activity) as used",
    )
  ).rows[0];
  await client.end();
  return Math.max(1, (row?.max ?? 100) - (row?.used ?? 0) - 10);
}

/** CPU time (user + system, ms) a process has used so far, from /proc (Linux). */
export function processCpuMs(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticks = Number(fields[11]) + Number(fields[12]);
    return (ticks * 1000) / 100;
  } catch {
    return Number.NaN;
  }
}

/** Busy CPU time of the whole machine so far (all cores, ms), from /proc/stat (Linux). */
export function machineBusyCpuMs(): number {
  const line = readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "";
  // cpu  user nice system idle iowait irq softirq steal ...
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = line
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number);
  return ((user + nice + system + irq + softirq + steal) * 1000) / 100;
}

/** CPU time (user + system, ms) this process has used so far. */
export function ownCpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}
