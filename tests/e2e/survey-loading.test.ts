import type { Page, Route } from "playwright-core";
import { describe, expect, it } from "vitest";
import { agreeToConsent, enterCode, requestCode } from "./support/survey-flow";
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
});
