import { execFileSync } from "node:child_process";
import { join } from "node:path";
import type { WaveResults } from "@survey/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SignedInUser, signIn } from "../support/test-app";
import { apiJson, openPage } from "./support/console-analysis-api";
import { type AnalysisData, seedAnalysisData } from "./support/console-analysis-data";
import { type ConsoleBrowser, openConsoleBrowser, SCREENSHOT_DIR } from "./support/console-browser";
import { ADMIN_PASSWORD, ADMIN_USERNAME, type ConsoleServer, startConsoleServer } from "./support/console-server";
import { signInThroughPage } from "./support/console-session";
import { axeViolations } from "./support/survey-a11y";

/** A light data set (60 per town): every town then meets a target of 60, and two are raised to 80. */
const PER_TOWN = 60;

let server: ConsoleServer;
let browser: ConsoleBrowser;
let admin: SignedInUser;
let data: AnalysisData;
let raised: string[];

beforeAll(async () => {
  server = await startConsoleServer();
  admin = await signIn(server.app, "admin");
  data = await seedAnalysisData(server.app, admin, PER_TOWN);
  const results = await apiJson<WaveResults>(server.app, admin, `/api/admin/waves/${data.waveId}/results`);
  raised = results.towns.slice(0, 2).map((town) => town.code);
  const targets = Object.fromEntries(results.towns.map((town) => [town.code, raised.includes(town.code) ? 80 : 60]));
  const patched = await server.app.inject({
    method: "PATCH",
    url: `/api/admin/waves/${data.waveId}`,
    headers: admin.headers,
    payload: { townTargets: targets, reason: "按实际进度调整样本目标" },
  });
  expect(patched.statusCode, patched.body).toBe(200);
  browser = await openConsoleBrowser(server.origin);
  await signInThroughPage(browser.page, ADMIN_USERNAME, ADMIN_PASSWORD);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("console: towns below target are marked wherever a ranking shows", () => {
  it("marks them in the results town table and tiers, with the footnote", async () => {
    const { page } = browser;
    await openPage(page, "results", "调查结果");
    const note = page.getByTestId("below-target-note").first();
    await note.waitFor();
    const results = await apiJson<WaveResults>(server.app, admin, `/api/admin/waves/${data.waveId}/results`);
    const below = results.towns.filter((town) => town.belowTarget);
    expect(below.map((town) => town.code).sort()).toEqual([...raised].sort());
    for (const town of below) {
      expect(await note.innerText()).toContain(`${town.name}（${town.n}/80份）`);
      await page.getByTestId(`heat-row-${town.code}`).locator(".below-target-mark").waitFor();
    }
    expect(await page.locator(".tier-group .below-target-mark").count()).toBe(2);
    expect(await axeViolations(page)).toEqual([]);
    await browser.screenshot("results-below-target");
  });

  it("marks them in the comparison's rank table and quadrant chart", async () => {
    const { page } = browser;
    await openPage(page, "comparison", "主客观比较");
    await page.getByTestId("below-target-note").waitFor();
    expect(await page.locator(".rank-table .below-target-mark").count()).toBe(2);
    await page.waitForTimeout(500);
    await browser.screenshot("comparison-below-target");
  });

  it("prints the bulletin with the towns below target named first and tables kept whole", async () => {
    const { page, context } = browser;
    const [bulletin] = await Promise.all([
      context.waitForEvent("page"),
      page.getByRole("link", { name: "打印排名公报" }).click(),
    ]);
    await bulletin.waitForLoadState();
    await bulletin.locator(".status").waitFor();
    const results = await apiJson<WaveResults>(server.app, admin, `/api/admin/waves/${data.waveId}/results`);
    const below = results.towns.filter((town) => town.belowTarget);
    const status = await bulletin.locator(".status").innerText();
    expect(status).toContain("调查仍在进行");
    for (const town of below) expect(status).toContain(`${town.name}（${town.n}/80份）`);
    expect(await bulletin.locator("td.name .mark").count()).toBe(below.length);
    expect(await bulletin.locator("body").innerText()).toContain("怎么读这份公报");

    // The print preview: every table whole on one page, the 全区 row with its header on the first page.
    await bulletin.emulateMedia({ media: "print" });
    await bulletin.setViewportSize({ width: 794, height: 1123 });
    await browser.screenshot("bulletin-print", bulletin);
    const pdf = join(SCREENSHOT_DIR, "console-bulletin.pdf");
    await bulletin.pdf({ path: pdf, preferCSSPageSize: true });
    const pages = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).split("\f");
    // A table row in the text layout: the name (with its mark) followed by a score.
    const rowPage = (name: string) =>
      pages.findIndex((text) => new RegExp(`${name.replace("※", "")}※?\\s+\\d`).test(text));
    expect(rowPage("全区")).toBe(0);
    const tables = await bulletin
      .locator("main table")
      .evaluateAll((elements) =>
        elements.map((table) => [...table.querySelectorAll("td.name")].map((cell) => cell.textContent ?? "")),
      );
    expect(tables.flat()).toHaveLength(results.towns.length + 1);
    for (const names of tables) {
      const first = rowPage(names[0] ?? "");
      expect(first).toBeGreaterThanOrEqual(0);
      for (const name of names) expect(rowPage(name), `${name} with ${names[0]}`).toBe(first);
    }
    // Headers break between words only (keep-all: never between two characters of a Chinese word).
    const breaks = await bulletin
      .locator("main th")
      .evaluateAll((cells) => cells.map((cell) => getComputedStyle(cell).wordBreak));
    expect(new Set(breaks)).toEqual(new Set(["keep-all"]));
    await bulletin.close();
  });
});
