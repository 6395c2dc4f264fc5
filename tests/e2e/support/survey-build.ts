import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
export const surveyAppDir = join(repoRoot, "apps/survey");
export const surveyDistDir = join(surveyAppDir, "dist");

/** What the built resident app depends on; a newer file here means dist is stale. */
const SOURCES = [
  "apps/survey/src",
  "apps/survey/index.html",
  "apps/survey/vite.config.ts",
  "apps/survey/package.json",
  "packages/identity/src",
  "packages/questionnaire/src",
];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

function isFresh(): boolean {
  const index = join(surveyDistDir, "index.html");
  if (!existsSync(index)) return false;
  const built = statSync(index).mtimeMs;
  return SOURCES.every((source) => newestMtime(join(repoRoot, source)) <= built);
}

const LOCK_DIR = join(repoRoot, ".tmp", "survey-build.lock");
const STALE_LOCK_MS = 5 * 60_000;

function sleep(ms: number) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Builds apps/survey when dist is missing or older than its sources (`npm run build` normally ran
 * first). Test files run in parallel processes, so one builds under a directory lock while the others wait.
 */
export function ensureSurveyBuilt(): string {
  if (isFresh()) return surveyDistDir;
  mkdirSync(join(repoRoot, ".tmp"), { recursive: true });
  for (;;) {
    try {
      mkdirSync(LOCK_DIR);
      break;
    } catch {
      if (existsSync(LOCK_DIR) && Date.now() - statSync(LOCK_DIR).mtimeMs > STALE_LOCK_MS) {
        rmSync(LOCK_DIR, { recursive: true, force: true });
        continue;
      }
      sleep(500);
    }
  }
  try {
    if (!isFresh()) {
      const result = spawnSync("npx", ["vite", "build", "--logLevel", "warn"], {
        cwd: surveyAppDir,
        encoding: "utf8",
        env: { ...process.env, NODE_ENV: "production" },
      });
      if (result.status !== 0) {
        throw new Error(`vite build of apps/survey failed:\n${result.stdout}\n${result.stderr}`);
      }
    }
  } finally {
    rmSync(LOCK_DIR, { recursive: true, force: true });
  }
  return surveyDistDir;
}
