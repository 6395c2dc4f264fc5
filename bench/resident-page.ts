/**
 * Resident page benchmark: how soon a resident on a slow phone network can start, against a plain static
 * HTML form with the same fields served by the same server (the floor).
 *
 *   npx tsx bench/resident-page.ts [--runs 5] [--sms-wait 10000] [--smoke]
 *
 * --smoke: one run with no SMS wait — checks that the benchmark still runs (CI); its figures mean nothing.
 *
 * Headless Chromium (fresh profile per run: a first visit), network throttled over CDP to 1.6 Mbit/s down,
 * 750 kbit/s up, 150 ms RTT. Two times per run:
 *   form usable   — from navigation to the ID number input being visible and enabled (through consent);
 *   questionnaire — from entering the SMS code (which confirms it) to the first question (its wording and its
 *                   first answer) being visible, after waiting --sms-wait ms for the SMS as a resident would
 *                   (0: a resident who types at once; the app may then show its first page before SurveyJS).
 * Runs alternate between the resident app (built apps/survey, served by the API at /) and the floor.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { openDatabase } from "@survey/db";
import { makeIdNumber } from "@survey/identity";
import Fastify from "fastify";
import type { Locator, Page } from "playwright-core";
import app from "../apps/api/src/app";
import { loadConfig } from "../apps/api/src/platform/config";
import { demoQuestionnaire } from "../apps/api/src/seed/demo-questionnaire";
import { ensureSurveyBuilt } from "../tests/e2e/support/survey-build";
import { GENEROUS_RESIDENT_LIMITS } from "../tests/support/test-app";
import { BENCH_SERVER_URL } from "./support/bench-database";
import { FLOOR_PREFIX, questionnaireFloor, registerFloorPages, verificationFloor } from "./support/floor-pages";
import { ms, summarise } from "./support/latency";
import { describeMachine } from "./support/machine";
import { NETWORK, type Traffic, type TrafficMeter, throttledPhone } from "./support/throttled-phone";

const { values: flags } = parseArgs({
  options: {
    runs: { type: "string", default: "5" },
    "sms-wait": { type: "string", default: "10000" },
    smoke: { type: "boolean", default: false },
  },
});
const args = flags.smoke ? { ...flags, runs: "1", "sms-wait": "0" } : flags;
const runs = Number(args.runs);
/** Between asking for the code and typing it, the resident waits for the SMS (real ones: 5–30 s). */
const smsWaitMs = Number(args["sms-wait"]);
const COMMUNITY = "310117001001";

ensureSurveyBuilt();
const database = await openDatabase({ dataDir: "memory://" });
await database.migrate();
const config = loadConfig({
  NODE_ENV: "test",
  SEED_DEMO: "true",
  LOG_LEVEL: "silent",
  DATA_DIR: mkdtempSync(join(tmpdir(), "bench-page-")),
  VERIFY_RATE_LIMIT_PER_MINUTE: "100000",
  // One machine plays every resident: the squatting limits and the challenge would refuse it.
  ...GENEROUS_RESIDENT_LIMITS,
  RESERVATION_SWEEP_MS: "0",
});
const server = Fastify({ bodyLimit: 2 * 1024 * 1024 });
await server.register(app, { config, database });
const definition = demoQuestionnaire().definition as Parameters<typeof questionnaireFloor>[0];
const firstQuestion = definition.pages?.[0]?.elements?.[0] as
  | { title: string; choices: { text: string }[] }
  | undefined;
if (!firstQuestion) throw new Error("the demo questionnaire has no first question");
registerFloorPages(server, {
  "verify.html": verificationFloor("居民满意度调查"),
  "questionnaire.html": questionnaireFloor(definition),
});
const base = await server.listen({ port: 0, host: "127.0.0.1" });

/** The first question is on screen: its wording and an answer (one short enough not to be split over two lines). */
async function firstQuestionShown(page: Page) {
  const question = page.getByText(firstQuestion?.title ?? "").first();
  await question.waitFor({ state: "visible" });
  await page
    .getByText(firstQuestion?.choices.find((choice) => choice.text.length < 4)?.text ?? "", { exact: true })
    .first()
    .waitFor({ state: "visible" });
}

async function usable(locator: Locator) {
  await locator.waitFor({ state: "visible" });
  while (!(await locator.isEnabled())) await new Promise((resolve) => setTimeout(resolve, 5));
}

async function smsCode(phone: string): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const messages = (await (await fetch(`${base}/api/dev/sms-outbox?phone=${phone}`)).json()) as { code: string }[];
    if (messages[0]) return messages[0].code;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("no SMS code");
}

let residentNumber = 0;
function nextResident() {
  residentNumber += 1;
  const birth = new Date(Date.UTC(1970, 0, 1) + residentNumber * 86_400_000)
    .toISOString()
    .slice(0, 10)
    .replaceAll("-", "");
  return { idNumber: makeIdNumber(`310117${birth}123`), phone: `135${String(residentNumber).padStart(8, "0")}` };
}

const since = (before: Traffic, after: Traffic): Traffic => ({
  requests: after.requests - before.requests,
  bytes: after.bytes - before.bytes,
});
const kb = (traffic: Traffic) => `${traffic.requests} requests, ${(traffic.bytes / 1024).toFixed(1)} KB`;
/** The SurveyJS chunk, which the app starts downloading in the background once its first screen shows. */
const SURVEY_CHUNK = /\/assets\/questionnaire-screen-/;

async function timeApp(page: Page, traffic: TrafficMeter) {
  const resident = nextResident();
  const started = performance.now();
  await page.goto(`${base}/?c=${COMMUNITY}`, { waitUntil: "commit" });
  await page.getByLabel("我已阅读并同意以上说明").check();
  await page.getByRole("button", { name: "同意并继续" }).click();
  await usable(page.getByLabel("居民身份证号码"));
  const form = performance.now() - started;
  const formTraffic = traffic(SURVEY_CHUNK);
  const backgroundRequests = traffic().requests - formTraffic.requests;

  await page.getByLabel("居民身份证号码").fill(resident.idNumber);
  await page.getByLabel("手机号码").fill(resident.phone);
  await page.getByRole("button", { name: "获取验证码" }).click();
  await page.getByText("验证码已发送到").waitFor();
  const code = await smsCode(resident.phone);
  await page.waitForTimeout(smsWaitMs);
  const before = traffic();
  const confirming = performance.now();
  await page.getByLabel("短信验证码").fill(code); // six digits confirm by themselves
  await firstQuestionShown(page);
  return {
    form,
    questionnaire: performance.now() - confirming,
    formTraffic,
    backgroundRequests,
    questionnaireTraffic: since(before, traffic()),
  };
}

async function timeFloor(page: Page, traffic: TrafficMeter) {
  const resident = nextResident();
  const started = performance.now();
  await page.goto(`${base}${FLOOR_PREFIX}/verify.html`, { waitUntil: "commit" });
  await page.getByLabel("我已阅读并同意以上说明").check();
  await page.getByRole("button", { name: "同意并继续" }).click();
  await usable(page.getByLabel("居民身份证号码"));
  const form = performance.now() - started;
  const formTraffic = traffic();

  await page.getByLabel("居民身份证号码").fill(resident.idNumber);
  await page.getByLabel("手机号码").fill(resident.phone);
  await page.getByLabel("短信验证码").fill("123456");
  await page.waitForTimeout(smsWaitMs);
  const before = traffic();
  const confirming = performance.now();
  await page.locator("#confirm").click();
  await firstQuestionShown(page);
  return {
    form,
    questionnaire: performance.now() - confirming,
    formTraffic,
    backgroundRequests: 0,
    questionnaireTraffic: since(before, traffic()),
  };
}

const results = {
  app: { form: [] as number[], questionnaire: [] as number[] },
  floor: { form: [] as number[], questionnaire: [] as number[] },
};
try {
  console.log(
    `machine: ${await describeMachine(BENCH_SERVER_URL).catch(() => "(PostgreSQL not reachable; machine line without it)")}`,
  );
  console.log(
    `network: ${NETWORK.downloadKbit} kbit/s down, ${NETWORK.uploadKbit} kbit/s up, ${NETWORK.rttMs} ms RTT (CDP); ${runs} cold runs each, alternating`,
  );
  for (let run = 0; run < runs; run++) {
    for (const [name, measure] of [
      ["app", timeApp],
      ["floor", timeFloor],
    ] as const) {
      const phone = await throttledPhone();
      try {
        const timing = await measure(phone.page, phone.traffic);
        results[name].form.push(timing.form);
        results[name].questionnaire.push(timing.questionnaire);
        console.log(
          `run ${run + 1} ${name.padEnd(5)} form usable ${ms(timing.form)} ms (${kb(timing.formTraffic)}${timing.backgroundRequests ? `; SurveyJS: ${timing.backgroundRequests} requests started` : ""}), questionnaire ${ms(timing.questionnaire)} ms (${kb(timing.questionnaireTraffic)})`,
        );
      } finally {
        await phone.close();
      }
    }
  }
  const row = (label: string, key: "form" | "questionnaire") => {
    const appTime = summarise(results.app[key]).p50;
    const floorTime = summarise(results.floor[key]).p50;
    return `| ${label} | ${ms(appTime)} | ${ms(floorTime)} | **${(appTime / floorTime).toFixed(2)}** |`;
  };
  console.log("\n| median of cold runs | resident app ms | static HTML floor ms | ratio app/floor |");
  console.log("| --- | --- | --- | --- |");
  console.log(row("verification form usable", "form"));
  console.log(row("questionnaire shown after the code", "questionnaire"));
} finally {
  await server.close();
  await database.close();
}
