import { describe, expect, it } from "vitest";
import { respondByApi } from "./support/survey-api";
import { screenshot } from "./support/survey-browser";
import { agreeToConsent } from "./support/survey-flow";
import { newResident } from "./support/survey-residents";
import { withSurveyServerAndPhone } from "./support/survey-session";
import { smsCode } from "./support/survey-sms";

const FULL_WIDTH = (text: string) => text.replace(/[0-9+\-X]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/** What residents type, paste or have filled in: each kept whole and cleaned, never cut first. */
describe("resident survey: the verification inputs clean before they limit", () => {
  const survey = withSurveyServerAndPhone();

  it("takes spaces, dashes, full-width digits, +86 and a pasted SMS, and confirms with the code in it", async () => {
    const { page } = survey.phone;
    const resident = newResident();
    await page.goto(`${survey.server.baseUrl}/?c=310117001001`);
    await agreeToConsent(page);
    const id = page.getByLabel("居民身份证号码");
    const phone = page.getByLabel("手机号码");
    const code = page.getByLabel("短信验证码");
    expect(await code.getAttribute("autocomplete")).toBe("one-time-code");
    expect(await code.getAttribute("inputmode")).toBe("numeric");

    // ID number with spaces and dashes, typed key by key: all 18 characters stay.
    const idn = resident.idNumber;
    await id.pressSequentially(` ${idn.slice(0, 6)} ${idn.slice(6, 14)}-${idn.slice(14)} `);
    expect(await id.inputValue()).toBe(idn);
    // Full-width, as some Chinese keyboards give it.
    await id.fill(FULL_WIDTH(idn));
    expect(await id.inputValue()).toBe(idn);

    // Phone with +86, spaces and dashes (17 characters: a maxLength of 16 used to cut the last digit).
    const p = resident.phone;
    const spaced = `+86 ${p.slice(0, 3)}-${p.slice(3, 7)}-${p.slice(7)}`;
    await phone.pressSequentially(spaced);
    expect(await phone.inputValue()).toBe(p);
    await phone.fill(FULL_WIDTH(spaced));
    expect(await phone.inputValue()).toBe(p);
    await code.focus();
    expect(await page.getByText("请输入11位中国大陆手机号码").count()).toBe(0);

    // The code box before a code was asked for: spaces, full width, a whole SMS → six digits.
    await code.pressSequentially(" 453 505 ");
    expect(await code.inputValue()).toBe("453505");
    await code.fill("４５３５０５");
    expect(await code.inputValue()).toBe("453505");
    await code.fill("【区社会建设办公室】您的验证码为453505，5分钟内有效，请勿告诉他人。");
    expect(await code.inputValue()).toBe("453505");
    await code.fill("");

    const since = new Date();
    await page.getByRole("button", { name: "获取验证码" }).click();
    await page.getByText("验证码已发送到").waitFor();
    const sent = await smsCode(survey.server.baseUrl, p, since);
    await screenshot(page, "survey-31-inputs-cleaned", { fullPage: false });
    // Pasting the whole SMS confirms with the code inside it.
    await code.fill(`【区社会建设办公室】您的验证码为${sent}，5分钟内有效，请勿告诉他人。`);
    await page.locator(".sd-question").first().waitFor();
  });

  it("a family member on a phone that already answered can change to their own number (换个号码)", async () => {
    const { page } = survey.phone;
    const parent = newResident();
    const child = newResident();
    await respondByApi(survey.server.baseUrl, parent, "310117001001");

    await page.goto(`${survey.server.baseUrl}/?c=310117001001`);
    await agreeToConsent(page);
    await page.getByText("每位参与者需使用本人的手机号码").waitFor();
    await page.getByLabel("居民身份证号码").fill(child.idNumber);
    await page.getByLabel("手机号码").fill(parent.phone);
    // Start answers as for anyone (SPEC §6); confirm says the phone took part, after the right code. The phone's
    // resend interval (60 s) counts the parent's code.
    survey.server.skipAhead(61_000);
    const sharedSince = new Date();
    await page.getByRole("button", { name: "获取验证码" }).click();
    await page.getByText("验证码已发送到").waitFor();
    await page.getByLabel("短信验证码").fill(await smsCode(survey.server.baseUrl, parent.phone, sharedSince));
    await page.getByRole("heading", { name: "您已经参加过本次调查" }).waitFor();
    await page.getByText("每位参与者需使用本人的手机号码，请换成您自己的号码").waitFor();
    await screenshot(page, "survey-32-shared-phone", { fullPage: false });

    await page.getByRole("button", { name: "换个号码" }).click();
    await page.getByRole("heading", { name: "验证身份" }).waitFor();
    // Back at the phone field: the ID number kept, the phone empty and focused.
    expect(await page.getByLabel("居民身份证号码").inputValue()).toBe(child.idNumber);
    expect(await page.getByLabel("手机号码").inputValue()).toBe("");
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe("phone");

    await page.getByLabel("手机号码").fill(child.phone);
    const since = new Date();
    await page.getByRole("button", { name: "获取验证码" }).click();
    await page.getByText("验证码已发送到").waitFor();
    await page.getByLabel("短信验证码").fill(await smsCode(survey.server.baseUrl, child.phone, since));
    await page.locator(".sd-question").first().waitFor();
  });
});
