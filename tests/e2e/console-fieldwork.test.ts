import { readFile } from "node:fs/promises";
import type { FieldworkSummary } from "@survey/contract";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SignedInUser, signIn } from "../support/test-app";
import { type ConsoleBrowser, DESKTOP, openConsoleBrowser } from "./support/console-browser";
import { holdSlotAsResident, populationCsv, seedFieldworkHistory } from "./support/console-fixtures";
import { decodeQrPng } from "./support/console-qr";
import {
  ADMIN_PASSWORD,
  ADMIN_USERNAME,
  type ConsoleServer,
  PUBLIC_SURVEY_URL,
  startConsoleServer,
} from "./support/console-server";
import { navigationLabels, signInThroughPage, signOutThroughPage } from "./support/console-session";
import { axeViolations } from "./support/survey-a11y";

/** 石湖荡镇: a small town in the demo frame (9 communities). */
const TOWN = { code: "310117116", name: "石湖荡镇" };

/** Matches an element whose whole text is the number. */
const exactly = (n: number) => new RegExp(`^\\s*${n}\\s*$`);

let server: ConsoleServer;
let browser: ConsoleBrowser;
let api: SignedInUser;
let waveId: number;

async function summary(): Promise<FieldworkSummary> {
  const response = await server.app.inject({ url: `/api/admin/waves/${waveId}/fieldwork`, headers: api.headers });
  expect(response.statusCode).toBe(200);
  return response.json();
}

beforeAll(async () => {
  server = await startConsoleServer();
  api = await signIn(server.app, "admin");
  waveId = (await server.app.inject({ url: "/api/waves/current" })).json().id;
  await seedFieldworkHistory(server.app, waveId, new Date());
  const frame = (await server.app.inject({ url: "/api/admin/frame", headers: api.headers })).json();
  const population = await server.app.inject({
    method: "POST",
    url: "/api/admin/frame/population",
    headers: { ...api.headers, "content-type": "text/csv" },
    payload: populationCsv(frame.towns),
  });
  expect(population.statusCode).toBe(200);
  browser = await openConsoleBrowser(server.origin);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("console: sign-in and fieldwork monitor", () => {
  it("sends a visitor to sign in, then shows the monitor with the user and role", async () => {
    const { page } = browser;
    await page.goto("/console/monitor");
    await page.getByRole("heading", { name: "登录" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/console/login");
    await browser.screenshot("sign-in");

    await page.getByLabel("用户名").fill(ADMIN_USERNAME);
    await page.getByLabel("密码").fill("not-the-password");
    await page.getByRole("button", { name: "登录", exact: true }).click();
    // The server's own Chinese message is shown.
    await page.getByRole("alert").waitFor();
    expect(await page.getByRole("alert").innerText()).toMatch(/用户名或密码/);

    await page.getByLabel("密码").fill(ADMIN_PASSWORD);
    await page.getByRole("button", { name: "登录", exact: true }).click();
    await page.getByRole("heading", { name: "调查进度" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/console/monitor");
    expect(await page.locator(".shell__user").innerText()).toContain("系统管理员");
    const labels = await navigationLabels(page);
    for (const label of ["调查进度", "纸质问卷录入", "二维码海报", "抽样框", "调查批次", "用户管理", "操作日志"]) {
      expect(labels).toContain(label);
    }
  });

  it("keeps the session across a reload", async () => {
    const { page } = browser;
    await page.reload();
    await page.getByRole("heading", { name: "调查进度" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/console/monitor");
  });

  it("shows every town's progress, the daily chart, towns at risk and the sample composition", async () => {
    const { page } = browser;
    const expected = await summary();
    await page
      .getByTestId("total-completed")
      .filter({ hasText: expected.totals.completed.toLocaleString("zh-CN") })
      .waitFor();
    const rows = page.getByRole("table", { name: "各街镇完成情况" }).locator("tbody tr");
    expect(await rows.count()).toBe(expected.towns.length);
    for (const town of expected.towns) {
      expect(await page.getByTestId(`town-count-${town.code}`).innerText()).toBe(`${town.completed} / ${town.target}`);
    }
    const atRisk = expected.towns.filter((town) => town.projection.atRisk).map((town) => town.name);
    expect(atRisk.length).toBeGreaterThan(0);
    const riskNames = await page.locator('[aria-labelledby="forecast-unlikely"] .risk-list__name').allInnerTexts();
    expect(riskNames.sort()).toEqual(atRisk.sort());
    await page
      .getByRole("img", { name: /每日完成问卷数/ })
      .locator("canvas")
      .waitFor();
    // Population shares come from the uploaded sex × age cells.
    await page.getByText("人口数据：本街镇").waitFor();
    await page.waitForTimeout(500);
    await browser.screenshot("monitor");
  });

  it("filters the community grid by fill", async () => {
    const { page } = browser;
    const expected = await summary();
    const grid = page.locator(".community-grid");
    const tiles = grid.locator(".tile");
    expect(await tiles.count()).toBe(expected.communities.length);
    await grid.getByRole("radio", { name: "已满" }).check();
    expect(await tiles.count()).toBe(expected.communities.filter((c) => c.completed >= c.cap).length);
    await grid.getByRole("radio", { name: "尚无问卷" }).check();
    expect(await tiles.count()).toBe(expected.communities.filter((c) => c.completed === 0).length);
    await grid.getByRole("radio", { name: "不足一半" }).check();
    expect(await tiles.count()).toBe(expected.communities.filter((c) => c.completed < c.cap / 2).length);
    await grid.getByLabel("街镇").selectOption(TOWN.code);
    expect(await tiles.count()).toBe(
      expected.communities.filter((c) => c.townCode === TOWN.code && c.completed < c.cap / 2).length,
    );
    await grid.getByRole("radio", { name: "全部" }).check();
    await browser.screenshot("monitor-grid", page);
  });

  it("exports the progress tables to Excel", async () => {
    const { page } = browser;
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "导出 Excel" }).click(),
    ]);
    const workbook = new ExcelJS.Workbook();
    const file = await readFile((await download.path()) ?? "");
    // ExcelJS's types predate Node's generic Buffer.
    await workbook.xlsx.load(file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer);
    const towns = workbook.getWorksheet("街镇");
    expect(towns).toBeDefined();
    expect(workbook.getWorksheet("社区")).toBeDefined();
    // A header row and one row per town.
    expect(towns?.actualRowCount).toBe((await summary()).towns.length + 1);
  });

  it("shows a new completion without a reload", async () => {
    const { page } = browser;
    await page.locator(".live--stream").waitFor();
    const before = await summary();
    const town = before.towns.find((candidate) => candidate.code === TOWN.code);
    const community = before.communities.find((c) => c.townCode === TOWN.code && c.completed + c.reserved < c.cap);
    if (!town || !community) throw new Error("the demo town has no free community");

    // A resident confirms the SMS code: the slot is held, and the monitor shows it without a reload.
    const resident = await holdSlotAsResident(server.app, waveId, community.code, 4242);
    await page
      .getByTestId("total-reserved")
      .filter({ hasText: exactly(before.totals.reserved + 1) })
      .waitFor();
    await page
      .getByTestId(`town-reserved-${TOWN.code}`)
      .filter({ hasText: exactly(town.reserved + 1) })
      .waitFor();
    await browser.screenshot("monitor-live");

    const submitted = await resident.submit();
    expect(submitted.status).toBe(201);
    expect(submitted.body.counted).toBe(true);
    const total = (before.totals.completed + 1).toLocaleString("zh-CN");
    await page.getByTestId("total-completed").filter({ hasText: total }).waitFor();
    await page
      .getByTestId(`town-count-${TOWN.code}`)
      .filter({ hasText: `${town.completed + 1} / ${town.target}` })
      .waitFor();
    await page
      .getByTestId("total-reserved")
      .filter({ hasText: exactly(before.totals.reserved) })
      .waitFor();
  });

  it("forecasts each town with an interval and where to recruit, shows the district's gaps and a held spike", async () => {
    const { page } = browser;
    // A population where people in their thirties are 30 %: the sample (about a sixth) falls well short.
    const frame = (await server.app.inject({ url: "/api/admin/frame", headers: api.headers })).json();
    const skewed = populationCsv(frame.towns, {
      "18-29": 0.14,
      "30-39": 0.3,
      "40-49": 0.16,
      "50-59": 0.15,
      "60-69": 0.13,
      "70+": 0.12,
    });
    const uploaded = await server.app.inject({
      method: "POST",
      url: "/api/admin/frame/population",
      headers: { ...api.headers, "content-type": "text/csv" },
      payload: skewed,
    });
    expect(uploaded.statusCode).toBe(200);
    // Five residents hold slots in one community at once, which usually has none.
    const before = await summary();
    const community = before.communities.find((c) => c.reserved === 0 && c.cap - c.completed >= 6);
    if (!community) throw new Error("no community with room");
    for (let k = 0; k < 5; k++) await holdSlotAsResident(server.app, waveId, community.code, 5100 + k);

    const expected = await summary();
    expect(expected.held.find((row) => row.code === community.code)).toMatchObject({ heldNow: 5, spike: true });
    const spikeRow = page.getByTestId(`held-${community.code}`);
    await spikeRow.getByText("异常升高").waitFor();
    const gaps = page.getByTestId("composition-gaps");
    await gaps.getByText(/30–39岁：样本 [\d.]+%，人口 30\.0%，偏少/).waitFor();

    const atRisk = expected.towns.filter((town) => town.projection.atRisk);
    for (const town of atRisk) {
      const item = page.getByTestId(`forecast-${town.code}`);
      const { projected, projectedLow, projectedHigh } = town.projection;
      await item
        .getByText(`预计截止时 ${projected} 份（95% 区间 ${projectedLow}–${projectedHigh}），目标 ${town.target}`)
        .waitFor();
      const first = town.recruitIn[0];
      if (first)
        expect(await item.locator(".risk-list__recruit").innerText()).toContain(`${first.name}（余 ${first.room}）`);
    }
    expect(await axeViolations(page)).toEqual([]);
    await page.waitForTimeout(300);
    await browser.screenshot("monitor-forecast");
    // On a tablet the cards stack and nothing scrolls sideways.
    await page.setViewportSize({ width: 820, height: 1180 });
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(820);
    await browser.screenshot("monitor-forecast-tablet");
    await page.setViewportSize(DESKTOP);
  });

  it("prints a town's QR posters, each pointing at its own community", async () => {
    const { page, context } = browser;
    await page.getByRole("link", { name: "二维码海报" }).click();
    await page.getByRole("heading", { name: "二维码海报" }).waitFor();
    await page.getByLabel("街镇").selectOption(TOWN.code);
    const preview = page.frameLocator(`iframe[title="${TOWN.name} 社区二维码海报"]`);
    await preview.locator("section.poster").first().waitFor();
    await browser.screenshot("posters");

    const [posters] = await Promise.all([
      context.waitForEvent("page"),
      page.getByRole("link", { name: "在新标签页打开" }).click(),
    ]);
    await posters.waitForLoadState("load");
    await posters.emulateMedia({ media: "print" });
    await posters.setViewportSize({ width: 794, height: 1123 }); // A4 at 96 dpi
    const communities = (await summary()).communities.filter((c) => c.townCode === TOWN.code);
    expect(await posters.locator("section.poster").count()).toBe(communities.length);
    await browser.screenshot("posters-print", posters);

    const first = posters.locator("section.poster").first();
    const code = await first.getAttribute("data-community");
    const decoded = decodeQrPng(await first.locator(".qr").screenshot());
    expect(decoded).not.toBeNull();
    const url = new URL(decoded ?? "");
    expect(`${url.origin}${url.pathname}`).toBe(PUBLIC_SURVEY_URL);
    expect(url.searchParams.get("c")).toBe(code);
    // The QR code names its wave, so it keeps opening this wave after another one opens.
    const waveCode = (await server.app.inject({ url: `/api/admin/waves/${waveId}`, headers: api.headers })).json().code;
    expect(url.searchParams.get("w")).toBe(waveCode);
    expect(communities.map((c) => c.code)).toContain(code);
    await posters.close();
  });

  it("signs out and needs a new sign-in", async () => {
    const { page } = browser;
    await signOutThroughPage(page);
    await page.goto("/console/monitor");
    await page.getByRole("heading", { name: "登录" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/console/login");
    await signInThroughPage(page, ADMIN_USERNAME, ADMIN_PASSWORD);
  });
});
