import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SignedInUser, signIn } from "../support/test-app";
import { waitUntilLoaded } from "./support/console-analysis-api";
import { type AnalysisData, seedAnalysisData } from "./support/console-analysis-data";
import { type ConsoleBrowser, openConsoleBrowser } from "./support/console-browser";
import { ADMIN_PASSWORD, ADMIN_USERNAME, type ConsoleServer, startConsoleServer } from "./support/console-server";
import { signInThroughPage } from "./support/console-session";
import { axeViolations } from "./support/survey-a11y";
import { ensureSurveyBuilt } from "./support/survey-build";
import { agreeToConsent, answerCurrentPage, enterCode, goToNextPage, requestCode } from "./support/survey-flow";
import { newResident } from "./support/survey-residents";

/** What the browser refused under the page's Content Security Policy, and console errors that mention it. */
interface Violation {
  page: string;
  directive: string;
  blocked: string;
  sample?: string;
}

const violations: Violation[] = [];

/** Every page of the context (new tabs too) reports its CSP violations and CSP console errors here. */
async function watchViolations(context: BrowserContext): Promise<void> {
  await context.exposeFunction("reportCspViolation", (violation: Violation) => violations.push(violation));
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { reportCspViolation: (v: unknown) => void }).reportCspViolation({
        page: location.pathname,
        directive: event.effectiveDirective,
        blocked: event.blockedURI,
        sample: event.sample,
      });
    });
  });
  const watch = (page: Page) =>
    page.on("console", (message) => {
      if (message.type() === "error" && /Content Security Policy/i.test(message.text())) {
        violations.push({ page: page.url(), directive: "console", blocked: message.text() });
      }
    });
  for (const page of context.pages()) watch(page);
  context.on("page", watch);
}

let server: ConsoleServer;
let browser: ConsoleBrowser;
let admin: SignedInUser;
let data: AnalysisData;

beforeAll(async () => {
  ensureSurveyBuilt();
  server = await startConsoleServer();
  admin = await signIn(server.app, "admin");
  data = await seedAnalysisData(server.app, admin, 40);
  browser = await openConsoleBrowser(server.origin);
  await watchViolations(browser.context);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("every page under the Content Security Policy", () => {
  it("sends a strict CSP and the usual security headers with the pages and the API", async () => {
    for (const path of ["/", "/console/", `/api/waves/current`]) {
      const response = await fetch(`${server.origin}${path}`);
      const csp = response.headers.get("content-security-policy") ?? "";
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe/);
      // Style elements inline only on the resident's pages (SurveyJS writes its theme variables into one).
      if (path !== "/") expect(csp).not.toMatch(/style-src [^;]*unsafe/);
      expect(csp).toContain("object-src 'none'");
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("x-frame-options")).toBe("SAMEORIGIN");
      expect(response.headers.get("referrer-policy")).toBe("same-origin");
    }
  });

  it("the resident's way (consent, verification, questionnaire) breaks no rule", async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/?c=310117001001");
    await agreeToConsent(page);
    // The service is busy (every start needs a challenge): the app solves it by itself, under the policy.
    server.app.config.challenge.perAddress = 0;
    const starts: string[] = [];
    page.on("request", (request) => {
      if (request.method() === "POST" && request.url().endsWith("/verifications"))
        starts.push(request.postData() ?? "");
    });
    const code = await requestCode(page, server.origin, newResident());
    server.app.config.challenge.perAddress = 1_000_000;
    expect(starts).toHaveLength(2);
    expect(JSON.parse(starts[1] ?? "{}").challenge.solution.counter).toEqual(expect.any(Number));
    await enterCode(page, code);
    await answerCurrentPage(page);
    await goToNextPage(page);
    await page.close();
    expect(violations.splice(0)).toEqual([]);
  });

  it("every console page of the administrator, with its charts and live monitor, breaks no rule", async () => {
    const { page } = browser;
    await signInThroughPage(page, ADMIN_USERNAME, ADMIN_PASSWORD);
    const links = page.getByRole("navigation", { name: "主菜单" }).getByRole("link");
    const paths = await links.evaluateAll((anchors) => anchors.map((a) => (a as HTMLAnchorElement).pathname));
    expect(paths.length).toBeGreaterThan(8);
    for (const path of paths) {
      await page.goto(path);
      await page.getByRole("heading", { level: 1 }).first().waitFor();
      await waitUntilLoaded(page);
      // Charts draw after their data: let them, and show a tooltip where there is a chart.
      const chart = page.locator("canvas").first();
      if ((await chart.count()) > 0) {
        const box = await chart.boundingBox();
        if (box) await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
      }
      await page.waitForTimeout(300);
    }
    // The password form (every user's, in the header): accessible, and a wrong current password is told.
    await page.getByRole("button", { name: "修改密码" }).click();
    const dialog = page.getByRole("dialog", { name: "修改我的密码" });
    await dialog.waitFor();
    await dialog.getByLabel("当前密码").fill("not-my-password");
    await dialog.getByLabel("新密码", { exact: true }).fill("松江区春天的雨-2026");
    await dialog.getByLabel("再次输入新密码").fill("松江区春天的雨-2026");
    await dialog.getByRole("button", { name: "修改密码" }).click();
    await dialog.getByText("当前密码不正确。").waitFor();
    await browser.screenshot("password-dialog");
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press("Escape");
    expect(violations.splice(0)).toEqual([]);
  });

  it("a town's printable posters and the ranking bulletin break no rule", async () => {
    const page = await browser.context.newPage();
    await page.goto(`/api/admin/waves/${data.waveId}/towns/310117001/posters`);
    await page.locator(".poster svg").first().waitFor();
    // The poster's own style applies (allowed by its hash): a poster fills an A4 page.
    const posterHeight = await page
      .locator(".poster")
      .first()
      .evaluate((el) => el.getBoundingClientRect().height);
    expect(posterHeight).toBeGreaterThan(600);
    await page.goto(`/api/admin/waves/${data.waveId}/bulletin`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    const styled = await page.locator("h1").evaluate((el) => getComputedStyle(el).fontFamily);
    expect(styled).not.toBe("");
    await page.close();
    expect(violations.splice(0)).toEqual([]);
  });

  it("a page that tries inline script is refused and reported (the check sees violations)", async () => {
    const page = await browser.context.newPage();
    await page.goto("/console/");
    await page.evaluate(() => {
      const script = document.createElement("script");
      script.textContent = "window.injected = true";
      document.body.append(script);
    });
    await page.waitForFunction(() => true);
    await expect.poll(() => violations.length).toBeGreaterThan(0);
    expect(await page.evaluate(() => (window as unknown as { injected?: boolean }).injected)).toBeUndefined();
    expect(violations.map((violation) => violation.directive)).toContain("script-src-elem");
    violations.length = 0;
    await page.close();
  });
});
