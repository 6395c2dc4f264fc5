import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { respondByApi } from "./support/survey-api";
import { screenshot } from "./support/survey-browser";
import { agreeToConsent, requestCode } from "./support/survey-flow";
import { fillCommunity } from "./support/survey-quota";
import { newResident } from "./support/survey-residents";
import { withSurveyServerAndPhone } from "./support/survey-session";

/** The paths that end before the questionnaire: each must say why, what to do, and thank the resident. */
describe("resident survey: quota full, already responded, wrong code, closed wave", () => {
  const survey = withSurveyServerAndPhone();

  it("a QR link to a community that already has its share says so, explains why and thanks", async () => {
    const { page } = survey.phone;
    await fillCommunity(survey.server, "310117002001");
    await page.goto(`${survey.server.baseUrl}/?c=310117002001`);
    await page.getByRole("heading", { name: "这里的问卷已经收满了" }).waitFor();
    await page.getByText("每个社区和街镇收集的数量有上限").waitFor();
    await page.getByText("感谢您的关注和支持！").waitFor();
    expect(await page.getByLabel("居民身份证号码").count()).toBe(0);
    await screenshot(page, "survey-20-community-full");
  });

  it("a community that fills up while the resident types shows the quota-full message on 获取验证码", async () => {
    const { page } = survey.phone;
    const resident = newResident();
    await page.goto(`${survey.server.baseUrl}/?c=310117002002`);
    await agreeToConsent(page);
    await page.getByLabel("居民身份证号码").fill(resident.idNumber);
    await page.getByLabel("手机号码").fill(resident.phone);
    await fillCommunity(survey.server, "310117002002");
    await page.getByRole("button", { name: "获取验证码" }).click();
    await page.getByRole("heading", { name: "这里的问卷已经收满了" }).waitFor();
    await page.getByText("先到先得").waitFor();
  });

  it("someone who already responded is told so and thanked, without a questionnaire", async () => {
    const { page } = survey.phone;
    const resident = newResident();
    await respondByApi(survey.server.baseUrl, resident, "310117003001");
    await page.goto(`${survey.server.baseUrl}/?c=310117003001`);
    await agreeToConsent(page);
    // Start answers as for anyone (SPEC §6); confirm says so after the right code. The phone's resend interval
    // (60 s) counts the code of the first response.
    survey.server.skipAhead(61_000);
    const code = await requestCode(page, survey.server.baseUrl, resident);
    await page.getByLabel("短信验证码").fill(code);
    await page.getByRole("heading", { name: "您已经参加过本次调查" }).waitFor();
    await page.getByText("每人只能填写一次").waitFor();
    await screenshot(page, "survey-21-already-responded");
  });

  it("a wrong SMS code is refused inline with the attempts left, and the right one still works", async () => {
    const { page } = survey.phone;
    const resident = newResident();
    await page.goto(`${survey.server.baseUrl}/?c=310117003002`);
    await agreeToConsent(page);
    const code = await requestCode(page, survey.server.baseUrl, resident);
    const wrong = code === "000000" ? "111111" : "000000";
    await page.getByLabel("短信验证码").fill(wrong);
    await page.getByText(/验证码不正确.*还可以再试\d次/).waitFor();
    await screenshot(page, "survey-22-wrong-code", { fullPage: false });
    await page.getByLabel("短信验证码").fill(code);
    await page.locator(".sd-question").first().waitFor();
  });

  it("an ID number under the minimum age is refused kindly", async () => {
    const { page } = survey.phone;
    const child = newResident({ birthYear: new Date().getFullYear() - 10 });
    await page.goto(`${survey.server.baseUrl}/?c=310117003003`);
    await agreeToConsent(page);
    await page.getByLabel("居民身份证号码").fill(child.idNumber);
    await page.getByLabel("手机号码").fill(child.phone);
    await page.getByRole("button", { name: "获取验证码" }).click();
    await page.getByRole("heading", { name: "本次调查邀请成年居民参加" }).waitFor();
  });

  // Last: it closes the wave for every later request of this server.
  it("a closed wave shows a clear page instead of the survey", async () => {
    const { page } = survey.phone;
    await survey.server.database.handle.db.execute(sql`update waves set status = 'closed'`);
    await page.goto(`${survey.server.baseUrl}/?c=310117001001`);
    await page.getByRole("heading", { name: /目前没有正在进行的调查|本次调查已经结束/ }).waitFor();
    await screenshot(page, "survey-23-no-open-wave", { fullPage: false });
  });
});
