import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS } from "./survey-browser";

export const DESKTOP = { width: 1366, height: 900 } as const;
export const SCREENSHOT_DIR = fileURLToPath(new URL("../../../.tmp/screenshots/", import.meta.url));

export interface ConsoleBrowser {
  context: BrowserContext;
  page: Page;
  /** Saves .tmp/screenshots/console-<name>.png of the whole page. */
  screenshot(name: string, page?: Page): Promise<void>;
  close(): Promise<void>;
}

/** Debian's Chromium, headless, in a fresh profile, at desktop size, in Shanghai time and zh-CN. */
export async function openConsoleBrowser(origin: string): Promise<ConsoleBrowser> {
  // A fresh profile each run (Playwright passes it to Chromium as --user-data-dir).
  const profile = mkdtempSync(join(tmpdir(), "console-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    baseURL: origin,
    viewport: DESKTOP,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    acceptDownloads: true,
  });
  context.setDefaultTimeout(15_000);
  const page = context.pages()[0] ?? (await context.newPage());
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return {
    context,
    page,
    screenshot: async (name, target = page) => {
      // Sticky header and navigation are drawn where they belong only from the top of the page.
      await target.evaluate(() => window.scrollTo(0, 0));
      await target.screenshot({ path: join(SCREENSHOT_DIR, `console-${name}.png`), fullPage: true });
    },
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
