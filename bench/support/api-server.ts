import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const serverEntry = fileURLToPath(new URL("../../apps/api/src/server.ts", import.meta.url));

export interface ApiServer {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
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
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`API process exited early:\n${output}`);
    const healthy = await fetch(`${url}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) break;
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`API process did not become healthy:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
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
