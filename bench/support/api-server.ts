import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { freePort, waitUntilHealthy } from "../../tests/support/api-process";

const serverEntry = fileURLToPath(new URL("../../apps/api/src/server.ts", import.meta.url));

export interface ApiServer {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/**
 * The API as its own process, as deployed (`node --import tsx apps/api/src/server.ts`), with extra Node
 * flags (e.g. `--cpu-prof`) when asked; resolves once /api/health answers.
 */
export async function startApiServer(env: Record<string, string>, nodeFlags: string[] = []): Promise<ApiServer> {
  const port = await freePort();
  let output = "";
  const child = spawn(process.execPath, [...nodeFlags, "--import", "tsx", serverEntry], {
    env: {
      ...process.env,
      NODE_ENV: "test",
      PORT: String(port),
      HOST: "127.0.0.1",
      PII_SECRET: randomBytes(24).toString("hex"),
      LOG_LEVEL: "warn",
      DATA_DIR: mkdtempSync(join(tmpdir(), "survey-bench-")),
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const url = `http://127.0.0.1:${port}`;
  await waitUntilHealthy(url, child, () => output, 200);
  return {
    url,
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => {
          if (output.includes("Error")) process.stderr.write(output);
          resolve();
        });
        child.kill("SIGTERM");
      }),
  };
}
