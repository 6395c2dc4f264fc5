import { communities, towns, waves } from "@survey/db";
import { buildDefaultQuestionnaire, questionnaireLength } from "@survey/questionnaire";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_WAVE_TITLE, seedDemoData } from "../apps/api/src/seed/seed-demo";
import { createTestApp, type TestApp } from "./support/test-app";
import { testDriver } from "./support/test-database";

describe(`public wave endpoints and demo data (${testDriver})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seedDemo: true });
  });
  afterAll(() => t.close());

  it("loads the Songjiang demo frame: 17 towns, 8–30 communities each, ≈1.9 million people", async () => {
    const townRows = await t.database.handle.db.select().from(towns);
    expect(townRows).toHaveLength(17);
    expect(townRows.map((town) => town.name)).toEqual(
      expect.arrayContaining(["岳阳街道", "九亭镇", "小昆山镇", "石湖荡镇"]),
    );
    expect(townRows.every((town) => town.demo)).toBe(true);
    const total = townRows.reduce((sum, town) => sum + town.population, 0);
    expect(total).toBeGreaterThan(1_800_000);
    expect(total).toBeLessThan(2_000_000);
    const communityRows = await t.database.handle.db.select().from(communities);
    for (const town of townRows) {
      const own = communityRows.filter((community) => community.townCode === town.code);
      expect(own.length).toBeGreaterThanOrEqual(8);
      expect(own.length).toBeLessThanOrEqual(30);
      expect(own.reduce((sum, community) => sum + community.population, 0)).toBe(town.population);
    }
    expect(new Set(communityRows.map((community) => community.kind))).toEqual(new Set(["residential", "village"]));
    expect(new Set(communityRows.map((community) => community.code)).size).toBe(communityRows.length);
    expect(new Set(communityRows.map((community) => community.name)).size).toBe(communityRows.length);
  });

  it("includes a town whose communities cannot reach 200 under a cap of 20", async () => {
    const rows = await t.database.handle.db.select().from(communities);
    const counts = new Map<string, number>();
    for (const row of rows) counts.set(row.townCode, (counts.get(row.townCode) ?? 0) + 1);
    expect([...counts.values()].some((count) => count * 20 < 200)).toBe(true);
  });

  it("GET /api/waves/current returns the open demo wave", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/waves/current" });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(Object.keys(body).sort()).toEqual([
      "closesAt",
      "code",
      "communityCap",
      "estimatedMinutes",
      "id",
      "questionCount",
      "status",
      "title",
      "townTarget",
    ]);
    // Counted from the wave's questionnaire definition, for the first screen's "共 N 题，约 M 分钟".
    const length = questionnaireLength(buildDefaultQuestionnaire());
    expect(body).toMatchObject(length);
    expect(body.questionCount).toBeGreaterThan(20);
    expect(body).toMatchObject({ title: DEMO_WAVE_TITLE, status: "open", townTarget: 200, communityCap: 20 });
    expect(typeof body.id).toBe("number");
  });

  it("GET towns and communities give quotas with the exact shapes", async () => {
    const wave = (await t.app.inject({ method: "GET", url: "/api/waves/current" })).json();
    const townsResponse = await t.app.inject({ method: "GET", url: `/api/waves/${wave.id}/towns` });
    expect(townsResponse.statusCode).toBe(200);
    const townList = townsResponse.json();
    expect(townList).toHaveLength(17);
    expect(townList[0]).toEqual({
      code: "310117001",
      name: "岳阳街道",
      kind: "street",
      target: 200,
      completed: 0,
      reserved: 0,
      full: false,
    });
    const communitiesResponse = await t.app.inject({
      method: "GET",
      url: `/api/waves/${wave.id}/towns/310117116/communities`,
    });
    expect(communitiesResponse.statusCode).toBe(200);
    const list = communitiesResponse.json();
    expect(list.length).toBe(9);
    expect(Object.keys(list[0]).sort()).toEqual(["cap", "code", "completed", "full", "name", "reserved"]);
    expect(list[0]).toMatchObject({ cap: 20, completed: 0, reserved: 0, full: false });
  });

  it("answers 404 with stable codes for an unknown wave or town", async () => {
    for (const url of [
      "/api/waves/99999/towns",
      "/api/waves/abc/towns",
      "/api/waves/99999/towns/310117001/communities",
    ]) {
      const response = await t.app.inject({ method: "GET", url });
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ error: "unknown_wave" });
    }
    const wave = (await t.app.inject({ method: "GET", url: "/api/waves/current" })).json();
    const response = await t.app.inject({ method: "GET", url: `/api/waves/${wave.id}/towns/999999/communities` });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ error: "unknown_town", message: expect.stringMatching(/街道|镇/) });
  });

  it("answers 404 no_open_wave when no wave is open", async () => {
    await t.database.handle.db.update(waves).set({ status: "closed" });
    const response = await t.app.inject({ method: "GET", url: "/api/waves/current" });
    expect(response.statusCode).toBe(404);
    expect(response.json().error).toBe("no_open_wave");
    await t.database.handle.db.update(waves).set({ status: "open" });
  });

  it("runs the demo seed once only, even when started again or concurrently", async () => {
    const results = await Promise.all([
      seedDemoData(t.database.handle.db, new Date()),
      seedDemoData(t.database.handle.db, new Date()),
    ]);
    expect(results).toEqual([false, false]);
    const count = await t.database.handle.db.execute(sql`select count(*)::int as n from waves`);
    expect((count as unknown as { rows: { n: number }[] }).rows[0]?.n).toBe(1);
  });

  it("reports the database driver in the health check", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/health" });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: "ok", database: { driver: testDriver, reachable: true } });
  });

  it("serves the OpenAPI document", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/docs/json" });
    expect(response.statusCode).toBe(200);
    expect(Object.keys(response.json().paths)).toContain("/api/waves/current");
  });
});
