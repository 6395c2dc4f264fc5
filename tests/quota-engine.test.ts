import { randomUUID } from "node:crypto";
import { reservations, waveCommunities, waveTowns } from "@survey/db";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  claimSlot,
  findQuotaInvariantViolations,
  releaseExpiredReservations,
} from "../apps/api/src/modules/resident/data/quota";
import { currentWaveId } from "./support/resident";
import { createTestApp, type TestApp } from "./support/test-app";
import { testDriver } from "./support/test-database";

class QuotaFull extends Error {}

describe(`quota engine under concurrency (${testDriver})`, () => {
  let t: TestApp;
  let waveId: number;
  const town = "310117001";
  let communities: string[];
  const start = new Date("2026-11-20T02:00:00Z");

  beforeAll(async () => {
    t = await createTestApp({ seedDemo: true });
    waveId = await currentWaveId(t.app);
    const rows = await t.database.handle.db
      .select()
      .from(waveCommunities)
      .where(and(eq(waveCommunities.waveId, waveId), eq(waveCommunities.townCode, town)));
    communities = rows.map((row) => row.communityCode).sort();
  });
  afterAll(() => t.close());

  beforeEach(async () => {
    const db = t.database.handle.db;
    await db.delete(reservations);
    await db.update(waveCommunities).set({ reserved: 0, completed: 0 });
    await db.update(waveTowns).set({ reserved: 0, completed: 0, target: 200 });
  });

  /** One resident's claim, as the confirm step makes it: reservation row + conditional quota updates, one transaction. */
  async function claim(communityCode: string, expiresAt = new Date(start.getTime() + 30 * 60_000)): Promise<boolean> {
    try {
      await t.database.handle.db.transaction(async (tx) => {
        const result = await claimSlot(tx, {
          waveId,
          communityCode,
          townCode: town,
          idHash: randomUUID(),
          phoneHash: randomUUID(),
          createdAt: start,
          expiresAt,
        });
        if (!result.ok) throw new QuotaFull(result.full);
      });
      return true;
    } catch (error) {
      if (error instanceof QuotaFull) return false;
      throw error;
    }
  }

  it("gives exactly 20 reservations to 500 concurrent claims on a community with cap 20", async () => {
    const community = communities[0] ?? "";
    const results = await Promise.all(Array.from({ length: 500 }, () => claim(community)));
    expect(results.filter(Boolean)).toHaveLength(20);
    const [row] = await t.database.handle.db
      .select()
      .from(waveCommunities)
      .where(and(eq(waveCommunities.waveId, waveId), eq(waveCommunities.communityCode, community)));
    expect(row).toMatchObject({ reserved: 20, completed: 0 });
    expect(await findQuotaInvariantViolations(t.database.handle.db, waveId)).toEqual([]);
  });

  it("gives exactly the town target when its communities offer more room", async () => {
    await t.database.handle.db
      .update(waveTowns)
      .set({ target: 50 })
      .where(and(eq(waveTowns.waveId, waveId), eq(waveTowns.townCode, town)));
    expect(communities.length * 20).toBeGreaterThan(50);
    const results = await Promise.all(
      Array.from({ length: 500 }, (_, i) => claim(communities[i % communities.length] ?? "")),
    );
    expect(results.filter(Boolean)).toHaveLength(50);
    const [townRow] = await t.database.handle.db
      .select()
      .from(waveTowns)
      .where(and(eq(waveTowns.waveId, waveId), eq(waveTowns.townCode, town)));
    expect(townRow).toMatchObject({ reserved: 50, target: 50 });
    const rows = await t.database.handle.db.select().from(waveCommunities).where(eq(waveCommunities.waveId, waveId));
    expect(rows.reduce((sum, row) => sum + row.reserved, 0)).toBe(50);
    expect(rows.every((row) => row.reserved <= row.cap)).toBe(true);
    expect(await findQuotaInvariantViolations(t.database.handle.db, waveId)).toEqual([]);
  });

  it("returns expired slots exactly once when sweeps and lazy releases race", async () => {
    const held = await Promise.all(Array.from({ length: 40 }, (_, i) => claim(communities[i % 4] ?? "")));
    expect(held.every(Boolean)).toBe(true);
    const later = new Date(start.getTime() + 31 * 60_000);
    const db = t.database.handle.db;
    const released = await Promise.all([
      ...Array.from({ length: 6 }, () => releaseExpiredReservations(db, { now: later })),
      ...Array.from({ length: 6 }, () => releaseExpiredReservations(db, { now: later, waveId, townCode: town })),
    ]);
    expect(released.reduce((sum, n) => sum + n, 0)).toBe(40);
    const rows = await db.select().from(waveCommunities).where(eq(waveCommunities.waveId, waveId));
    expect(rows.every((row) => row.reserved === 0)).toBe(true);
    const [townRow] = await db
      .select()
      .from(waveTowns)
      .where(and(eq(waveTowns.waveId, waveId), eq(waveTowns.townCode, town)));
    expect(townRow?.reserved).toBe(0);
    expect(await releaseExpiredReservations(db, { now: later })).toBe(0);
    expect(await findQuotaInvariantViolations(db, waveId)).toEqual([]);
  });

  it("does not release a reservation before its time", async () => {
    expect(await claim(communities[0] ?? "")).toBe(true);
    expect(
      await releaseExpiredReservations(t.database.handle.db, { now: new Date(start.getTime() + 29 * 60_000) }),
    ).toBe(0);
    const [row] = await t.database.handle.db
      .select()
      .from(waveCommunities)
      .where(and(eq(waveCommunities.waveId, waveId), eq(waveCommunities.communityCode, communities[0] ?? "")));
    expect(row?.reserved).toBe(1);
  });

  it("the invariant check notices a counter that disagrees with the rows", async () => {
    await t.database.handle.db
      .update(waveCommunities)
      .set({ reserved: 3 })
      .where(and(eq(waveCommunities.waveId, waveId), eq(waveCommunities.communityCode, communities[1] ?? "")));
    const violations = await findQuotaInvariantViolations(t.database.handle.db, waveId);
    expect(violations).toEqual([expect.objectContaining({ level: "community", code: communities[1] })]);
  });
});
