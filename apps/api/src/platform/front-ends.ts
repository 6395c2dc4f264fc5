import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { FastifyReply } from "fastify";
import fp from "fastify-plugin";
import { NotFoundError } from "./errors";

/**
 * The folder holding apps/survey and apps/console, found upwards from this module: it runs from
 * apps/api/src/platform/ (tsx) or bundled into apps/api/dist/server.js (`npm run build`).
 */
function findAppsDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "apps", "survey"))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no apps/survey above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
  return join(dir, "apps");
}

const appsDir = findAppsDir();

/** The built front ends' index pages (each may be missing before `npm run build`). */
export const builtIndexPages = [
  join(appsDir, "survey", "dist", "index.html"),
  join(appsDir, "console", "dist", "index.html"),
];

interface FrontEnd {
  prefix: string;
  root: string;
}

/** Hashed assets never change under their name; everything else is revalidated. */
function setCacheHeaders(reply: FastifyReply, path: string) {
  if (/[/\\]assets[/\\]/.test(path)) {
    reply.header("cache-control", "public, max-age=31536000, immutable");
  } else {
    reply.header("cache-control", "no-cache");
  }
}

const MISSING_BUILD_PAGE = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>尚未构建</title>
<p>前端页面尚未构建。请运行 <code>npm run build</code> 或 <code>npm start</code>。</p></html>`;

/** Serves the built resident app at / and the console at /console/, with SPA fallback. */
export default fp(
  async (app) => {
    const survey: FrontEnd = { prefix: "/", root: join(appsDir, "survey", "dist") };
    const consoleApp: FrontEnd = { prefix: "/console/", root: join(appsDir, "console", "dist") };

    let decorated = false;
    for (const frontEnd of [consoleApp, survey]) {
      if (!existsSync(frontEnd.root)) continue;
      await app.register(fastifyStatic, {
        root: frontEnd.root,
        prefix: frontEnd.prefix,
        prefixAvoidTrailingSlash: false,
        preCompressed: true,
        decorateReply: !decorated,
        wildcard: true,
        index: ["index.html"],
        cacheControl: false,
        setHeaders: setCacheHeaders,
      });
      decorated = true;
    }

    const sendIndex = (reply: FastifyReply, frontEnd: FrontEnd) => {
      if (!existsSync(join(frontEnd.root, "index.html"))) {
        return reply.status(503).type("text/html; charset=utf-8").send(MISSING_BUILD_PAGE);
      }
      reply.header("cache-control", "no-cache");
      return reply.sendFile("index.html", frontEnd.root);
    };

    app.setNotFoundHandler((request, reply) => {
      const path = request.url.split("?")[0] ?? "/";
      if (path.startsWith("/api/") || path === "/api" || request.method !== "GET") {
        throw new NotFoundError();
      }
      // Client-side routes of the single-page apps fall back to their index.html.
      if (path === "/console" || path.startsWith("/console/")) return sendIndex(reply, consoleApp);
      if (/\.[a-z0-9]+$/i.test(path)) throw new NotFoundError();
      return sendIndex(reply, survey);
    });
  },
  { name: "front-ends" },
);
