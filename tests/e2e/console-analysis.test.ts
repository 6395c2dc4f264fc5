import type {
  ComparisonReport,
  CrosstabResult,
  CrosstabVariable,
  IndicatorIndexReport,
  WaveComparison,
  WaveResults,
} from "@survey/contract";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SignedInUser, signIn } from "../support/test-app";
import { apiJson, download, openPage, score, waitUntilLoaded } from "./support/console-analysis-api";
import { type AnalysisData, seedAnalysisData } from "./support/console-analysis-data";
import { type ConsoleBrowser, openConsoleBrowser } from "./support/console-browser";
import { ADMIN_PASSWORD, ADMIN_USERNAME, type ConsoleServer, startConsoleServer } from "./support/console-server";
import { navigationLabels, signInThroughPage, signOutThroughPage } from "./support/console-session";
import { buttonLabelContrasts } from "./support/survey-a11y";

let server: ConsoleServer;
let browser: ConsoleBrowser;
let admin: SignedInUser;
let data: AnalysisData;

beforeAll(async () => {
  server = await startConsoleServer();
  admin = await signIn(server.app, "admin");
  data = await seedAnalysisData(server.app, admin);
  browser = await openConsoleBrowser(server.origin);
  await signInThroughPage(browser.page, ADMIN_USERNAME, ADMIN_PASSWORD);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("console analysis: results", () => {
  let results: WaveResults;

  it("shows every town × dimension with its CI, the weighted district row and n", async () => {
    results = await apiJson<WaveResults>(server.app, admin, `/api/admin/waves/${data.waveId}/results`);
    const { page } = browser;
    await openPage(page, "results", "调查结果");
    expect(await page.getByTestId("district-overall-stat").innerText()).toBe(score(results.district.overall.mean));

    const table = page.getByRole("table", { name: "各街镇得分" });
    expect(await table.locator("tbody tr").count()).toBe(results.towns.length + 1);
    for (const town of results.towns) {
      const row = page.getByTestId(`heat-row-${town.code}`);
      expect(await row.locator("th").innerText()).toBe(town.name);
      const overall = await page.getByTestId(`overall-${town.code}`).innerText();
      // Mean on the first line, the 95 % CI on the second.
      expect(overall.split("\n")).toEqual([
        score(town.overall.mean),
        `${score(town.overall.ciLow)}–${score(town.overall.ciHigh)}`,
      ]);
      expect(await row.innerText()).toContain(String(town.n));
    }
    const firstDimension = results.dimensions[0];
    if (!firstDimension) throw new Error("no dimensions");
    await expect(table.locator("thead").innerText()).resolves.toContain(firstDimension.name);
    const columns = await table.locator("thead th").count();
    expect(columns).toBe(5 + results.dimensions.length);

    // By domain instead of dimension.
    await page.getByRole("radio", { name: "按领域" }).check();
    expect(await table.locator("thead th").count()).toBe(5 + results.domains.length);
    await page.getByRole("radio", { name: "按维度" }).check();
  });

  it("publishes the ranking in tiers against the district, with the CI chart", async () => {
    const { page } = browser;
    for (const tier of ["above", "average", "below"] as const) {
      const expected = results.towns.filter((town) => town.tier === tier).map((town) => town.name);
      const list = page.getByTestId(`tier-${tier}`);
      const names = expected.length === 0 ? [] : await list.locator(".tier-group__name").allInnerTexts();
      expect(names.sort()).toEqual(expected.sort());
    }
    await page
      .getByRole("img", { name: /综合得分及 95% 置信区间/ })
      .locator("canvas")
      .waitFor();
  });

  it("lists every item with mean, CI, satisfaction rate, missing share (flagged above 20 %) and design effect", async () => {
    const { page } = browser;
    const items = page.getByRole("table", { name: "各题得分" });
    expect(await items.locator("tbody tr[data-testid]").count()).toBe(results.items.length);
    for (const item of results.items.slice(0, 5)) {
      const cells = await page.getByTestId(`item-${item.question}`).locator("td").allInnerTexts();
      const estimate = results.district.items[item.question];
      if (!estimate) throw new Error(`no estimate for ${item.question}`);
      expect(cells[2]).toBe(score(estimate.mean));
      expect(cells[3]).toBe(`${score(estimate.ciLow)}–${score(estimate.ciHigh)}`);
      expect(cells[5]).toBe(item.satisfactionRate ? `${item.satisfactionRate.mean.toFixed(1)}%` : "—");
      expect(cells[6]).toContain(`${(item.missingShare * 100).toFixed(1)}%`);
      expect(cells[7]).toBe(item.designEffect === null ? "—" : item.designEffect.toFixed(2));
    }
    const flagged = results.items.filter((item) => item.flagged);
    expect(flagged.length).toBeGreaterThan(0);
    for (const item of results.items) {
      const missing = await page.getByTestId(`item-${item.question}`).locator("td").nth(6).innerText();
      expect(missing.includes("⚑")).toBe(item.flagged);
    }
    // One town instead of the district.
    const town = results.towns[0];
    const question = results.items[0]?.question ?? "";
    if (!town) throw new Error("no towns");
    await page.getByLabel("范围").selectOption(town.code);
    const cells = await page.getByTestId(`item-${question}`).locator("td").allInnerTexts();
    expect(cells[2]).toBe(score(town.items[question]?.mean ?? Number.NaN));
    await page.getByLabel("范围").selectOption("");
    await browser.screenshot("analysis-results");
  });

  it("labels every button of the results page, the sorted column's 名次▲ included, at 4.5:1 or more", async () => {
    const { page } = browser;
    await openPage(page, "results", "调查结果");
    const labels = await buttonLabelContrasts(page);
    // The rank column is sorted on opening: its button's text and the ▲ beside it are both measured.
    expect(labels.map((label) => label.label)).toEqual(expect.arrayContaining(["名次▲", "▲"]));
    expect(labels.filter((label) => label.ratio < 4.5)).toEqual([]);
    // Pointed at, the label turns blue: still 4.5:1 on the header's grey.
    await page.getByRole("button", { name: "名次" }).hover();
    const pointed = (await buttonLabelContrasts(page)).filter((label) => label.label === "名次▲");
    expect(pointed).toHaveLength(1);
    expect(pointed[0]?.ratio).toBeGreaterThanOrEqual(4.5);
    await page.mouse.move(0, 0);
  });

  it("exports the Excel workbook and the anonymised microdata", async () => {
    const { page } = browser;
    const workbook = await download(page, () => page.getByRole("link", { name: /导出 Excel/ }).click());
    expect(workbook.name).toMatch(/\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(workbook.bytes as unknown as ArrayBuffer);
    expect(book.worksheets.length).toBeGreaterThanOrEqual(5);
    const ranking = book.getWorksheet("排名");
    const rankingText = JSON.stringify(ranking?.getSheetValues());
    for (const town of results.towns) expect(rankingText).toContain(town.name);

    const microdata = await download(page, () => page.getByRole("link", { name: "匿名微观数据 CSV" }).click());
    const lines = microdata.bytes
      .toString("utf8")
      .replace(/^\uFEFF/, "")
      .trim()
      .split(/\r?\n/);
    expect(lines).toHaveLength(results.district.n + 1);
    const header = lines[0] ?? "";
    expect(header).not.toMatch(/id_number|phone|身份证|手机|receipt|hash/i);
  });
});

describe("console analysis: cross-tabs", () => {
  it("builds a table with weighted %, unweighted n, marked cells and the Rao–Scott test", async () => {
    const { page } = browser;
    await openPage(page, "crosstab", "交叉分析");
    const variables = await apiJson<CrosstabVariable[]>(
      server.app,
      admin,
      `/api/admin/waves/${data.waveId}/crosstab/variables`,
    );
    const sex = variables.find((variable) => variable.name === "sex");
    const band = variables.find((variable) => variable.group === "score");
    if (!sex || !band) throw new Error("sex or score band variable missing");

    await page.getByLabel("行变量").selectOption("sex");
    await page.getByLabel("列变量").selectOption(band.name);
    await page.getByRole("radio", { name: "列百分比" }).check();
    // Keep the 60 and over only.
    await page.getByLabel("添加筛选").selectOption("age_group");
    for (const group of ["18–29岁", "30–39岁", "40–49岁", "50–59岁"]) {
      await page.getByRole("checkbox", { name: group }).uncheck();
    }
    const expected = await apiJson<CrosstabResult>(server.app, admin, `/api/admin/waves/${data.waveId}/crosstab`, {
      row: "sex",
      column: band.name,
      percent: "column",
      filters: { age_group: ["60-69", "70+"] },
      poststratify: false,
    });
    const table = page.getByRole("table", { name: `交叉表：${expected.row.label} × ${expected.column.label}` });
    await table.waitFor();
    await page
      .getByTestId("crosstab-tests")
      .filter({ hasText: expected.raoScott?.f.toFixed(3) ?? "—" })
      .waitFor();
    expect(await table.locator("tfoot").innerText()).toContain(`n = ${expected.total.n.toLocaleString("zh-CN")}`);
    for (const [i, row] of expected.cells.entries()) {
      for (const [j, cell] of row.entries()) {
        const text = await page.getByTestId(`cell-${i}-${j}`).innerText();
        expect(text).toContain(`${cell.percent.toFixed(1)}%`);
        expect(text).toContain(`n = ${cell.n}`);
        expect(text.includes("*")).toBe(cell.marked);
      }
    }
    expect(await page.getByTestId("crosstab-tests").innerText()).toContain(`χ²(${expected.pearson?.df})`);
    await page.getByText(expected.footnote).waitFor();

    // Age group against the score band, row %: the chart below the table.
    await page.getByRole("button", { name: "移除筛选条件：年龄组" }).click();
    await page.getByLabel("行变量").selectOption("age_group");
    await page.getByRole("radio", { name: "行百分比" }).check();
    await page.getByRole("table", { name: `交叉表：年龄组 × ${band.label}` }).waitFor();
    await waitUntilLoaded(page);
    await page
      .getByRole("img", { name: /百分比堆积条形图/ })
      .locator("canvas")
      .waitFor();
    await page.getByTestId("crosstab-tests").getByText(/F\(/).waitFor();
    await page.waitForTimeout(300);
    await browser.screenshot("analysis-crosstab");
  });
});

describe("console analysis: waves over the years", () => {
  it("compares with the base wave, marks significant changes and draws a trend per town", async () => {
    const { page } = browser;
    const base = data.earlierWaveIds[data.earlierWaveIds.length - 1] ?? 0;
    const expected = await apiJson<WaveComparison>(
      server.app,
      admin,
      `/api/admin/waves/${data.waveId}/compare/${base}`,
    );
    await openPage(page, "trends", "历年比较");
    expect(await page.getByLabel("基期").inputValue()).toBe(String(base));
    const overall = expected.measures.find((measure) => measure.kind === "overall");
    if (!overall) throw new Error("no overall measure");
    const row = await page.getByTestId("measure-overall:overall").innerText();
    expect(row).toContain(score(overall.district.current.mean));
    expect(row).toContain(score(overall.district.base.mean));
    expect(row).toContain(overall.district.significant ? "显著" : "无显著变化");

    const changed = overall.towns.filter((town) => town.change.significant);
    expect(changed.length).toBeGreaterThan(0);
    for (const town of overall.towns) {
      const text = await page.getByTestId(`town-change-${town.code}`).innerText();
      expect(text.includes("▲") || text.includes("▼")).toBe(town.change.significant);
    }
    await page
      .getByRole("img", { name: /全区和 17 个街镇 3 期的得分走势/ })
      .locator("canvas")
      .waitFor();

    // Another measure: a dimension.
    const dimension = expected.measures.find((measure) => measure.kind === "dimension");
    if (!dimension) throw new Error("no dimension measure");
    await page.getByRole("button", { name: dimension.label, exact: true }).click();
    await page.getByRole("heading", { name: `各街镇变化：${dimension.label}` }).waitFor();
    await page.getByRole("heading", { name: `历年走势：${dimension.label}` }).waitFor();
    await waitUntilLoaded(page);
    await page.waitForTimeout(300);
    await browser.screenshot("analysis-trends");
  });
});

describe("console analysis: indicators", () => {
  it("shows the catalogue; an edited name is stored and shown as text, never as HTML", async () => {
    const { page } = browser;
    await openPage(page, "indicators?tab=catalogue", "客观指标");
    const catalogue = await apiJson<{ indicators: { code: string }[] }>(server.app, admin, "/api/admin/indicators");
    expect(await page.locator("tr[data-testid^='indicator-']").count()).toBe(catalogue.indicators.length);

    const payload = '社区养老覆盖率<img src=x onerror="window.__injected=1">';
    await page.getByRole("button", { name: "编辑指标：社区养老服务设施覆盖率" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("指标名称").fill(payload);
    await dialog.getByLabel("权重", { exact: true }).fill("2");
    await dialog.getByRole("button", { name: "保存" }).click();
    await dialog.waitFor({ state: "hidden" });
    const row = page.getByTestId("indicator-community_elderly_care_coverage");
    await row.getByText(payload, { exact: true }).waitFor();
    expect(await row.locator("img").count()).toBe(0);
    expect(await page.evaluate(() => (window as { __injected?: number }).__injected)).toBeUndefined();
    await browser.screenshot("analysis-indicators-catalogue");
  });

  it("refuses a file with errors with a row-level report, then imports a good one", async () => {
    const { page } = browser;
    await openPage(page, "indicators?tab=values&year=2026", "客观指标");
    const bad = [
      "indicator_code,town_code,year,value",
      "pension_insurance_coverage,310117001,2026,77.7",
      "no_such_indicator,310117001,2026,1",
      "pension_insurance_coverage,999999,2026,50",
      "registered_unemployment_rate,310117001,2026,六点五",
    ].join("\n");
    const fileInput = page.locator("input[type=file]");
    await fileInput.setInputFiles({ name: "values.csv", mimeType: "text/csv", buffer: Buffer.from(bad) });
    await page.getByRole("button", { name: "上传并导入" }).click();
    const report = page.getByTestId("upload-problems");
    await report.waitFor();
    const problems = await report.locator("tbody tr").allInnerTexts();
    expect(problems).toHaveLength(3);
    expect(problems.join("\n")).toMatch(/no_such_indicator/);
    expect(problems.join("\n")).toMatch(/999999/);
    expect(problems.join("\n")).toMatch(/六点五/);
    await browser.screenshot("analysis-indicators-upload-report");

    const good = ["indicator_code,town_code,year,value", "pension_insurance_coverage,310117001,2026,77.7"].join("\n");
    await fileInput.setInputFiles({ name: "values.csv", mimeType: "text/csv", buffer: Buffer.from(good) });
    await page.getByRole("button", { name: "上传并导入" }).click();
    await page.getByText(/导入成功：2026 年 1 项指标、1 个单位，共 1 个数值/).waitFor();
    expect(await report.count()).toBe(0);
    await page.getByRole("region", { name: "2026 年已填报数值" }).getByLabel("领域").selectOption("social_security");
    const values = page.getByRole("table", { name: "2026 年已填报数值" });
    await values
      .getByRole("row", { name: /岳阳街道/ })
      .getByText("77.7")
      .waitFor();
  });

  it("shows domain and composite indices per town with rank, the weighting switch and progress", async () => {
    const { page } = browser;
    const expected = await apiJson<IndicatorIndexReport>(
      server.app,
      admin,
      "/api/admin/indicators/index?year=2026&weighting=equal&baseYear=2025",
    );
    await openPage(page, "indicators?tab=index&year=2026", "客观指标");
    const table = page.getByRole("table", { name: "2026 年各街镇指数" });
    await table.waitFor();
    expect(await table.locator("tbody tr").count()).toBe(expected.towns.length);
    for (const town of expected.towns) {
      expect(await page.getByTestId(`composite-${town.townCode}`).innerText()).toBe(
        score(town.composite ?? Number.NaN),
      );
      const row = await page.getByTestId(`index-row-${town.townCode}`).innerText();
      expect(row.startsWith(String(town.rank))).toBe(true);
    }
    const best = [...expected.towns].sort((a, b) => (a.rank ?? 99) - (b.rank ?? 99))[0];
    expect(await table.locator("tbody tr").first().innerText()).toContain(best?.townName ?? "?");
    await page
      .getByRole("img", { name: /2026 年对 2025 年的综合指数进步指数/ })
      .locator("canvas")
      .waitFor();
    await page.waitForTimeout(300);
    await browser.screenshot("analysis-indicators-index");

    // Entropy weights: a sensitivity check, without progress against a base year.
    const entropy = await apiJson<IndicatorIndexReport>(
      server.app,
      admin,
      "/api/admin/indicators/index?year=2026&weighting=entropy",
    );
    await page.getByRole("radio", { name: "熵权（敏感性分析）" }).check();
    const first = entropy.towns[0];
    if (!first) throw new Error("no towns");
    await page
      .getByTestId(`composite-${first.townCode}`)
      .filter({ hasText: score(first.composite ?? 0) })
      .waitFor();
    expect(await page.getByRole("img", { name: /进步指数/ }).count()).toBe(0);
  });
});

describe("console analysis: subjective against objective", () => {
  it("shows the reading, quadrant chart, rank table, weaknesses and disagreements", async () => {
    const { page } = browser;
    const expected = await apiJson<ComparisonReport>(
      server.app,
      admin,
      `/api/admin/waves/${data.waveId}/comparison?domain=overall`,
    );
    await openPage(page, "comparison", "主客观比较");
    expect(await page.getByTestId("spearman").innerText()).toBe(`ρ = ${expected.spearman.value.toFixed(2)}`);
    expect(await page.getByTestId("kendall").innerText()).toBe(`τb = ${expected.kendall.value.toFixed(2)}`);
    const reading = page.getByTestId("reading");
    expect(await reading.innerText()).toContain(expected.summary.sentence);
    expect(await reading.innerText()).toContain(expected.summary.footnote);
    expect(await reading.innerText()).toContain(expected.reading.label);
    await page
      .getByRole("img", { name: /四象限图/ })
      .locator("canvas")
      .waitFor();

    const rows = page.getByRole("table", { name: "排名对照" }).locator("tbody tr");
    expect(await rows.count()).toBe(expected.rankTable.length);
    expect(await page.locator(".rank-table__flagged").count()).toBe(
      expected.rankTable.filter((row) => row.flagged).length,
    );
    const shared = await page.getByTestId("shared-weaknesses").locator(".weaknesses__town").allInnerTexts();
    expect(shared).toEqual(expected.consensusWeaknesses.overlap.map((town) => town.townName));
    const disagreements = page.getByTestId("disagreements").locator("li");
    expect(await disagreements.count()).toBe(expected.disagreements.length);
    await page.waitForTimeout(300);
    await browser.screenshot("analysis-comparison");

    // Another domain from the overview table.
    const health = await apiJson<ComparisonReport>(
      server.app,
      admin,
      `/api/admin/waves/${data.waveId}/comparison?domain=health`,
    );
    await page.getByRole("button", { name: "医疗卫生", exact: true }).click();
    await page
      .getByTestId("spearman")
      .filter({ hasText: `ρ = ${health.spearman.value.toFixed(2)}` })
      .waitFor();
    await page.getByRole("heading", { name: "医疗卫生：主客观一致程度" }).waitFor();
  });

  it("opens the printable ranking bulletin", async () => {
    const { page, context } = browser;
    await page.getByLabel("领域", { exact: true }).selectOption("overall");
    const [bulletin] = await Promise.all([
      context.waitForEvent("page"),
      page.getByRole("link", { name: "打印排名公报" }).click(),
    ]);
    await bulletin.waitForLoadState();
    await bulletin
      .getByRole("heading", { name: /民生满意度调查/ })
      .first()
      .waitFor();
    const text = await bulletin.locator("body").innerText();
    const results = await apiJson<WaveResults>(server.app, admin, `/api/admin/waves/${data.waveId}/results`);
    for (const town of results.towns) expect(text).toContain(town.name);
    await bulletin.setViewportSize({ width: 900, height: 1200 });
    await browser.screenshot("analysis-bulletin", bulletin);
    await bulletin.close();
  });
});

describe("console analysis: a department clerk", () => {
  it("sees the indicators, the index of its own domains, its warnings and recommendations; no editing", async () => {
    const { page } = browser;
    await signOutThroughPage(page);
    const clerk = await signIn(server.app, "department", { domains: ["health"] });
    await signInThroughPage(page, clerk.username, clerk.password);
    expect(await navigationLabels(page)).toEqual(["客观指标", "预警和预测", "整改建议"]);
    await openPage(page, "indicators", "客观指标");
    // A clerk starts where the work is: the values.
    expect(await page.getByRole("tab", { selected: true }).innerText()).toBe("数值填报");
    expect(await page.getByRole("tab").allInnerTexts()).toEqual(["指标目录", "数值填报", "指数与进步"]);
    await page.getByRole("tab", { name: "指标目录" }).click();
    await page.getByRole("table", { name: "指标目录" }).waitFor();
    expect(await page.getByRole("button", { name: /编辑指标/ }).count()).toBe(0);
    await page.goto("/console/results");
    await page.getByRole("heading", { name: "您的账号没有权限查看此页面。" }).waitFor();
  });
});
