import type { Locator } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SignedInUser, signIn } from "../support/test-app";
import { hoverChartTooltip } from "./support/chart-tooltip";
import { openPage } from "./support/console-analysis-api";
import { seedAnalysisData } from "./support/console-analysis-data";
import { type ConsoleBrowser, openConsoleBrowser } from "./support/console-browser";
import { ADMIN_PASSWORD, ADMIN_USERNAME, type ConsoleServer, startConsoleServer } from "./support/console-server";
import { signInThroughPage } from "./support/console-session";

/** A town name as a careless or hostile spreadsheet could carry it; the plain tail finds its tooltip. */
const PLAIN_PART = "标记镇";
const MARKUP_NAME = `<img src=x onerror=window.__xss=1>${PLAIN_PART}`;

let server: ConsoleServer;
let browser: ConsoleBrowser;
let admin: SignedInUser;

interface FrameTown {
  code: string;
  kind: "street" | "town";
  population: number;
}
interface FrameCommunity {
  code: string;
  name: string;
  kind: "residential" | "village";
  population: number;
}

/** Renames a town of the frame through the frame import, as an office would with a spreadsheet. */
async function importTownName(townCode: string, name: string): Promise<void> {
  const detail = await server.app.inject({ url: `/api/admin/frame/towns/${townCode}`, headers: admin.headers });
  const town = detail.json() as FrameTown & { communities: FrameCommunity[] };
  const lines = [
    "town_code,town_name,town_kind,town_population,community_code,community_name,community_kind,community_population",
    ...town.communities.map((community) =>
      [
        town.code,
        name,
        town.kind,
        town.population,
        community.code,
        community.name,
        community.kind,
        community.population,
      ].join(","),
    ),
  ];
  const imported = await server.app.inject({
    method: "POST",
    url: "/api/admin/frame/import",
    headers: { ...admin.headers, "content-type": "text/csv" },
    payload: lines.join("\n"),
  });
  expect(imported.statusCode, imported.body).toBe(200);
}

beforeAll(async () => {
  server = await startConsoleServer();
  admin = await signIn(server.app, "admin");
  await seedAnalysisData(server.app, admin, 60);
  const frame = await server.app.inject({ url: "/api/admin/frame", headers: admin.headers });
  const first = (frame.json() as { towns: FrameTown[] }).towns[0];
  if (!first) throw new Error("the demo frame has no towns");
  await importTownName(first.code, MARKUP_NAME);
  browser = await openConsoleBrowser(server.origin);
  await signInThroughPage(browser.page, ADMIN_USERNAME, ADMIN_PASSWORD);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The tooltip shows the whole name as text: no element came out of it and no handler ran. */
async function expectNameAsText(tooltip: Locator): Promise<void> {
  const name = tooltip.locator("b");
  // A town below its sample target carries the rankings' ※ after its name.
  expect((await name.innerText()).replace(/※$/, "")).toBe(MARKUP_NAME);
  expect(await name.locator("*").count()).toBe(0);
  expect(await tooltip.locator("img, script").count()).toBe(0);
  // An injected <img src=x> fails to load a moment later; give its onerror the time to run.
  await browser.page.waitForTimeout(300);
  expect(await browser.page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
  expect(await browser.page.locator("body img[src='x']").count()).toBe(0);
}

describe("console chart tooltips show an imported town name as text, never as HTML", () => {
  it("results: the ranking chart with confidence intervals", async () => {
    const { page } = browser;
    await openPage(page, "results", "调查结果");
    await page.getByRole("table").getByText(MARKUP_NAME).first().waitFor();
    const chart = page.getByRole("img", { name: /综合得分及 95% 置信区间/ });
    await expectNameAsText(await hoverChartTooltip(page, chart, PLAIN_PART));
  });

  it("indicators: the progress index chart", async () => {
    const { page } = browser;
    await openPage(page, "indicators?tab=index&year=2026", "客观指标");
    const chart = page.getByRole("img", { name: /2026 年对 2025 年的综合指数进步指数/ });
    await expectNameAsText(await hoverChartTooltip(page, chart, PLAIN_PART));
  });

  it("comparison: the quadrant chart", async () => {
    const { page } = browser;
    await openPage(page, "comparison", "主客观比较");
    const chart = page.getByRole("img", { name: /四象限图/ });
    await expectNameAsText(await hoverChartTooltip(page, chart, PLAIN_PART));
    await browser.screenshot("chart-tooltip-markup-name");
  });
});
