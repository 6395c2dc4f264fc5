import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { repoRoot } from "./survey-build";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
/** How every browser test starts Chromium (headless on a server without GPU, sandbox or background traffic). */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
export const screenshotDir = join(repoRoot, ".tmp", "screenshots");

/** An Android phone's WeChat browser: what most residents open the survey in. */
const WECHAT_ANDROID_UA =
  "Mozilla/5.0 (Linux; Android 13; V2218A Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) " +
  "Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160065 MMWEBSDK/20231202 MicroMessenger/8.0.47.2560(0x28002F35) " +
  "WeChat/arm64 Weixin NetType/4G Language/zh_CN ABI/arm64";

export interface PhoneBrowser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** Debian's Chromium, headless. One per test file: each phone is a fresh context of it. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium fonts-noto-cjk (see .ci/run)`);
  }
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/**
 * A phone at 390×844 with touch: a new browser context, so it starts with no cookies, storage or cache
 * of its own, like a fresh profile.
 */
export async function openPhone(browser: Browser): Promise<PhoneBrowser> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    userAgent: WECHAT_ANDROID_UA,
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  return { context, page, close: () => context.close() };
}

/** Saves `.tmp/screenshots/<name>.png` (the whole page unless told otherwise) for people to look at. */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  // Let fonts, transitions and the debounced save status settle.
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(250);
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: options.fullPage ?? true });
}
