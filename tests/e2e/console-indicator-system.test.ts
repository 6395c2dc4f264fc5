import { join } from "node:path";
import type { BenchmarkReport, IndicatorForecasts, IndicatorWarnings, Recommendation } from "@survey/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SignedInUser, signIn } from "../support/test-app";
import { apiJson, openPage } from "./support/console-analysis-api";
import { type ConsoleBrowser, openConsoleBrowser, SCREENSHOT_DIR } from "./support/console-browser";
import { ADMIN_PASSWORD, ADMIN_USERNAME, type ConsoleServer, startConsoleServer } from "./support/console-server";
import { signInThroughPage, signOutThroughPage } from "./support/console-session";
import { axeViolations } from "./support/survey-a11y";

let server: ConsoleServer;
let browser: ConsoleBrowser;
let admin: SignedInUser;
const YEAR = new Date().getFullYear();

beforeAll(async () => {
  server = await startConsoleServer();
  admin = await signIn(server.app, "admin");
  browser = await openConsoleBrowser(server.origin);
  await signInThroughPage(browser.page, ADMIN_USERNAME, ADMIN_PASSWORD);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** What is in the window now (the full-page shots of long tables are too tall to look at). */
async function viewShot(name: string) {
  await browser.page.screenshot({ path: join(SCREENSHOT_DIR, `console-${name}-view.png`) });
}

async function expectNoAxeViolations() {
  const violations = await axeViolations(browser.page);
  expect(violations, JSON.stringify(violations)).toEqual([]);
}

describe("console: the indicator system as the district uses it", () => {
  let warnings: IndicatorWarnings;

  it("lists warnings against plan targets, filterable by town, with deteriorating values marked", async () => {
    warnings = await apiJson<IndicatorWarnings>(server.app, admin, `/api/admin/indicators/warnings?year=${YEAR}`);
    const { page } = browser;
    await openPage(page, `warnings?year=${YEAR}`, "预警和预测");
    const table = page.getByRole("table", { name: `${YEAR}年指标预警` });
    // At first only what needs attention: values short of their target or deteriorating.
    const attention = warnings.filter((item) => item.status !== "met" || item.worsening);
    expect(await table.locator("tbody tr").count()).toBe(attention.length);
    // The counts are of every value.
    const count = (status: string) => warnings.filter((item) => item.status === status).length;
    const worsening = warnings.filter((item) => item.worsening).length;
    expect(worsening).toBeGreaterThan(0);
    expect(await page.getByTestId("warning-counts").innerText()).toBe(
      `达标 ${count("met")} 项 · 接近 ${count("near")} 项 · 未达标 ${count("missed")} 项 · 恶化 ${worsening} 项`,
    );
    const worse = warnings.find((item) => item.worsening && item.townCode !== null);
    if (!worse?.townCode) throw new Error("the demo has no deteriorating town value");
    const row = page.getByTestId(`warning-${worse.indicatorCode}-${worse.townCode}`);
    await expect(row.innerText()).resolves.toContain("恶化");
    await browser.screenshot("warnings");
    await viewShot("warnings");
    await expectNoAxeViolations();

    const attentionOnly = page.getByLabel("只看未达标、接近和恶化");
    await attentionOnly.click();
    await expect.poll(() => attentionOnly.isChecked()).toBe(false);
    await page.getByLabel("街镇").selectOption(worse.townCode);
    const townRows = warnings.filter((item) => item.townCode === worse.townCode).length;
    await expect.poll(() => table.locator("tbody tr").count(), { timeout: 30_000 }).toBe(townRows);
    await page.getByLabel("街镇").selectOption("");
    await expect.poll(() => table.locator("tbody tr").count(), { timeout: 30_000 }).toBe(warnings.length);
  });

  it("draws an indicator's trend to the plan's end year with its prediction band and target", async () => {
    const { page } = browser;
    const district = warnings.find((item) => item.townCode === null && item.status !== "met");
    if (!district) throw new Error("no district warning");
    const [forecast] = await apiJson<IndicatorForecasts>(
      server.app,
      admin,
      `/api/admin/indicators/forecast?year=${YEAR}&indicator=${district.indicatorCode}&town=district`,
    );
    if (!forecast) throw new Error("no forecast");
    await page.getByRole("button", { name: `全区“${district.indicatorName}”的趋势预测` }).click();
    await expect(page.getByTestId("forecast-summary").innerText()).resolves.toBe(forecast.summary);
    expect(forecast.projected).not.toBeNull();
    const chart = page.getByRole("img", { name: new RegExp(`全区${district.indicatorName}的历年数值`) });
    await chart.locator("canvas").waitFor();
    await browser.screenshot("forecast");
    await chart.scrollIntoViewIfNeeded();
    await viewShot("forecast");
    await expectNoAxeViolations();
  });

  it("shows the district's position among its sibling districts", async () => {
    const report = await apiJson<BenchmarkReport>(server.app, admin, `/api/admin/benchmarks?year=${YEAR}`);
    const { page } = browser;
    await openPage(page, `benchmarks?year=${YEAR}`, "兄弟区对比");
    expect(report.districts.length).toBeGreaterThanOrEqual(3);
    await expect(page.getByText("兄弟区数据为演示数据").innerText()).resolves.toContain("演示");
    const composite = page.getByTestId("position-composite");
    await expect(composite.innerText()).resolves.toContain(`${report.composite.rank} / ${report.composite.of}`);
    const first = report.indicators[0];
    if (!first) throw new Error("no benchmark indicators");
    await expect(page.getByTestId(`benchmark-${first.code}`).innerText()).resolves.toContain(
      `${first.rank} / ${first.of}`,
    );
    await page
      .getByRole("img", { name: `${YEAR}年各领域指数：本区与兄弟区平均` })
      .locator("canvas")
      .waitFor();
    await browser.screenshot("benchmarks");
    await viewShot("benchmarks");
    await expectNoAxeViolations();
  });

  it("drafts a recommendation from a warning, which the department answers in the console", async () => {
    const { page } = browser;
    const target = warnings.find((item) => item.worsening && item.townCode !== null);
    if (!target?.townCode) throw new Error("no deteriorating town value");
    await openPage(page, `warnings?year=${YEAR}&town=${target.townCode}`, "预警和预测");
    await page
      .getByTestId(`warning-${target.indicatorCode}-${target.townCode}`)
      .getByRole("link", { name: "起草整改建议" })
      .click();
    const dialog = page.getByRole("dialog", { name: "起草整改建议" });
    await dialog.waitFor();
    expect(await dialog.getByLabel("依据指标").inputValue()).toBe(target.indicatorCode);
    expect(await dialog.getByLabel("责任部门").inputValue()).toBe(target.department);
    await dialog.getByLabel("标题").fill(`扭转${target.townName}${target.indicatorName}下滑`);
    await dialog.getByLabel("建议内容").fill("连续两年偏离规划目标，请制定整改措施并按期反馈。");
    await browser.screenshot("recommendation-draft");
    await expectNoAxeViolations();
    await dialog.getByRole("button", { name: "起草整改建议" }).click();
    await dialog.waitFor({ state: "hidden" });
    const [created] = (await apiJson<Recommendation[]>(server.app, admin, "/api/admin/recommendations")).filter(
      (item) => item.basis.kind === "warning",
    );
    if (!created) throw new Error("the recommendation was not stored");
    const item = page.getByTestId(`recommendation-${created.id}`);
    await expect(item.innerText()).resolves.toContain(`${target.townName} ${target.indicatorName}（预警）`);
    await expect(item.innerText()).resolves.toContain(`${YEAR + 1}年数值尚未报送`);

    // The department that supplies the indicator signs in and answers.
    const clerk = await signIn(server.app, "department", { domains: [target.domain] });
    await signOutThroughPage(page);
    await signInThroughPage(page, clerk.username, clerk.password);
    await openPage(page, "recommendations", "整改建议");
    const own = page.getByTestId(`recommendation-${created.id}`);
    await own.getByRole("button", { name: "反馈整改情况" }).click();
    const respond = page.getByRole("dialog", { name: /^反馈：/ });
    await respond.getByLabel("状态").selectOption("in_progress");
    await respond.getByLabel("整改措施").fill("已会同街镇排查原因，新增服务点 3 个。");
    await respond.getByRole("button", { name: "保存" }).click();
    await respond.waitFor({ state: "hidden" });
    await expect(own.innerText()).resolves.toContain("已会同街镇排查原因，新增服务点 3 个。");
    await expect(own.innerText()).resolves.toContain("整改中");
    await browser.screenshot("recommendation-answered");
    await expectNoAxeViolations();
    await signOutThroughPage(page);
    await signInThroughPage(page, ADMIN_USERNAME, ADMIN_PASSWORD);
  });

  it("shows the office which departments have submitted this year's values", async () => {
    const { page } = browser;
    await openPage(page, `submissions?year=${YEAR}`, "部门报送情况");
    const table = page.getByRole("table", { name: `${YEAR}年各部门报送情况` });
    expect(await table.locator("tbody tr").count()).toBeGreaterThan(10);
    await browser.screenshot("submissions");
    await expectNoAxeViolations();
  });
});
