import { describe, expect, it } from "vitest";
import { checkScreen, emulateTextSize, inputShowsWhole, type TextSize } from "./support/survey-a11y";
import { screenshot } from "./support/survey-browser";
import { answerCurrentPage, currentPage, goToNextPage } from "./support/survey-flow";
import { newResident } from "./support/survey-residents";
import { withSurveyServerAndPhone } from "./support/survey-session";
import { smsCode } from "./support/survey-sms";

const SCREENS = [
  { width: 390, height: 844 },
  { width: 360, height: 640 },
];
const TEXT_SIZES: TextSize[] = [
  { name: "normal" },
  { name: "root200", rootPercent: 200 },
  { name: "large-switch", largeSwitch: true },
];
const COMMUNITIES = ["310117001001", "310117003002", "310117003003"];

describe("resident survey at 390×844 and 360×640, normal and 200 % text", () => {
  const survey = withSurveyServerAndPhone();

  for (const screen of SCREENS) {
    for (const [sizeIndex, size] of TEXT_SIZES.entries()) {
      const community = COMMUNITIES[sizeIndex] ?? "310117001001";
      const tag = `${screen.width}x${screen.height}-${size.name}`;
      it(`walks consent → verification → every questionnaire page → receipt (${tag})`, async () => {
        const { page } = survey.phone;
        await page.setViewportSize(screen);
        if (size.rootPercent) await emulateTextSize(page, size.rootPercent);
        const resident = newResident();
        const pageErrors: string[] = [];
        page.on("pageerror", (error) => pageErrors.push(error.message));
        // Screenshots of the enlarged runs, for people to look at (.tmp/screenshots).
        const shoot = (step: string) =>
          size.name === "normal"
            ? Promise.resolve()
            : screenshot(page, `large-text-${tag}-${step}`, { fullPage: false });

        await page.goto(`${survey.server.baseUrl}/?c=${community}`);
        await page.getByRole("heading", { name: "参加调查前，请您了解" }).waitFor();
        if (size.largeSwitch) {
          const toggle = page.getByRole("button", { name: "大字模式（长辈模式）" });
          expect(await toggle.getAttribute("aria-pressed")).toBe("false");
          await toggle.click();
          expect(await toggle.getAttribute("aria-pressed")).toBe("true");
          // Remembered on this phone: a reload opens in 大字.
          await page.reload();
          await page.getByRole("heading", { name: "参加调查前，请您了解" }).waitFor();
          expect(await page.evaluate(() => document.documentElement.classList.contains("large-text"))).toBe(true);
          const rootSize = await page.evaluate(() =>
            Number.parseFloat(getComputedStyle(document.documentElement).fontSize),
          );
          expect(rootSize).toBeGreaterThanOrEqual(20);
          // Elderly mode: touch targets at least 60×60.
          const box = await page.getByRole("button", { name: "同意并继续" }).boundingBox();
          expect(box?.height ?? 0).toBeGreaterThanOrEqual(60);
        }
        // How long it is, counted from the questionnaire definition.
        await page.getByText(/^共 \d+ 题，约 \d+ 分钟$/).waitFor();
        // Focus is on the screen's heading, not on <body>.

        expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("H1");
        await checkScreen(page, `${tag} consent`);
        await shoot("01-consent");

        // The consent bar can be reached: scrolled to, it is inside the visible area, and works.
        const agree = page.getByLabel("我已阅读并同意以上说明");
        const proceed = page.getByRole("button", { name: "同意并继续" });
        await proceed.scrollIntoViewIfNeeded();
        const proceedBox = await proceed.boundingBox();
        expect(proceedBox).not.toBeNull();
        expect((proceedBox?.y ?? 0) + (proceedBox?.height ?? 0)).toBeLessThanOrEqual(screen.height);
        await agree.check();
        await shoot("02-consent-bar");
        await proceed.click();
        await page.getByRole("heading", { name: "验证身份" }).waitFor();
        expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("验证身份");
        await page.getByText("每位参与者需使用本人的手机号码").waitFor();

        // All 18 characters of an ID number and all 6 digits of a code fit in their boxes.
        expect(await inputShowsWhole(page, "居民身份证号码", "31011719800101123X"), "ID box").toMatchObject({
          fits: true,
        });
        expect(await inputShowsWhole(page, "短信验证码", "888888"), "code box").toMatchObject({ fits: true });
        await page.getByLabel("居民身份证号码").fill(resident.idNumber);
        await page.getByLabel("手机号码").fill(resident.phone);
        await checkScreen(page, `${tag} verification`);
        const since = new Date();
        await page.getByRole("button", { name: "获取验证码" }).click();
        await page.getByText("验证码已发送到").waitFor();
        const code = await smsCode(survey.server.baseUrl, resident.phone, since);
        await page.getByLabel("短信验证码").fill(code.slice(0, 5));
        await checkScreen(page, `${tag} verification, code sent`);
        await shoot("03-verification");
        await page.getByLabel("短信验证码").fill(code);
        await page.locator(".sd-question").first().waitFor();

        const total = Number((await currentPage(page)).split("/")[1]);
        expect(total).toBeGreaterThan(1);
        for (let pageNo = 1; pageNo <= total; pageNo++) {
          if (pageNo > 1) {
            await goToNextPage(page);
            // After a page change, focus moves to the new page's heading.
            await page.waitForFunction(() => document.activeElement?.classList.contains("sd-page__title"));
          }
          await answerCurrentPage(page);
          await checkScreen(page, `${tag} questionnaire page ${pageNo}`);
          if (pageNo === 1) await shoot("04-questionnaire");
        }
        await page.getByRole("button", { name: "提交问卷" }).scrollIntoViewIfNeeded();
        await shoot("05-last-page");
        await page.getByRole("button", { name: "提交问卷" }).click();
        await page.getByRole("heading", { name: "提交成功，感谢您的参与！" }).waitFor();
        await checkScreen(page, `${tag} receipt`);
        await shoot("06-receipt");
        expect(pageErrors).toEqual([]);
      });
    }
  }
});
