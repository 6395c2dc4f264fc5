import type { Page, Route } from "playwright-core";
import { describe, expect, it } from "vitest";
import { checkScreen } from "./support/survey-a11y";
import { screenshot } from "./support/survey-browser";
import {
  agreeToConsent,
  checkedValue,
  currentPage,
  enterCode,
  requestCode,
  serverDraft,
  storedToken,
  waitForSaved,
} from "./support/survey-flow";
import { newResident } from "./support/survey-residents";
import { withSurveyServerAndPhone } from "./support/survey-session";

const COMMUNITY = { code: "310117001001", name: "荣乐社区居委会", town: "岳阳街道" };

/** Holds the responses to `pattern` until `release()`: a download still on its way on a slow network. */
async function holdResponses(page: Page, pattern: string) {
  const held: Route[] = [];
  let requested: () => void = () => {};
  const firstRequest = new Promise<void>((resolve, reject) => {
    requested = resolve;
    setTimeout(() => reject(new Error(`${pattern} was not requested within 15 s`)), 15_000);
  });
  firstRequest.catch(() => {});
  let releasing = false;
  await page.route(pattern, (route) => {
    if (releasing) return route.continue();
    held.push(route);
    requested();
  });
  return {
    firstRequest,
    release: async () => {
      releasing = true;
      await Promise.all(held.map((route) => route.continue()));
    },
  };
}

/** Paths (with their query) of the app's own requests, in the order the page made them. */
function recordRequests(page: Page, baseUrl: string): string[] {
  const paths: string[] = [];
  page.on("request", (request) => {
    if (!request.url().startsWith(baseUrl)) return;
    const url = new URL(request.url());
    paths.push(`${request.method()} ${url.pathname}${url.search}`);
  });
  return paths;
}

describe("resident page loading on a slow network (390×844)", () => {
  const survey = withSurveyServerAndPhone();

  it("asks for the first screen's data while the app's script is still downloading, and only once", async () => {
    const { page } = survey.phone;
    const requests = recordRequests(page, survey.server.baseUrl);
    const script = await holdResponses(page, "**/assets/index-*.js");
    await page.goto(`${survey.server.baseUrl}/?c=${COMMUNITY.code}`, { waitUntil: "commit" });
    await script.firstRequest;

    // With the script held back, the page itself already asked for the wave, the community and its town, in one
    // request (three in a row would each cost a round trip).
    const firstScreenData = [`GET /api/waves/link?c=${COMMUNITY.code}`];
    await expect.poll(() => requests.filter((path) => path.includes("/api/"))).toEqual(firstScreenData);
    await page.getByText("正在加载…").waitFor();

    await script.release();
    await page.getByText(`${COMMUNITY.town} · ${COMMUNITY.name}`).waitFor();
    await agreeToConsent(page);
    // The app took those answers instead of asking again.
    expect(requests.filter((path) => path.includes("/api/"))).toEqual(firstScreenData);
  });

  it("shows consent and the verification form without SurveyJS, and has it fetched before the code is confirmed", async () => {
    const { page } = survey.phone;
    const resident = newResident();
    const requests = recordRequests(page, survey.server.baseUrl);
    const surveyJs = await holdResponses(page, "**/assets/questionnaire-screen-*.js");
    const confirmAnswers: { encoding?: string }[] = [];
    page.on("response", (response) => {
      if (response.url().endsWith("/confirm"))
        confirmAnswers.push({ encoding: response.headers()["content-encoding"] });
    });

    await page.goto(`${survey.server.baseUrl}/?c=${COMMUNITY.code}`, { waitUntil: "commit" });
    await page.getByText(`${COMMUNITY.town} · ${COMMUNITY.name}`).waitFor();
    // Requested while the resident reads the consent, before touching anything.
    await surveyJs.firstRequest;
    await agreeToConsent(page);
    const code = await requestCode(page, survey.server.baseUrl, resident);

    await surveyJs.release();
    await enterCode(page, code);
    const chunk = requests.findIndex((path) => /questionnaire-screen-.*\.js$/.test(path));
    const confirm = requests.findIndex((path) => path.endsWith("/confirm"));
    expect(chunk).toBeGreaterThan(-1);
    expect(confirm).toBeGreaterThan(chunk);
    // The questionnaire came gzipped and the browser read it.
    expect(confirmAnswers).toEqual([{ encoding: "gzip" }]);
    expect(await page.locator(".sd-question").count()).toBeGreaterThan(0);
  });

  it("shows the first page at once when SurveyJS is still on its way, and SurveyJS carries on with its answers", async () => {
    const { page } = survey.phone;
    const resident = newResident();
    const surveyJs = await holdResponses(page, "**/assets/questionnaire-screen-*.js");
    await page.goto(`${survey.server.baseUrl}/?c=${COMMUNITY.code}`, { waitUntil: "commit" });
    await agreeToConsent(page);
    const code = await requestCode(page, survey.server.baseUrl, resident);
    await page.getByLabel("短信验证码").fill(code);

    // The first page, drawn without SurveyJS: its nine questions, answerable, as accessible as the rest.
    await page.getByRole("heading", { name: "一、生活条件" }).waitFor();
    expect(await page.locator(".sd-question").count()).toBe(0);
    const questions = page.getByRole("radiogroup");
    expect(await questions.count()).toBe(9);
    expect(await currentPage(page)).toBe("1/7");
    await checkScreen(page, "first page before SurveyJS");
    // The same on a small phone with WeChat's text at 200 %.
    await page.setViewportSize({ width: 360, height: 640 });
    await page.evaluate(() => {
      const style = document.createElement("style");
      style.id = "text-200";
      style.textContent = "html { font-size: 200% !important; }";
      document.head.append(style);
    });
    await checkScreen(page, "first page before SurveyJS, 360×640, text 200 %");
    await screenshot(page, "first-page-before-surveyjs-360-200");
    await page.evaluate(() => document.getElementById("text-200")?.remove());
    await page.setViewportSize({ width: 390, height: 844 });
    await questions.first().getByText("不了解").click();
    for (let index = 1; index < 9; index++) await questions.nth(index).getByText("比较满意").click();
    await page.getByRole("button", { name: "下一页" }).click();
    await page.getByRole("button", { name: "正在打开下一页…" }).waitFor();
    // Kept on the phone at once: a reload now would lose nothing.
    const kept = await page.evaluate(() => JSON.parse(window.localStorage.getItem("survey.session.v1") ?? "{}"));
    expect(Object.keys(kept.answers)).toHaveLength(9);
    expect(kept.answers.liv_income).toBe(8);

    // SurveyJS arrives: it checks the page (all answered) and goes on to page 2, with the answers saved.
    await surveyJs.release();
    await page.locator(".sd-question").first().waitFor();
    await expect.poll(() => currentPage(page)).toBe("2/7");
    await waitForSaved(page);
    const draft = await serverDraft(survey.server.baseUrl, await storedToken(page));
    expect(draft.liv_income).toBe(8);
    expect(Object.values(draft).filter((value) => value === 4)).toHaveLength(8);
    await page.getByRole("button", { name: "上一页" }).click();
    await expect.poll(() => currentPage(page)).toBe("1/7");
    expect(await checkedValue(page, "liv_income")).toBe("8");
    expect(await checkedValue(page, "liv_job_opportunities")).toBe("4");
  });
});
