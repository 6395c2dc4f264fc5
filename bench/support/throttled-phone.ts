import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Page } from "playwright-core";

export const NETWORK = { downloadKbit: 1600, uploadKbit: 750, rttMs: 150 };

const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * A fresh headless Chromium profile (cold cache, as on a first visit from WeChat) at phone size, with the
 * network throttled through the DevTools protocol to 1.6 Mbit/s down, 750 kbit/s up, 150 ms round trip.
 */
export interface Traffic {
  requests: number;
  bytes: number;
}

/** Requests so far: how many were sent and the bytes of those finished; `except` leaves matching URLs out. */
export type TrafficMeter = (except?: RegExp) => Traffic;

export async function throttledPhone(): Promise<{ page: Page; traffic: TrafficMeter; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), "bench-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: ARGS,
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: "zh-CN",
  });
  context.setDefaultTimeout(60_000);
  const page = context.pages()[0] ?? (await context.newPage());
  const cdp = await context.newCDPSession(page);
  const requests = new Map<string, { url: string; bytes: number }>();
  cdp.on("Network.requestWillBeSent", (event) => {
    requests.set(event.requestId, { url: event.request.url, bytes: 0 });
  });
  cdp.on("Network.loadingFinished", (event) => {
    const request = requests.get(event.requestId);
    if (request) request.bytes = event.encodedDataLength;
  });
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: NETWORK.rttMs,
    downloadThroughput: (NETWORK.downloadKbit * 1000) / 8,
    uploadThroughput: (NETWORK.uploadKbit * 1000) / 8,
  });
  return {
    page,
    traffic: (except) => {
      const counted = [...requests.values()].filter((request) => !except?.test(request.url));
      return { requests: counted.length, bytes: counted.reduce((sum, request) => sum + request.bytes, 0) };
    },
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
