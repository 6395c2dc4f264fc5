import { randomUUID } from "node:crypto";
import type { FieldworkSummary, FieldworkTown } from "@survey/contract";
import { reservations, responses, townPopulationCells, waveCommunities, waves, waveTowns } from "@survey/db";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { completeDefaultAnswers } from "../packages/questionnaire/src/default-questionnaire.fixture";
import { adultIdNumber, currentWaveId, mobilePhone, verifyResident } from "./support/resident";
import { createTestApp, type SignedInUser, signIn, type TestApp, TestClock } from "./support/test-app";
import { testDriver } from "./support/test-database";

const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;
const YUEYANG = "310117001";
const MAOGANG = "310117109"; // 泖港镇
const YEXIE = "310117120"; // 叶榭镇
const AGES = ["18-29", "30-39", "40-49", "50-59", "60-69", "70+"];
/** Population shares by age (each split evenly by sex): 30–39 is 19 %. */
const POPULATION_AGE_SHARE = [0.15, 0.19, 0.18, 0.18, 0.16, 0.14];

/** 2 in 25 rows (8 %) are aged 30–39; the rest spread over the other groups; sexes alternate. */
function personOf(index: number): { sex: string; age_group: string } {
  const slot = index % 25;
  const age = slot < 2 ? "30-39" : (AGES.filter((group) => group !== "30-39")[slot % 5] ?? "60-69");
  return { sex: index % 2 === 0 ? "男" : "女", age_group: age };
}

function csv(rows: Record<string, unknown>[]): string {
  const header = Object.keys(rows[0] ?? {});
  return [header.join(","), ...rows.map((row) => header.map((column) => String(row[column] ?? "")).join(","))].join(
    "\n",
  );
}

describe(`fieldwork operations: honest forecasts, composition, held spikes (${testDriver})`, () => {
  const clock = new TestClock(new Date("2026-11-01T01:00:00Z"));
  const opened = clock.now();
  let t: TestApp;
  let waveId: number;
  let office: SignedInUser;
  let staff: SignedInUser;
  let imported = 0;
  const importedIn = new Map<string, number>();
  const communitiesOf = new Map<string, { code: string; name: string }[]>();

  const summary = async (): Promise<FieldworkSummary> => {
    const response = await t.app.inject({
      method: "GET",
      url: `/api/admin/waves/${waveId}/fieldwork`,
      headers: office.headers,
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };

  /** A bulk import of paper questionnaires at day `day` of fieldwork, spread over the town's first communities. */
  async function importAt(day: number, townCode: string, count: number) {
    clock.set(new Date(opened.getTime() + day * DAY));
    const communities = communitiesOf.get(townCode) ?? [];
    const before = importedIn.get(townCode) ?? 0;
    importedIn.set(townCode, before + count);
    // Filled in order, 20 (the cap) per community.
    const rows = Array.from({ length: count }, (_, k) => ({
      community_code: communities[Math.floor((before + k) / 20)]?.code,
      ...personOf(imported + k),
      ...completeDefaultAnswers(4),
    }));
    imported += count;
    const post = () =>
      t.app.inject({
        method: "POST",
        url: `/api/admin/waves/${waveId}/responses/import`,
        headers: { ...staff.headers, "content-type": "text/csv" },
        payload: csv(rows),
      });
    let response = await post();
    if (response.statusCode === 401) {
      // Sessions end after hours without use; fieldwork days apart sign in again.
      staff = await signIn(t.app, "staff");
      response = await post();
    }
    expect(response.json()).toEqual({ imported: count, counted: count });
  }

  /** Counted responses with their quota counters, in one transaction (as the quota engine leaves them). */
  async function insertCounted(
    rows: { communityCode: string; townCode: string; submittedAt: Date; person: { sex: string; age_group: string } }[],
  ) {
    const db = t.database.handle.db;
    const [wave] = await db.select().from(waves).where(eq(waves.id, waveId));
    await db.transaction(async (tx) => {
      await tx.insert(responses).values(
        rows.map((row) => ({
          waveId,
          questionnaireId: wave?.questionnaireId ?? 0,
          communityCode: row.communityCode,
          townCode: row.townCode,
          mode: "import" as const,
          sex: row.person.sex === "男" ? ("male" as const) : ("female" as const),
          ageGroup: row.person.age_group,
          registered: true,
          counted: true,
          receiptCode: randomUUID(),
          answers: {},
          submittedAt: row.submittedAt,
        })),
      );
      const perCommunity = new Map<string, number>();
      for (const row of rows) perCommunity.set(row.communityCode, (perCommunity.get(row.communityCode) ?? 0) + 1);
      for (const [code, n] of perCommunity) {
        await tx
          .update(waveCommunities)
          .set({ completed: sql`${waveCommunities.completed} + ${n}` })
          .where(and(eq(waveCommunities.waveId, waveId), eq(waveCommunities.communityCode, code)));
      }
      await tx
        .update(waveTowns)
        .set({ completed: sql`${waveTowns.completed} + ${rows.length}` })
        .where(and(eq(waveTowns.waveId, waveId), eq(waveTowns.townCode, rows[0]?.townCode ?? "")));
    });
  }

  beforeAll(async () => {
    t = await createTestApp({
      seedDemo: true,
      now: clock.now,
      env: { VERIFY_RATE_LIMIT_PER_MINUTE: "100000", COMMUNITY_CLAIMS_PER_MINUTE: "1000" },
    });
    waveId = await currentWaveId(t.app);
    staff = await signIn(t.app, "staff");
    for (const town of [YUEYANG, MAOGANG, YEXIE]) {
      const response = await t.app.inject({ method: "GET", url: `/api/waves/${waveId}/towns/${town}/communities` });
      communitiesOf.set(town, response.json());
    }
    const imports: [day: number, town: string, count: number][] = [
      // 泖港镇: 10 on the first day, 80 imported in one go in the last week → 90 / 200 on day 20.
      [0.5, MAOGANG, 10],
      [14.5, MAOGANG, 80],
      // 叶榭镇: 30 early, 80 imported on day 18 → 110 / 200.
      [1.5, YEXIE, 30],
      [18.5, YEXIE, 80],
    ];
    for (const [day, townCode, count] of imports.sort((a, b) => a[0] - b[0])) await importAt(day, townCode, count);
    // 岳阳街道: 36 every 4 days (9 a day on average) → 180 / 200, written in one go (the imports above are
    // what this file is about; these only give the forecast a town that is on course).
    await insertCounted(
      Array.from({ length: 180 }, (_, k) => ({
        communityCode: communitiesOf.get(YUEYANG)?.[Math.floor(k / 20)]?.code ?? "",
        townCode: YUEYANG,
        submittedAt: new Date(opened.getTime() + (4 * Math.floor(k / 36) + 0.25) * DAY),
        person: personOf(imported + k),
      })),
    );
    imported += 180;
    clock.set(new Date(opened.getTime() + 20 * DAY));
    office = await signIn(t.app, "office");
  });
  afterAll(() => t.close());

  const town = (body: FieldworkSummary, code: string): FieldworkTown => {
    const found = body.towns.find((candidate) => candidate.code === code);
    if (!found) throw new Error(`no town ${code}`);
    return found;
  };

  it("flags towns that bulk imports left behind, which the last week's pace would have missed", async () => {
    const body = await summary();
    const daysLeft = 10;
    for (const [code, completed, perDay, projected] of [
      [MAOGANG, 90, 4.5, 135],
      [YEXIE, 110, 5.5, 165],
    ] as const) {
      const { projection } = town(body, code);
      expect(town(body, code).completed).toBe(completed);
      expect(projection).toMatchObject({ perDay, projected, likelihood: "unlikely", atRisk: true });
      expect(projection.projectedLow).toBeGreaterThanOrEqual(completed);
      expect(projection.projectedLow).toBeLessThanOrEqual(projected);
      expect(projection.projectedHigh).toBeGreaterThan(projected);
      // The old rule (last 7 days' pace) would have promised the target.
      expect(completed + projection.recentPerDay * daysLeft).toBeGreaterThanOrEqual(200);
    }
    const steady = town(body, YUEYANG).projection;
    // On course, but imports every fourth day make the interval wide: reaching the target is not certain.
    expect(steady).toMatchObject({ perDay: 9, projected: 200, likelihood: "uncertain", atRisk: false });
    expect(steady.projectedLow).toBeLessThan(200);
  });

  it("says where to recruit next: the communities with the most room, not the ones the imports filled", async () => {
    const body = await summary();
    const maogang = town(body, MAOGANG);
    const used = new Set((communitiesOf.get(MAOGANG) ?? []).slice(0, 5).map((community) => community.code));
    expect(maogang.recruitIn).toHaveLength(5);
    for (const community of maogang.recruitIn) {
      expect(community.room).toBe(20);
      expect(used.has(community.code)).toBe(false);
    }
    const caps = body.communities.filter((community) => community.townCode === MAOGANG).length * 20;
    expect(maogang.roomLeft).toBe(caps - 90);
  });

  it("shows the district's sample against its population and highlights the 30–39 gap", async () => {
    const perTown = 10_000;
    const cells = [YUEYANG, MAOGANG, YEXIE].flatMap((townCode) =>
      AGES.flatMap((ageGroup, k) =>
        (["male", "female"] as const).map((sex) => ({
          townCode,
          sex,
          ageGroup,
          population: Math.round(((POPULATION_AGE_SHARE[k] ?? 0) * perTown) / 2),
        })),
      ),
    );
    await t.database.handle.db.insert(townPopulationCells).values(cells);
    const { district } = await summary();
    expect(district.n).toBe(imported);
    expect(district.populationSource).toBe("district");
    const thirties = district.ageGroup.find((share) => share.category === "30-39");
    expect(thirties?.sampleShare).toBeCloseTo(0.08, 2);
    expect(thirties?.populationShare).toBeCloseTo(0.19, 6);
    expect(district.gaps).toContainEqual({
      dimension: "ageGroup",
      category: "30-39",
      sampleShare: thirties?.sampleShare,
      populationShare: thirties?.populationShare,
      difference: expect.closeTo(-0.11, 2),
    });
    // Sexes alternate: no gap there; every gap is at least 5 points, largest first.
    expect(district.gaps.some((gap) => gap.dimension === "sex")).toBe(false);
    const sizes = district.gaps.map((gap) => Math.abs(gap.difference));
    expect(sizes.every((size) => size >= 0.05)).toBe(true);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    expect(district.registered.every((share) => share.populationShare === null)).toBe(true);
  });

  it("shows held reservations now per community and flags one far above its usual level", async () => {
    const [quiet, busy, calm] = (communitiesOf.get(YUEYANG) ?? []).slice(10, 13);
    if (!quiet || !busy || !calm) throw new Error("communities missing");
    const now = clock.now();
    // Past week: the busy community usually has 8 residents answering at once (expired holds of the past).
    await t.database.handle.db.insert(reservations).values(
      Array.from({ length: 8 }, () => ({
        waveId,
        communityCode: busy.code,
        townCode: YUEYANG,
        idHash: randomUUID(),
        phoneHash: randomUUID(),
        status: "expired" as const,
        createdAt: new Date(now.getTime() - 7 * DAY),
        expiresAt: new Date(now.getTime() - HOUR),
        releasedAt: new Date(now.getTime() - HOUR),
      })),
    );
    // Now: 7 residents hold slots in the quiet community, 8 in the busy one, 2 in the calm one.
    for (const [community, count] of [
      [quiet, 7],
      [busy, 8],
      [calm, 2],
    ] as const) {
      for (let k = 0; k < count; k++) {
        const confirmed = await verifyResident(t.app, waveId, {
          idNumber: adultIdNumber(),
          phone: mobilePhone(),
          communityCode: community.code,
        });
        expect(confirmed.statusCode).toBe(201);
      }
    }
    const body = await summary();
    expect(town(body, YUEYANG).reserved).toBe(17);
    const byCode = new Map(body.held.map((row) => [row.code, row]));
    expect(byCode.get(quiet.code)).toMatchObject({ heldNow: 7, usual: 0, spike: true, townCode: YUEYANG });
    expect(byCode.get(busy.code)).toMatchObject({ heldNow: 8, usual: 8, spike: false });
    expect(byCode.get(calm.code)).toMatchObject({ heldNow: 2, spike: false });
    expect(body.held[0]?.code).toBe(quiet.code);
  });
});
