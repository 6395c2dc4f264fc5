import type { Page } from "playwright-core";
import type { TestResident } from "./survey-residents";
import { smsCode } from "./survey-sms";

/** Ticks the consent box and goes on to verification. */
export async function agreeToConsent(page: Page): Promise<void> {
  await page.getByRole("heading", { name: "参加调查前，请您了解" }).waitFor();
  await page.getByLabel("我已阅读并同意以上说明").check();
  await page.getByRole("button", { name: "同意并继续" }).click();
  await page.getByRole("heading", { name: "验证身份" }).waitFor();
}

/** Types the ID number and phone and asks for a code; returns the code from the dev outbox. */
export async function requestCode(page: Page, baseUrl: string, resident: TestResident): Promise<string> {
  await page.getByLabel("居民身份证号码").fill(resident.idNumber);
  await page.getByLabel("手机号码").fill(resident.phone);
  const since = new Date();
  await page.getByRole("button", { name: "获取验证码" }).click();
  await page.getByText("验证码已发送到").waitFor();
  return smsCode(baseUrl, resident.phone, since);
}

/** Enters the code (it confirms by itself at six digits) and waits for the questionnaire. */
export async function enterCode(page: Page, code: string): Promise<void> {
  await page.getByLabel("短信验证码").fill(code);
  await page.locator(".sd-question").first().waitFor();
}

/** "2/7" from the sticky progress bar. */
export async function currentPage(page: Page): Promise<string> {
  return ((await page.locator(".progress__page strong").textContent()) ?? "").trim();
}

/**
 * Answers every unanswered choice question on the current page: "比较满意" (code 4) on a satisfaction
 * scale, the first choice elsewhere. Returns the names of the questions it answered.
 */
export async function answerCurrentPage(
  page: Page,
  options: { limit?: number; skip?: number } = {},
): Promise<string[]> {
  const questions = page.locator(".sd-question");
  const count = await questions.count();
  const answered: string[] = [];
  let skipped = 0;
  for (let index = 0; index < count; index++) {
    const question = questions.nth(index);
    const name = await question.getAttribute("data-name");
    const radios = question.locator("input[type=radio]");
    if (!name || (await radios.count()) === 0) continue;
    if ((await question.locator("input[type=radio]:checked").count()) > 0) continue;
    if (skipped < (options.skip ?? 0)) {
      skipped += 1;
      continue;
    }
    const preferred = question.locator('label:has(input[value="4"])');
    const label = (await preferred.count()) > 0 ? preferred : question.locator("label:has(input[type=radio])").first();
    await label.click();
    answered.push(name);
    if (options.limit !== undefined && answered.length >= options.limit) break;
  }
  return answered;
}

/** The value checked in a question on screen, or null. */
export async function checkedValue(page: Page, questionName: string): Promise<string | null> {
  const checked = page.locator(`.sd-question[data-name="${questionName}"] input[type=radio]:checked`);
  return (await checked.count()) > 0 ? checked.getAttribute("value") : null;
}

export async function waitForSaved(page: Page): Promise<void> {
  await page.locator('.save-status[data-status="saved"]').waitFor();
}

export async function goToNextPage(page: Page): Promise<void> {
  const before = await currentPage(page);
  await page.getByRole("button", { name: "下一页" }).click();
  await page.waitForFunction(
    (previous) => document.querySelector(".progress__page strong")?.textContent?.trim() !== previous,
    before,
  );
}

/** The reservation token the app keeps in localStorage. */
export async function storedToken(page: Page): Promise<string> {
  const token = await page.evaluate(() => {
    const raw = window.localStorage.getItem("survey.session.v1");
    return raw ? (JSON.parse(raw) as { token?: string }).token : undefined;
  });
  if (!token) throw new Error("no reservation token in localStorage");
  return token;
}

/** The draft the server holds for a token (GET /api/reservation). */
export async function serverDraft(baseUrl: string, token: string): Promise<Record<string, unknown>> {
  const response = await fetch(`${baseUrl}/api/reservation`, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`GET /api/reservation → ${response.status}`);
  const body = (await response.json()) as { draft: Record<string, unknown> | null };
  return body.draft ?? {};
}
