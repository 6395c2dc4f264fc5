import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csv, FRAME_HEADER, XLSX_TYPE, xlsx } from "./fixtures/upload-files";
import { spreadsheetBomb } from "./fixtures/zip-bomb";
import { createTestApp, type SignedInUser, signIn, type TestApp } from "./support/test-app";
import { testDriver } from "./support/test-database";

/**
 * Spreadsheet bombs against the uploads, over a real listening server: the upload is refused within seconds with
 * 413/422 and a stable code, and /api/health, asked concurrently all the while, keeps answering quickly.
 */

const MB = 1024 * 1024;
/** Rows of the bomb's sheet: about 440 MB of sheet XML that packs to a few MB, as in the finding. */
const BOMB_ROWS = 100_000;
let builtBomb: ReturnType<typeof spreadsheetBomb> | undefined;
/** The bomb, built once for the file. */
const theBomb = () => {
  builtBomb ??= spreadsheetBomb(BOMB_ROWS);
  return builtBomb;
};

interface Measured {
  status: number;
  body: { error?: string; message?: string };
  elapsedMs: number;
  healthChecks: number;
  slowestHealthMs: number;
}

/** Sends the upload and, until its answer comes and at least 5 times, asks /api/health every 20 ms. */
async function uploadWhileCheckingHealth(
  base: string,
  url: string,
  headers: Record<string, string>,
  body: Buffer,
): Promise<Measured> {
  const started = performance.now();
  let answered = false;
  const upload = fetch(`${base}${url}`, { method: "POST", headers, body: new Uint8Array(body) }).then(
    async (response) => {
      const result = { status: response.status, body: (await response.json()) as Measured["body"] };
      answered = true;
      return result;
    },
  );
  const latencies: number[] = [];
  while (!answered || latencies.length < 5) {
    const asked = performance.now();
    const health = await fetch(`${base}/api/health`);
    await health.arrayBuffer();
    latencies.push(performance.now() - asked);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const result = await upload;
  return {
    ...result,
    elapsedMs: performance.now() - started,
    healthChecks: latencies.length,
    slowestHealthMs: Math.max(...latencies),
  };
}

function expectRefusedQuickly(measured: Measured, statuses: number[], codes: string[], withinMs: number) {
  expect(statuses, JSON.stringify(measured)).toContain(measured.status);
  expect(codes).toContain(measured.body.error);
  expect(measured.body.message).toMatch(/[\u4e00-\u9fff]/);
  expect(measured.elapsedMs).toBeLessThan(withinMs);
  expect(measured.slowestHealthMs, `slowest of ${measured.healthChecks} health checks`).toBeLessThan(200);
}

describe(`upload limits against spreadsheet bombs (${testDriver})`, () => {
  let t: TestApp;
  let base: string;
  let admin: SignedInUser;
  let clerk: SignedInUser;
  let bomb: Buffer;
  let lyingBomb: Buffer;

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen({ port: 0, host: "127.0.0.1" });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    admin = await signIn(t.app, "admin");
    clerk = await signIn(t.app, "department", { domains: ["health"] });
    const built = await theBomb();
    bomb = built.bytes;
    // Within every declared-size limit: only counting the bytes really inflated finds it out.
    lyingBomb = built.lyingAbout(20 * MB);
    // The bomb of the finding: hundreds of MB of sheet XML in a file of a couple of MB.
    expect(built.sheetBytes).toBeGreaterThan(400 * MB);
    expect(bomb.length).toBeLessThan(3 * MB);
    // The first request of the process sets up the client's connection pool: not the server's latency.
    await (await fetch(`${base}/api/health`)).arrayBuffer();
  }, 120_000);
  afterAll(() => t.close());

  it("reads a workbook built the same way when it is small (the bomb is a real spreadsheet)", async () => {
    const { bytes } = await spreadsheetBomb(10);
    const response = await t.app.inject({
      method: "POST",
      url: "/api/admin/frame/import",
      payload: bytes,
      headers: { ...admin.headers, "content-type": XLSX_TYPE },
    });
    // Read, then refused for its content: the frame's columns are missing.
    expect(response.statusCode).toBe(422);
    expect(response.json().error).toBe("invalid_file");
    expect(JSON.stringify(response.json().details)).toContain("town_code");
  });

  it("refuses the bomb at the indicator upload for a department user, and health stays fast", async () => {
    const measured = await uploadWhileCheckingHealth(
      base,
      "/api/admin/indicators/values?year=2026",
      { ...clerk.headers, "content-type": XLSX_TYPE },
      bomb,
    );
    expectRefusedQuickly(measured, [413], ["upload_too_large"], 5_000);
  });

  it("refuses the bomb at the frame import for an admin, and health stays fast", async () => {
    const measured = await uploadWhileCheckingHealth(
      base,
      "/api/admin/frame/import",
      { ...admin.headers, "content-type": XLSX_TYPE },
      bomb,
    );
    expectRefusedQuickly(measured, [413], ["upload_too_large"], 5_000);
  });

  it("refuses a bomb that declares a small unpacked size: the bytes really inflated are counted", async () => {
    const measured = await uploadWhileCheckingHealth(
      base,
      "/api/admin/indicators/values?year=2026",
      { ...clerk.headers, "content-type": XLSX_TYPE },
      lyingBomb,
    );
    expectRefusedQuickly(measured, [413, 422], ["upload_too_large", "invalid_file"], 10_000);
  }, 60_000);

  it("still accepts an ordinary frame file", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/admin/frame/import",
      payload: await xlsx([FRAME_HEADER, ["T9101", "普通镇", "镇", "100", "T9101-01", "普通村", "村委会", "100"]]),
      headers: { ...admin.headers, "content-type": XLSX_TYPE },
    });
    expect(response.statusCode, response.body).toBe(200);
  });
});

describe(`upload limits when the ZIP checks let a bomb through (${testDriver})`, () => {
  let t: TestApp;
  let base: string;
  let admin: SignedInUser;

  beforeAll(async () => {
    // Directory checks switched off: what stops the bomb now is the worker's heap limit and its timeout.
    t = await createTestApp({
      env: {
        UPLOAD_MAX_ENTRY_MB: "4096",
        UPLOAD_MAX_UNPACKED_MB: "8192",
        UPLOAD_MAX_RATIO: "100000",
        UPLOAD_PARSE_TIMEOUT_MS: "4000",
        UPLOAD_WORKER_MEMORY_MB: "256",
        UPLOAD_MAX_ROWS: "50",
      },
    });
    await t.app.listen({ port: 0, host: "127.0.0.1" });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    admin = await signIn(t.app, "admin");
    await (await fetch(`${base}/api/health`)).arrayBuffer();
  });
  afterAll(() => t.close());

  it("the worker is stopped (heap limit or timeout) while health keeps answering", async () => {
    const { bytes } = await theBomb();
    const measured = await uploadWhileCheckingHealth(
      base,
      "/api/admin/frame/import",
      { ...admin.headers, "content-type": XLSX_TYPE },
      bytes,
    );
    expectRefusedQuickly(measured, [413, 422], ["upload_too_large", "upload_too_slow", "payload_too_large"], 15_000);
  }, 120_000);

  it("refuses files over the row limit, as .xlsx and as CSV", async () => {
    const rows = Array.from({ length: 60 }, (_, index) => [
      "T9201",
      "多行镇",
      "镇",
      "100",
      `T9201-${index}`,
      "村",
      "村委会",
      "1",
    ]);
    for (const [payload, contentType] of [
      [await xlsx([FRAME_HEADER, ...rows]), XLSX_TYPE],
      [csv([FRAME_HEADER, ...rows]), "text/csv"],
    ] as const) {
      const response = await t.app.inject({
        method: "POST",
        url: "/api/admin/frame/import",
        payload,
        headers: { ...admin.headers, "content-type": contentType },
      });
      expect(response.statusCode, response.body).toBe(413);
      expect(response.json().error).toBe("upload_too_large");
    }
  });
});
