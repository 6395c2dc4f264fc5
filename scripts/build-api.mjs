// `npm run build` (after the front ends): bundles the API (apps/api/src/server.ts and the workspace packages
// it imports, TypeScript compiled) into apps/api/dist/server.js, so production runs plain JavaScript with no
// tsx. Third-party packages stay external and load from node_modules: native ones (argon2, PGlite's WASM),
// and those that read their own files at run time (swagger-ui's assets, exceljs).
import { copyFileSync, mkdirSync, renameSync, writeFileSync } from "node:fs";
import { basename } from "node:path";
import { build } from "esbuild";

const root = new URL("..", import.meta.url).pathname;
const outfile = `${root}apps/api/dist/server.js`;

/** The server, and the report writer's worker thread (started from the file beside the server). */
const result = await build({
  entryPoints: [
    { in: `${root}apps/api/src/server.ts`, out: "server" },
    { in: `${root}apps/api/src/modules/reports/render/report-worker.ts`, out: "report-worker" },
  ],
  outdir: `${root}apps/api/dist`,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  sourcemap: true,
  write: false,
  // Workspace packages (@survey/*) are compiled in; every other bare import (node:*, npm packages) is left alone.
  plugins: [
    {
      name: "third-party-external",
      setup(builder) {
        builder.onResolve({ filter: /^[^./]/ }, (args) =>
          args.path.startsWith("@survey/") ? undefined : { external: true },
        );
      },
    },
  ],
  logLevel: "warning",
});
// Written aside and renamed, so a server starting (or a test building) meanwhile never reads half a file.
mkdirSync(`${root}apps/api/dist`, { recursive: true });
for (const file of result.outputFiles) {
  const partial = `${file.path}.${process.pid}.partial`;
  writeFileSync(partial, file.contents);
  renameSync(partial, file.path);
}
// The upload parser's worker thread is started from a file beside the server (plain JavaScript already).
copyFileSync(
  `${root}apps/api/src/platform/uploads/spreadsheet-worker.mjs`,
  `${root}apps/api/dist/spreadsheet-worker.mjs`,
);
console.log(`built apps/api/dist/${basename(outfile)}`);
