import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";
import { VitePWA } from "vite-plugin-pwa";

const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|map)$/;
/** Below this a compressed copy saves less than the extra header costs. */
const MIN_BYTES = 1024;

function* filesUnder(dir: string): Generator<string> {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) yield* filesUnder(path);
    else yield path;
  }
}

/**
 * Writes a .br and a .gz beside every text asset after the build, at maximum compression, so the
 * server (@fastify/static with preCompressed) sends them without compressing on each request.
 */
function precompress(): Plugin {
  let outDir = "dist";
  return {
    name: "survey-precompress",
    apply: "build",
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      for (const path of filesUnder(outDir)) {
        if (!COMPRESSIBLE.test(path)) continue;
        const content = readFileSync(path);
        if (content.length < MIN_BYTES) continue;
        writeFileSync(
          `${path}.br`,
          brotliCompressSync(content, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
              [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
            },
          }),
        );
        writeFileSync(`${path}.gz`, gzipSync(content, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  plugins: [
    react(),
    // A service worker keeps the app shell (HTML, scripts, styles — the questionnaire chunk too) on the phone,
    // so a reload without network opens the app and the answers saved on it instead of the browser's error
    // page. It serves only the resident app's own page ("/" with its query); the API, console, posters and
    // bulletin always go to the network.
    VitePWA({
      injectRegister: false,
      registerType: "autoUpdate",
      manifest: false,
      workbox: {
        globPatterns: ["**/*.{js,css,html}"],
        navigateFallback: "/index.html",
        navigateFallbackAllowlist: [/^\/(\?.*)?$/],
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: true,
      },
    }),
    precompress(),
  ],
  base: "/",
  resolve: {
    // Preact's compatibility layer in place of React: the same components (and survey-react-ui, which SurveyJS
    // itself builds on Preact for its framework-free UI) in 5 KB instead of 60, which a phone on a weak network
    // downloads before it can show anything (bench/resident-page.ts).
    alias: [
      { find: /^react-dom\/client$/, replacement: "preact/compat/client" },
      { find: /^react-dom$/, replacement: "preact/compat" },
      { find: /^react\/jsx-runtime$/, replacement: "preact/jsx-runtime" },
      { find: /^react\/jsx-dev-runtime$/, replacement: "preact/jsx-dev-runtime" },
      { find: /^react$/, replacement: "preact/compat" },
    ],
  },
  build: {
    // WeChat's in-app browser on older Android phones.
    target: "es2019",
    outDir: "dist",
    emptyOutDir: true,
    // SurveyJS is one large lazy chunk by design; the first screen is checked by tests/survey-size.test.ts.
    chunkSizeWarningLimit: 1700,
  },
  server: { proxy: { "/api": "http://localhost:3000" } },
});
