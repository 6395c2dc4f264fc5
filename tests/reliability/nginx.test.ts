import { randomInt } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { SESSION_COOKIE } from "@survey/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../apps/api/src/platform/config";
import { completeDefaultAnswers } from "../../packages/questionnaire/src/default-questionnaire.fixture";
import { ensureConsoleBuilt } from "../e2e/support/console-build";
import { ensureSurveyBuilt } from "../e2e/support/survey-build";
import { type ApiProcess, freePort, startApiProcess } from "../support/api-process";
import { adultIdNumber, mobilePhone } from "../support/resident";
import { selfSignedCertificate } from "../support/self-signed-certificate";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { http2Client, type RunningNginx, startNginx } from "./support/nginx";

const root = fileURLToPath(new URL("../../", import.meta.url));
const REDIS_URL = process.env.TEST_REDIS_URL || "redis://127.0.0.1:6379";
const ADMIN_PASSWORD = "nginx-admin-password-2026";
/** Verification requests per minute per client address: the resident flow below uses two, the forgeries the rest. */
const LIMIT = 4;

/** The shipped deploy/ files, run: nginx with TLS and HTTP/2 in front of two API processes (TRUST_PROXY=1). */
describe("deploy/: nginx in front of two API processes", () => {
  let database: TestDatabase;
  let processes: ApiProcess[] = [];
  let nginx: RunningNginx;
  let client: ReturnType<typeof http2Client>;
  // A loopback address of its own (Linux routes all of 127/8 to lo): what nginx sees, unlike the API processes,
  // whose peer is nginx at 127.0.0.1. New on every run, so the shared Redis counters of a rerun do not interfere.
  const clientAddress = `127.${randomInt(1, 255)}.${randomInt(0, 255)}.${randomInt(1, 255)}`;

  beforeAll(async () => {
    ensureSurveyBuilt();
    ensureConsoleBuilt();
    database = await createTestDatabase();
    const env = {
      DATABASE_URL: database.url ?? "",
      SEED_DEMO: "true",
      REDIS_URL,
      TRUST_PROXY: "1",
      VERIFY_RATE_LIMIT_PER_MINUTE: String(LIMIT),
      ADMIN_PASSWORD,
    };
    processes = await Promise.all([startApiProcess(env), startApiProcess(env)]);
    const certificate = selfSignedCertificate();
    nginx = await startNginx({
      siteFile: join(root, "deploy/nginx/survey.conf"),
      releaseDir: root,
      certificate,
      upstreams: processes.map((process) => new URL(process.url).host),
      httpsPort: await freePort(),
      httpPort: await freePort(),
    });
    client = http2Client(nginx.origin, certificate.cert, clientAddress);
  }, 300_000);
  afterAll(async () => {
    await client?.close();
    await nginx?.stop();
    await Promise.all(processes.map((process) => process.stop()));
    await database?.destroy();
  });

  it("speaks HTTP/2 over TLS and sends plain HTTP to https", async () => {
    const health = await client.request("GET", "/api/health");
    expect(client.session.alpnProtocol).toBe("h2");
    expect(health.status).toBe(200);
    const plain = await fetch(`${nginx.httpOrigin}/console/`, { redirect: "manual" });
    expect(plain.status).toBe(301);
    expect(plain.headers.get("location")).toMatch(/^https:\/\/127\.0\.0\.1\/console\/$/);
  });

  it("serves the survey and the console pages, and their hashed assets precompressed with a year's caching", async () => {
    const survey = await client.request("GET", "/?c=310117001001");
    expect(survey.status).toBe(200);
    expect(survey.headers["cache-control"]).toBe("no-cache");
    const script = /src="(\/assets\/index-[\w-]+\.js)"/.exec(survey.body.toString())?.[1];
    expect(script).toBeDefined();
    const consolePage = await client.request("GET", "/console/");
    expect(consolePage.status).toBe(200);
    const consoleScript = /src="(\/console\/assets\/main-[\w-]+\.js)"/.exec(consolePage.body.toString())?.[1];
    expect(consoleScript).toBeDefined();

    for (const path of [script, consoleScript]) {
      const asset = await client.request("GET", path ?? "", { headers: { "accept-encoding": "gzip" } });
      expect(asset.status).toBe(200);
      expect(asset.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
      expect(asset.headers["content-type"]).toContain("javascript");
      const onDisk = readFileSync(
        join(
          root,
          path?.startsWith("/console/") ? "apps/console/dist" : "apps/survey/dist",
          (path ?? "").replace(/^\/console/, ""),
        ),
      );
      const sent = asset.headers["content-encoding"] === "gzip" ? gunzipSync(asset.body) : asset.body;
      expect(sent.equals(onDisk)).toBe(true);
    }
    // The resident app's build writes .gz beside its assets: nginx sends that file as it is (gzip_static).
    const gz = readFileSync(join(root, "apps/survey/dist", `${script}.gz`));
    const precompressed = await client.request("GET", script ?? "", { headers: { "accept-encoding": "gzip" } });
    expect(precompressed.headers["content-encoding"]).toBe("gzip");
    expect(precompressed.body.equals(gz)).toBe(true);
    expect((await client.request("GET", "/metrics")).status).toBe(404);
  });

  it("runs the resident flow; the rate limit counts the address nginx saw, whatever X-Forwarded-For the client forges", async () => {
    const wave = (await client.request("GET", "/api/waves/current")).json();
    const communities = (await client.request("GET", `/api/waves/${wave.id}/towns/310117001/communities`)).json();
    const person = { idNumber: adultIdNumber(), phone: mobilePhone(), communityCode: communities[0].code };
    const started = await client.request("POST", `/api/waves/${wave.id}/verifications`, {
      body: person,
      headers: { "x-forwarded-for": "203.0.113.1" },
    });
    expect(started.status).toBe(201);
    const outbox = (await client.request("GET", `/api/dev/sms-outbox?phone=${person.phone}`)).json();
    const confirmed = await client.request("POST", `/api/verifications/${started.json().verificationId}/confirm`, {
      body: { code: outbox[0].code },
      headers: { "x-forwarded-for": "203.0.113.2" },
    });
    expect(confirmed.status).toBe(201);
    const submitted = await client.request("POST", "/api/responses", {
      body: { answers: completeDefaultAnswers() },
      headers: { authorization: `Bearer ${confirmed.json().reservationToken}` },
    });
    expect(submitted.status).toBe(201);
    expect(submitted.json().counted).toBe(true);

    // Each request claims to come from somewhere else; nginx appends the address it saw, which the API takes.
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT; i++) {
      const forged = await client.request("POST", `/api/waves/${wave.id}/verifications`, {
        body: { idNumber: adultIdNumber(), phone: mobilePhone(), communityCode: communities[0].code },
        headers: { "x-forwarded-for": `198.51.100.${i + 10}, 10.0.0.${i + 1}` },
      });
      statuses.push(forged.status);
    }
    // start and confirm count separately per route: the start route had one request before these.
    expect(statuses).toEqual([201, 201, 201, 429]);
  });

  it("marks the session cookie Secure and records the client's own address in the audit log", async () => {
    const login = await client.request("POST", "/api/auth/login", {
      body: { username: "admin", password: ADMIN_PASSWORD },
      headers: { "x-forwarded-for": "192.0.2.99" },
    });
    expect(login.status).toBe(200);
    const setCookie = [login.headers["set-cookie"] ?? []].flat().find((cookie) => cookie.startsWith(SESSION_COOKIE));
    expect(setCookie).toMatch(/;\s*Secure/i);
    expect(setCookie).toMatch(/;\s*HttpOnly/i);
    const cookie = setCookie?.split(";")[0] ?? "";
    const audit = await client.request("GET", "/api/admin/audit?action=auth.login&limit=5", { headers: { cookie } });
    expect(audit.status).toBe(200);
    expect(audit.json().entries[0]).toMatchObject({ action: "auth.login", ip: clientAddress });
  });

  it("ships a settings file and a systemd unit the release can run", () => {
    const example = readFileSync(join(root, "deploy/survey.env.example"), "utf8");
    const env = Object.fromEntries(
      example
        .split("\n")
        .filter((line) => /^[A-Z_]+=/.test(line))
        .map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]),
    );
    const config = loadConfig(env);
    expect(config).toMatchObject({ nodeEnv: "production", trustProxy: 1, cookieSecure: true });
    const unit = readFileSync(join(root, "deploy/systemd/survey-api@.service"), "utf8");
    const start = /^ExecStart=\/usr\/bin\/node \/srv\/survey\/(\S+)$/m.exec(unit)?.[1];
    expect(start).toBe("scripts/start.mjs");
    expect(unit).toMatch(/^Environment=NODE_ENV=production PORT=%i HOST=127\.0\.0\.1$/m);
  });
});
