import { request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import type { AdminWaveDetail } from "@survey/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDemoWave, type SignedInUser, signIn, type TestApp } from "./support/test-app";
import { testDriver } from "./support/test-database";

const YUEYANG = "310117001";
const JIUTING = "310117106";

/** An open fieldwork stream: its status, the summaries it sent, and a promise that settles when it ends. */
function openStream(port: number, waveId: number, cookie: string) {
  const state = { status: 0, events: 0 };
  const ended = new Promise<void>((resolve, reject) => {
    const stream = httpRequest({
      host: "127.0.0.1",
      port,
      path: `/api/admin/waves/${waveId}/fieldwork/events`,
      headers: { cookie },
    });
    stream.on("response", (response) => {
      state.status = response.statusCode ?? 0;
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => {
        state.events += chunk.split("event: summary").length - 1;
      });
      response.on("end", resolve);
    });
    stream.on("error", reject);
    stream.end();
  });
  return { state, ended };
}

async function waitUntil(condition: () => boolean, ms: number) {
  for (let waited = 0; !condition() && waited < ms; waited += 20) await new Promise((r) => setTimeout(r, 20));
}

describe(`staff scoped to a town, and live streams after a change of access (${testDriver})`, () => {
  let t: TestApp;
  let waveId: number;
  let admin: SignedInUser;
  let yueyangStaff: SignedInUser;

  beforeAll(async () => {
    ({ t, waveId } = await openDemoWave({}));
    admin = await signIn(t.app, "admin");
    yueyangStaff = await signIn(t.app, "staff", { townCodes: [YUEYANG] });
  });
  afterAll(() => t.close());

  it("staff of 岳阳 asking for 九亭's frame page are refused; their own town is served", async () => {
    const other = await t.app.inject({ url: `/api/admin/frame/towns/${JIUTING}`, headers: yueyangStaff.headers });
    expect(other.statusCode).toBe(403);
    expect(other.json().error).toBe("forbidden");
    expect(other.body).not.toContain("九亭");
    const own = await t.app.inject({ url: `/api/admin/frame/towns/${YUEYANG}`, headers: yueyangStaff.headers });
    expect(own.statusCode).toBe(200);
    expect(own.json().code).toBe(YUEYANG);
    const office = await signIn(t.app, "office");
    expect((await t.app.inject({ url: `/api/admin/frame/towns/${JIUTING}`, headers: office.headers })).statusCode).toBe(
      200,
    );
  });

  it("staff of 岳阳 reading the wave see only 岳阳's towns and communities; unscoped readers see all", async () => {
    const scoped = await t.app.inject({ url: `/api/admin/waves/${waveId}`, headers: yueyangStaff.headers });
    expect(scoped.statusCode).toBe(200);
    const body = scoped.json() as AdminWaveDetail;
    expect(body.towns.map((town) => town.code)).toEqual([YUEYANG]);
    expect(scoped.body).not.toContain(JIUTING);
    const all = (await t.app.inject({ url: `/api/admin/waves/${waveId}`, headers: admin.headers })).json();
    expect((all as AdminWaveDetail).towns.length).toBe(17);
  });

  it("a monitor stream ends at once when an administrator demotes its user, and cannot be reopened", async () => {
    await t.app.listen({ port: 0, host: "127.0.0.1" });
    const { port } = t.app.server.address() as AddressInfo;
    const watcher = await signIn(t.app, "staff", { townCodes: [YUEYANG] });
    const stream = openStream(port, waveId, watcher.cookie);
    await waitUntil(() => stream.state.events > 0, 10_000);
    expect(stream.state.status).toBe(200);

    const started = Date.now();
    const demoted = await t.app.inject({
      method: "PATCH",
      url: `/api/admin/users/${watcher.userId}`,
      headers: admin.headers,
      payload: { role: "department" },
    });
    expect(demoted.statusCode).toBe(200);
    await stream.ended;
    // Sooner than the stream's own poll of the session (every 3 s).
    expect(Date.now() - started).toBeLessThan(2000);
    const again = await t.app.inject({ url: `/api/admin/waves/${waveId}/fieldwork/events`, headers: watcher.headers });
    expect(again.statusCode).toBe(403);
  });

  it("a monitor stream ends at once when its user is disabled", async () => {
    const { port } = t.app.server.address() as AddressInfo;
    const watcher = await signIn(t.app, "office");
    const stream = openStream(port, waveId, watcher.cookie);
    await waitUntil(() => stream.state.events > 0, 10_000);
    const started = Date.now();
    const disabled = await t.app.inject({
      method: "PATCH",
      url: `/api/admin/users/${watcher.userId}`,
      headers: admin.headers,
      payload: { disabled: true },
    });
    expect(disabled.statusCode).toBe(200);
    await stream.ended;
    expect(Date.now() - started).toBeLessThan(2000);
    expect((await t.app.inject({ url: `/api/admin/waves/${waveId}`, headers: watcher.headers })).statusCode).toBe(401);
  });
});
