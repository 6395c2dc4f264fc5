import type { Page } from "playwright-core";
import { launchChromium } from "../../tests/e2e/support/survey-browser";

export const NETWORK = { downloadKbit: 1600, uploadKbit: 750, rttMs: 150 };

export interface Traffic {
  requests: number;
  bytes: number;
}

/** Requests so far: how many were sent and the bytes of those finished; `except` leaves matching URLs out. */
export type TrafficMeter = (except?: RegExp) => Traffic;

/**
 * A fresh headless Chromium profile (cold cache, as on a first visit from WeChat) at phone size, with the
 * network throttled through the DevTools protocol to 1.6 Mbit/s down, 750 kbit/s up, 150 ms round trip.
 */
export async function throttledPhone(): Promise<{ page: Page; traffic: TrafficMeter; close(): Promise<void> }> {
  const browser = await launchChromium();
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: "zh-CN",
  });
  context.setDefaultTimeout(60_000);
  const page = await context.newPage();
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
      await browser.close();
    },
  };
}
