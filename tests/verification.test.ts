import { queryRows, waveCommunities, waves } from "@survey/db";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findQuotaInvariantViolations } from "../apps/api/src/modules/resident/data/quota";
import {
  adultIdNumber,
  confirm,
  currentWaveId,
  firstCommunity,
  latestCode,
  mobilePhone,
  startVerification,
  verifyResident,
} from "./support/resident";
import { createTestApp, type TestApp, TestClock } from "./support/test-app";
import { testDriver } from "./support/test-database";

describe(`respondent verification (${testDriver})`, () => {
  const clock = new TestClock();
  let t: TestApp;
  let waveId: number;
  let communityCode: string;

  beforeAll(async () => {
    t = await createTestApp({ seedDemo: true, now: clock.now, env: { VERIFY_RATE_LIMIT_PER_MINUTE: "100000" } });
    waveId = await currentWaveId(t.app);
    communityCode = await firstCommunity(t.app, waveId);
  });
  afterAll(() => t.close());

  const person = () => ({ idNumber: adultIdNumber(), phone: mobilePhone(), communityCode });

  it("starts: 201 with a masked phone, and the 6-digit code is in the dev outbox", async () => {
    const resident = person();
    const response = await startVerification(t.app, waveId, resident);
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body.phoneMasked).toBe(`${resident.phone.slice(0, 3)}****${resident.phone.slice(7)}`);
    expect(new Date(body.expiresAt).getTime() - clock.now().getTime()).toBe(5 * 60_000);
    expect(await latestCode(t.app, resident.phone)).toMatch(/^\d{6}$/);
  });

  it("accepts a lower-case x, spaces, full-width digits and +86", async () => {
    const id = adultIdNumber({ seq: 7 });
    const withX = id.endsWith("X") ? id : undefined;
    const messy = ` ${id.slice(0, 6)} ${id.slice(6).replace("X", "x")} `.replace(/1/g, "１");
    const response = await startVerification(t.app, waveId, {
      idNumber: messy,
      phone: `+86 ${mobilePhone()}`,
      communityCode,
    });
    expect(response.statusCode).toBe(201);
    expect(withX === undefined || withX.endsWith("X")).toBe(true);
  });

  it.each([
    ["bad check digit", { idNumber: "310104199001011230" }, 400, "invalid_id_number"],
    ["15-digit legacy", { idNumber: "310104900101123" }, 400, "invalid_id_number"],
    ["bad phone (12x)", { phone: "12812345678" }, 400, "invalid_phone"],
    ["unknown community", { communityCode: "999999999999" }, 400, "unknown_community"],
  ])("refuses %s", async (_name, override, status, error) => {
    const response = await startVerification(t.app, waveId, { ...person(), ...override });
    expect(response.statusCode).toBe(status);
    expect(response.json()).toMatchObject({ error, message: expect.stringMatching(/[\u4e00-\u9fa5]/) });
  });

  it("says why a 15-digit number is refused", async () => {
    const response = await startVerification(t.app, waveId, { ...person(), idNumber: "310104900101123" });
    expect(response.json().message).toContain("15位");
  });

  it("checks in SPEC order: an unknown community wins over a bad ID, a bad ID over a bad phone", async () => {
    const both = await startVerification(t.app, waveId, { idNumber: "123", phone: "1", communityCode: "nope" });
    expect(both.json().error).toBe("unknown_community");
    const idAndPhone = await startVerification(t.app, waveId, { idNumber: "123", phone: "1", communityCode });
    expect(idAndPhone.json().error).toBe("invalid_id_number");
  });

  it("refuses a resident under the minimum age, counting the birthday itself", async () => {
    // The test clock is 2026-11-20 (Beijing time): born 2008-11-21 is still 17, born 2008-11-20 is 18 today.
    const seventeen = adultIdNumber({ birth: "20081121", seq: 501 });
    const response = await startVerification(t.app, waveId, { ...person(), idNumber: seventeen });
    expect(response.statusCode).toBe(422);
    expect(response.json().error).toBe("underage");
    const eighteen = adultIdNumber({ birth: "20081120", seq: 502 });
    expect((await startVerification(t.app, waveId, { ...person(), idNumber: eighteen })).statusCode).toBe(201);
  });

  it("stores nothing and sends no code for a refused start: the same phone may ask again at once", async () => {
    const phone = mobilePhone();
    const verifications = async () =>
      (await queryRows<{ n: number }>(t.database.handle.db, sql`select count(*)::int as n from verifications`))[0]?.n;
    const before = await verifications();
    const underage = await startVerification(t.app, waveId, {
      ...person(),
      phone,
      idNumber: adultIdNumber({ birth: "20081121", seq: 503 }),
    });
    expect(underage.json().error).toBe("underage");
    expect(await verifications()).toBe(before);
    const outbox = await t.app.inject({ method: "GET", url: `/api/dev/sms-outbox?phone=${phone}` });
    expect(outbox.json()).toEqual([]);
    expect((await startVerification(t.app, waveId, { ...person(), phone })).statusCode).toBe(201);
  });

  it("refuses with 409 wave_closed when the wave is closed", async () => {
    await t.database.handle.db.update(waves).set({ status: "closed" }).where(eq(waves.id, waveId));
    const response = await startVerification(t.app, waveId, person());
    await t.database.handle.db.update(waves).set({ status: "open" }).where(eq(waves.id, waveId));
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toBe("wave_closed");
  });

  it("confirms the right code: 201 with a reservation token, the questionnaire and an empty draft", async () => {
    const response = await verifyResident(t.app, waveId, person());
    expect(response.statusCode).toBe(201);
    expect(response.headers["content-type"]).toBe("application/json; charset=utf-8");
    const body = response.json();
    expect(Object.keys(body)).toEqual(["reservationToken", "expiresAt", "questionnaire", "draft"]);
    expect(body.reservationToken).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(Object.keys(body.questionnaire)).toEqual(["id", "title", "definition"]);
    expect(body.questionnaire.definition.pages.length).toBeGreaterThanOrEqual(4);
    expect(body.draft).toEqual({});
    expect(new Date(body.expiresAt).getTime() - clock.now().getTime()).toBe(30 * 60_000);
  });

  it("counts wrong codes: 400 wrong_code with attemptsLeft, then 429 too_many_attempts after 5", async () => {
    const resident = person();
    const started = (await startVerification(t.app, waveId, resident)).json();
    const right = await latestCode(t.app, resident.phone);
    const wrong = right === "000000" ? "111111" : "000000";
    for (let left = 4; left >= 1; left--) {
      const response = await confirm(t.app, started.verificationId, wrong);
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ error: "wrong_code", attemptsLeft: left });
    }
    const fifth = await confirm(t.app, started.verificationId, wrong);
    expect(fifth.statusCode).toBe(429);
    expect(fifth.json().error).toBe("too_many_attempts");
    // Even the right code no longer works for this verification.
    expect((await confirm(t.app, started.verificationId, right)).json().error).toBe("too_many_attempts");
  });

  it("expires a code after 5 minutes: 410 verification_expired", async () => {
    const resident = person();
    const started = (await startVerification(t.app, waveId, resident)).json();
    const code = await latestCode(t.app, resident.phone);
    clock.advance(5 * 60_000 + 1000);
    const response = await confirm(t.app, started.verificationId, code);
    expect(response.statusCode).toBe(410);
    expect(response.json().error).toBe("verification_expired");
    expect((await confirm(t.app, "not-a-uuid", "123456")).statusCode).toBe(410);
  });

  it("refuses a resend within 60 s and allows it after", async () => {
    const resident = person();
    expect((await startVerification(t.app, waveId, resident)).statusCode).toBe(201);
    clock.advance(30_000);
    const again = await startVerification(t.app, waveId, resident);
    expect(again.statusCode).toBe(429);
    expect(again.json()).toMatchObject({ error: "resend_too_soon", retryAfterSeconds: 30 });
    clock.advance(31_000);
    expect((await startVerification(t.app, waveId, resident)).statusCode).toBe(201);
  });

  it("sends one code when the same phone asks many times at once; the others wait for the resend interval", async () => {
    const phone = mobilePhone();
    const attempts = await Promise.all(
      Array.from({ length: 8 }, () =>
        startVerification(t.app, waveId, { idNumber: adultIdNumber(), phone, communityCode }),
      ),
    );
    const statuses = attempts.map((response) => response.statusCode).sort();
    expect(statuses).toEqual([201, 429, 429, 429, 429, 429, 429, 429]);
    for (const refused of attempts.filter((response) => response.statusCode === 429)) {
      expect(refused.json().error).toBe("resend_too_soon");
    }
    const outbox = await t.app.inject({ method: "GET", url: `/api/dev/sms-outbox?phone=${phone}` });
    expect(outbox.json()).toHaveLength(1);
  });

  it("sends at most 10 codes per phone per day", async () => {
    const resident = person();
    for (let i = 0; i < 10; i++) {
      expect((await startVerification(t.app, waveId, resident)).statusCode).toBe(201);
      clock.advance(61_000);
    }
    const eleventh = await startVerification(t.app, waveId, resident);
    expect(eleventh.statusCode).toBe(429);
    expect(eleventh.json().error).toBe("sms_daily_limit");
    clock.advance(24 * 3600_000);
    expect((await startVerification(t.app, waveId, resident)).statusCode).toBe(201);
  });

  it("gives the same reservation back when the same person verifies again (resume)", async () => {
    const resident = person();
    const first = (await verifyResident(t.app, waveId, resident)).json();
    clock.advance(61_000);
    const second = await verifyResident(t.app, waveId, resident);
    expect(second.statusCode).toBe(201);
    expect(second.json().expiresAt).toBe(first.expiresAt);
    const [row] = await t.database.handle.db
      .select()
      .from(waveCommunities)
      .where(and(eq(waveCommunities.waveId, waveId), eq(waveCommunities.communityCode, communityCode)));
    const violations = await findQuotaInvariantViolations(t.database.handle.db, waveId);
    expect(violations).toEqual([]);
    expect(row?.reserved).toBeGreaterThan(0);
  });

  it("refuses the same ID with another phone while a reservation is active, at confirm (in_progress)", async () => {
    const resident = person();
    expect((await verifyResident(t.app, waveId, resident)).statusCode).toBe(201);
    const otherPhone = { ...resident, phone: mobilePhone() };
    const started = await startVerification(t.app, waveId, otherPhone);
    expect(started.statusCode).toBe(201);
    const response = await confirm(t.app, started.json().verificationId, await latestCode(t.app, otherPhone.phone));
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toBe("in_progress");
  });

  it("confirms a verification once: replaying the right code holds nothing more", async () => {
    const resident = person();
    const started = (await startVerification(t.app, waveId, resident)).json();
    const code = await latestCode(t.app, resident.phone);
    expect((await confirm(t.app, started.verificationId, code)).statusCode).toBe(201);
    const replay = await confirm(t.app, started.verificationId, code);
    expect(replay.statusCode).toBe(410);
    expect(replay.json().error).toBe("verification_expired");
  });

  it("refuses with 409 quota_full when the community is full, saying so in Chinese", async () => {
    const other = await firstCommunity(t.app, waveId, "310117002");
    await t.database.handle.db
      .update(waveCommunities)
      .set({ cap: 1, capOverridden: true })
      .where(and(eq(waveCommunities.waveId, waveId), eq(waveCommunities.communityCode, other)));
    expect((await verifyResident(t.app, waveId, { ...person(), communityCode: other })).statusCode).toBe(201);
    const response = await startVerification(t.app, waveId, { ...person(), communityCode: other });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({
      error: "quota_full",
      scope: "community",
      message: expect.stringContaining("社区"),
    });
  });

  it("holds one reservation when 50 verify+confirm flows with the same ID run at once", async () => {
    const idNumber = adultIdNumber();
    const phones = Array.from({ length: 50 }, () => mobilePhone());
    const starts = await Promise.all(
      phones.map((phone) => startVerification(t.app, waveId, { idNumber, phone, communityCode })),
    );
    expect(starts.every((response) => response.statusCode === 201)).toBe(true);
    const codes = await Promise.all(phones.map((phone) => latestCode(t.app, phone)));
    const confirms = await Promise.all(
      starts.map((response, i) => confirm(t.app, response.json().verificationId, codes[i] ?? "")),
    );
    const statuses = confirms.map((response) => response.statusCode);
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(
      confirms
        .filter((response) => response.statusCode === 409)
        .every((response) => response.json().error === "in_progress"),
    ).toBe(true);
    expect(await findQuotaInvariantViolations(t.database.handle.db, waveId)).toEqual([]);
  });

  it("after a reservation expired, verifying again claims afresh and brings back the answers typed before", async () => {
    const resident = person();
    const first = (await verifyResident(t.app, waveId, resident)).json();
    const saved = await t.app.inject({
      method: "PUT",
      url: "/api/reservation/draft",
      headers: { authorization: `Bearer ${first.reservationToken}` },
      payload: { answers: { liv_income: 2 } },
    });
    expect(saved.statusCode).toBe(204);
    clock.advance(31 * 60_000);
    // Another community this time, in another town: the expired reservation must not block it.
    const elsewhere = await firstCommunity(t.app, waveId, "310117006");
    const again = await verifyResident(t.app, waveId, { ...resident, communityCode: elsewhere });
    expect(again.statusCode).toBe(201);
    expect(again.json().draft).toEqual({ liv_income: 2 });
    expect(new Date(again.json().expiresAt).getTime()).toBeGreaterThan(clock.now().getTime());
    expect(await findQuotaInvariantViolations(t.database.handle.db, waveId)).toEqual([]);
  });
});
