// `npm start`, two ways:
// - development (NODE_ENV unset or anything but production): builds the front ends when their build is missing
//   or older than their sources, then runs the API from its TypeScript sources with tsx, on embedded PGlite
//   unless DATABASE_URL is set — what a newcomer's `npm ci && npm start` needs;
// - production (`npm run start:prod`, or NODE_ENV=production): runs only what `npm run build` made — the API's
//   bundle and the two front ends' builds — builds nothing, and stops at once if any of them is missing.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const root = new URL("..", import.meta.url).pathname;
const builtServer = join(root, "apps/api/dist/server.js");
const frontEnds = ["survey", "console"].map((app) => ({
  app,
  dir: join(root, "apps", app),
  index: join(root, "apps", app, "dist", "index.html"),
}));

if (process.env.NODE_ENV === "production") {
  const missing = [builtServer, ...frontEnds.map((frontEnd) => frontEnd.index)].filter((path) => !existsSync(path));
  if (missing.length > 0) {
    console.error(
      `production start runs only what was built, and the build is missing: ${missing.map((path) => path.slice(root.length)).join(", ")}\nrun \`npm run build\` first`,
    );
    process.exit(1);
  }
  await import(pathToFileURL(builtServer).href);
} else {
  startForDevelopment();
}

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

function startForDevelopment() {
  // Front ends import shared packages; any package change may change a bundle.
  const sources = readdirSync(join(root, "packages")).map((name) => join(root, "packages", name, "src"));
  for (const { app, dir, index } of frontEnds) {
    const built = existsSync(index) ? statSync(index).mtimeMs : 0;
    const source = Math.max(newestMtime(dir), ...sources.map(newestMtime));
    if (source > built) {
      console.log(`building apps/${app} …`);
      // Always a production bundle: Vite builds whatever NODE_ENV the shell has.
      const result = spawnSync("npx", ["vite", "build", "--mode", "production", "--logLevel", "warn"], {
        cwd: dir,
        stdio: "inherit",
        env: { ...process.env, NODE_ENV: "production" },
      });
      if (result.status !== 0) process.exit(result.status ?? 1);
    }
  }
  const server = spawnSync(process.execPath, ["--import", "tsx", join(root, "apps/api/src/server.ts")], {
    stdio: "inherit",
    cwd: root,
  });
  process.exit(server.status ?? 0);
}
