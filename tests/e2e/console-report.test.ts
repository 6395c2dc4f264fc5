import { readFileSync } from "node:fs";
import { waves } from "@survey/db";
import { eq } from "drizzle-orm";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadQuestionnaireById } from "../../apps/api/src/modules/questionnaires/questionnaire-service";
import { loadSyntheticResponses } from "../support/synthetic-responses";
import { openPage } from "./support/console-analysis-api";
import { type ConsoleBrowser, openConsoleBrowser } from "./support/console-browser";
import { ADMIN_PASSWORD, ADMIN_USERNAME, type ConsoleServer, startConsoleServer } from "./support/console-server";
import { signInThroughPage } from "./support/console-session";
import { axeViolations, buttonLabelContrasts } from "./support/survey-a11y";

let server: ConsoleServer;
let browser: ConsoleBrowser;

/** The demo wave with 12 synthetic respondents a town: enough for every page and the report, quick to load. */
async function seedResponses(): Promise<void> {
  const db = server.app.database.db;
  const [wave] = await db.select().from(waves).where(eq(waves.code, "SJ-2026"));
  if (!wave?.questionnaireId) throw new Error("demo wave missing");
  const questionnaire = await loadQuestionnaireById(db, wave.questionnaireId);
  await loadSyntheticResponses(db, {
    waveId: wave.id,
    questionnaireId: questionnaire.id,
    scoring: questionnaire.scoring,
    perTown: 12,
  });
}

beforeAll(async () => {
  server = await startConsoleServer();
  await seedResponses();
  browser = await openConsoleBrowser(server.origin);
  await signInThroughPage(browser.page, ADMIN_USERNAME, ADMIN_PASSWORD);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("console: the annual report and printing the analysis pages", () => {
  it("生成报告 writes one town's card with progress shown meanwhile, and the dialog passes axe", async () => {
    const { page } = browser;
    await openPage(page, "results", "调查结果");
    await page.getByRole("button", { name: "生成报告" }).click();
    const dialog = page.getByRole("dialog", { name: "生成调查报告（Word）" });
    await dialog.getByRole("radio", { name: "一个街镇的报告卡" }).check();
    await dialog.getByRole("combobox", { name: "街镇" }).selectOption({ label: "永丰街道" });
    expect(await axeViolations(page)).toEqual([]);
    // The dialog's own buttons (the page behind it has its own tests).
    const labels = (await buttonLabelContrasts(page)).filter((label) => ["开始生成", "取消"].includes(label.label));
    expect(labels.map((label) => label.label).sort()).toEqual(["取消", "开始生成"]);
    for (const label of labels) expect(label.ratio, label.label).toBeGreaterThanOrEqual(4.5);
    // Generation takes seconds (a minute on a loaded machine): wait for the download longer than the default.
    const downloaded = page.waitForEvent("download", { timeout: 110_000 });
    await dialog.getByRole("button", { name: "开始生成" }).click();
    await dialog.getByRole("progressbar", { name: "报告生成进度" }).waitFor();
    await browser.screenshot("report-progress");
    const saved = await downloaded;
    const file = { name: saved.suggestedFilename(), bytes: readFileSync(await saved.path()) };
    expect(file.name).toBe("永丰街道2026年民生满意度报告卡.docx");
    const xml = await (await JSZip.loadAsync(file.bytes)).file("word/document.xml")?.async("string");
    expect(xml).toContain("永丰街道");
    await dialog.getByText("已生成并下载：永丰街道2026年民生满意度报告卡.docx").waitFor();
    await dialog.getByRole("button", { name: "取消" }).click();
  }, 180_000);

  for (const [path, heading] of [
    ["results", "调查结果"],
    ["crosstab", "交叉分析"],
    ["comparison", "主客观比较"],
  ] as const) {
    it(`prints ${path} on A4 without the console's header and navigation, nothing cut off`, async () => {
      const { page } = browser;
      await openPage(page, path, heading);
      await page.setViewportSize({ width: 794, height: 1123 });
      await page.emulateMedia({ media: "print" });
      try {
        expect(await page.locator(".shell__nav").isVisible()).toBe(false);
        expect(await page.locator(".shell__header").isVisible()).toBe(false);
        const overflow = await page.evaluate(() => ({
          page: document.documentElement.scrollWidth - window.innerWidth,
          boxes: [...document.querySelectorAll("table, .card, svg, canvas")]
            .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 1)
            .map((element) => element.className.toString() || element.tagName),
        }));
        expect(overflow).toEqual({ page: 0, boxes: [] });
        await browser.screenshot(`print-${path}`);
        const pdf = await page.pdf({ format: "A4", printBackground: true });
        expect(pdf.subarray(0, 4).toString()).toBe("%PDF");
      } finally {
        await page.emulateMedia({ media: "screen" });
        await page.setViewportSize({ width: 1366, height: 900 });
      }
    }, 60_000);
  }
});
