import { queryRows, waveCommunities } from "@survey/db";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pruneSpentVerificationRecords } from "../apps/api/src/modules/resident/data/retention";
import { adultIdNumber, confirm, firstCommunity, latestCode, mobilePhone, startVerification } from "./support/resident";
import { openDemoWave, type TestApp, TestClock } from "./support/test-app";
import { testDriver } from "./support/test-database";

/** The attack: one address generates valid ID numbers and phones and holds a community's slots. */
describe(`quota squatting from one address (${testDriver})`, () => {
  const clock = new TestClock();
  let t: TestApp;
  let waveId: number;

  beforeAll(async () => {
    const limits = { HELD_RESERVATIONS_PER_ADDRESS: "5", COMMUNITY_CLAIMS_PER_MINUTE: "100000" };
    const env = {
      ...limits,
      TRUST_PROXY: "1",
      VERIFY_RATE_LIMIT_PER_MINUTE: "100000",
      SMS_BUDGET_PER_MINUTE: "100000",
    };
    ({ t, waveId } = await openDemoWave({ now: clock.now, env }));
  });
  afterAll(() => t.close());

  async function roomyCommunity(town: string) {
    const code = await firstCommunity(t.app, waveId, town);
    await t.database.handle.db
      .update(waveCommunities)
      .set({ cap: 100, capOverridden: true })
      .where(and(eq(waveCommunities.waveId, waveId), eq(waveCommunities.communityCode, code)));
    return code;
  }

  /** Start and confirm with a generated person from `address` (as nginx saw it). */
  async function hold(communityCode: string, address: string) {
    const headers = { "x-forwarded-for": `10.${Math.floor(Math.random() * 250)}.0.1, ${address}` };
    const person = { idNumber: adultIdNumber(), phone: mobilePhone(), communityCode };
    const started = await startVerification(t.app, waveId, person, headers);
    expect(started.statusCode).toBe(201);
    return confirm(t.app, started.json().verificationId, await latestCode(t.app, person.phone), headers);
  }

  it("refuses the 6th to 21st reservations held from one address with 429 too_many_held, not another address's", async () => {
    const communityCode = await roomyCommunity("310117001");
    const results = [];
    for (let i = 0; i < 21; i++) results.push(await hold(communityCode, "198.51.100.200"));
    const statuses = results.map((response) => response.statusCode);
    expect(statuses.slice(0, 5)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(statuses.slice(5))).toEqual(new Set([429]));
    expect(results[5]?.json()).toMatchObject({
      error: "too_many_held",
      message: expect.stringMatching(/[\u4e00-\u9fa5]/),
    });
    const [row] = await t.database.handle.db
      .select()
      .from(waveCommunities)
      .where(and(eq(waveCommunities.waveId, waveId), eq(waveCommunities.communityCode, communityCode)));
    expect(row?.reserved).toBe(5);
    expect((await hold(communityCode, "198.51.100.201")).statusCode).toBe(201);
  });

  it("holds no more than the limit when one address confirms many at once", async () => {
    const communityCode = await roomyCommunity("310117002");
    const results = await Promise.all(Array.from({ length: 12 }, () => hold(communityCode, "198.51.100.210")));
    const statuses = results.map((response) => response.statusCode);
    expect(statuses.filter((status) => status === 201)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(7);
  });

  it("frees the address's room when its reservations expire", async () => {
    const communityCode = await roomyCommunity("310117003");
    for (let i = 0; i < 5; i++) expect((await hold(communityCode, "198.51.100.220")).statusCode).toBe(201);
    expect((await hold(communityCode, "198.51.100.220")).json().error).toBe("too_many_held");
    clock.advance(31 * 60_000);
    expect((await hold(communityCode, "198.51.100.220")).statusCode).toBe(201);
  });

  it("keeps only a keyed hash of the address, on the verification, and prunes it with it", async () => {
    const communityCode = await roomyCommunity("310117004");
    expect((await hold(communityCode, "198.51.100.230")).statusCode).toBe(201);
    const dump = await queryRows<{ row: string }>(
      t.database.handle.db,
      sql`select v::text as row from verifications v where client_hash is not null`,
    );
    expect(dump.length).toBeGreaterThan(0);
    expect(dump.some((entry) => entry.row.includes("198.51.100"))).toBe(false);
    clock.advance(2 * 3600_000);
    await pruneSpentVerificationRecords(t.database.handle.db, clock.now());
    const left = await queryRows<{ n: number }>(
      t.database.handle.db,
      sql`select count(*)::int as n from verifications where client_hash is not null`,
    );
    expect(left[0]?.n).toBe(0);
  });
});

describe(`claims per community and codes per minute (${testDriver})`, () => {
  const clock = new TestClock();
  let t: TestApp;
  let waveId: number;
  let communityCode: string;

  beforeAll(async () => {
    ({ t, waveId, communityCode } = await openDemoWave({
      now: clock.now,
      env: { TRUST_PROXY: "1", COMMUNITY_CLAIMS_PER_MINUTE: "3", SMS_BUDGET_PER_MINUTE: "6" },
    }));
  });
  afterAll(() => t.close());

  let address = 0;
  const headers = () => ({ "x-forwarded-for": `203.0.113.${++address}` });

  it("hands out at most COMMUNITY_CLAIMS_PER_MINUTE new slots of one community a minute, from any addresses", async () => {
    const started = [];
    for (let i = 0; i < 5; i++) {
      const person = { idNumber: adultIdNumber(), phone: mobilePhone(), communityCode };
      const response = await startVerification(t.app, waveId, person, headers());
      expect(response.statusCode).toBe(201);
      started.push({ id: response.json().verificationId as string, code: await latestCode(t.app, person.phone) });
    }
    const confirmed = [];
    for (const { id, code } of started.slice(0, 4)) confirmed.push(await confirm(t.app, id, code));
    expect(confirmed.map((response) => response.statusCode)).toEqual([201, 201, 201, 429]);
    expect(confirmed[3]?.json()).toMatchObject({
      error: "community_busy",
      message: expect.stringMatching(/[\u4e00-\u9fa5]/),
    });
    clock.advance(61_000);
    const later = started[4];
    expect((await confirm(t.app, later?.id ?? "", later?.code ?? "")).statusCode).toBe(201);
  });

  it("sends at most SMS_BUDGET_PER_MINUTE codes a minute for the whole service, and no SMS beyond it", async () => {
    clock.advance(61_000);
    const phones = Array.from({ length: 8 }, () => mobilePhone());
    const results = [];
    for (const phone of phones) {
      results.push(
        await startVerification(t.app, waveId, { idNumber: adultIdNumber(), phone, communityCode }, headers()),
      );
    }
    expect(results.map((response) => response.statusCode)).toEqual([201, 201, 201, 201, 201, 201, 429, 429]);
    expect(results[6]?.json()).toMatchObject({
      error: "sms_budget_exhausted",
      message: expect.stringMatching(/[\u4e00-\u9fa5]/),
    });
    const outbox = await t.app.inject({ method: "GET", url: `/api/dev/sms-outbox?phone=${phones[7]}` });
    expect(outbox.json()).toEqual([]);
    clock.advance(61_000);
    const again = { idNumber: adultIdNumber(), phone: phones[7] ?? "", communityCode };
    expect((await startVerification(t.app, waveId, again, headers())).statusCode).toBe(201);
  });
});
