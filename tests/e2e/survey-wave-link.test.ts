import { describe, expect, it } from "vitest";
import { DEMO_WAVE_TITLE } from "../../apps/api/src/seed/seed-demo";
import { signIn } from "../support/test-app";
import { screenshot } from "./support/survey-browser";
import { withSurveyServerAndPhone } from "./support/survey-session";

const COMMUNITY = "310117116001";
const TITLE_2027 = "2027年松江区民生满意度调查";

/** A printed 2026 poster keeps opening 2026 after 2027 opened; a link without its wave opens the current one. */
describe("resident survey: the wave a poster link names", () => {
  const survey = withSurveyServerAndPhone();

  it("opens 2026 from a 2026 poster after 2027 opened, 2027 from a link without a wave, and says when 2026 ended", async () => {
    const { app } = survey.server;
    const admin = await signIn(app, "admin");
    const current = (await app.inject({ url: "/api/waves/current" })).json() as { id: number; code: string };
    const [questionnaire] = (await app.inject({ url: "/api/admin/questionnaires", headers: admin.headers })).json();
    const created = await app.inject({
      method: "POST",
      url: "/api/admin/waves",
      headers: admin.headers,
      payload: { code: "SJ-2027", title: TITLE_2027, year: 2027, questionnaireId: questionnaire.id },
    });
    expect(created.statusCode, created.body).toBe(201);
    const opened = await app.inject({
      method: "POST",
      url: `/api/admin/waves/${created.json().id}/open`,
      headers: admin.headers,
      payload: { confirmAnotherOpen: true },
    });
    expect(opened.statusCode, opened.body).toBe(200);

    const { page } = survey.phone;
    await page.goto(`${survey.server.baseUrl}/?w=${current.code}&c=${COMMUNITY}`);
    await page.getByText(DEMO_WAVE_TITLE).first().waitFor();
    expect(await page.getByText(TITLE_2027).count()).toBe(0);
    await screenshot(page, "survey-30-poster-names-its-wave", { fullPage: false });

    await page.goto(`${survey.server.baseUrl}/?c=${COMMUNITY}`);
    await page.getByText(TITLE_2027).first().waitFor();
    expect(await page.getByText(DEMO_WAVE_TITLE).count()).toBe(0);

    const closed = await app.inject({
      method: "POST",
      url: `/api/admin/waves/${current.id}/close`,
      headers: admin.headers,
    });
    expect(closed.statusCode).toBe(200);
    await page.goto(`${survey.server.baseUrl}/?w=${current.code}&c=${COMMUNITY}`);
    await page.getByRole("heading", { name: "本次调查已经结束" }).waitFor();
    await page.getByText(DEMO_WAVE_TITLE).first().waitFor();
  });
});
