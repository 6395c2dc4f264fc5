import type { ResponseDetail } from "@survey/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adultIdNumber } from "../support/resident";
import { type SignedInUser, signIn } from "../support/test-app";
import { type ConsoleBrowser, DESKTOP, openConsoleBrowser } from "./support/console-browser";
import { answersFor } from "./support/console-fixtures";
import { ADMIN_PASSWORD, ADMIN_USERNAME, type ConsoleServer, startConsoleServer } from "./support/console-server";
import { signInThroughPage } from "./support/console-session";
import { axeViolations } from "./support/survey-a11y";

/** 石湖荡镇 and its first community in the demo frame. */
const TOWN = "310117116";
const TABLET = { width: 820, height: 1180 };

let server: ConsoleServer;
let browser: ConsoleBrowser;
let api: SignedInUser;
let waveId: number;
let communityCode: string;
let definition: Record<string, unknown>;

async function apiJson<T>(method: "GET" | "POST", url: string, payload?: unknown): Promise<T> {
  const response = await server.app.inject({
    method,
    url,
    headers: api.headers,
    ...(payload ? { payload: payload as object } : {}),
  });
  expect(response.statusCode, response.body).toBeLessThan(300);
  return response.json();
}

/** A paper questionnaire entered through the API; returns its receipt and id. */
async function interview(answers: Record<string, unknown>, person: Record<string, unknown>) {
  return apiJson<{ responseId: string; receiptCode: string }>("POST", `/api/admin/waves/${waveId}/interviews`, {
    communityCode,
    answers,
    ...person,
  });
}

beforeAll(async () => {
  server = await startConsoleServer();
  api = await signIn(server.app, "admin");
  waveId = (await server.app.inject({ url: "/api/waves/current" })).json().id;
  communityCode = (await server.app.inject({ url: `/api/waves/${waveId}/towns/${TOWN}/communities` })).json()[0].code;
  const wave = (await apiJson<{ id: number; questionnaireId: number }[]>("GET", "/api/admin/waves")).find(
    (item) => item.id === waveId,
  );
  const questionnaireId = wave?.questionnaireId;
  definition = (
    await apiJson<{ definition: Record<string, unknown> }>("GET", `/api/admin/questionnaires/${questionnaireId}`)
  ).definition;
  browser = await openConsoleBrowser(server.origin);
  await browser.page.goto("/console/login");
  await signInThroughPage(browser.page, ADMIN_USERNAME, ADMIN_PASSWORD);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function expectNoAxeViolations(selector?: string): Promise<void> {
  expect(await axeViolations(browser.page, selector)).toEqual([]);
}

async function monitorCounts() {
  const { page } = browser;
  await page.goto(`/console/monitor?wave=${waveId}`);
  await page.getByTestId("quality-void").waitFor();
  const number = async (testId: string) =>
    Number((await page.getByTestId(testId).innerText()).match(/\d[\d,]*/)?.[0]?.replace(/,/g, ""));
  return {
    completed: await number("total-completed"),
    void: await number("quality-void"),
    duplicates: await number("quality-duplicate_entry"),
  };
}

describe("console: responses", () => {
  it("lists responses with their flags, voids one and the monitor shows it", async () => {
    const varied = { ...answersFor(definition, 4), liv_income: 5, env_air: 3 };
    const kept = await interview(varied, { sex: "female", ageGroup: "40-49" });
    const copy = await interview(varied, { sex: "female", ageGroup: "40-49" });
    await interview(answersFor(definition, 5), { idNumber: adultIdNumber({ seq: 4242 }) });

    const before = await monitorCounts();
    expect(before.duplicates).toBe(2);
    await browser.screenshot("monitor-quality");
    // The monitor's quality block (the rest of the monitor is tests/e2e/console-fieldwork.test.ts).
    await expectNoAxeViolations("section[aria-labelledby='quality-title']");

    const { page } = browser;
    await page.getByRole("link", { name: "疑似重复录入" }).click();
    await page.getByRole("heading", { name: "问卷管理" }).waitFor();
    const table = page.getByRole("table", { name: "问卷管理" });
    await table.getByTestId(`response-${copy.receiptCode}`).waitFor();
    expect(await table.locator("tbody tr").count()).toBe(2);
    expect(await table.innerText()).toContain("疑似重复录入");
    await browser.screenshot("responses-list");
    await expectNoAxeViolations();

    await page.getByRole("link", { name: `查看问卷 ${copy.receiptCode}` }).click();
    await page.getByRole("heading", { name: `问卷 ${copy.receiptCode}` }).waitFor();
    // Read as the questionnaire shows it: the question, the code and its label.
    expect(await page.locator("[data-question='liv_income']").innerText()).toMatch(/5\s*非常满意/);
    await browser.screenshot("response-view");
    await expectNoAxeViolations();

    // A colleague watches the monitor in another tab while the office voids.
    const monitor = await browser.context.newPage();
    await monitor.goto(`/console/monitor?wave=${waveId}`);
    await monitor.getByTestId("quality-void").waitFor();

    await page.getByRole("button", { name: "作废这份问卷" }).click();
    const dialog = page.getByRole("dialog", { name: "作废问卷" });
    await dialog.getByLabel("原因").fill("同一份纸质问卷录入了两次");
    await dialog.getByRole("button", { name: "确认作废" }).click();
    await page.getByText(/作废。原因：同一份纸质问卷录入了两次/).waitFor();
    await browser.screenshot("response-voided");

    // The open monitor changes without a reload: one completion fewer, one void.
    await monitor.waitForFunction(
      (completed) =>
        document.querySelector("[data-testid='total-completed']")?.textContent?.trim().startsWith(`${completed} `) &&
        document.querySelector("[data-testid='quality-void'] strong")?.textContent === "1",
      before.completed - 1,
    );
    await browser.screenshot("monitor-after-void", monitor);
    await monitor.close();

    const after = await monitorCounts();
    expect(after).toEqual({ completed: before.completed - 1, void: 1, duplicates: 0 });
    const detail = await apiJson<ResponseDetail>("GET", `/api/admin/responses/${copy.responseId}`);
    expect(detail.status).toBe("void");
    expect((await apiJson<ResponseDetail>("GET", `/api/admin/responses/${kept.responseId}`)).flags).toEqual([]);

    // The kept paper entry had a code mistyped: corrected by typing the right code, with a reason.
    await page.goto(`/console/responses/${kept.responseId}?wave=${waveId}`);
    await page.getByRole("button", { name: "更正答案" }).click();
    const income = page.locator("#entry-liv_income");
    await income.waitFor();
    expect(await income.inputValue()).toBe("5");
    await income.fill("2");
    await page.keyboard.press("Enter");
    expect(await page.locator("#entry-liv_income-echo").innerText()).toBe("不太满意");
    await page.getByRole("textbox", { name: "原因" }).fill("核对纸质问卷后更正第 1 题");
    await browser.screenshot("response-correct");
    await expectNoAxeViolations();
    await page.getByRole("button", { name: "保存更正" }).click();
    await page.getByText("答案已更正，结果已更新。").waitFor();
    expect(await page.locator("[data-question='liv_income']").innerText()).toMatch(/2\s*不太满意/);
    const correctedDetail = await apiJson<ResponseDetail>("GET", `/api/admin/responses/${kept.responseId}`);
    expect(correctedDetail).toMatchObject({ corrected: true, answers: { ...varied, liv_income: 2 } });

    // The list on a tablet: the table scrolls inside its card, the filters wrap.
    await page.setViewportSize(TABLET);
    await page.goto(`/console/responses?wave=${waveId}`);
    await page.getByRole("table", { name: "问卷管理" }).locator("tbody tr").first().waitFor();
    await browser.screenshot("responses-tablet");
    await page.setViewportSize(DESKTOP);

    // The audit log says it in words, filtered by action.
    await page.getByRole("link", { name: "操作日志" }).click();
    await page.getByLabel("操作类型").selectOption({ label: "作废问卷" });
    await page.getByRole("button", { name: "查询" }).click();
    const log = page.getByRole("table", { name: "操作日志" });
    await page.waitForFunction(() => document.querySelectorAll("table[aria-label='操作日志'] tbody tr").length === 1);
    expect(await log.locator("tbody tr").first().innerText()).toContain(
      `作废问卷：问卷 ${copy.receiptCode}（原因：同一份纸质问卷录入了两次；街镇：石湖荡镇`,
    );
    await browser.screenshot("audit-void");
    await expectNoAxeViolations();
  });

  it("enters a whole paper questionnaire by its answer codes, keyboard only", async () => {
    const { page } = browser;
    await page.goto(`/console/entry?wave=${waveId}`);
    const respondent = page.getByRole("form", { name: "受访者信息" });
    await respondent.getByLabel("街镇").locator(`option[value="${TOWN}"]`).waitFor({ state: "attached" });
    await respondent.getByLabel("街镇").selectOption(TOWN);
    await respondent.getByLabel("社区").locator(`option[value="${communityCode}"]`).waitFor({ state: "attached" });
    await respondent.getByLabel("社区").selectOption(communityCode);
    await respondent.getByLabel("身份证号码（可选）").fill(adultIdNumber({ seq: 5151 }));
    await respondent.getByRole("button", { name: "开始录入问卷" }).click();

    // From here on only the keyboard: the first question has the focus.
    const expected: Record<string, unknown> = { ...answersFor(definition, 4), env_air: 2, svc_hospital: 5 };
    await page.waitForFunction(() => document.activeElement?.hasAttribute("data-entry-field"));
    const focusedName = () => page.evaluate(() => document.activeElement?.id.replace(/^entry-/, "") ?? "");
    let typed = 0;
    let mistyped = false;
    for (;;) {
      const name = await focusedName();
      if (!name || !(await page.evaluate(() => document.activeElement?.hasAttribute("data-entry-field")))) break;
      if (!mistyped && name in expected) {
        // A code that is not on the paper stays put and says which codes there are.
        await page.keyboard.type("7");
        await page.keyboard.press("Enter");
        expect(await focusedName()).toBe(name);
        expect(await page.locator(`#entry-${name}-echo`).innerText()).toMatch(/没有代码 7/);
        await browser.screenshot("entry-codes-mistyped");
        await page.keyboard.press("Backspace");
        mistyped = true;
      }
      const value = expected[name];
      if (value === undefined) await page.keyboard.type("希望增加社区食堂");
      else await page.keyboard.type(String(value));
      // Tab moves on as well as Enter does.
      await page.keyboard.press(typed % 2 === 0 ? "Enter" : "Tab");
      typed += 1;
    }
    expect(typed).toBeGreaterThan(30);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("提交问卷");
    await browser.screenshot("entry-codes-filled");
    await expectNoAxeViolations();
    await page.keyboard.press("Enter");
    const receipt = page.getByText(/已保存，回执编号/);
    await receipt.waitFor();
    const receiptCode = (await receipt.innerText()).match(/[A-Z0-9]{5}-[A-Z0-9]{5}/)?.[0];

    const list = await apiJson<{ items: { id: string; receiptCode: string }[] }>(
      "GET",
      `/api/admin/waves/${waveId}/responses?mode=interviewer&pageSize=200`,
    );
    const stored = list.items.find((item) => item.receiptCode === receiptCode);
    const detail = await apiJson<ResponseDetail>("GET", `/api/admin/responses/${stored?.id}`);
    expect(detail.answers).toEqual({ ...expected, comment: "希望增加社区食堂" });
  });
});
