import { gunzipSync } from "node:zlib";
import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import jsonCompression, { acceptsGzip } from "./json-compression";
import { deflatePart, splicedGzip } from "./spliced-gzip";

describe("spliced gzip", () => {
  it("decodes to the parts in order, whatever their size and script", () => {
    const shared = deflatePart(`{"definition":${JSON.stringify("满意度".repeat(20_000))}}`);
    for (const [before, after] of [
      ["", ""],
      ['{"token":"abc","questionnaire":', "}"],
      ["前".repeat(30_000), "后".repeat(70_000)], // more than one stored block (65,535 bytes) each
    ]) {
      const body = splicedGzip(before ?? "", shared, after ?? "");
      expect(gunzipSync(body).toString()).toBe(`${before}${shared.bytes.toString()}${after}`);
    }
  });
});

describe("accept-encoding", () => {
  it.each([
    ["gzip, deflate, br, zstd", true],
    ["br;q=1.0, gzip;q=0.8", true],
    ["*", true],
    ["br, *;q=0.1", true],
    ["gzip;q=0", false],
    ["*;q=0.5, gzip;q=0", false],
    ["br", false],
    ["identity", false],
    [undefined, false],
  ])("%s → gzip %s", (header, expected) => {
    expect(acceptsGzip(header)).toBe(expected);
  });
});

describe("JSON compression", () => {
  let app: FastifyInstance;
  let definition: Record<string, unknown> = { pages: [{ elements: [{ name: "q1", title: "您对社区环境满意吗？" }] }] };
  const big = (label: string) => Array.from({ length: 200 }, (_, i) => ({ name: `${label}${i}`, title: "满意" }));

  beforeAll(async () => {
    app = Fastify();
    await app.register(jsonCompression);
    app.get("/small", async () => ({ ok: true }));
    app.get("/list", async () => big("item"));
    app.get("/confirm", async (request) => ({
      reservationToken: `token-${String(request.headers["x-resident"])}`,
      questionnaire: { id: 7, title: "问卷", definition },
      draft: { q1: 4, note: "x".repeat(Number(request.headers["x-draft"] ?? 0)) },
    }));
    app.get("/text", async (_request, reply) => reply.type("text/plain").send("t".repeat(5000)));
  });
  afterAll(() => app.close());

  const get = (url: string, headers: Record<string, string> = {}) =>
    app.inject({ url, headers: { "accept-encoding": "gzip, deflate, br", ...headers } });

  it("sends JSON above 1 KB gzipped to clients that accept it, the same JSON once decoded", async () => {
    const plain = await app.inject({ url: "/list" });
    const zipped = await get("/list");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    expect(zipped.headers.vary).toContain("accept-encoding");
    expect(gunzipSync(zipped.rawPayload).toString()).toBe(plain.body);
    expect(zipped.rawPayload.length).toBeLessThan(plain.rawPayload.length / 4);
  });

  it("leaves small answers, other content types and clients without gzip alone", async () => {
    expect((await get("/small")).headers["content-encoding"]).toBeUndefined();
    expect((await get("/text")).headers["content-encoding"]).toBeUndefined();
    expect((await get("/list", { "accept-encoding": "br" })).headers["content-encoding"]).toBeUndefined();
  });

  it("decodes each resident's answer around a shared questionnaire, also after the questionnaire changes", async () => {
    for (const version of ["first", "edited"]) {
      definition = { pages: [{ elements: big(version) }] };
      for (const [resident, draft] of [
        ["a", "0"],
        ["b", "70000"],
      ]) {
        const headers = { "x-resident": resident ?? "", "x-draft": draft ?? "" };
        const plain = await app.inject({ url: "/confirm", headers });
        const zipped = await get("/confirm", headers);
        expect(zipped.headers["content-encoding"]).toBe("gzip");
        expect(gunzipSync(zipped.rawPayload).toString()).toBe(plain.body);
        // The token travels in a stored block: never compressed together with text a client chose.
        expect(zipped.rawPayload.includes(`"token-${resident}"`)).toBe(true);
      }
    }
  });
});
