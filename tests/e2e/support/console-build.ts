import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const consoleDir = join(root, "apps", "console");

/** Everything the console bundle is built from (the studio's preview imports the survey app's questionnaire). */
const sources = [
  consoleDir,
  join(root, "apps", "survey", "src"),
  ...["contract", "identity", "questionnaire", "indices"].map((name) => join(root, "packages", name, "src")),
];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === "node_modules" || entry === "dist") continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/** Builds apps/console when its dist is missing or older than any of its sources. */
export function ensureConsoleBuilt(): void {
  const index = join(consoleDir, "dist", "index.html");
  const built = existsSync(index) ? statSync(index).mtimeMs : 0;
  if (built >= Math.max(...sources.map(newestMtime))) return;
  // A production bundle whatever NODE_ENV the shell has (Vite follows it).
  const result = spawnSync("npx", ["vite", "build", "--mode", "production", "--logLevel", "warn"], {
    cwd: consoleDir,
    encoding: "utf8",
    env: { ...process.env, NODE_ENV: "production" },
  });
  if (result.status !== 0) throw new Error(`console build failed:\n${result.stdout}\n${result.stderr}`);
}
