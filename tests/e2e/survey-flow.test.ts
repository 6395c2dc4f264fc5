import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { screenshot } from "./support/survey-browser";
import {
  agreeToConsent,
  answerCurrentPage,
  checkedValue,
  currentPage,
  enterCode,
  goToNextPage,
  requestCode,
  serverDraft,
  storedToken,
  waitForSaved,
} from "./support/survey-flow";
import { fillCommunity } from "./support/survey-quota";
import { newResident } from "./support/survey-residents";
import { withSurveyServerAndPhone } from "./support/survey-session";

const COMMUNITY = { code: "310117001001", name: "荣乐社区居委会", town: "岳阳街道" };

describe("resident survey on a phone (390×844, WeChat browser)", () => {
  const survey = withSurveyServerAndPhone();

  it("goes from the QR link through consent and verification to the receipt, losing nothing on reload or offline", async () => {
    const { page, context } = survey.phone;
    const resident = newResident();
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));

    // The QR poster link pre-selects the community; nothing personal is asked before consent.
    await page.goto(`${survey.server.baseUrl}/?c=${COMMUNITY.code}`);
    await page.getByText(`${COMMUNITY.town} · ${COMMUNITY.name}`).waitFor();
    expect(await page.getByLabel("居民身份证号码").count()).toBe(0);
    // (The first screen without SurveyJS, fetched while this screen is read: survey-loading.test.ts.)
    await screenshot(page, "survey-01-consent", { fullPage: false });

    await agreeToConsent(page);
    // Inline validation with the identity package's messages.
    await page.getByLabel("居民身份证号码").fill(resident.idNumber.slice(0, 17));
    await page.getByLabel("手机号码").focus();
    await page.getByText("居民身份证号码应为18位").waitFor();
    await screenshot(page, "survey-02-verification-inline-error");

    const code = await requestCode(page, survey.server.baseUrl, resident);
    expect(code).toMatch(/^\d{6}$/);
    await page.getByRole("button", { name: /秒后可重新获取/ }).waitFor();
    await screenshot(page, "survey-03-verification-code-sent");

    await enterCode(page, code);
    expect(await currentPage(page)).toBe(`1/${await pageCount(page)}`);
    await screenshot(page, "survey-04-questionnaire-first-page", { fullPage: false });

    const firstPageAnswers = await answerCurrentPage(page);
    expect(firstPageAnswers.length).toBeGreaterThan(0);
    await waitForSaved(page);
    await screenshot(page, "survey-05-questionnaire-answered");
    await goToNextPage(page);
    const secondPageAnswers = await answerCurrentPage(page, { limit: 2 });
    await waitForSaved(page);

    // Reload in the middle: same page, same answers, from localStorage and the server draft.
    await page.reload();
    await page.locator(".sd-question").first().waitFor();
    expect(await currentPage(page)).toBe(`2/${await pageCount(page)}`);
    for (const name of secondPageAnswers) expect(await checkedValue(page, name)).not.toBeNull();
    await page.getByText("已为您恢复上次填写的内容").waitFor();
    await screenshot(page, "survey-06-resumed-after-reload", { fullPage: false });
    const token = await storedToken(page);
    const afterReload = await serverDraft(survey.server.baseUrl, token);
    for (const name of [...firstPageAnswers, ...secondPageAnswers]) expect(afterReload[name]).toBeDefined();

    // The connection drops while an answer is being autosaved, and another is given offline.
    await context.setOffline(true);
    const offlineAnswers = await answerCurrentPage(page, { limit: 2 });
    expect(offlineAnswers).toHaveLength(2);
    await page.locator('.save-status[data-status="offline"]').waitFor();
    await screenshot(page, "survey-07-offline-saved-locally", { fullPage: false });
    const whileOffline = await serverDraft(survey.server.baseUrl, token);
    expect(offlineAnswers.some((name) => whileOffline[name] === undefined)).toBe(true);
    await context.setOffline(false);
    await waitForSaved(page);
    const afterOffline = await serverDraft(survey.server.baseUrl, token);
    for (const name of offlineAnswers) expect(afterOffline[name]).toBe(4);

    // Finish the questionnaire.
    await answerCurrentPage(page);
    const total = await pageCount(page);
    for (let pageNo = 3; pageNo <= total; pageNo++) {
      await goToNextPage(page);
      expect(await currentPage(page)).toBe(`${pageNo}/${total}`);
      // Readable at 390 px: nothing wider than the screen, no sideways scrolling.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      if ((await page.locator(".sd-question__description").count()) > 0 && pageNo < total) {
        await screenshot(page, "survey-08-policy-page", { fullPage: false });
      }
      await answerCurrentPage(page);
    }
    await page.getByRole("button", { name: "提交问卷" }).scrollIntoViewIfNeeded();
    await screenshot(page, "survey-09-last-page", { fullPage: false });

    // Submitting with no connection keeps retrying, and goes through once the phone is back online.
    await context.setOffline(true);
    await page.getByRole("button", { name: "提交问卷" }).click();
    await page.getByText(/网络不太稳定，正在第\d次重试提交/).waitFor();
    await screenshot(page, "survey-09b-submit-retrying", { fullPage: false });
    await context.setOffline(false);

    await page.getByRole("heading", { name: "提交成功，感谢您的参与！" }).waitFor();
    const receiptCode = ((await page.getByTestId("receipt-code").textContent()) ?? "").trim();
    expect(receiptCode.length).toBeGreaterThan(3);
    await page.getByText("这些民生政策，您可以了解一下").waitFor();
    await screenshot(page, "survey-10-receipt");

    // The same submission again is acknowledged with the same receipt (idempotent), and the app kept no token.
    const again = await fetch(`${survey.server.baseUrl}/api/responses`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ answers: afterOffline }),
    });
    expect((await again.json()).receiptCode).toBe(receiptCode);
    expect(await page.evaluate(() => window.localStorage.getItem("survey.session.v1"))).toBeNull();

    // Reopening the link shows the receipt rather than a fresh start.
    await page.goto(`${survey.server.baseUrl}/?c=${COMMUNITY.code}`);
    await page.getByTestId("receipt-code").waitFor();
    expect(((await page.getByTestId("receipt-code").textContent()) ?? "").trim()).toBe(receiptCode);
    expect(pageErrors).toEqual([]);
  });

  it("starts with town and community pickers on a bare link, full ones shown but disabled", async () => {
    const { page } = survey.phone;
    await fillCommunity(survey.server, "310117001002");
    await page.goto(`${survey.server.baseUrl}/`);
    await page.getByRole("heading", { name: "请选择您居住的街道或镇" }).waitFor();
    await screenshot(page, "survey-11-town-picker", { fullPage: false });
    await page.getByRole("button", { name: "岳阳街道" }).click();
    await page.getByRole("heading", { name: /请选择您所在的社区/ }).waitFor();
    const full = page.getByRole("button", { name: /龙潭社区居委会/ });
    expect(await full.isDisabled()).toBe(true);
    expect(await full.textContent()).toContain("已收满");
    await page.getByText("为了让调查结果能反映各个社区的情况").waitFor();
    await screenshot(page, "survey-12-community-picker", { fullPage: false });
    await page.getByPlaceholder(/输入社区名称/).fill("荣乐");
    expect(await page.locator(".choice-list .choice").count()).toBe(1);
    await page.getByRole("button", { name: /荣乐社区居委会/ }).click();
    await page.getByText("岳阳街道 · 荣乐社区居委会").waitFor();
    // The choice is kept in the address, so a reload comes back to the same community.
    expect(new URL(page.url()).searchParams.get("c")).toBe("310117001001");
  });
});

async function pageCount(page: Page): Promise<number> {
  const text = await currentPage(page);
  return Number(text.split("/")[1]);
}
