import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { GENEROUS_RESIDENT_LIMITS, TEST_PII_SECRET } from "./test-app";

const serverEntry = fileURLToPath(new URL("../../apps/api/src/server.ts", import.meta.url));

export async function freePort(): Promise<number> {
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

/** Resolves once the process at `url` answers /api/health; throws with its output if it exits or takes a minute. */
export async function waitUntilHealthy(url: string, child: ChildProcess, output: () => string, pollMs = 50) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`API process exited early:\n${output()}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`API process did not become healthy:\n${output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

export interface ApiProcess {
  url: string;
  child: ChildProcess;
  output: () => string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * Starts a real API server process (`node --import tsx apps/api/src/server.ts`, or node with `nodeArgs`, e.g.
 * the production start script) and waits until healthy.
 */
export async function startApiProcess(
  env: Record<string, string>,
  nodeArgs: string[] = ["--import", "tsx", serverEntry],
): Promise<ApiProcess> {
  const port = await freePort();
  let output = "";
  const child = spawn(process.execPath, nodeArgs, {
    env: {
      ...process.env,
      NODE_ENV: "test",
      PORT: String(port),
      HOST: "127.0.0.1",
      PII_SECRET: TEST_PII_SECRET,
      LOG_LEVEL: "warn",
      DATA_DIR: mkdtempSync(join(tmpdir(), "survey-proc-")),
      VERIFY_RATE_LIMIT_PER_MINUTE: "100000",
      ...GENEROUS_RESIDENT_LIMITS,
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    output += chunk;
  });
  const url = `http://127.0.0.1:${port}`;
  await waitUntilHealthy(url, child, () => output);
  return {
    url,
    child,
    output: () => output,
    stop: (signal: NodeJS.Signals = "SIGTERM") =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill(signal);
      }),
  };
}

/** JSON request against a real process. */
export async function call(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
  // biome-ignore lint/suspicious/noExplicitAny: tests assert on whatever JSON the server sent
): Promise<{ status: number; json: any }> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: body === undefined ? headers : { "content-type": "application/json", ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : undefined };
}
