import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adultIdNumber } from "../support/resident";
import { type SignedInUser, signIn } from "../support/test-app";
import { type ConsoleBrowser, DESKTOP, openConsoleBrowser } from "./support/console-browser";
import { answersFor } from "./support/console-fixtures";
import { ADMIN_PASSWORD, ADMIN_USERNAME, type ConsoleServer, startConsoleServer } from "./support/console-server";
import { navigationLabels, signInThroughPage, signOutThroughPage } from "./support/console-session";

const SHIHUDANG = { code: "310117116", name: "石湖荡镇" };
const STAFF = { username: "zhang.wei", displayName: "张伟", password: "staff-password-2026" };

let server: ConsoleServer;
let browser: ConsoleBrowser;
let api: SignedInUser;
let demoWaveId: number;

/** A frame file with two bad rows: a population that is not a number and a missing community code. */
const BAD_FRAME_CSV = [
  "town_code,town_name,town_kind,town_population,community_code,community_name,community_kind,community_population",
  "310117116,石湖荡镇,镇,36000,310117116001,江中中社区居委会,居委会,3200",
  "310117116,石湖荡镇,镇,三万六,310117116002,景德中社区居委会,居委会,2800",
  "310117116,石湖荡镇,镇,36000,,新建社区居委会,居委会,2100",
].join("\n");

async function adminGet<T>(url: string): Promise<T> {
  const response = await server.app.inject({ url, headers: api.headers });
  expect(response.statusCode).toBe(200);
  return response.json() as T;
}

/** Answers every single-choice question of the SurveyJS form with its first choice. */
/** The text a control's aria-describedby points at: what a screen reader reads with the field. */
const description = (control: Locator) =>
  control.evaluate((element) =>
    (element.getAttribute("aria-describedby") ?? "")
      .split(/\s+/)
      .map((id) => (id ? (document.getElementById(id)?.textContent ?? "") : ""))
      .join(" ")
      .trim(),
  );

async function answerEveryQuestion(page: Page): Promise<number> {
  const groups = page.locator(".questionnaire-form [role='radiogroup']");
  const count = await groups.count();
  for (let index = 0; index < count; index++) {
    await groups.nth(index).locator("label").first().click();
  }
  return count;
}

beforeAll(async () => {
  server = await startConsoleServer();
  api = await signIn(server.app, "admin");
  demoWaveId = (await server.app.inject({ url: "/api/waves/current" })).json().id;
  browser = await openConsoleBrowser(server.origin);
  await signInThroughPage(browser.page, ADMIN_USERNAME, ADMIN_PASSWORD);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("console: frame, waves, users, paper entry, audit log", () => {
  it("refuses a frame file with errors and lists them by row and column", async () => {
    const { page } = browser;
    await page.getByRole("link", { name: "抽样框" }).click();
    await page.getByRole("heading", { name: "抽样框", exact: true }).waitFor();
    const before = await adminGet<{ totals: { communities: number } }>("/api/admin/frame");

    const importCard = page.locator("section", { has: page.getByRole("heading", { name: "导入抽样框" }) });
    await importCard.locator("input[type=file]").setInputFiles({
      name: "石湖荡镇抽样框.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(BAD_FRAME_CSV, "utf8"),
    });
    await importCard.getByRole("button", { name: "上传并导入" }).click();
    const report = importCard.getByRole("table", { name: "文件中有错误，未导入任何数据" });
    await report.waitFor();
    const rows = (await report.locator("tbody tr").allInnerTexts()).map((row) => row.split("\t"));
    expect(rows.map((row) => row[0])).toEqual(expect.arrayContaining(["3", "4"]));
    expect(rows.find((row) => row[0] === "3")?.[1]).toBe("town_population");
    expect(rows.find((row) => row[0] === "4")?.[1]).toBe("community_code");
    for (const row of rows) expect(row[2]?.length).toBeGreaterThan(3);
    // All or nothing: the frame is unchanged.
    expect((await adminGet<{ totals: { communities: number } }>("/api/admin/frame")).totals.communities).toBe(
      before.totals.communities,
    );
    await browser.screenshot("frame");
  });

  it("creates a wave, previews its allocation with the infeasible towns marked, and opens it", async () => {
    const { page } = browser;
    await page.getByRole("link", { name: "调查批次" }).click();
    await page.getByRole("link", { name: "新建批次" }).click();
    const form = page.getByRole("form", { name: "新建调查批次" });
    await form.getByLabel("批次代码").fill("PILOT-2027");
    await form.getByLabel("名称").fill("2027年民生满意度试点调查");
    await form.getByLabel("年度").fill("2027");
    const questionnaire = form.getByLabel("问卷版本");
    await questionnaire.locator("option:not([disabled])").first().waitFor({ state: "attached" });
    await questionnaire.selectOption({ index: 1 });
    await form.getByLabel("每个社区上限").fill("15");
    await form.getByLabel("截止日期").fill("2027-06-30");
    await browser.screenshot("wave-new");
    await form.getByRole("button", { name: "新建批次" }).click();

    await page.getByText("已创建调查批次。").waitFor();
    const waveId = Number(new URL(page.url()).pathname.split("/").pop());
    const allocation = await adminGet<{
      summary: { infeasibleTowns: number };
      towns: { name: string; feasible: boolean }[];
    }>(`/api/admin/waves/${waveId}/allocation?plan=cap`);
    expect(allocation.summary.infeasibleTowns).toBeGreaterThan(0);
    const table = page.getByRole("table", { name: "配额分配预览" });
    await table.locator("tbody tr").first().waitFor();
    const flagged = await table.locator("tbody tr.row--danger th").allInnerTexts();
    expect(flagged.sort()).toEqual(
      allocation.towns
        .filter((town) => !town.feasible)
        .map((town) => town.name)
        .sort(),
    );
    await page.getByText(`${allocation.summary.infeasibleTowns} 个街镇无法达到目标`).waitFor();

    // A trial cap is previewed before it is saved.
    await page.getByRole("form", { name: "批次设置" }).getByLabel("每个社区上限").fill("25");
    await page.getByText("每社区上限 25").waitFor();
    await page.getByRole("form", { name: "批次设置" }).getByLabel("每个社区上限").fill("15");
    await page.getByText("每社区上限 15").waitFor();
    await browser.screenshot("wave-detail");

    // The demo wave is open: opening a second one names it and asks again (the API answers 409 otherwise).
    const demoTitle = (await adminGet<{ title: string }>(`/api/admin/waves/${demoWaveId}`)).title;
    await page.getByRole("button", { name: "开放调查" }).click();
    const dialog = page.getByRole("dialog", { name: "已有调查正在进行" });
    await dialog.waitFor();
    await dialog.getByText(`“${demoTitle}”正在进行`).waitFor();
    await dialog.getByText("已印发海报的二维码仍然打开它们各自的调查").waitFor();
    await browser.screenshot("wave-open-confirm");
    // Cancelling leaves the wave a draft.
    await dialog.getByRole("button", { name: "取消" }).click();
    expect((await adminGet<{ status: string }>(`/api/admin/waves/${waveId}`)).status).toBe("draft");
    await page.getByRole("button", { name: "开放调查" }).click();
    await dialog.getByRole("button", { name: "同时开放" }).click();
    await page.getByText("调查已开放。").waitFor();
    expect((await adminGet<{ status: string }>(`/api/admin/waves/${waveId}`)).status).toBe("open");
    await page.getByRole("button", { name: "结束调查" }).waitFor();

    // A town's target and a community's cap are changed on the page, with a reason.
    await page.getByRole("button", { name: "调整 石湖荡镇 的目标和社区上限" }).click();
    const quotaDialog = page.getByRole("dialog", { name: "调整 石湖荡镇" });
    await quotaDialog.getByLabel("街镇目标份数").fill("150");
    const before = await adminGet<{ towns: { code: string; communities: { code: string; name: string }[] }[] }>(
      `/api/admin/waves/${waveId}`,
    );
    const firstCommunity = before.towns.find((town) => town.code === SHIHUDANG.code)?.communities[0];
    if (!firstCommunity) throw new Error("石湖荡镇 has no community");
    await quotaDialog.getByLabel(firstCommunity.name, { exact: true }).fill("18");
    await quotaDialog.getByLabel("原因（记入操作日志）").fill("石湖荡镇人口少，目标下调");
    await browser.screenshot("wave-quota-dialog");
    await quotaDialog.getByRole("button", { name: "调整" }).click();
    await page.getByText("已保存 石湖荡镇 的目标和上限。").waitFor();
    const after = await adminGet<{
      towns: { code: string; target: number; communities: { code: string; cap: number }[] }[];
    }>(`/api/admin/waves/${waveId}`);
    const town = after.towns.find((row) => row.code === SHIHUDANG.code);
    expect(town?.target).toBe(150);
    expect(town?.communities.find((row) => row.code === firstCommunity.code)?.cap).toBe(18);
    const quotas = page.getByRole("table", { name: "各街镇目标与社区上限" });
    await quotas
      .getByRole("row", { name: /石湖荡镇/ })
      .getByText("150")
      .waitFor();
    await browser.screenshot("wave-detail-open");
    await page.setViewportSize({ width: 820, height: 1180 });
    // Below 1100 px the navigation slides away; wait until it has.
    await page.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== "running"));
    await browser.screenshot("wave-detail-tablet");
    await page.setViewportSize(DESKTOP);

    await page.getByRole("link", { name: "返回" }).click();
    const list = page.getByRole("table", { name: "调查批次" });
    await list
      .getByRole("row", { name: /PILOT-2027/ })
      .getByText("进行中")
      .waitFor();
    await browser.screenshot("waves");
  });

  it("adds a staff user limited to one town", async () => {
    const { page } = browser;
    await page.getByRole("link", { name: "用户管理" }).click();
    await page.getByRole("button", { name: "新建用户" }).click();
    const dialog = page.getByRole("dialog", { name: "新建用户" });
    await dialog.getByLabel("用户名").fill(STAFF.username);
    await dialog.getByLabel("姓名").fill(STAFF.displayName);
    await dialog.getByLabel("角色").selectOption("staff");
    await dialog.getByLabel("密码").fill(STAFF.password);
    await dialog.getByRole("checkbox", { name: SHIHUDANG.name }).check();
    await browser.screenshot("user-new");
    await dialog.getByRole("button", { name: "保存" }).click();
    const row = page.getByRole("table", { name: "用户管理" }).getByRole("row", { name: new RegExp(STAFF.username) });
    await row.waitFor();
    expect(await row.innerText()).toContain(SHIHUDANG.name);
    const users = await adminGet<{ username: string; role: string; townCodes: string[] }[]>("/api/admin/users");
    expect(users.find((user) => user.username === STAFF.username)).toMatchObject({
      role: "staff",
      townCodes: [SHIHUDANG.code],
    });
    await browser.screenshot("users");
  });

  it("lets the staff user enter a paper questionnaire and refuses the same person twice", async () => {
    const { page } = browser;
    await signOutThroughPage(page);
    await signInThroughPage(page, STAFF.username, STAFF.password);
    expect(await navigationLabels(page)).toEqual([
      "调查进度",
      "纸质问卷录入",
      "二维码海报",
      "居民意见",
      "预警和预测",
      "整改建议",
    ]);
    expect(await page.locator(".shell__user").innerText()).toContain("调查员");

    await page.goto(`/console/entry?wave=${demoWaveId}`);
    await page.getByRole("heading", { name: "纸质问卷录入" }).waitFor();
    const respondent = page.getByRole("form", { name: "受访者信息" });
    const town = respondent.getByLabel("街镇");
    // Only the user's own town is offered.
    await town.locator(`option[value="${SHIHUDANG.code}"]`).waitFor({ state: "attached" });
    expect(await town.locator("option").count()).toBe(2);
    await town.selectOption(SHIHUDANG.code);
    const community = respondent.getByLabel("社区");
    await community.locator("option").nth(1).waitFor({ state: "attached" });
    await community.selectOption({ index: 1 });

    // A wrong check digit is caught before anything is sent.
    const idNumber = adultIdNumber({ seq: 777 });
    const wrong = `${idNumber.slice(0, 17)}${idNumber.endsWith("0") ? "1" : "0"}`;
    const idField = respondent.getByLabel("身份证号码（可选）");
    expect(await description(idField)).toBe("填写后用于去重，系统只保存加密后的摘要。");
    expect(await description(respondent.getByLabel("手机号码（可选）"))).toBe("填写后用于去重，只保存后 4 位。");
    await idField.fill(wrong);
    await respondent.getByRole("button", { name: "开始录入问卷" }).click();
    await respondent.getByText(/校验/).waitFor();
    // The error replaces the hint under the field and is what the field is described by.
    expect(await description(idField)).toMatch(/校验/);
    expect(await idField.getAttribute("aria-invalid")).toBe("true");
    for (const label of ["性别（未填身份证号时）", "年龄组（未填身份证号时）"]) {
      expect(await respondent.getByLabel(label).isDisabled()).toBe(true);
    }
    await respondent.getByLabel("身份证号码（可选）").fill(idNumber);
    await respondent.getByLabel("手机号码（可选）").fill("139 1234 5678");
    await respondent.getByRole("button", { name: "开始录入问卷" }).click();
    // The questionnaire's own layout (typing the codes is tests/e2e/console-responses.test.ts).
    await page.getByText("问卷样式").click();

    const form = page.locator(".questionnaire-form");
    await form.locator("[role='radiogroup']").first().waitFor();
    expect(await answerEveryQuestion(page)).toBeGreaterThan(20);
    await browser.screenshot("entry-form");
    await form.getByRole("button", { name: "提交问卷" }).click();
    await page.getByText(/已保存，回执编号/).waitFor();
    await browser.screenshot("entry-receipt");

    // The same person again: the server's de-duplication message is shown, the form stays filled in.
    await page.getByRole("button", { name: "录入下一份" }).click();
    await respondent.getByLabel("身份证号码（可选）").fill(idNumber);
    await respondent.getByRole("button", { name: "开始录入问卷" }).click();
    await form.locator("[role='radiogroup']").first().waitFor();
    await answerEveryQuestion(page);
    await form.getByRole("button", { name: "提交问卷" }).click();
    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/已经/);
    expect(await form.locator("[role='radiogroup']").count()).toBeGreaterThan(20);
    await browser.screenshot("entry-duplicate");
  });

  it("imports offline questionnaires in bulk, with a row report for a refused file", async () => {
    const { page } = browser;
    const wave = await adminGet<{ questionnaireId: number }>(`/api/admin/waves/${demoWaveId}`);
    const { definition } = await adminGet<{ definition: Record<string, unknown> }>(
      `/api/admin/questionnaires/${wave.questionnaireId}`,
    );
    const answers = answersFor(definition, 3);
    const questions = Object.keys(answers);
    const communities = (
      await server.app.inject({ url: `/api/waves/${demoWaveId}/towns/${SHIHUDANG.code}/communities` })
    ).json() as { code: string }[];
    const row = (community: string, sex: string, age: string, values: Record<string, number>) =>
      [community, sex, age, ...questions.map((name) => values[name] ?? "")].join(",");
    const header = ["community_code", "sex", "age_group", ...questions].join(",");
    const good = [
      row(communities[1]?.code ?? "", "female", "40-49", answers),
      row(communities[2]?.code ?? "", "male", "60-69", answers),
    ];
    const firstQuestion = questions[0] ?? "";
    const bad = row(communities[2]?.code ?? "", "male", "60-69", { ...answers, [firstQuestion]: 7 });

    await page.getByRole("tab", { name: "批量导入" }).click();
    const panel = page.getByRole("tabpanel");
    const upload = async (name: string, lines: string[]) => {
      await panel.locator("input[type=file]").setInputFiles({
        name,
        mimeType: "text/csv",
        buffer: Buffer.from(`${[header, ...lines].join("\n")}\n`, "utf8"),
      });
      await panel.getByRole("button", { name: "上传并导入" }).click();
    };

    await upload("入户问卷-有错.csv", [...good, bad]);
    const report = panel.getByRole("table", { name: "文件中有错误，未导入任何数据" });
    await report.waitFor();
    const problems = (await report.locator("tbody tr").allInnerTexts()).map((line) => line.split("\t"));
    expect(problems).toHaveLength(1);
    expect(problems[0]?.[0]).toBe("4");
    expect(problems[0]?.[1]).toBe(firstQuestion);
    await browser.screenshot("entry-import-report");

    await upload("入户问卷.csv", good);
    await panel.getByText("已导入 2 份问卷，其中 2 份计入样本。").waitFor();
  });

  it("shows every change in the audit log", async () => {
    const { page } = browser;
    await signOutThroughPage(page);
    // A password typed into the name field: refused, and the log says so without keeping what was typed.
    const typedPassword = `${ADMIN_PASSWORD}-typed-as-name`;
    await page.getByLabel("用户名").fill(typedPassword);
    await page.getByLabel("密码").fill("x");
    await page.getByRole("button", { name: "登录", exact: true }).click();
    await page.getByText("用户名或密码不正确。").waitFor();
    await signInThroughPage(page, ADMIN_USERNAME, ADMIN_PASSWORD);
    await page.getByRole("link", { name: "操作日志" }).click();
    const table = page.getByRole("table", { name: "操作日志" });
    await table.locator("tbody tr").first().waitFor();
    const text = await table.innerText();
    for (const action of ["开放调查", "新建批次", "新建用户", "录入纸质问卷", "登录"]) expect(text).toContain(action);
    expect(text).toContain(STAFF.username);
    expect(text).toContain("登录失败");
    expect(text).toContain("所填用户名不是任何账号（所填内容不予记录）");
    expect(text).not.toContain(typedPassword);
    await browser.screenshot("audit");

    await page.getByLabel("操作类型").selectOption("response.interview");
    await page.getByRole("button", { name: "查询" }).click();
    await page.waitForFunction(() => document.querySelectorAll("table[aria-label='操作日志'] tbody tr").length === 1);
    expect(await table.locator("tbody tr").first().innerText()).toContain(STAFF.username);
  });
});
