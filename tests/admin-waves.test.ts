import { questionnaires, reservations, waveCommunities, waves, waveTowns } from "@survey/db";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claimSlot } from "../apps/api/src/modules/resident/data/quota";
import { createTestApp, type SignedInUser, signIn, type TestApp, TestClock } from "./support/test-app";
import { testDriver } from "./support/test-database";

const YUEYANG = "310117001";
const SHIHUDANG = "310117116";

const WAVE_KEYS = [
  "allocation",
  "closesAt",
  "code",
  "communityCap",
  "createdAt",
  "demo",
  "hiddenFromTrends",
  "id",
  "minAge",
  "openedAt",
  "opensAt",
  "questionnaireId",
  "reservationMinutes",
  "status",
  "title",
  "townTarget",
  "year",
];

describe(`wave administration (${testDriver})`, () => {
  const clock = new TestClock();
  let t: TestApp;
  let admin: SignedInUser;
  let questionnaireId: number;

  beforeAll(async () => {
    t = await createTestApp({ seedDemo: true, now: clock.now });
    admin = await signIn(t.app, "admin");
    const [questionnaire] = await t.database.handle.db.select().from(questionnaires).limit(1);
    if (!questionnaire) throw new Error("demo questionnaire missing");
    questionnaireId = questionnaire.id;
  });
  afterAll(() => t.close());

  const db = () => t.database.handle.db;
  const call = (method: "GET" | "POST" | "PATCH", url: string, payload?: object, user = admin) =>
    t.app.inject({ method, url, payload, headers: user.headers });
  const create = (body: object) =>
    call("POST", "/api/admin/waves", { title: "试点调查", year: 2027, questionnaireId, ...body });

  it("creates a draft wave with defaults: 201 with every setting, quota rows for all towns", async () => {
    const response = await create({ code: "PILOT-A" });
    expect(response.statusCode).toBe(201);
    const wave = response.json();
    expect(Object.keys(wave).sort()).toEqual(WAVE_KEYS);
    expect(wave).toMatchObject({
      code: "PILOT-A",
      status: "draft",
      questionnaireId,
      townTarget: 200,
      communityCap: 20,
      minAge: 18,
      reservationMinutes: 30,
      allocation: "cap",
      opensAt: null,
      openedAt: null,
      demo: false,
    });
    const detail = await call("GET", `/api/admin/waves/${wave.id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json().towns).toHaveLength(17);
    expect(detail.json().totals).toMatchObject({ towns: 17, target: 3400, completed: 0, reserved: 0 });
  });

  it("creates a wave for chosen towns with its own targets, caps, age, lifetime and dates", async () => {
    const response = await create({
      code: "PILOT-B",
      townCodes: [YUEYANG, SHIHUDANG],
      townTarget: 120,
      communityCap: 15,
      minAge: 16,
      reservationMinutes: 45,
      allocation: "proportional",
      opensAt: "2027-03-01T00:00:00+08:00",
      closesAt: "2027-04-01T00:00:00+08:00",
    });
    expect(response.statusCode).toBe(201);
    const wave = response.json();
    expect(wave).toMatchObject({
      townTarget: 120,
      communityCap: 15,
      minAge: 16,
      reservationMinutes: 45,
      allocation: "proportional",
      opensAt: "2027-02-28T16:00:00.000Z",
      closesAt: "2027-03-31T16:00:00.000Z",
    });
    const detail = (await call("GET", `/api/admin/waves/${wave.id}`)).json();
    expect(detail.towns.map((town: { code: string }) => town.code)).toEqual([YUEYANG, SHIHUDANG]);
    const shihudang = detail.towns[1];
    expect(shihudang).toMatchObject({ target: 120, targetOverridden: false, completed: 0, reserved: 0, full: false });
    expect(shihudang.communities).toHaveLength(9);
    expect(shihudang.communities[0]).toMatchObject({ cap: 15, capOverridden: false, completed: 0, reserved: 0 });
  });

  it("lists waves with their totals for admin, office and staff", async () => {
    for (const role of ["office", "staff"] as const) {
      const reader = await signIn(t.app, role);
      const response = await call("GET", "/api/admin/waves", undefined, reader);
      expect(response.statusCode).toBe(200);
      const codes = response.json().map((wave: { code: string }) => wave.code);
      expect(codes).toEqual(expect.arrayContaining(["SJ-2026", "PILOT-A", "PILOT-B"]));
      const pilot = response.json().find((wave: { code: string }) => wave.code === "PILOT-B");
      expect(pilot.totals).toEqual({ towns: 2, communities: 31, target: 240, completed: 0, reserved: 0 });
    }
  });

  it("refuses bad bodies with 400 and details, a duplicate code with 409, unknown towns with 404", async () => {
    const bad: [object, string][] = [
      [{ code: "X1", minAge: 13 }, "/minAge"],
      [{ code: "X1", minAge: 101 }, "/minAge"],
      [{ code: "X1", reservationMinutes: 4 }, "/reservationMinutes"],
      [{ code: "X1", reservationMinutes: 1441 }, "/reservationMinutes"],
      [{ code: "X1", townTarget: 0 }, "/townTarget"],
      [{ code: "X1", townTarget: 1.5 }, "/townTarget"],
      [{ code: "X1", communityCap: -1 }, "/communityCap"],
      [{ code: "X1", communityCap: 10_001 }, "/communityCap"],
      [{ code: "has space" }, "/code"],
      [{ code: "X1", closesAt: "next week" }, "/closesAt"],
      [{ code: "X1", townCodes: [] }, "/townCodes"],
      [{ code: "X1", allocation: "random" }, "/allocation"],
    ];
    for (const [body, field] of bad) {
      const response = await create(body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().error).toBe("invalid_request");
      expect(response.json().details.map((detail: { field: string }) => detail.field)).toContain(field);
    }
    const missing = await call("POST", "/api/admin/waves", { code: "X1", year: 2027, questionnaireId });
    expect(missing.statusCode).toBe(400);
    const extra = await create({ code: "X1", colour: "red" });
    expect(extra.statusCode).toBe(400);

    const backwards = await create({ code: "X1", opensAt: "2027-04-01T00:00:00Z", closesAt: "2027-03-01T00:00:00Z" });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().field).toBe("closesAt");
    const noQuestionnaire = await create({ code: "X1", questionnaireId: 999_999 });
    expect(noQuestionnaire.statusCode).toBe(400);

    const duplicate = await create({ code: "PILOT-A" });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error).toBe("duplicate_code");
    const unknownTown = await create({ code: "X1", townCodes: [YUEYANG, "999999999"] });
    expect(unknownTown.statusCode).toBe(404);
    expect(unknownTown.json()).toMatchObject({ error: "unknown_town", townCodes: ["999999999"] });
    expect((await db().select().from(waves).where(eq(waves.code, "X1"))).length).toBe(0);
  });

  it("answers 404 unknown_wave for unknown or malformed ids", async () => {
    for (const id of ["999999", "abc", "1e3"]) {
      for (const [method, url] of [
        ["GET", `/api/admin/waves/${id}`],
        ["PATCH", `/api/admin/waves/${id}`],
        ["POST", `/api/admin/waves/${id}/open`],
        ["POST", `/api/admin/waves/${id}/close`],
        ["GET", `/api/admin/waves/${id}/allocation`],
      ] as const) {
        const response = await call(method, url, method === "PATCH" ? { title: "新标题" } : undefined);
        expect(response.statusCode, `${method} ${url}`).toBe(404);
        expect(response.json().error).toBe("unknown_wave");
      }
    }
  });

  it("patches settings; new defaults reach every town and community without an override of its own", async () => {
    const wave = (await create({ code: "PILOT-C", townCodes: [YUEYANG, SHIHUDANG] })).json();
    const detail = async () => (await call("GET", `/api/admin/waves/${wave.id}`)).json();
    const shihudangCommunity = (await detail()).towns[1].communities[0].code as string;

    // Overrides alone (no wave column changes).
    const overrides = await call("PATCH", `/api/admin/waves/${wave.id}`, {
      townTargets: { [SHIHUDANG]: 180 },
      communityCaps: { [shihudangCommunity]: 25 },
    });
    expect(overrides.statusCode).toBe(200);
    expect(overrides.json()).toMatchObject({ townTarget: 200, communityCap: 20 });
    let current = await detail();
    expect(current.towns[1]).toMatchObject({ target: 180, targetOverridden: true });
    expect(current.towns[1].communities[0]).toMatchObject({ cap: 25, capOverridden: true });

    const defaults = await call("PATCH", `/api/admin/waves/${wave.id}`, {
      title: "试点调查（修订）",
      townTarget: 150,
      communityCap: 12,
      minAge: 60,
      reservationMinutes: 20,
    });
    expect(defaults.statusCode).toBe(200);
    expect(defaults.json()).toMatchObject({ title: "试点调查（修订）", townTarget: 150, communityCap: 12, minAge: 60 });
    current = await detail();
    expect(current.towns[0]).toMatchObject({ code: YUEYANG, target: 150, targetOverridden: false });
    expect(current.towns[1]).toMatchObject({ target: 180, targetOverridden: true });
    expect(current.towns[1].communities[0]).toMatchObject({ cap: 25, capOverridden: true });
    expect(current.towns[1].communities[1]).toMatchObject({ cap: 12, capOverridden: false });

    // null gives the row back to the wave default.
    const cleared = await call("PATCH", `/api/admin/waves/${wave.id}`, {
      townTargets: { [SHIHUDANG]: null },
      communityCaps: { [shihudangCommunity]: null },
    });
    expect(cleared.statusCode).toBe(200);
    current = await detail();
    expect(current.towns[1]).toMatchObject({ target: 150, targetOverridden: false });
    expect(current.towns[1].communities[0]).toMatchObject({ cap: 12, capOverridden: false });

    const badOverride = await call("PATCH", `/api/admin/waves/${wave.id}`, { townTargets: { [SHIHUDANG]: 0 } });
    expect(badOverride.statusCode).toBe(400);
    const notInWave = await call("PATCH", `/api/admin/waves/${wave.id}`, { townTargets: { "310117106": 100 } });
    expect(notInWave.statusCode).toBe(404);
    expect(notInWave.json().error).toBe("unknown_town");
    const unknownCommunity = await call("PATCH", `/api/admin/waves/${wave.id}`, { communityCaps: { NOPE: 5 } });
    expect(unknownCommunity.statusCode).toBe(400);
    const badAge = await call("PATCH", `/api/admin/waves/${wave.id}`, { minAge: 12 });
    expect(badAge.statusCode).toBe(400);
    // A refused patch changes nothing.
    expect((await detail()).minAge).toBe(60);
  });

  it("refuses a target or cap below what is already completed and held (409)", async () => {
    const wave = (await create({ code: "PILOT-D", townCodes: [SHIHUDANG] })).json();
    const [community] = await db().select().from(waveCommunities).where(eq(waveCommunities.waveId, wave.id)).limit(1);
    if (!community) throw new Error("no community");
    await db()
      .update(waveCommunities)
      .set({ completed: 10 })
      .where(and(eq(waveCommunities.waveId, wave.id), eq(waveCommunities.communityCode, community.communityCode)));
    await db().update(waveTowns).set({ completed: 10 }).where(eq(waveTowns.waveId, wave.id));
    const cap = await call("PATCH", `/api/admin/waves/${wave.id}`, { communityCaps: { [community.communityCode]: 9 } });
    expect(cap.statusCode).toBe(409);
    expect(cap.json().error).toBe("quota_below_filled");
    const target = await call("PATCH", `/api/admin/waves/${wave.id}`, { townTarget: 5 });
    expect(target.statusCode).toBe(409);
    const [unchanged] = await db().select().from(waves).where(eq(waves.id, wave.id));
    expect(unchanged?.townTarget).toBe(200);
  });

  it("opens and closes a wave; the newest opened wave becomes the residents' current one", async () => {
    const wave = (await create({ code: "PILOT-E", townCodes: [YUEYANG] })).json();
    clock.advance(60_000);
    // The demo wave is open: a second one opens only when confirmed (tests/wave-lifecycle.test.ts).
    const opened = await call("POST", `/api/admin/waves/${wave.id}/open`, { confirmAnotherOpen: true });
    expect(opened.statusCode).toBe(200);
    expect(opened.json()).toMatchObject({ id: wave.id, status: "open", openedAt: clock.now().toISOString() });
    const current = await t.app.inject({ method: "GET", url: "/api/waves/current" });
    expect(current.json()).toMatchObject({ id: wave.id, code: "PILOT-E" });

    const closed = await call("POST", `/api/admin/waves/${wave.id}/close`);
    expect(closed.statusCode).toBe(200);
    expect(closed.json().status).toBe("closed");
    const afterClose = await t.app.inject({ method: "GET", url: "/api/waves/current" });
    expect(afterClose.json().code).toBe("SJ-2026");
    const patchClosed = await call("PATCH", `/api/admin/waves/${wave.id}`, { title: "太晚了" });
    expect(patchClosed.statusCode).toBe(409);
  });

  it("refuses to open a wave without a questionnaire (409)", async () => {
    const wave = (await create({ code: "PILOT-F", townCodes: [YUEYANG] })).json();
    await db().update(waves).set({ questionnaireId: null }).where(eq(waves.id, wave.id));
    const response = await call("POST", `/api/admin/waves/${wave.id}/open`);
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toBe("invalid_wave_state");
  });

  it("lets only admins change waves: 401 without a session, 403 for office and staff", async () => {
    const anonymous = await t.app.inject({ method: "POST", url: "/api/admin/waves", payload: { code: "NO" } });
    expect(anonymous.statusCode).toBe(401);
    for (const role of ["office", "staff", "department"] as const) {
      const user = await signIn(t.app, role);
      const response = await call(
        "POST",
        "/api/admin/waves",
        { code: "NO", title: "x", year: 2027, questionnaireId },
        user,
      );
      expect(response.statusCode, role).toBe(403);
    }
    const department = await signIn(t.app, "department");
    expect((await call("GET", "/api/admin/waves", undefined, department)).statusCode).toBe(403);
  });
});

describe(`reservation sweeper (${testDriver})`, () => {
  const clock = new TestClock();
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seedDemo: true, now: clock.now, env: { RESERVATION_SWEEP_MS: "25" } });
  });
  afterAll(() => t.close());

  it("gives the slots of expired reservations back, exactly once, on its own", async () => {
    const db = t.database.handle.db;
    const [wave] = await db.select().from(waves).where(eq(waves.code, "SJ-2026"));
    const [community] = await db
      .select()
      .from(waveCommunities)
      .where(and(eq(waveCommunities.waveId, wave?.id ?? 0), eq(waveCommunities.townCode, SHIHUDANG)))
      .limit(1);
    if (!wave || !community) throw new Error("demo wave missing");
    const target = { waveId: wave.id, communityCode: community.communityCode, townCode: SHIHUDANG };
    const hold = async (person: string, expiresInMs: number) =>
      db.transaction(async (tx) => {
        const claim = await claimSlot(tx, {
          ...target,
          idHash: `id-${person}`,
          phoneHash: `phone-${person}`,
          createdAt: clock.now(),
          expiresAt: new Date(clock.now().getTime() + expiresInMs),
        });
        expect(claim.ok).toBe(true);
      });
    await hold("a", 30 * 60_000);
    await hold("b", 30 * 60_000);
    await hold("c", 90 * 60_000);
    const reserved = async () => {
      const [row] = await db
        .select()
        .from(waveCommunities)
        .where(and(eq(waveCommunities.waveId, wave.id), eq(waveCommunities.communityCode, community.communityCode)));
      const [town] = await db
        .select()
        .from(waveTowns)
        .where(and(eq(waveTowns.waveId, wave.id), eq(waveTowns.townCode, SHIHUDANG)));
      return [row?.reserved, town?.reserved];
    };
    expect(await reserved()).toEqual([3, 3]);

    clock.advance(31 * 60_000);
    const deadline = Date.now() + 5000;
    while ((await reserved())[0] !== 1 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(await reserved()).toEqual([1, 1]);
    // Later sweeps find nothing more to release: no slot is given back twice.
    await new Promise((r) => setTimeout(r, 150));
    expect(await reserved()).toEqual([1, 1]);
    const statuses = (await db.select().from(reservations).where(eq(reservations.waveId, wave.id)))
      .map((row) => row.status)
      .sort();
    expect(statuses).toEqual(["active", "expired", "expired"]);
  });
});
