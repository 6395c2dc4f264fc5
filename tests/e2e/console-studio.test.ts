import { join } from "node:path";
import type { QuestionnaireDraft, QuestionnaireVersion } from "@survey/contract";
import { listQuestionnaireItems } from "@survey/questionnaire";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SignedInUser, signIn } from "../support/test-app";
import { type ConsoleBrowser, openConsoleBrowser, SCREENSHOT_DIR } from "./support/console-browser";
import { ADMIN_PASSWORD, ADMIN_USERNAME, type ConsoleServer, startConsoleServer } from "./support/console-server";
import { signInThroughPage, signOutThroughPage } from "./support/console-session";
import { axeViolations } from "./support/survey-a11y";

const OFFICE = { username: "li.na", password: "office-password-2026" };
const REWORDED = "您对家庭目前的收入水平满意吗？（包括工资、经营和财产收入）";
const ADDED = "您对社区长者食堂的饭菜和价格满意吗？";
const NEW_TITLE = "松江区民生满意度调查问卷（2027年）";
const REMOVED = "您对政府提供的就业帮助（如职业介绍、技能培训）满意吗？";

let server: ConsoleServer;
let browser: ConsoleBrowser;
let office: SignedInUser;
let v1: QuestionnaireVersion;
let v2Id: number;

async function apiGet<T>(url: string): Promise<T> {
  const response = await server.app.inject({ url, headers: office.headers });
  expect(response.statusCode).toBe(200);
  return response.json() as T;
}

/** A screenshot of the window (the editor is far taller than a screen) with `target` scrolled into view. */
async function windowShot(page: Page, name: string, target?: Locator): Promise<void> {
  if (target) await target.evaluate((element) => element.scrollIntoView({ block: "center" }));
  else await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(SCREENSHOT_DIR, `console-${name}.png`) });
}

const item = (page: Page, name: string) => page.locator(`article[data-name="${name}"]`);

beforeAll(async () => {
  server = await startConsoleServer();
  office = await signIn(server.app, "office", OFFICE);
  const list = await apiGet<QuestionnaireVersion[]>("/api/admin/questionnaires");
  v1 = list[0] as QuestionnaireVersion;
  browser = await openConsoleBrowser(server.origin);
  await signInThroughPage(browser.page, OFFICE.username, OFFICE.password);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("console: questionnaire studio (问卷设计)", () => {
  it("lists the versions with the waves that use them, frozen once a wave is open", async () => {
    const { page } = browser;
    await page.getByRole("link", { name: "问卷设计" }).click();
    const table = page.getByRole("table", { name: "问卷版本" });
    await table.waitFor();
    const row = table.getByTestId(`questionnaire-${v1.id}`);
    await expect(row.innerText()).resolves.toMatch(/第 1 版[\s\S]*2026[\s\S]*进行中[\s\S]*已冻结/);
    await browser.screenshot("studio-list");
    expect(await axeViolations(page)).toEqual([]);
  });

  it("makes a new version, rewords, adds and removes items, with the preview and the comparison following", async () => {
    const { page } = browser;
    await page.getByRole("button", { name: `新版本：以“${v1.title}”第 1 版为基础` }).click();
    await page.getByText("已新建第 2 版，可以开始修改。").waitFor();
    v2Id = Number(new URL(page.url()).pathname.split("/").pop());
    expect(v2Id).toBeGreaterThan(v1.id);
    await page.getByText("检查通过，没有问题。").waitFor();
    const preview = page.frameLocator('[data-testid="phone-preview"]');
    await preview.getByText("您对家里目前的收入水平满意吗？").waitFor();

    await page.getByRole("textbox", { name: "问卷标题" }).fill(NEW_TITLE);
    // Reword the first item: the preview shows the new wording.
    await item(page, "liv_income").getByLabel("题目文字").fill(REWORDED);
    await preview.getByText(REWORDED).waitFor();

    // Add a satisfaction item to the first area and map it to a domain.
    await page.getByRole("button", { name: "添加题目（第 1 部分）" }).click();
    const added = item(page, "liv_v2_1");
    await added.waitFor();
    await added.getByLabel("题目文字").fill(ADDED);
    await added.getByLabel("对应的客观指标领域").selectOption({ label: "社会保障" });
    await preview.getByText(ADDED).waitFor();

    // Remove the third item (job services).
    await item(page, "liv_job_services").getByRole("button", { name: "删除 第 3 题" }).click();
    await item(page, "liv_job_services").waitFor({ state: "detached" });
    await preview.getByText(REMOVED).waitFor({ state: "detached" });

    // A problem is shown beside the field it concerns, and nothing is saved while it stands.
    const wording = item(page, "liv_pension").getByLabel("题目文字");
    await wording.fill("");
    await item(page, "liv_pension").getByText("题目的文字不能为空").waitFor();
    await expect(wording.getAttribute("aria-invalid")).resolves.toBe("true");
    await page.getByText("有 1 处需要修改").waitFor();
    await windowShot(page, "studio-problem", item(page, "liv_pension"));
    await wording.fill("您对自己的养老金待遇满意吗？");
    await page.getByText("检查通过，没有问题。").waitFor();

    await windowShot(page, "studio-editor");
    await windowShot(page, "studio-added", added);
    expect(await axeViolations(page)).toEqual([]);

    // The comparison with version 1, in words.
    await page.getByRole("tab", { name: "比较" }).click();
    const changes = page.getByTestId("version-changes");
    await changes.getByText("与第 1 版比较").waitFor();
    const words = await changes.innerText();
    expect(words).toContain("新增的题目（1）");
    expect(words).toContain(`${ADDED}（社会保障）`);
    expect(words).toContain("删除的题目（1）");
    expect(words).toContain(REMOVED);
    expect(words).toContain("改了文字的题目（2）");
    expect(words).toContain(REWORDED);
    await windowShot(page, "studio-comparison");
    expect(await axeViolations(page)).toEqual([]);

    // Saved (autosave, or the button): the server has every change.
    // The button is disabled while an autosave is under way; that save ends in 已保存 by itself.
    const status = page.getByTestId("save-status");
    const saveButton = page.getByRole("button", { name: "保存", exact: true });
    if (!(await status.innerText()).startsWith("已保存") && (await saveButton.isEnabled())) await saveButton.click();
    await status.getByText(/^已保存/).waitFor({ timeout: 30_000 });
    const saved = await apiGet<QuestionnaireDraft>(`/api/admin/questionnaires/${v2Id}`);
    const items = listQuestionnaireItems(saved.definition);
    expect(items.find((entry) => entry.name === "liv_income")?.title).toBe(REWORDED);
    expect(items.find((entry) => entry.name === "liv_v2_1")).toMatchObject({ title: ADDED, domain: "social_security" });
    expect(items.some((entry) => entry.name === "liv_job_services")).toBe(false);
  });

  it("keeps unsaved edits in the browser and offers them again after a reload", async () => {
    const { page } = browser;
    await page.getByRole("tab", { name: "预览" }).click();
    const wording = item(page, "liv_housing").getByLabel("题目文字");
    await wording.fill("");
    await page.getByText("有 1 处需要修改").waitFor();
    page.once("dialog", (dialog) => void dialog.accept());
    await page.reload();
    await page.getByText("已恢复上次在本机暂存、尚未保存的修改。").waitFor();
    await expect(item(page, "liv_housing").getByLabel("题目文字").inputValue()).resolves.toBe("");
    await item(page, "liv_housing").getByLabel("题目文字").fill("您对自己现在的住房条件满意吗？");
    await page
      .getByTestId("save-status")
      .getByText(/^已保存/)
      .waitFor({ timeout: 10_000 });
  });

  it("shows the new version in the list, copied from version 1 and still editable", async () => {
    const { page } = browser;
    await page.getByRole("button", { name: "返回问卷列表" }).click();
    const row = page.getByRole("table", { name: "问卷版本" }).getByTestId(`questionnaire-${v2Id}`);
    await expect(row.innerText()).resolves.toMatch(/第 2 版[\s\S]*由第 1 版复制[\s\S]*尚无调查使用[\s\S]*可编辑/);
  });

  it("prints the paper questionnaire on A4 with answer codes beside the choices", async () => {
    const paper = await browser.context.newPage();
    await paper.goto(`/api/admin/questionnaires/${v2Id}/paper`);
    await paper.getByRole("heading", { level: 1 }).waitFor();
    await paper.emulateMedia({ media: "print" });
    const income = paper.locator('section.question[data-name="liv_income"]');
    await expect(income.innerText()).resolves.toContain(REWORDED);
    await expect(income.locator(".code").allInnerTexts()).resolves.toEqual(["5", "4", "3", "2", "1", "8", "9"]);
    const breaks = await income.evaluate((element) => getComputedStyle(element).breakInside);
    expect(breaks).toBe("avoid");
    await browser.screenshot("studio-paper", paper);
    const pdf = await paper.pdf({ format: "A4", path: `${SCREENSHOT_DIR}console-studio-paper.pdf` });
    expect(pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g)?.length ?? 0).toBeGreaterThan(2);
    await paper.close();
  });

  it("offers the versions by name in the wave form", async () => {
    const { page } = browser;
    await signOutThroughPage(page);
    await signInThroughPage(page, ADMIN_USERNAME, ADMIN_PASSWORD);
    await page.goto("/console/waves/new");
    const select = page.getByLabel("问卷版本");
    await select.waitFor();
    const options = await select.locator("option").allInnerTexts();
    expect(options).toEqual(expect.arrayContaining([`${NEW_TITLE}（第 2 版）`, `${v1.title}（第 1 版）`]));
  });
});
