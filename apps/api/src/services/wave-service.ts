import { type Database, questionnaires, towns, waveCommunities, waves, waveTowns } from "@survey/db";
import { and, asc, eq } from "drizzle-orm";
import { pgConstraint, pgErrorCode } from "../data/retry";
import { addMissingWaveCommunities, findWave, insertWaveQuotaRows, type WaveRow } from "../data/waves";
import { DuplicateCodeError, InvalidRequestError, UnknownTownError, UnknownWaveError, WaveStateError } from "../errors";

export interface WaveInput {
  code: string;
  title: string;
  year: number;
  questionnaireId?: number | null;
  townTarget?: number;
  communityCap?: number;
  minAge?: number;
  reservationMinutes?: number;
  allocation?: "cap" | "proportional";
  opensAt?: Date | null;
  closesAt?: Date | null;
  townCodes?: string[];
  demo?: boolean;
}

export type WaveUpdate = Partial<Omit<WaveInput, "code" | "townCodes" | "demo">> & {
  /** Per-town target overrides; null removes the override. */
  townTargets?: Record<string, number | null>;
  /** Per-community cap overrides; null removes the override. */
  communityCaps?: Record<string, number | null>;
};

async function requireWave(db: Database, waveId: number): Promise<WaveRow> {
  const wave = await findWave(db, waveId);
  if (!wave) throw new UnknownWaveError();
  return wave;
}

async function requireQuestionnaire(db: Database, questionnaireId: number | null | undefined) {
  if (questionnaireId === undefined || questionnaireId === null) return;
  const [row] = await db
    .select({ id: questionnaires.id })
    .from(questionnaires)
    .where(eq(questionnaires.id, questionnaireId));
  if (!row) throw new InvalidRequestError({ field: "questionnaireId" }, "没有找到这个问卷。");
}

export async function createWave(db: Database, input: WaveInput): Promise<WaveRow> {
  await requireQuestionnaire(db, input.questionnaireId);
  return db.transaction(async (tx) => {
    const frameTowns = await tx.select({ code: towns.code }).from(towns).orderBy(asc(towns.code));
    const known = new Set(frameTowns.map((town) => town.code));
    const townCodes = input.townCodes ?? [...known];
    const unknown = townCodes.filter((code) => !known.has(code));
    if (unknown.length > 0) throw new UnknownTownError({ townCodes: unknown });
    let wave: WaveRow | undefined;
    try {
      [wave] = await tx
        .insert(waves)
        .values({
          code: input.code,
          title: input.title,
          year: input.year,
          questionnaireId: input.questionnaireId ?? null,
          townTarget: input.townTarget ?? 200,
          communityCap: input.communityCap ?? 20,
          minAge: input.minAge ?? 18,
          reservationMinutes: input.reservationMinutes ?? 30,
          allocation: input.allocation ?? "cap",
          opensAt: input.opensAt ?? null,
          closesAt: input.closesAt ?? null,
          demo: input.demo ?? false,
        })
        .returning();
    } catch (error) {
      if (pgErrorCode(error) === "23505" && pgConstraint(error)?.includes("code"))
        throw new DuplicateCodeError({ field: "code" });
      throw error;
    }
    if (!wave) throw new Error("wave insert returned nothing");
    await insertWaveQuotaRows(tx, wave, [...new Set(townCodes)]);
    return wave;
  });
}

export async function updateWave(db: Database, waveId: number, update: WaveUpdate): Promise<WaveRow> {
  const wave = await requireWave(db, waveId);
  if (wave.status === "closed") throw new WaveStateError({}, "调查已经结束，不能再修改。");
  await requireQuestionnaire(db, update.questionnaireId);
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(waves)
      .set({
        title: update.title,
        year: update.year,
        questionnaireId: update.questionnaireId,
        townTarget: update.townTarget,
        communityCap: update.communityCap,
        minAge: update.minAge,
        reservationMinutes: update.reservationMinutes,
        allocation: update.allocation,
        opensAt: update.opensAt,
        closesAt: update.closesAt,
      })
      .where(eq(waves.id, waveId))
      .returning();
    if (!updated) throw new UnknownWaveError();
    // Defaults flow to every row that has no override of its own. A limit below what is already
    // filled would break the quota CHECK: report it as a refusal, not a 500.
    try {
      if (update.townTarget !== undefined) {
        await tx
          .update(waveTowns)
          .set({ target: update.townTarget })
          .where(and(eq(waveTowns.waveId, waveId), eq(waveTowns.targetOverridden, false)));
      }
      if (update.communityCap !== undefined) {
        await tx
          .update(waveCommunities)
          .set({ cap: update.communityCap })
          .where(and(eq(waveCommunities.waveId, waveId), eq(waveCommunities.capOverridden, false)));
      }
      for (const [townCode, target] of Object.entries(update.townTargets ?? {})) {
        const rows = await tx
          .update(waveTowns)
          .set({ target: target ?? updated.townTarget, targetOverridden: target !== null })
          .where(and(eq(waveTowns.waveId, waveId), eq(waveTowns.townCode, townCode)))
          .returning({ code: waveTowns.townCode });
        if (rows.length === 0) throw new UnknownTownError({ townCode });
      }
      for (const [communityCode, cap] of Object.entries(update.communityCaps ?? {})) {
        const rows = await tx
          .update(waveCommunities)
          .set({ cap: cap ?? updated.communityCap, capOverridden: cap !== null })
          .where(and(eq(waveCommunities.waveId, waveId), eq(waveCommunities.communityCode, communityCode)))
          .returning({ code: waveCommunities.communityCode });
        if (rows.length === 0) throw new InvalidRequestError({ communityCode }, "这次调查不包括这个社区。");
      }
    } catch (error) {
      if (pgErrorCode(error) === "23514") {
        throw new WaveStateError({}, "新的目标或上限低于已经完成和占用的份数，不能这样修改。");
      }
      throw error;
    }
    return updated;
  });
}

export async function openWave(db: Database, waveId: number, now: Date): Promise<WaveRow> {
  const wave = await requireWave(db, waveId);
  if (wave.status === "open") return wave;
  if (!wave.questionnaireId) throw new WaveStateError({}, "请先为这次调查选择问卷，再开放。");
  const [opened] = await db
    .update(waves)
    .set({ status: "open", openedAt: now })
    .where(eq(waves.id, waveId))
    .returning();
  await addMissingWaveCommunities(db, waveId, wave.communityCap);
  if (!opened) throw new UnknownWaveError();
  return opened;
}

export async function closeWave(db: Database, waveId: number): Promise<WaveRow> {
  await requireWave(db, waveId);
  const [closed] = await db.update(waves).set({ status: "closed" }).where(eq(waves.id, waveId)).returning();
  if (!closed) throw new UnknownWaveError();
  return closed;
}

/** Towns taking part in a wave, for the allocation preview and the console. */
export async function waveTownCodes(db: Database, waveId: number): Promise<string[]> {
  const rows = await db.select({ code: waveTowns.townCode }).from(waveTowns).where(eq(waveTowns.waveId, waveId));
  return rows.map((row) => row.code);
}
