import type { CommentsPage } from "@survey/contract";
import { readWithPspp } from "@survey/spss-sav/read-with-pspp";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { currentWaveId, enterPaperComment } from "../support/resident";
import { type SignedInUser, signIn } from "../support/test-app";
import { apiJson, download, openPage } from "./support/console-analysis-api";
import { type ConsoleBrowser, openConsoleBrowser } from "./support/console-browser";
import { ADMIN_PASSWORD, ADMIN_USERNAME, type ConsoleServer, startConsoleServer } from "./support/console-server";
import { signInThroughPage } from "./support/console-session";
import { axeViolations, buttonLabelContrasts } from "./support/survey-a11y";

const PHONE = "13812345678";
const COMMENTS = [
  ["310117001", `小区停车位太少，晚上停车难。有事打我电话 ${PHONE}`],
  ["310117001", "垃圾分类做得不好，河道有臭味"],
  ["310117004", "医院看病排队太久，希望社区医院多开几个门诊"],
] as const;

let server: ConsoleServer;
let browser: ConsoleBrowser;
let admin: SignedInUser;
let waveId: number;

beforeAll(async () => {
  server = await startConsoleServer();
  admin = await signIn(server.app, "admin");
  waveId = await currentWaveId(server.app);
  for (const [town, comment] of COMMENTS) await enterPaperComment(server.app, admin.headers, waveId, town, comment);
  browser = await openConsoleBrowser(server.origin);
  await signInThroughPage(browser.page, ADMIN_USERNAME, ADMIN_PASSWORD);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const listed = () => apiJson<CommentsPage>(server.app, admin, `/api/admin/waves/${waveId}/comments`);

describe("console: residents' comments", () => {
  it("reads the comments with question, town and day, masked, and passes axe", async () => {
    const { page } = browser;
    await page.getByRole("navigation", { name: "主菜单" }).getByRole("link", { name: "居民意见" }).click();
    await page.getByRole("heading", { level: 1, name: "居民意见" }).waitFor();
    const list = page.getByTestId("comment-list");
    await list.locator(".comment").nth(2).waitFor();
    expect(await list.locator(".comment").count()).toBe(3);
    const body = await page.locator("main").innerText();
    expect(body).toContain("小区停车位太少，晚上停车难。有事打我电话 [手机号已隐去]");
    expect(body).not.toContain(PHONE);
    expect(body).toContain("共 3 条意见");
    // Suggested themes from the default keyword lists, and the counts table.
    const parking = list.locator(".comment", { hasText: "停车位" });
    expect(await parking.locator(".theme-chip").allInnerTexts()).toEqual(["公共设施与服务"]);
    expect(await parking.locator(".comment__meta").innerText()).toMatch(/\d{4}-\d{2}-\d{2}/);
    const counts = page.getByRole("table", { name: "各街镇意见主题统计" });
    expect(await counts.locator("tfoot").innerText()).toContain("3");

    await browser.screenshot("comments");
    expect(await axeViolations(page)).toEqual([]);
    for (const label of await buttonLabelContrasts(page)) expect(label.ratio, label.label).toBeGreaterThanOrEqual(4.5);
  });

  it("tags one comment by hand and a selection in bulk", async () => {
    const { page } = browser;
    const list = page.getByTestId("comment-list");
    await page.getByRole("button", { name: /修改主题：医院看病排队太久/ }).click();
    const dialog = page.getByRole("dialog", { name: "修改这条意见的主题" });
    await dialog.getByRole("checkbox", { name: "社区建设" }).check();
    expect(await axeViolations(page)).toEqual([]);
    await browser.screenshot("comments-tag-dialog");
    await dialog.getByRole("button", { name: "确定" }).click();
    await page.getByText("已更新 1 条意见的主题。").waitFor();
    const hospital = list.locator(".comment", { hasText: "医院看病" });
    await hospital.getByText("人工标注").waitFor();
    expect(await hospital.locator(".theme-chip").allInnerTexts()).toEqual(["医疗卫生", "社区建设"]);

    // Bulk: two comments ticked, one theme added to both.
    await page.getByRole("checkbox", { name: /选择这条意见：小区停车位/ }).check();
    await page.getByRole("checkbox", { name: /选择这条意见：垃圾分类/ }).check();
    const bar = page.getByRole("region", { name: "已选 2 条" });
    await bar.getByLabel("主题").selectOption({ label: "公共安全与稳定" });
    await browser.screenshot("comments-bulk");
    await bar.getByRole("button", { name: "添加主题" }).click();
    await page.getByText("已更新 2 条意见的主题。").waitFor();
    const stored = await listed();
    const safety = stored.items.filter((item) => item.themes.includes("public_safety")).map((item) => item.text);
    expect(safety.sort()).toEqual([COMMENTS[1][1], COMMENTS[0][1].replace(PHONE, "[手机号已隐去]")].sort());
    expect(stored.items.every((item) => item.tagged)).toBe(true);
  });

  it("filters by town and theme, searches, and exports what it shows", async () => {
    const { page } = browser;
    const list = page.getByTestId("comment-list");
    await page.getByLabel("主题", { exact: true }).first().selectOption({ label: "公共安全与稳定" });
    await page.getByText("共 2 条意见").waitFor();
    await page.getByLabel("主题", { exact: true }).first().selectOption({ label: "全部主题" });
    await page.getByLabel("街镇", { exact: true }).selectOption({ value: "310117004" });
    await page.getByText("共 1 条意见").waitFor();
    expect(await list.innerText()).toContain("医院看病");
    await page.getByLabel("街镇", { exact: true }).selectOption({ value: "" });
    await page.getByLabel("搜索意见内容").fill("停车");
    await page.getByRole("button", { name: "搜索", exact: true }).click();
    await page.getByText("共 1 条意见").waitFor();

    const file = await download(page, () => page.getByRole("link", { name: "导出 Excel" }).click());
    expect(file.name).toMatch(/居民意见\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.bytes as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("意见");
    expect(sheet?.rowCount).toBe(2);
    expect(String(sheet?.getRow(2).getCell(6).value)).toBe(COMMENTS[0][1].replace(PHONE, "[手机号已隐去]"));
  });

  it("edits a theme's keywords and the suggestions follow", async () => {
    const { page } = browser;
    await openPage(page, "comments", "居民意见");
    await page.getByRole("button", { name: "编辑主题和关键词" }).click();
    const dialog = page.getByRole("dialog", { name: "主题和关键词" });
    await dialog.getByRole("button", { name: "新增主题" }).click();
    const row = dialog.locator(".theme-row").last();
    await row.getByLabel("主题名称").fill("环境卫生");
    await row.getByLabel("关键词").fill("垃圾、臭味");
    await page.setViewportSize({ width: 1024, height: 768 });
    await browser.screenshot("comments-themes-tablet");
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole("button", { name: "保存主题" }).click();
    await page.getByText("主题和关键词已保存").waitFor();
    const stored = await listed();
    expect(stored.items.find((item) => item.text.includes("垃圾"))?.suggestedThemes).toContain("custom_1");
    expect(await axeViolations(page)).toEqual([]);
    await browser.screenshot("comments-tablet");
    await page.setViewportSize({ width: 1366, height: 900 });
  });
});

describe("console: Excel and SPSS exports of the analysis pages", () => {
  it("downloads the frequency tables and the SPSS file from the results page", async () => {
    const { page } = browser;
    await page.goto("/console/results");
    await page.getByRole("heading", { level: 1, name: "调查结果" }).waitFor();
    const frequencies = await download(page, () => page.getByRole("link", { name: "频数表 Excel" }).click());
    expect(frequencies.name).toMatch(/频数表\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(frequencies.bytes as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("频数表");
    expect(String(sheet?.getRow(2).getCell(6).value)).toBe("加权有效百分比");
    const sav = await download(page, () => page.getByRole("link", { name: "SPSS 数据文件" }).click());
    expect(sav.name).toMatch(/微观数据\.sav$/);
    expect(sav.bytes.subarray(0, 4).toString()).toBe("$FL2");
    expect(readWithPspp(sav.bytes).rows).toHaveLength(3);
  });

  it("downloads the cross-tab it shows, with its test", async () => {
    const { page } = browser;
    await openPage(page, "crosstab", "交叉分析");
    await page.getByRole("table").first().waitFor();
    const file = await download(page, () => page.getByRole("link", { name: "导出 Excel" }).click());
    expect(file.name).toMatch(/^交叉表-.*\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.bytes as unknown as ArrayBuffer);
    const cells: string[] = [];
    workbook.getWorksheet("交叉表")?.eachRow((row) => {
      cells.push(((row.values ?? []) as unknown[]).join("|"));
    });
    expect(cells.join("\n")).toMatch(/皮尔逊卡方|无法检验/);
    expect(await axeViolations(page)).toEqual([]);
    await browser.screenshot("crosstab-export");
  });
});
