import type { AdminWaveDetail, AdminWaveListItem } from "@survey/contract";
import { communities, type Executor, queryRows, towns, waveCommunities, waves, waveTowns } from "@survey/db";
import { and, asc, desc, eq, ne, sql } from "drizzle-orm";

export type WaveRow = typeof waves.$inferSelect;

export async function findWave(db: Executor, waveId: number): Promise<WaveRow | undefined> {
  const [row] = await db.select().from(waves).where(eq(waves.id, waveId));
  return row;
}

/** A wave by its code (the `w` of a poster link). */
export async function findWaveByCode(db: Executor, code: string): Promise<WaveRow | undefined> {
  const [row] = await db.select().from(waves).where(eq(waves.code, code));
  return row;
}

/** The open waves other than this one, most recently opened first. */
export async function listOtherOpenWaves(db: Executor, waveId: number): Promise<WaveRow[]> {
  return db
    .select()
    .from(waves)
    .where(and(eq(waves.status, "open"), ne(waves.id, waveId)))
    .orderBy(desc(waves.openedAt), desc(waves.id));
}

export async function findCurrentWave(db: Executor): Promise<WaveRow | undefined> {
  const [row] = await db
    .select()
    .from(waves)
    .where(eq(waves.status, "open"))
    .orderBy(desc(waves.openedAt), desc(waves.id))
    .limit(1);
  return row;
}

export async function listWaves(db: Executor): Promise<WaveRow[]> {
  return db.select().from(waves).orderBy(desc(waves.year), desc(waves.id));
}

/** A town of a wave with its target and fill (the wave detail adds `full` and the communities). */
export type TownFill = Omit<AdminWaveDetail["towns"][number], "full" | "communities">;

export async function listWaveTowns(db: Executor, waveId: number): Promise<TownFill[]> {
  return db
    .select({
      code: towns.code,
      name: towns.name,
      kind: towns.kind,
      population: towns.population,
      target: waveTowns.target,
      targetOverridden: waveTowns.targetOverridden,
      completed: waveTowns.completed,
      reserved: waveTowns.reserved,
    })
    .from(waveTowns)
    .innerJoin(towns, eq(towns.code, waveTowns.townCode))
    .where(eq(waveTowns.waveId, waveId))
    .orderBy(asc(towns.code));
}

export interface CommunityFill {
  code: string;
  name: string;
  kind: "residential" | "village";
  townCode: string;
  population: number;
  cap: number;
  capOverridden: boolean;
  completed: number;
  reserved: number;
}

export async function listWaveCommunities(db: Executor, waveId: number, townCode?: string): Promise<CommunityFill[]> {
  return db
    .select({
      code: communities.code,
      name: communities.name,
      kind: communities.kind,
      townCode: waveCommunities.townCode,
      population: communities.population,
      cap: waveCommunities.cap,
      capOverridden: waveCommunities.capOverridden,
      completed: waveCommunities.completed,
      reserved: waveCommunities.reserved,
    })
    .from(waveCommunities)
    .innerJoin(communities, eq(communities.code, waveCommunities.communityCode))
    .where(
      townCode === undefined
        ? eq(waveCommunities.waveId, waveId)
        : and(eq(waveCommunities.waveId, waveId), eq(waveCommunities.townCode, townCode)),
    )
    .orderBy(asc(waveCommunities.townCode), asc(communities.code));
}

export async function findWaveCommunity(db: Executor, waveId: number, communityCode: string) {
  const [row] = await db
    .select({ code: waveCommunities.communityCode, townCode: waveCommunities.townCode, name: communities.name })
    .from(waveCommunities)
    .innerJoin(communities, eq(communities.code, waveCommunities.communityCode))
    .where(and(eq(waveCommunities.waveId, waveId), eq(waveCommunities.communityCode, communityCode)));
  return row;
}

/** Creates the quota rows of the given towns (and all their communities) for a wave. */
export async function insertWaveQuotaRows(
  db: Executor,
  wave: { id: number; townTarget: number; communityCap: number },
  townCodes: string[],
): Promise<void> {
  if (townCodes.length === 0) return;
  await db
    .insert(waveTowns)
    .values(townCodes.map((townCode) => ({ waveId: wave.id, townCode, target: wave.townTarget })))
    .onConflictDoNothing();
  await addMissingWaveCommunities(db, wave.id, wave.communityCap);
}

/** Gives every community of a participating town a quota row (after a frame import added communities). */
export async function addMissingWaveCommunities(db: Executor, waveId: number, cap: number): Promise<void> {
  await db.execute(sql`
    insert into wave_communities (wave_id, community_code, town_code, cap)
    select ${waveId}, c.code, c.town_code, ${cap}
    from communities c join wave_towns wt on wt.town_code = c.town_code and wt.wave_id = ${waveId}
    on conflict do nothing`);
}

/** Draft and open waves: the ones a change of the frame still reaches. */
export async function listWavesNotClosed(db: Executor): Promise<{ id: number; communityCap: number }[]> {
  return db
    .select({ id: waves.id, communityCap: waves.communityCap })
    .from(waves)
    .where(ne(waves.status, "closed"))
    .orderBy(asc(waves.id));
}

/** Quota totals of a wave: towns and communities taking part, their targets, completions and held slots. */
export type WaveTotals = AdminWaveListItem["totals"];

/** Quota totals of every wave (or one), summed over its towns. */
export async function waveTotals(db: Executor, waveId?: number): Promise<Map<number, WaveTotals>> {
  const rows = await queryRows<{
    wave_id: number;
    towns: number;
    communities: number;
    target: number;
    completed: number;
    reserved: number;
  }>(
    db,
    sql`
    select w.id as wave_id,
      (select count(*)::int from wave_towns wt where wt.wave_id = w.id) as towns,
      (select count(*)::int from wave_communities wc where wc.wave_id = w.id) as communities,
      (select coalesce(sum(wt.target), 0)::int from wave_towns wt where wt.wave_id = w.id) as target,
      (select coalesce(sum(wt.completed), 0)::int from wave_towns wt where wt.wave_id = w.id) as completed,
      (select coalesce(sum(wt.reserved), 0)::int from wave_towns wt where wt.wave_id = w.id) as reserved
    from waves w ${waveId === undefined ? sql`` : sql`where w.id = ${waveId}`}`,
  );
  return new Map(
    rows.map((row) => [
      row.wave_id,
      {
        towns: row.towns,
        communities: row.communities,
        target: row.target,
        completed: row.completed,
        reserved: row.reserved,
      },
    ]),
  );
}

/** The frame's town codes, in order: the towns a new wave takes part with unless it names its own. */
export async function frameTownCodes(tx: Executor): Promise<Set<string>> {
  const frameTowns = await tx.select({ code: towns.code }).from(towns).orderBy(asc(towns.code));
  return new Set(frameTowns.map((town) => town.code));
}

export async function insertWave(tx: Executor, values: typeof waves.$inferInsert): Promise<WaveRow | undefined> {
  const [wave] = await tx.insert(waves).values(values).returning();
  return wave;
}

export type WaveFields = Partial<
  Pick<
    typeof waves.$inferInsert,
    | "title"
    | "year"
    | "questionnaireId"
    | "townTarget"
    | "communityCap"
    | "minAge"
    | "reservationMinutes"
    | "allocation"
    | "opensAt"
    | "closesAt"
    | "hiddenFromTrends"
  >
>;

/** Sets the given columns of a wave, or only reads it when `fields` would change none (drizzle refuses an empty SET). */
export async function updateWaveRow(
  tx: Executor,
  waveId: number,
  fields: WaveFields,
  changesWave: boolean,
): Promise<WaveRow | undefined> {
  const [updated] = changesWave
    ? await tx.update(waves).set(fields).where(eq(waves.id, waveId)).returning()
    : await tx.select().from(waves).where(eq(waves.id, waveId));
  return updated;
}

/** A new default target for every town of the wave without an override of its own. */
export async function setDefaultTownTarget(tx: Executor, waveId: number, target: number): Promise<void> {
  await tx
    .update(waveTowns)
    .set({ target })
    .where(and(eq(waveTowns.waveId, waveId), eq(waveTowns.targetOverridden, false)));
}

/** A new default cap for every community of the wave without an override of its own. */
export async function setDefaultCommunityCap(tx: Executor, waveId: number, cap: number): Promise<void> {
  await tx
    .update(waveCommunities)
    .set({ cap })
    .where(and(eq(waveCommunities.waveId, waveId), eq(waveCommunities.capOverridden, false)));
}

/** Sets one town's target (overridden or back to the default); false when the wave has no such town. */
export async function setTownTarget(
  tx: Executor,
  waveId: number,
  townCode: string,
  target: { target: number; targetOverridden: boolean },
): Promise<boolean> {
  const rows = await tx
    .update(waveTowns)
    .set(target)
    .where(and(eq(waveTowns.waveId, waveId), eq(waveTowns.townCode, townCode)))
    .returning({ code: waveTowns.townCode });
  return rows.length > 0;
}

/** Sets one community's cap (overridden or back to the default); false when the wave has no such community. */
export async function setCommunityCap(
  tx: Executor,
  waveId: number,
  communityCode: string,
  cap: { cap: number; capOverridden: boolean },
): Promise<boolean> {
  const rows = await tx
    .update(waveCommunities)
    .set(cap)
    .where(and(eq(waveCommunities.waveId, waveId), eq(waveCommunities.communityCode, communityCode)))
    .returning({ code: waveCommunities.communityCode });
  return rows.length > 0;
}

/**
 * Opens a wave unless another one is open and the opening was not confirmed: one statement, so the check and the
 * change see the same waves. Undefined when refused (or no such wave).
 */
export async function markWaveOpen(
  db: Executor,
  waveId: number,
  now: Date,
  allowAnotherOpen: boolean,
): Promise<WaveRow | undefined> {
  const [opened] = await db
    .update(waves)
    .set({ status: "open", openedAt: now })
    .where(
      and(
        eq(waves.id, waveId),
        allowAnotherOpen
          ? undefined
          : sql`not exists (select 1 from waves other where other.status = 'open' and other.id <> ${waveId})`,
      ),
    )
    .returning();
  return opened;
}

/**
 * Reopens a closed wave with a new closing time. The opening time stays: `/?c=` links keep opening the wave
 * that was opened last, so a reopened old wave does not take over a newer one's posters.
 */
export async function markWaveReopened(
  db: Executor,
  waveId: number,
  closesAt: Date,
  allowAnotherOpen: boolean,
): Promise<WaveRow | undefined> {
  const [reopened] = await db
    .update(waves)
    .set({ status: "open", closesAt })
    .where(
      and(
        eq(waves.id, waveId),
        eq(waves.status, "closed"),
        allowAnotherOpen
          ? undefined
          : sql`not exists (select 1 from waves other where other.status = 'open' and other.id <> ${waveId})`,
      ),
    )
    .returning();
  return reopened;
}

/** Deletes a draft without responses (its quota rows go with it); false when it is not such a wave. */
export async function deleteDraftWave(db: Executor, waveId: number): Promise<boolean> {
  const rows = await db
    .delete(waves)
    .where(
      and(
        eq(waves.id, waveId),
        eq(waves.status, "draft"),
        sql`not exists (select 1 from responses r where r.wave_id = ${waveId})`,
      ),
    )
    .returning({ id: waves.id });
  return rows.length > 0;
}

/** Whether any response (online, paper or imported) belongs to the wave. */
export async function waveHasResponses(db: Executor, waveId: number): Promise<boolean> {
  const rows = await queryRows<{ found: boolean }>(
    db,
    sql`select exists (select 1 from responses where wave_id = ${waveId}) as found`,
  );
  return rows[0]?.found === true;
}

export async function markWaveClosed(db: Executor, waveId: number): Promise<WaveRow | undefined> {
  const [closed] = await db.update(waves).set({ status: "closed" }).where(eq(waves.id, waveId)).returning();
  return closed;
}
