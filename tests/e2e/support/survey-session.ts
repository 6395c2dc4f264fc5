import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import { launchChromium, openPhone, type PhoneBrowser } from "./survey-browser";
import { type SurveyServer, startSurveyServer } from "./survey-server";

export interface SurveySession {
  /** The API serving the resident app, one for the whole file (tests share its database). */
  readonly server: SurveyServer;
  /** A fresh phone for the current test. */
  readonly phone: PhoneBrowser;
}

/**
 * Registers the hooks of a resident-survey e2e file: one server and one Chromium for the file, and a
 * new phone (browser context: no cookies, storage or cache) for every test. Read `server` and `phone`
 * inside tests, after the hooks ran.
 */
export function withSurveyServerAndPhone(): SurveySession {
  let server: SurveyServer | undefined;
  let browser: Browser | undefined;
  let phone: PhoneBrowser | undefined;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startSurveyServer(), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  beforeEach(async () => {
    if (!browser) throw new Error("Chromium did not start");
    phone = await openPhone(browser);
  });
  afterEach(async () => {
    await phone?.close();
    phone = undefined;
  });

  return {
    get server() {
      if (!server) throw new Error("the survey server did not start");
      return server;
    },
    get phone() {
      if (!phone) throw new Error("no phone outside a test");
      return phone;
    },
  };
}
