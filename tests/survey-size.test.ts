import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureSurveyBuilt } from "./e2e/support/survey-build";
import { createTestApp, type TestApp } from "./support/test-app";

/**
 * The first screen (consent + verification) must arrive quickly on a weak mobile network: ~26 KB (brotli) since
 * the app runs on Preact's compat layer; React alone was 60 KB of it.
 */
const FIRST_SCREEN_BUDGET_BYTES = 40 * 1024;

/** The JS and CSS that dist/index.html loads before anything else: entry script, stylesheets, preloads. */
function firstScreenAssets(html: string): string[] {
  const assets = new Set<string>();
  for (const match of html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)) assets.add(match[1] ?? "");
  for (const match of html.matchAll(/<link[^>]*\brel="(?:stylesheet|modulepreload)"[^>]*\bhref="([^"]+)"/g)) {
    assets.add(match[1] ?? "");
  }
  for (const match of html.matchAll(/<link[^>]*\bhref="([^"]+)"[^>]*\brel="(?:stylesheet|modulepreload)"/g)) {
    assets.add(match[1] ?? "");
  }
  return [...assets].filter((asset) => /\.(m?js|css)$/.test(asset));
}

/** The size a browser downloads: the pre-compressed file the server sends, or compressing it now. */
function compressedSize(path: string, encoding: "br" | "gz"): number {
  const precompressed = `${path}.${encoding}`;
  if (existsSync(precompressed)) return readFileSync(precompressed).length;
  const content = readFileSync(path);
  return (encoding === "br" ? brotliCompressSync(content) : gzipSync(content, { level: 9 })).length;
}

describe("resident app bundle", () => {
  let dist: string;
  let html: string;

  beforeAll(() => {
    dist = ensureSurveyBuilt();
    html = readFileSync(join(dist, "index.html"), "utf8");
  }, 180_000);

  it(`loads the first screen with at most ${FIRST_SCREEN_BUDGET_BYTES / 1024} KB of compressed JS and CSS`, () => {
    const assets = firstScreenAssets(html);
    expect(assets.some((asset) => asset.endsWith(".js"))).toBe(true);
    for (const encoding of ["br", "gz"] as const) {
      const total = assets.reduce((sum, asset) => sum + compressedSize(join(dist, asset), encoding), 0);
      expect(total, `${encoding} size of ${assets.join(", ")}`).toBeLessThanOrEqual(FIRST_SCREEN_BUDGET_BYTES);
    }
  });

  it("keeps SurveyJS out of the first screen, in a chunk of its own", () => {
    const entryCode = firstScreenAssets(html)
      .filter((asset) => asset.endsWith(".js"))
      .map((asset) => readFileSync(join(dist, asset), "utf8"))
      .join("\n");
    // Markers of SurveyJS: the version registration of survey-react-ui and survey-core's root CSS class.
    const isSurveyJs = (code: string) => code.includes("`survey-react-ui`") || code.includes("sd-root-modern");
    expect(isSurveyJs(entryCode), "SurveyJS code in the entry chunk").toBe(false);
    const lazyChunk = entryCode.match(/assets\/questionnaire-screen-[\w-]+\.js/)?.[0];
    expect(lazyChunk, "the entry refers to the questionnaire chunk").toBeDefined();
    expect(isSurveyJs(readFileSync(join(dist, lazyChunk ?? ""), "utf8")), "SurveyJS in the lazy chunk").toBe(true);
  });

  describe("served by the API", () => {
    let testApp: TestApp;
    beforeAll(async () => {
      testApp = await createTestApp();
    });
    afterAll(async () => {
      await testApp?.close();
    });

    it("sends hashed assets pre-compressed with year-long immutable caching, and index.html revalidated", async () => {
      const entry = firstScreenAssets(html).find((asset) => asset.endsWith(".js")) ?? "";
      const brotli = await testApp.app.inject({ url: entry, headers: { "accept-encoding": "br, gzip" } });
      expect(brotli.statusCode).toBe(200);
      expect(brotli.headers["content-encoding"]).toBe("br");
      expect(brotli.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
      expect(brotli.rawPayload.length).toBe(readFileSync(join(dist, `${entry}.br`)).length);

      const gzip = await testApp.app.inject({ url: entry, headers: { "accept-encoding": "gzip" } });
      expect(gzip.headers["content-encoding"]).toBe("gzip");

      const index = await testApp.app.inject({ url: "/?c=310117001001" });
      expect(index.statusCode).toBe(200);
      expect(index.headers["cache-control"]).toBe("no-cache");
      expect(index.body).toContain(entry);
    });
  });
});
