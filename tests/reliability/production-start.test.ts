import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { questionnaires, waves } from "@survey/db";
import { buildScoringMap } from "@survey/questionnaire";
import { eq } from "drizzle-orm";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureConsoleBuilt } from "../e2e/support/console-build";
import { ensureSurveyBuilt } from "../e2e/support/survey-build";
import { type ApiProcess, call, startApiProcess } from "../support/api-process";
import { loadSyntheticResponses } from "../support/synthetic-responses";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

const root = fileURLToPath(new URL("../../", import.meta.url));
const startScript = join(root, "scripts", "start.mjs");

/** Production settings: the configuration refuses the development defaults. */
const PRODUCTION_ENV = {
  NODE_ENV: "production",
  SMS_PROVIDER: "http",
  SMS_HTTP_URL: "http://127.0.0.1:9/sms",
  SMS_HTTP_TOKEN: "unused",
  SEED_DEMO: "true",
  ADMIN_PASSWORD: "production-start-admin-2026",
  LOG_LEVEL: "info",
};

/** `npm run start:prod` (= NODE_ENV=production node scripts/start.mjs) runs only what `npm run build` made. */
describe("production start from the build", () => {
  let database: TestDatabase;
  let api: ApiProcess;

  beforeAll(async () => {
    // `.ci/run` built everything before the tests; bundling the API again (a second) keeps it current here.
    const built = spawnSync(process.execPath, [join(root, "scripts", "build-api.mjs")], { encoding: "utf8" });
    if (built.status !== 0) throw new Error(`API build failed:\n${built.stdout}\n${built.stderr}`);
    ensureSurveyBuilt();
    ensureConsoleBuilt();
    database = await createTestDatabase();
    api = await startApiProcess({ ...PRODUCTION_ENV, DATABASE_URL: database.url ?? "" }, [startScript]);
  }, 300_000);
  afterAll(async () => {
    await api?.stop();
    await database?.destroy();
  });

  it("runs the compiled server: healthy on the database, serving the API, the resident app and the console", async () => {
    const health = await call(api.url, "GET", "/api/health");
    expect(health).toEqual({ status: 200, json: { status: "ok", database: { driver: "postgres", reachable: true } } });
    const wave = await call(api.url, "GET", "/api/waves/current");
    expect(wave.status).toBe(200);
    expect(wave.json.title).toContain("满意度");

    const survey = await fetch(`${api.url}/?c=310117001001`);
    expect(survey.status).toBe(200);
    expect(survey.headers.get("content-type")).toContain("text/html");
    expect(await survey.text()).toMatch(/<script type="module"[^>]* src="\/assets\/index-[\w-]+\.js"/);
    const consolePage = await fetch(`${api.url}/console/`);
    expect(consolePage.status).toBe(200);
    // The console is built from two pages (the console and the studio's phone preview): its entry is `main`.
    expect(await consolePage.text()).toMatch(/src="\/console\/assets\/main-[\w-]+\.js"/);
  });

  it("logs one JSON object per line, as a log shipper reads them", () => {
    const lines = api
      .output()
      .split("\n")
      .filter((line) => line.trim() !== "");
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      const entry = JSON.parse(line);
      expect(typeof entry.level).toBe("number");
      expect(typeof entry.time).toBe("number");
    }
    expect(lines.some((line) => JSON.parse(line).msg?.startsWith("Server listening"))).toBe(true);
  });

  it("parses uploads in its worker thread, which the build puts beside the server", async () => {
    const login = await fetch(`${api.url}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "admin", password: PRODUCTION_ENV.ADMIN_PASSWORD }),
    });
    expect(login.status).toBe(200);
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    const upload = await fetch(`${api.url}/api/admin/frame/import`, {
      method: "POST",
      headers: { "content-type": "text/csv", cookie, "x-csrf-token": csrfToken },
      body: "town_code,town_name\n310117001,岳阳街道\n",
    });
    // Read by the worker and refused for its missing columns: a clear 422, not a 500 from a worker that is not there.
    expect(upload.status).toBe(422);
    expect(((await upload.json()) as { error: string }).error).toBe("invalid_file");
  });

  it("writes a town's report card in its report worker thread, which the build puts beside the server", async () => {
    const db = database.handle.db;
    const [wave] = await db.select().from(waves).where(eq(waves.code, "SJ-2026"));
    const [questionnaire] = await db
      .select()
      .from(questionnaires)
      .where(eq(questionnaires.id, wave?.questionnaireId ?? 0));
    if (!wave || !questionnaire) throw new Error("demo wave missing");
    const scoring = buildScoringMap(questionnaire.definition);
    await loadSyntheticResponses(db, { waveId: wave.id, questionnaireId: questionnaire.id, scoring, perTown: 3 });
    const login = await fetch(`${api.url}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "admin", password: PRODUCTION_ENV.ADMIN_PASSWORD }),
    });
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    const card = await fetch(`${api.url}/api/admin/waves/${wave.id}/towns/310117001/report.docx`, {
      headers: { cookie },
    });
    expect(card.status).toBe(200);
    const zip = await JSZip.loadAsync(await card.arrayBuffer());
    expect(await zip.file("word/document.xml")?.async("string")).toContain("岳阳街道2026年民生满意度报告卡");
  }, 120_000);

  it("refuses to start without a build, naming what is missing and the command that makes it", () => {
    const checkout = mkdtempSync(join(tmpdir(), "survey-unbuilt-"));
    mkdirSync(join(checkout, "scripts"));
    copyFileSync(startScript, join(checkout, "scripts", "start.mjs"));
    const started = Date.now();
    const result = spawnSync(process.execPath, [join(checkout, "scripts", "start.mjs")], {
      env: { ...process.env, ...PRODUCTION_ENV },
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("apps/api/dist/server.js");
    expect(result.stderr).toContain("apps/survey/dist/index.html");
    expect(result.stderr).toContain("npm run build");
    // Nothing was built or started on the way.
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});
