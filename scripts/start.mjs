// `npm start`: builds the front ends when their build is missing or older than their sources, then
// starts the API server (which serves both) on embedded PGlite unless DATABASE_URL is set.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;

function newestMtime(path) {
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

// Front ends import shared packages; any package change may change a bundle.
const sources = readdirSync(join(root, "packages")).map((name) => join("packages", name, "src"));
for (const app of ["survey", "console"]) {
  const appDir = join(root, "apps", app);
  const builtIndex = join(appDir, "dist", "index.html");
  const built = existsSync(builtIndex) ? statSync(builtIndex).mtimeMs : 0;
  const source = Math.max(newestMtime(appDir), ...sources.map((dir) => newestMtime(join(root, dir))));
  if (source > built) {
    console.log(`building apps/${app} …`);
    const result = spawnSync("npx", ["vite", "build", "--logLevel", "warn"], { cwd: appDir, stdio: "inherit" });
    if (result.status !== 0) process.exit(result.status ?? 1);
  }
}

const server = spawnSync(process.execPath, ["--import", "tsx", join(root, "apps/api/src/server.ts")], {
  stdio: "inherit",
  cwd: root,
});
process.exit(server.status ?? 0);
