import type { SessionUser } from "@survey/contract";
import type { Database } from "@survey/db";
import { canAccessTown } from "../../platform/auth/scopes";
import {
  AnotherWaveOpenError,
  DuplicateCodeError,
  InvalidRequestError,
  QuotaBelowFilledError,
  UnknownTownError,
  UnknownWaveError,
  WaveHasResponsesError,
  WaveStateError,
} from "../../platform/errors";
import { pgConstraint, pgErrorCode } from "../../platform/transaction-retry";
import { assertQuestionnaireChangeable, questionnaireExists } from "../questionnaires";
import {
  addMissingWaveCommunities,
  type CommunityFill,
  deleteDraftWave,
  findWave,
  frameTownCodes,
  insertWave,
  insertWaveQuotaRows,
  listOtherOpenWaves,
  listWaveCommunities,
  listWaves,
  listWaveTowns,
  markWaveClosed,
  markWaveOpen,
  markWaveReopened,
  setCommunityCap,
  setDefaultCommunityCap,
  setDefaultTownTarget,
  setTownTarget,
  updateWaveRow,
  type WaveRow,
  type WaveTotals,
  waveHasResponses,
  waveTotals,
} from "./data/waves";

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
  hiddenFromTrends?: boolean;
}

export type WaveUpdate = Partial<Omit<WaveInput, "code" | "townCodes" | "demo">> & {
  /** Per-town target overrides; null removes the override. */
  townTargets?: Record<string, number | null>;
  /** Per-community cap overrides; null removes the override. */
  communityCaps?: Record<string, number | null>;
  /** Why per-town targets or per-community caps change; required once the wave has been opened (audited). */
  reason?: string;
};

/** The wave of an id, or 404 `unknown_wave`. */
export async function requireWave(db: Database, waveId: number): Promise<WaveRow> {
  const wave = await findWave(db, waveId);
  if (!wave) throw new UnknownWaveError();
  return wave;
}

/** Whether the wave takes responses now: open, and inside its opening and closing times. */
export function isWaveAccepting(wave: Pick<WaveRow, "status" | "opensAt" | "closesAt">, now: Date): boolean {
  if (wave.status !== "open") return false;
  if (wave.opensAt && wave.opensAt > now) return false;
  if (wave.closesAt && wave.closesAt <= now) return false;
  return true;
}

async function requireQuestionnaire(db: Database, questionnaireId: number | null | undefined) {
  if (questionnaireId === undefined || questionnaireId === null) return;
  if (!(await questionnaireExists(db, questionnaireId)))
    throw new InvalidRequestError({ field: "questionnaireId" }, "没有找到这个问卷。");
}

/** A closing time must come after the opening time. */
function checkSchedule(opensAt: Date | null | undefined, closesAt: Date | null | undefined): void {
  if (opensAt && closesAt && closesAt.getTime() <= opensAt.getTime()) {
    throw new InvalidRequestError({ field: "closesAt" }, "结束时间必须晚于开始时间。");
  }
}

export async function createWave(db: Database, input: WaveInput): Promise<WaveRow> {
  checkSchedule(input.opensAt, input.closesAt);
  await requireQuestionnaire(db, input.questionnaireId);
  return db.transaction(async (tx) => {
    const known = await frameTownCodes(tx);
    const townCodes = input.townCodes ?? [...known];
    const unknown = townCodes.filter((code) => !known.has(code));
    if (unknown.length > 0) throw new UnknownTownError({ townCodes: unknown });
    let wave: WaveRow | undefined;
    try {
      wave = await insertWave(tx, {
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
        hiddenFromTrends: input.hiddenFromTrends ?? false,
      });
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
  // A closed wave may still be left out of (or put back into) trends; nothing else of it changes.
  const onlyTrendsFlag = Object.entries(update).every(
    ([key, value]) => value === undefined || key === "hiddenFromTrends" || key === "reason",
  );
  if (wave.status === "closed" && !onlyTrendsFlag) throw new WaveStateError({}, "调查已经结束，不能再修改。");
  await requireQuestionnaire(db, update.questionnaireId);
  if (update.questionnaireId !== undefined && update.questionnaireId !== wave.questionnaireId) {
    // Answers already stored were given to the old questionnaire: a new version needs a new wave.
    await assertQuestionnaireChangeable(db, waveId);
    // Residents may hold the version an open wave started with: only a draft switches to another version.
    if (wave.status !== "draft") {
      throw new WaveStateError({ field: "questionnaireId" }, "调查已经开放过，不能再更换问卷版本。");
    }
  }
  const changesQuotaRows =
    Object.keys(update.townTargets ?? {}).length + Object.keys(update.communityCaps ?? {}).length;
  if (changesQuotaRows > 0 && wave.status !== "draft" && !update.reason?.trim()) {
    throw new InvalidRequestError({ field: "reason" }, "调查已经开始，修改街镇目标或社区上限时请写明原因。");
  }
  checkSchedule(
    update.opensAt === undefined ? wave.opensAt : update.opensAt,
    update.closesAt === undefined ? wave.closesAt : update.closesAt,
  );
  const fields = {
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
    hiddenFromTrends: update.hiddenFromTrends,
  };
  // An update of overrides alone changes no wave column (drizzle refuses an empty SET).
  const changesWave = Object.values(fields).some((value) => value !== undefined);
  return db.transaction(async (tx) => {
    const updated = await updateWaveRow(tx, waveId, fields, changesWave);
    if (!updated) throw new UnknownWaveError();
    // Defaults flow to every row that has no override of its own. A limit below what is already
    // filled would break the quota CHECK: report it as a refusal, not a 500.
    try {
      if (update.townTarget !== undefined) await setDefaultTownTarget(tx, waveId, update.townTarget);
      if (update.communityCap !== undefined) await setDefaultCommunityCap(tx, waveId, update.communityCap);
      for (const [townCode, target] of Object.entries(update.townTargets ?? {})) {
        const override = { target: target ?? updated.townTarget, targetOverridden: target !== null };
        if (!(await setTownTarget(tx, waveId, townCode, override))) throw new UnknownTownError({ townCode });
      }
      for (const [communityCode, cap] of Object.entries(update.communityCaps ?? {})) {
        const override = { cap: cap ?? updated.communityCap, capOverridden: cap !== null };
        if (!(await setCommunityCap(tx, waveId, communityCode, override))) {
          throw new InvalidRequestError({ communityCode }, "这次调查不包括这个社区。");
        }
      }
    } catch (error) {
      if (pgErrorCode(error) === "23514") throw new QuotaBelowFilledError({ constraint: pgConstraint(error) ?? null });
      throw error;
    }
    return updated;
  });
}

/** 409 `another_wave_open`, naming the open waves, so the console can ask for a confirmation. */
async function refuseAnotherOpen(db: Database, waveId: number): Promise<never> {
  const others = await listOtherOpenWaves(db, waveId);
  if (others.length === 0) throw new UnknownWaveError();
  throw new AnotherWaveOpenError({
    openWaves: others.map((other) => ({ id: other.id, code: other.code, title: other.title })),
  });
}

/**
 * Opens a draft. While another wave is open this needs `confirmAnotherOpen`: `/?c=` links then move to the
 * newly opened wave (poster links name their wave and keep theirs).
 */
export async function openWave(
  db: Database,
  waveId: number,
  now: Date,
  options: { confirmAnotherOpen?: boolean } = {},
): Promise<WaveRow> {
  const wave = await requireWave(db, waveId);
  if (wave.status === "open") return wave;
  if (wave.status === "closed") {
    throw new WaveStateError({}, "这次调查已经结束；要延长请用“重新开放”，并写明原因和新的结束时间。");
  }
  if (!wave.questionnaireId) throw new WaveStateError({}, "请先为这次调查选择问卷，再开放。");
  const opened = await markWaveOpen(db, waveId, now, options.confirmAnotherOpen === true);
  if (!opened) return refuseAnotherOpen(db, waveId);
  await addMissingWaveCommunities(db, waveId, wave.communityCap);
  return opened;
}

/** A closed wave takes responses again until the new closing time (e.g. two lagging towns get more days). */
export async function reopenWave(
  db: Database,
  waveId: number,
  now: Date,
  input: { reason: string; closesAt: Date; confirmAnotherOpen?: boolean },
): Promise<WaveRow> {
  const wave = await requireWave(db, waveId);
  if (wave.status !== "closed") throw new WaveStateError({}, "只有已经结束的调查才能重新开放。");
  if (!input.reason.trim()) throw new InvalidRequestError({ field: "reason" }, "请写明重新开放的原因。");
  if (input.closesAt.getTime() <= now.getTime()) {
    throw new InvalidRequestError({ field: "closesAt" }, "新的结束时间必须晚于现在。");
  }
  checkSchedule(wave.opensAt, input.closesAt);
  const reopened = await markWaveReopened(db, waveId, input.closesAt, input.confirmAnotherOpen === true);
  if (!reopened) return refuseAnotherOpen(db, waveId);
  await addMissingWaveCommunities(db, waveId, wave.communityCap);
  return reopened;
}

/** Deletes a draft that has no responses (a wave created by mistake or for a test). */
export async function deleteWave(db: Database, waveId: number): Promise<WaveRow> {
  const wave = await requireWave(db, waveId);
  if (wave.status !== "draft") {
    throw new WaveStateError({}, "只能删除草稿；已经开放过的调查请结束，并可设为不参加趋势比较。");
  }
  if (await waveHasResponses(db, waveId)) throw new WaveHasResponsesError();
  // One statement re-checks both, so a response stored in between still stops the delete.
  if (!(await deleteDraftWave(db, waveId))) throw new WaveHasResponsesError();
  return wave;
}

export async function closeWave(db: Database, waveId: number): Promise<WaveRow> {
  await requireWave(db, waveId);
  const closed = await markWaveClosed(db, waveId);
  if (!closed) throw new UnknownWaveError();
  return closed;
}

// ---------------------------------------------------------------- admin views

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** A wave as the admin API shows it (SPEC §3a): every setting, dates as ISO strings. */
export function waveView(wave: WaveRow) {
  return {
    id: wave.id,
    code: wave.code,
    title: wave.title,
    year: wave.year,
    status: wave.status,
    questionnaireId: wave.questionnaireId,
    townTarget: wave.townTarget,
    communityCap: wave.communityCap,
    minAge: wave.minAge,
    reservationMinutes: wave.reservationMinutes,
    allocation: wave.allocation,
    opensAt: iso(wave.opensAt),
    closesAt: iso(wave.closesAt),
    openedAt: iso(wave.openedAt),
    demo: wave.demo,
    hiddenFromTrends: wave.hiddenFromTrends,
    createdAt: wave.createdAt.toISOString(),
  };
}

const NO_TOTALS: WaveTotals = { towns: 0, communities: 0, target: 0, completed: 0, reserved: 0 };

export async function listWavesWithTotals(db: Database) {
  const [rows, totals] = await Promise.all([listWaves(db), waveTotals(db)]);
  return rows.map((wave) => ({ ...waveView(wave), totals: totals.get(wave.id) ?? NO_TOTALS }));
}

/**
 * A wave with every town's target and fill and, inside each town, every community's cap and fill. Given a
 * reader, only the towns they may see: staff scoped to towns read no other town's communities (SPEC §4).
 */
export async function waveDetail(db: Database, waveId: number, reader?: SessionUser) {
  const wave = await requireWave(db, waveId);
  const [townRows, communityRows, totals] = await Promise.all([
    listWaveTowns(db, waveId),
    listWaveCommunities(db, waveId),
    waveTotals(db, waveId),
  ]);
  const visibleTowns = reader ? townRows.filter((town) => canAccessTown(reader, town.code)) : townRows;
  const byTown = new Map<string, CommunityFill[]>();
  for (const community of communityRows) {
    const list = byTown.get(community.townCode) ?? [];
    list.push(community);
    byTown.set(community.townCode, list);
  }
  return {
    ...waveView(wave),
    totals: totals.get(waveId) ?? NO_TOTALS,
    towns: visibleTowns.map((town) => ({
      code: town.code,
      name: town.name,
      kind: town.kind,
      population: town.population,
      target: town.target,
      targetOverridden: town.targetOverridden,
      completed: town.completed,
      reserved: town.reserved,
      full: town.completed + town.reserved >= town.target,
      communities: (byTown.get(town.code) ?? []).map((community) => ({
        code: community.code,
        name: community.name,
        kind: community.kind,
        population: community.population,
        cap: community.cap,
        capOverridden: community.capOverridden,
        completed: community.completed,
        reserved: community.reserved,
        full: community.completed + community.reserved >= community.cap,
      })),
    })),
  };
}
