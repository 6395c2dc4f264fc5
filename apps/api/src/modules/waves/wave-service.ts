import type { Database } from "@survey/db";
import {
  DuplicateCodeError,
  InvalidRequestError,
  UnknownTownError,
  UnknownWaveError,
  WaveStateError,
} from "../../platform/errors";
import { pgConstraint, pgErrorCode } from "../../platform/transaction-retry";
import { assertQuestionnaireChangeable, questionnaireExists } from "../questionnaires";
import {
  addMissingWaveCommunities,
  type CommunityFill,
  findWave,
  frameTownCodes,
  insertWave,
  insertWaveQuotaRows,
  listWaveCommunities,
  listWaves,
  listWaveTowns,
  markWaveClosed,
  markWaveOpen,
  setCommunityCap,
  setDefaultCommunityCap,
  setDefaultTownTarget,
  setTownTarget,
  updateWaveRow,
  type WaveRow,
  type WaveTotals,
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
}

export type WaveUpdate = Partial<Omit<WaveInput, "code" | "townCodes" | "demo">> & {
  /** Per-town target overrides; null removes the override. */
  townTargets?: Record<string, number | null>;
  /** Per-community cap overrides; null removes the override. */
  communityCaps?: Record<string, number | null>;
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
  if (wave.status === "closed") throw new WaveStateError({}, "调查已经结束，不能再修改。");
  await requireQuestionnaire(db, update.questionnaireId);
  if (update.questionnaireId !== undefined && update.questionnaireId !== wave.questionnaireId) {
    // Answers already stored were given to the old questionnaire: a new version needs a new wave.
    await assertQuestionnaireChangeable(db, waveId);
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
  const opened = await markWaveOpen(db, waveId, now);
  await addMissingWaveCommunities(db, waveId, wave.communityCap);
  if (!opened) throw new UnknownWaveError();
  return opened;
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
    createdAt: wave.createdAt.toISOString(),
  };
}

const NO_TOTALS: WaveTotals = { towns: 0, communities: 0, target: 0, completed: 0, reserved: 0 };

export async function listWavesWithTotals(db: Database) {
  const [rows, totals] = await Promise.all([listWaves(db), waveTotals(db)]);
  return rows.map((wave) => ({ ...waveView(wave), totals: totals.get(wave.id) ?? NO_TOTALS }));
}

/** A wave with every town's target and fill and, inside each town, every community's cap and fill. */
export async function waveDetail(db: Database, waveId: number) {
  const wave = await requireWave(db, waveId);
  const [townRows, communityRows, totals] = await Promise.all([
    listWaveTowns(db, waveId),
    listWaveCommunities(db, waveId),
    waveTotals(db, waveId),
  ]);
  const byTown = new Map<string, CommunityFill[]>();
  for (const community of communityRows) {
    const list = byTown.get(community.townCode) ?? [];
    list.push(community);
    byTown.set(community.townCode, list);
  }
  return {
    ...waveView(wave),
    totals: totals.get(waveId) ?? NO_TOTALS,
    towns: townRows.map((town) => ({
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
