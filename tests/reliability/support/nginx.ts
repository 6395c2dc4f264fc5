import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { type ClientHttp2Session, connect } from "node:http2";
import { connect as netConnect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { connect as tlsConnect } from "node:tls";
import type { Certificate } from "../../support/self-signed-certificate";

export const NGINX = ["/usr/sbin/nginx", "/usr/bin/nginx"].find((path) => existsSync(path));

/** Replaces `from` by `to` in `text`, failing when the shipped file no longer has `from` (it changed shape). */
function replaceExactly(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`deploy/nginx/survey.conf no longer contains ${JSON.stringify(from)}`);
  return text.split(from).join(to);
}

export interface RunningNginx {
  /** https://127.0.0.1:<port> */
  origin: string;
  httpOrigin: string;
  stop(): Promise<void>;
  errorLog(): string;
}

/**
 * Runs the shipped site file under a private nginx (its own prefix, pid and logs, on loopback ports), with the
 * site's own values replaced: the server name, the certificate, the release directory and the upstream servers.
 */
export async function startNginx(options: {
  siteFile: string;
  releaseDir: string;
  certificate: Certificate;
  upstreams: string[];
  httpsPort: number;
  httpPort: number;
}): Promise<RunningNginx> {
  if (!NGINX) throw new Error("nginx is not installed (.ci/run installs Debian's nginx)");
  const dir = mkdtempSync(join(tmpdir(), "survey-nginx-"));
  let site = readFileSync(options.siteFile, "utf8");
  site = replaceExactly(site, "    server 127.0.0.1:3001 max_fails=3 fail_timeout=10s;\n", "");
  site = replaceExactly(
    site,
    "    server 127.0.0.1:3002 max_fails=3 fail_timeout=10s;\n",
    options.upstreams.map((upstream) => `    server ${upstream} max_fails=3 fail_timeout=10s;\n`).join(""),
  );
  site = replaceExactly(site, "    listen 443 ssl http2;\n", `    listen 127.0.0.1:${options.httpsPort} ssl http2;\n`);
  site = replaceExactly(site, "    listen [::]:443 ssl http2;\n", "");
  site = replaceExactly(site, "    listen 80;\n", `    listen 127.0.0.1:${options.httpPort};\n`);
  site = replaceExactly(site, "    listen [::]:80;\n", "");
  site = replaceExactly(site, "/etc/ssl/survey/fullchain.pem", options.certificate.certFile);
  site = replaceExactly(site, "/etc/ssl/survey/privkey.pem", options.certificate.keyFile);
  site = replaceExactly(site, "/srv/survey", options.releaseDir.replace(/\/$/, ""));
  site = replaceExactly(site, "survey.example.gov.cn", "localhost");
  writeFileSync(join(dir, "survey.conf"), site);
  for (const temp of ["body", "proxy", "fastcgi", "uwsgi", "scgi"]) mkdirSync(join(dir, temp));
  // The brotli module, when installed, as the site's optional snippet expects it (the prefix is ours, so by path).
  const brotli = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so";
  const modules = existsSync(brotli) ? `load_module ${brotli};` : "";
  writeFileSync(
    join(dir, "nginx.conf"),
    `${process.getuid?.() === 0 ? "user root;" : ""}
worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
${modules}
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  include ${dir}/survey.conf;
}
`,
  );
  const checked = spawnSync(NGINX, ["-t", "-p", dir, "-c", join(dir, "nginx.conf")], { encoding: "utf8" });
  if (checked.status !== 0) throw new Error(`nginx -t refused the site:\n${checked.stderr}`);
  const child: ChildProcess = spawn(NGINX, ["-p", dir, "-c", join(dir, "nginx.conf")], { stdio: "ignore" });
  const origin = `https://127.0.0.1:${options.httpsPort}`;
  const errorLog = () => (existsSync(join(dir, "error.log")) ? readFileSync(join(dir, "error.log"), "utf8") : "");
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited:\n${errorLog()}`);
    if (existsSync(join(dir, "nginx.pid"))) {
      try {
        await fetch(`http://127.0.0.1:${options.httpPort}/`, { redirect: "manual" });
        break;
      } catch {
        // not listening yet
      }
    }
    if (Date.now() > deadline) throw new Error(`nginx did not start:\n${errorLog()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    origin,
    httpOrigin: `http://127.0.0.1:${options.httpPort}`,
    errorLog,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGQUIT");
      }),
  };
}

export interface H2Response {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  // biome-ignore lint/suspicious/noExplicitAny: response bodies of many shapes, checked by the assertions
  json(): any;
}

/** An HTTP/2 connection over TLS trusting only `ca`, from the loopback address `localAddress` (a "client"). */
export function http2Client(origin: string, ca: string, localAddress: string) {
  const { hostname, port } = new URL(origin);
  const session: ClientHttp2Session = connect(origin, {
    createConnection: () =>
      tlsConnect({
        socket: netConnect({ host: hostname, port: Number(port), localAddress }),
        ca,
        servername: "localhost",
        ALPNProtocols: ["h2"],
      }),
  });
  session.on("error", () => {});
  const request = (
    method: string,
    path: string,
    options: { headers?: Record<string, string>; body?: unknown } = {},
  ): Promise<H2Response> =>
    new Promise((resolve, reject) => {
      const payload = options.body === undefined ? undefined : Buffer.from(JSON.stringify(options.body));
      const stream = session.request({
        ":method": method,
        ":path": path,
        ...(payload ? { "content-type": "application/json" } : {}),
        ...options.headers,
      });
      const chunks: Buffer[] = [];
      let headers: H2Response["headers"] = {};
      stream.on("response", (received) => {
        headers = received as H2Response["headers"];
      });
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("error", reject);
      stream.on("end", () => {
        const body = Buffer.concat(chunks);
        resolve({
          status: Number(headers[":status"]),
          headers,
          body,
          json: () => JSON.parse(body.toString("utf8")),
        });
      });
      stream.end(payload);
    });
  return { session, request, close: () => new Promise<void>((resolve) => session.close(() => resolve())) };
}
