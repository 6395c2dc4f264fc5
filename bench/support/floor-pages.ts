import { brotliCompressSync } from "node:zlib";
import type { FastifyInstance } from "fastify";

/**
 * The floor of the resident page benchmark: the same fields as the resident app (consent, ID number,
 * phone, SMS code; then every question with its choices) as plain static HTML with a few characters of
 * inline script, served brotli-compressed by the same server. Nothing can show a form sooner.
 */
export const FLOOR_PREFIX = "/bench-floor";

interface Element {
  type?: string;
  name?: string;
  title?: unknown;
  choices?: unknown[];
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

const textOf = (value: unknown): string =>
  typeof value === "string" ? value : value && typeof value === "object" ? String(Object.values(value)[0] ?? "") : "";

const head = (title: string) =>
  `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title><style>body{font:16px/1.5 sans-serif;margin:16px}label{display:block;margin:8px 0}input[type=text],input[type=tel]{width:100%;font-size:16px;padding:8px}</style></head><body>`;

export function verificationFloor(title: string): string {
  return `${head(title)}<h1>参加调查前，请您了解</h1><p>本次调查由区社会建设办公室组织，您的回答只用于统计。</p>
<label><input type="checkbox" id="consent"> 我已阅读并同意以上说明</label>
<button type="button" onclick="if(document.getElementById('consent').checked)document.getElementById('verify').hidden=false">同意并继续</button>
<form id="verify" hidden method="get" action="${FLOOR_PREFIX}/questionnaire.html"><h2>验证身份</h2>
<label>居民身份证号码 <input type="text" name="idNumber" id="idNumber" maxlength="18" autocomplete="off"></label>
<label>手机号码 <input type="tel" name="phone" id="phone" maxlength="13"></label>
<button type="button">获取验证码</button>
<label>短信验证码 <input type="text" name="code" id="code" inputmode="numeric" maxlength="6"></label>
<button type="submit" id="confirm">确认</button></form></body></html>`;
}

export function questionnaireFloor(definition: {
  title?: unknown;
  pages?: { title?: unknown; elements?: Element[] }[];
}): string {
  const pages = (definition.pages ?? [])
    .map((page) => {
      const questions = (page.elements ?? [])
        .map((element) => {
          const name = escapeHtml(element.name ?? "");
          const choices = (element.choices ?? [])
            .map((choice) => {
              const value = typeof choice === "object" && choice ? (choice as { value?: unknown }).value : choice;
              const text =
                typeof choice === "object" && choice ? textOf((choice as { text?: unknown }).text) : String(choice);
              return `<label><input type="radio" name="${name}" value="${escapeHtml(String(value))}"> ${escapeHtml(text || String(value))}</label>`;
            })
            .join("");
          const input = element.type === "comment" ? `<textarea name="${name}" rows="3"></textarea>` : choices;
          return `<fieldset class="question"><legend>${escapeHtml(textOf(element.title) || name)}</legend>${input}</fieldset>`;
        })
        .join("");
      return `<h2>${escapeHtml(textOf(page.title))}</h2>${questions}`;
    })
    .join("");
  return `${head(textOf(definition.title))}<form method="post">${pages}<button type="submit">提交</button></form></body></html>`;
}

/** Serves the two floor pages, brotli-compressed when the browser accepts it (as the app's assets are). */
export function registerFloorPages(app: FastifyInstance, pages: Record<string, string>) {
  for (const [name, html] of Object.entries(pages)) {
    const plain = Buffer.from(html);
    const compressed = brotliCompressSync(plain);
    // The floor is a bench-only page with an inline handler (the least a form can be): the product's strict
    // policy, which the API sets on every page as it is sent, would block it, so the route sets its own last.
    const onSend = async (_request: unknown, reply: { header: (name: string, value: string) => unknown }) => {
      reply.header(
        "content-security-policy",
        "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'",
      );
    };
    app.get(`${FLOOR_PREFIX}/${name}`, { onSend }, async (request, reply) => {
      reply.header("content-type", "text/html; charset=utf-8").header("cache-control", "no-cache");
      // The floor is a bench-only page with an inline handler (the least a form can be); the product's strict
      // policy, which the API sets on every reply, would block it.
      reply.header(
        "content-security-policy",
        "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'",
      );
      if (/\bbr\b/.test(String(request.headers["accept-encoding"] ?? ""))) {
        return reply.header("content-encoding", "br").send(compressed);
      }
      return reply.send(plain);
    });
  }
}
