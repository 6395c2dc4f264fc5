import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import helmet from "@fastify/helmet";
import type { FastifyReply } from "fastify";
import fp from "fastify-plugin";
import { builtIndexPages } from "./front-ends";

declare module "fastify" {
  interface FastifyReply {
    /**
     * For a server-rendered page (posters, the ranking bulletin) whose one `<style>` element is `css`: the
     * page's policy allows exactly that style, by its hash.
     */
    allowInlineStyle(css: string): FastifyReply;
  }
}

type Directives = Record<string, string[]>;

/**
 * The Content Security Policy of every response (SPEC §6): scripts only from this origin's files (no inline
 * script, no eval, no other host), styles from its files, nothing embeds the pages elsewhere.
 *
 * `style-src-attr 'unsafe-inline'`: style *attributes* only, never `<style>` elements. ECharts writes its
 * tooltips as HTML strings whose markup carries `style="…"` (colour markers, layout), and SurveyJS and
 * React set element positions the same way; those attributes cannot run script or load anything (url() is
 * still bound by img-src/font-src 'self'), so allowing them costs little, while a `<style>` element or a
 * stylesheet from elsewhere stays refused.
 */
function directives(tls: boolean, inline: { scripts: string[]; styles: string[] }): Directives {
  return {
    "default-src": ["'self'"],
    "base-uri": ["'self'"],
    "object-src": ["'none'"],
    "frame-ancestors": ["'self'"],
    "form-action": ["'self'"],
    "script-src": ["'self'", ...inline.scripts],
    "script-src-attr": ["'none'"],
    "style-src": ["'self'", ...inline.styles],
    "style-src-attr": ["'unsafe-inline'"],
    // QR codes and chart exports are data: images; the solver of the verification challenge runs in a worker.
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "worker-src": ["'self'"],
    "manifest-src": ["'self'"],
    // Only behind TLS: over plain http (development, a test server) it would send the page's requests to https.
    ...(tls ? { "upgrade-insecure-requests": [] } : {}),
  };
}

function serialise(policy: Directives): string {
  return Object.entries(policy)
    .map(([name, values]) => [name, ...values].join(" "))
    .join("; ");
}

/** The CSP source expression for one inline `<script>` or `<style>` element's text. */
export function styleHash(text: string): string {
  return `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
}

/**
 * The hashes of the inline `<script>` and `<style>` elements of the built index pages: the survey's first
 * screen asks for its data and draws a loading bar before its script file arrives on a slow network. Exactly
 * those texts are allowed, nothing else inline.
 */
function builtInlineHashes(): { scripts: string[]; styles: string[] } {
  const scripts = new Set<string>();
  const styles = new Set<string>();
  for (const path of builtIndexPages.filter((page) => existsSync(page))) {
    const html = readFileSync(path, "utf8");
    for (const match of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
      if (match[1]?.trim()) scripts.add(styleHash(match[1]));
    }
    for (const match of html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)) {
      if (match[1]?.trim()) styles.add(styleHash(match[1]));
    }
  }
  return { scripts: [...scripts], styles: [...styles] };
}

/** CSP and the usual security headers (@fastify/helmet) on every response, pages and API alike. */
export default fp(
  async (app) => {
    const tls = app.config.cookieSecure;
    const policy = directives(tls, builtInlineHashes());
    await app.register(helmet, {
      global: true,
      contentSecurityPolicy: { useDefaults: false, directives: policy },
      // HSTS only where the site is served over TLS: it would pin a plain-http intranet install to https.
      strictTransportSecurity: tls ? { maxAge: 180 * 24 * 3600 } : false,
      // The console opens exports and printable pages in new tabs of the same origin.
      crossOriginOpenerPolicy: { policy: "same-origin" },
      referrerPolicy: { policy: "same-origin" },
    });
    app.decorateReply("allowInlineStyle", function (this: FastifyReply, css: string) {
      const withStyle = { ...policy, "style-src": [...(policy["style-src"] ?? []), styleHash(css)] };
      return this.header("content-security-policy", serialise(withStyle));
    });
    /*
     * The resident's pages only: SurveyJS 3 writes its base theme's CSS variables into a `<style>` element of
     * the survey's root after each render (ensureBaseThemeStyles in survey-react-ui), with text computed from
     * the page's styles, which no hash can name in advance. Its style elements are allowed there, inline
     * (no hashes, which would switch 'unsafe-inline' off); scripts stay as strict as everywhere, and img-src /
     * font-src 'self' keep any injected rule from sending anything elsewhere. The console and the printable pages
     * keep the strict style policy.
     */
    const surveyPolicy = serialise({ ...policy, "style-src": ["'self'", "'unsafe-inline'"] });
    app.addHook("onSend", async (request, reply) => {
      const type = String(reply.getHeader("content-type") ?? "");
      const path = request.url.split("?")[0] ?? "/";
      const surveyPage = type.startsWith("text/html") && !path.startsWith("/api/") && !path.startsWith("/console");
      if (surveyPage) reply.header("content-security-policy", surveyPolicy);
    });
  },
  { name: "security-headers" },
);
