import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const appDir = fileURLToPath(new URL(".", import.meta.url));

describe("npm run build of the resident app", () => {
  it("makes a production bundle even when the shell has NODE_ENV=development", () => {
    const outDir = mkdtempSync(join(tmpdir(), "survey-dev-shell-"));
    const result = spawnSync("npm", ["run", "build", "--", "--outDir", outDir, "--emptyOutDir", "--logLevel", "warn"], {
      cwd: appDir,
      env: { ...process.env, NODE_ENV: "development" },
      encoding: "utf8",
    });
    expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
    const entry = /<script type="module"[^>]* src="\/(assets\/index-[\w-]+\.js)"/.exec(
      readFileSync(join(outDir, "index.html"), "utf8"),
    )?.[1];
    expect(entry, "the entry script in index.html").toBeDefined();
    const code = readFileSync(join(outDir, entry ?? ""), "utf8");
    // A development build compiles JSX to jsxDEV calls that carry each element's source file and line (the path
    // of this app's sources on the build machine); a production build carries neither.
    expect(code).not.toContain("jsxDEV");
    expect(code).not.toContain(appDir);
    expect(code).not.toContain("lineNumber:");
  }, 180_000);
});
