import { describe, expect, it } from "vitest";
import { checkScreen, emulateTextSize } from "./support/survey-a11y";
import { screenshot } from "./support/survey-browser";
import {
  agreeToConsent,
  answerCurrentPage,
  checkedValue,
  currentPage,
  enterCode,
  goToNextPage,
  requestCode,
  waitForSaved,
} from "./support/survey-flow";
import { newResident } from "./support/survey-residents";
import { withSurveyServerAndPhone } from "./support/survey-session";

const MINUTE = 60_000;

/** The phone's Back goes through the steps, the slot's hold is visible when it matters, and offline reloads work. */
describe("resident survey: Back through the steps, the hold's deadline, an offline reload", () => {
  const survey = withSurveyServerAndPhone();

  it("Back returns through town, community, consent and the questionnaire's pages, never out of the survey", async () => {
    const { page } = survey.phone;
    await page.goto(`${survey.server.baseUrl}/`);
    await page.getByRole("heading", { name: "请选择您居住的街道或镇" }).waitFor();
    await page.getByRole("button", { name: /岳阳街道/ }).click();
    await page.getByRole("heading", { name: /请选择您所在的社区/ }).waitFor();
    await page.locator(".choice--row:not([disabled])").first().click();
    await page.getByRole("heading", { name: "参加调查前，请您了解" }).waitFor();
    await page.getByLabel("我已阅读并同意以上说明").check();
    await page.getByRole("button", { name: "同意并继续" }).click();
    await page.getByRole("heading", { name: "验证身份" }).waitFor();

    // Back: verification → consent → the community list → the towns; Forward again.
    await page.goBack();
    await page.getByRole("heading", { name: "参加调查前，请您了解" }).waitFor();
    await page.goBack();
    await page.getByRole("heading", { name: /请选择您所在的社区/ }).waitFor();
    await page.goBack();
    await page.getByRole("heading", { name: "请选择您居住的街道或镇" }).waitFor();
    expect(page.url()).toContain(survey.server.baseUrl);
    await page.goForward();
    await page.getByRole("heading", { name: /请选择您所在的社区/ }).waitFor();
    await page.goForward();
    await page.getByRole("heading", { name: "参加调查前，请您了解" }).waitFor();
    await agreeToConsent(page);

    const resident = newResident();
    await enterCode(page, await requestCode(page, survey.server.baseUrl, resident));
    expect(await currentPage(page)).toMatch(/^1\//);
    const firstAnswered = await answerCurrentPage(page);
    await goToNextPage(page);
    await answerCurrentPage(page);
    await goToNextPage(page);
    expect(await currentPage(page)).toMatch(/^3\//);

    // The phone's Back goes to page 2, then 1 — with the answers still there — and Forward to 2 again.
    await page.goBack();
    await page.waitForFunction(() => document.querySelector(".progress__page strong")?.textContent?.startsWith("2/"));
    await page.goBack();
    await page.waitForFunction(() => document.querySelector(".progress__page strong")?.textContent?.startsWith("1/"));
    expect(await checkedValue(page, firstAnswered[0] ?? "")).not.toBeNull();
    await page.goForward();
    await page.waitForFunction(() => document.querySelector(".progress__page strong")?.textContent?.startsWith("2/"));
    // 上一页 and Back agree: 上一页 is a step back in the history too.
    await page.getByRole("button", { name: "上一页" }).click();
    await page.waitForFunction(() => document.querySelector(".progress__page strong")?.textContent?.startsWith("1/"));

    // Back from page 1 leaves the questionnaire for the consent (the code was used); agreeing again resumes.
    await page.goBack();
    await page.getByRole("heading", { name: "参加调查前，请您了解" }).waitFor();
    await page.getByLabel("我已阅读并同意以上说明").check();
    await page.getByRole("button", { name: "同意并继续" }).click();
    await page.locator(".sd-question").first().waitFor();
    expect(await checkedValue(page, firstAnswered[0] ?? "")).not.toBeNull();
  });

  it("a refusal before the questionnaire has a way back: 返回上一步 to correct the ID number", async () => {
    const { page } = survey.phone;
    // On the small phone with the text at 200 %, as an elderly resident would see it.
    await page.setViewportSize({ width: 360, height: 640 });
    await emulateTextSize(page, 200);
    const child = newResident({ birthYear: new Date().getFullYear() - 10 });
    await page.goto(`${survey.server.baseUrl}/?c=310117001002`);
    await agreeToConsent(page);
    await page.getByLabel("居民身份证号码").fill(child.idNumber);
    await page.getByLabel("手机号码").fill(child.phone);
    await page.getByRole("button", { name: "获取验证码" }).click();
    await page.getByRole("heading", { name: "本次调查邀请成年居民参加" }).waitFor();
    await checkScreen(page, "underage, 360×640 at 200 %");
    await screenshot(page, "survey-42-underage-way-back", { fullPage: false });
    await page.getByRole("button", { name: "返回上一步" }).click();
    await page.getByRole("heading", { name: "验证身份" }).waitFor();
    // The phone's Back does the same.
    await page.getByLabel("居民身份证号码").fill(child.idNumber);
    await page.getByLabel("手机号码").fill(child.phone);
    await page.getByRole("button", { name: "获取验证码" }).click();
    await page.getByRole("heading", { name: "本次调查邀请成年居民参加" }).waitFor();
    await page.goBack();
    await page.getByRole("heading", { name: "验证身份" }).waitFor();
  });

  it("shows the hold's end ten minutes before, warns at five, and answering (or 继续保留名额) extends it", async () => {
    const { page } = survey.phone;
    await page.clock.install();
    await page.goto(`${survey.server.baseUrl}/?c=310117001003`);
    await agreeToConsent(page);
    const resident = newResident();
    await enterCode(page, await requestCode(page, survey.server.baseUrl, resident));
    // Nothing about time while there is plenty of it.
    await expect(page.locator(".hold-deadline").count()).resolves.toBe(0);

    // 22 minutes later (on the phone and on the server) the end of the hold is shown, not yet as a warning.
    survey.server.skipAhead(22 * MINUTE);
    await page.clock.fastForward(22 * MINUTE);
    const notice = page.locator(".hold-deadline");
    await notice.waitFor();
    await expect(notice.getAttribute("role")).resolves.toBe("status");
    await expect(notice.textContent()).resolves.toMatch(/还有约8分钟/);
    await screenshot(page, "survey-40-hold-ending", { fullPage: false });
    // Four more minutes: a warning screen readers announce.
    survey.server.skipAhead(4 * MINUTE);
    await page.clock.fastForward(4 * MINUTE);
    await page.locator('.hold-deadline[role="alert"]').waitFor();
    await expect(notice.textContent()).resolves.toMatch(/还有约4分钟/);
    await checkScreen(page, "hold warning");
    // Keeping the slot: a save that extends the hold to 30 minutes from now, and the notice goes away.
    await page.getByRole("button", { name: "继续保留名额" }).click();
    await notice.waitFor({ state: "detached" });

    // Answering keeps it too: 25 minutes on, an answer's autosave moves the end again.
    survey.server.skipAhead(25 * MINUTE);
    await page.clock.fastForward(25 * MINUTE);
    await notice.waitFor();
    await answerCurrentPage(page, { limit: 1 });
    await page.clock.runFor(2000);
    await notice.waitFor({ state: "detached" });
  });

  it("a reload without network opens the app with the saved answers and says it is offline", async () => {
    const { page, context } = survey.phone;
    await page.goto(`${survey.server.baseUrl}/?c=310117001004`);
    await agreeToConsent(page);
    const resident = newResident();
    await enterCode(page, await requestCode(page, survey.server.baseUrl, resident));
    const answered = await answerCurrentPage(page, { limit: 2 });
    await waitForSaved(page);
    // The app shell is kept by the service worker once the questionnaire is open.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });

    await context.setOffline(true);
    await page.reload();
    await page.getByText("现在没有网络。已打开本机保存的答案").waitFor();
    for (const name of answered) expect(await checkedValue(page, name)).not.toBeNull();
    await checkScreen(page, "offline reload");
    await screenshot(page, "survey-41-offline-reload", { fullPage: false });
    // Answering offline is kept on the phone and synced when the network is back.
    await answerCurrentPage(page, { limit: 1 });
    await page.locator('.save-status[data-status="offline"]').waitFor();
    await context.setOffline(false);
    await waitForSaved(page);
  });
});
