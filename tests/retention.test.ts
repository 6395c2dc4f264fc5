import { queryRows } from "@survey/db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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

describe(`spent verification records are deleted by the sweeper (${testDriver})`, () => {
  const clock = new TestClock();
  let t: TestApp;
  let waveId: number;
  let communityCode: string;

  beforeAll(async () => {
    t = await createTestApp({
      seedDemo: true,
      now: clock.now,
      env: { RESERVATION_SWEEP_MS: "25", VERIFY_RATE_LIMIT_PER_MINUTE: "1000" },
    });
    waveId = await currentWaveId(t.app);
    communityCode = await firstCommunity(t.app, waveId);
  });
  afterAll(() => t.close());

  const count = async (table: "verifications" | "phone_sms_windows" | "dev_sms_outbox" | "reservations") =>
    (await queryRows<{ n: number }>(t.database.handle.db, sql`select count(*)::int as n from ${sql.raw(table)}`))[0]?.n;
  /** Waits for the sweeper (every 25 ms) to bring a table to `expected` rows. */
  const settles = async (table: Parameters<typeof count>[0], expected: number) => {
    const deadline = Date.now() + 5000;
    while ((await count(table)) !== expected && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    return count(table);
  };

  it("keeps a verification while it can be used, deletes it an hour after its code expired", async () => {
    // The sweeper's first prune ran at start-up; a resident who holds a slot and one who never typed the code.
    const held = { idNumber: adultIdNumber(), phone: mobilePhone(), communityCode };
    expect((await verifyResident(t.app, waveId, held)).statusCode).toBe(201);
    const waiting = { idNumber: adultIdNumber(), phone: mobilePhone(), communityCode };
    const started = await startVerification(t.app, waveId, waiting);
    expect(started.statusCode).toBe(201);
    const code = await latestCode(t.app, waiting.phone);
    expect([await count("verifications"), await count("phone_sms_windows"), await count("dev_sms_outbox")]).toEqual([
      2, 2, 2,
    ]);

    // 50 minutes on the code has expired but the records stay (the hourly prune has not come round again).
    clock.advance(50 * 60_000);
    await new Promise((r) => setTimeout(r, 100));
    expect(await count("verifications")).toBe(2);

    // Past the hour both verifications go; the reservation stays, and the late code is refused as before.
    clock.advance(20 * 60_000);
    expect(await settles("verifications", 0)).toBe(0);
    expect(await count("reservations")).toBe(1);
    const late = await confirm(t.app, started.json().verificationId, code);
    expect(late.statusCode).toBe(410);
    expect(late.json().error).toBe("verification_expired");
    // The day's sends still count toward each phone's limits, and the development outbox still shows them.
    expect([await count("phone_sms_windows"), await count("dev_sms_outbox")]).toEqual([2, 2]);
  });

  it("deletes phones' send windows and outbox messages a day after the last send; the phone can ask again", async () => {
    clock.advance(23 * 3600_000);
    expect(await settles("phone_sms_windows", 0)).toBe(0);
    expect(await count("dev_sms_outbox")).toBe(0);
    const again = { idNumber: adultIdNumber(), phone: mobilePhone(), communityCode };
    expect((await startVerification(t.app, waveId, again)).statusCode).toBe(201);
    expect([await count("verifications"), await count("phone_sms_windows"), await count("dev_sms_outbox")]).toEqual([
      1, 1, 1,
    ]);
  });
});
