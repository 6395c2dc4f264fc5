import { communities, questionnaires, waves } from "@survey/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type SignedInUser, signIn, type TestApp } from "./support/test-app";
import { testDriver } from "./support/test-database";

const SHIHUDANG = "310117116";
const YUEYANG = "310117001";

interface PreviewCommunity {
  code: string;
  name: string;
  population: number;
  cap: number;
  quota: number;
}

interface PreviewTown {
  code: string;
  name: string;
  target: number;
  communityCount: number;
  capacity: number;
  planned: number;
  feasible: boolean;
  missing: number;
  smallestFeasibleCap: number | null;
  warning: string | null;
  communities: PreviewCommunity[];
}

describe(`allocation preview (${testDriver})`, () => {
  let t: TestApp;
  let staff: SignedInUser;
  let admin: SignedInUser;
  let demoWaveId: number;
  const communityCounts = new Map<string, number>();

  beforeAll(async () => {
    t = await createTestApp({ seedDemo: true });
    staff = await signIn(t.app, "staff");
    admin = await signIn(t.app, "admin");
    const [wave] = await t.database.handle.db.select().from(waves).where(eq(waves.code, "SJ-2026"));
    if (!wave) throw new Error("demo wave missing");
    demoWaveId = wave.id;
    for (const row of await t.database.handle.db.select().from(communities)) {
      communityCounts.set(row.townCode, (communityCounts.get(row.townCode) ?? 0) + 1);
    }
  });
  afterAll(() => t.close());

  const preview = async (waveId: number, query = "") => {
    const response = await t.app.inject({
      method: "GET",
      url: `/api/admin/waves/${waveId}/allocation${query}`,
      headers: staff.headers,
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as {
      plan: string;
      townTarget: number;
      communityCap: number;
      summary: Record<string, number>;
      towns: PreviewTown[];
    };
  };
  const town = (towns: PreviewTown[], code: string) => {
    const found = towns.find((candidate) => candidate.code === code);
    if (!found) throw new Error(`town ${code} missing`);
    return found;
  };

  it("cap plan: flags 石湖荡镇 (9 communities × 20 < 200) with what is missing and the smallest cap that works", async () => {
    const body = await preview(demoWaveId, "?plan=cap");
    expect(body).toMatchObject({ plan: "cap", townTarget: 200, communityCap: 20 });
    expect(body.towns).toHaveLength(17);
    const shihudang = town(body.towns, SHIHUDANG);
    expect(shihudang).toMatchObject({
      name: "石湖荡镇",
      target: 200,
      communityCount: 9,
      capacity: 180,
      planned: 180,
      feasible: false,
      missing: 20,
      smallestFeasibleCap: 23,
    });
    expect(shihudang.warning).toMatch(/石湖荡镇.*少20份.*23份/);
    expect(shihudang.communities.every((community) => community.quota === 20 && community.cap === 20)).toBe(true);

    // Every town the frame cannot fill is flagged, and only those.
    const infeasible = [...communityCounts].filter(([, count]) => count * 20 < 200).map(([code]) => code);
    expect(
      body.towns
        .filter((row) => !row.feasible)
        .map((row) => row.code)
        .sort(),
    ).toEqual(infeasible.sort());
    for (const row of body.towns.filter((candidate) => candidate.feasible)) {
      expect(row).toMatchObject({ missing: 0, planned: 200, warning: null });
      expect(row.capacity).toBe((communityCounts.get(row.code) ?? 0) * 20);
    }
    expect(body.summary).toMatchObject({
      towns: 17,
      target: 3400,
      infeasibleTowns: infeasible.length,
      missing: body.towns.reduce((sum, row) => sum + row.missing, 0),
    });
  });

  it("proportional plan: quotas sum to the target, never exceed a cap, and follow population", async () => {
    const body = await preview(demoWaveId, "?plan=proportional");
    expect(body.plan).toBe("proportional");
    for (const row of body.towns) {
      const total = row.communities.reduce((sum, community) => sum + community.quota, 0);
      for (const community of row.communities) expect(community.quota).toBeLessThanOrEqual(community.cap);
      if (row.feasible) {
        expect(total, row.name).toBe(row.target);
        const sorted = [...row.communities].sort((a, b) => a.population - b.population);
        expect(sorted[0]?.quota ?? 0).toBeLessThanOrEqual(sorted[sorted.length - 1]?.quota ?? 0);
      } else {
        expect(total).toBe(row.capacity);
      }
    }
    // The default plan is the wave's own (the demo wave uses the cap rule).
    expect((await preview(demoWaveId)).plan).toBe("cap");
  });

  it("uses per-town targets and per-community caps, and previews what-if defaults without saving", async () => {
    const [questionnaire] = await t.database.handle.db.select().from(questionnaires).limit(1);
    const created = await t.app.inject({
      method: "POST",
      url: "/api/admin/waves",
      headers: admin.headers,
      payload: {
        code: "ALLOC-1",
        title: "分配试算",
        year: 2027,
        questionnaireId: questionnaire?.id,
        townCodes: [YUEYANG, SHIHUDANG],
        allocation: "proportional",
      },
    });
    expect(created.statusCode).toBe(201);
    const waveId = created.json().id as number;
    const before = await preview(waveId);
    expect(before.plan).toBe("proportional");
    const [first] = town(before.towns, SHIHUDANG).communities;
    if (!first) throw new Error("no community");

    const patched = await t.app.inject({
      method: "PATCH",
      url: `/api/admin/waves/${waveId}`,
      headers: admin.headers,
      payload: { townTargets: { [YUEYANG]: 100 }, communityCaps: { [first.code]: 40 } },
    });
    expect(patched.statusCode).toBe(200);
    const after = await preview(waveId);
    const yueyang = town(after.towns, YUEYANG);
    expect(yueyang.target).toBe(100);
    expect(yueyang.communities.reduce((sum, community) => sum + community.quota, 0)).toBe(100);
    const shihudang = town(after.towns, SHIHUDANG);
    expect(shihudang).toMatchObject({ capacity: 200, feasible: true, missing: 0, warning: null });
    expect(shihudang.communities.find((community) => community.code === first.code)?.cap).toBe(40);

    // What if every community without its own cap took 25 and towns without their own target 250?
    const whatIf = await preview(waveId, "?plan=cap&communityCap=25&townTarget=250");
    expect(whatIf).toMatchObject({ townTarget: 250, communityCap: 25 });
    expect(town(whatIf.towns, YUEYANG).target).toBe(100);
    expect(town(whatIf.towns, SHIHUDANG)).toMatchObject({
      target: 250,
      capacity: 40 + 8 * 25,
      missing: 10,
      smallestFeasibleCap: 28,
    });
    // Nothing was saved.
    expect((await preview(waveId)).communityCap).toBe(20);
  });

  it("refuses a bad plan or what-if value (400) and an unknown wave (404); departments may not look", async () => {
    for (const query of ["?plan=random", "?communityCap=0", "?townTarget=abc", "?communityCap=20000", "?colour=red"]) {
      const response = await t.app.inject({
        method: "GET",
        url: `/api/admin/waves/${demoWaveId}/allocation${query}`,
        headers: staff.headers,
      });
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error).toBe("invalid_request");
    }
    const unknown = await t.app.inject({
      method: "GET",
      url: "/api/admin/waves/424242/allocation",
      headers: staff.headers,
    });
    expect(unknown.statusCode).toBe(404);
    const department = await signIn(t.app, "department");
    const forbidden = await t.app.inject({
      method: "GET",
      url: `/api/admin/waves/${demoWaveId}/allocation`,
      headers: department.headers,
    });
    expect(forbidden.statusCode).toBe(403);
  });
});
