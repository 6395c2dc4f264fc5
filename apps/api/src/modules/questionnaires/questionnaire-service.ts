import type { Database, Executor } from "@survey/db";
import { buildScoringMap, freezeDefinition, type ScoringMap, validateDefinition } from "@survey/questionnaire";
import {
  InvalidQuestionnaireError,
  NotFoundError,
  QuestionnaireLockedError,
  WaveStateError,
} from "../../platform/errors";
import {
  findQuestionnaire,
  insertNextVersion,
  questionnaireExists,
  questionnaireState,
  waveHasResponses,
} from "./data/questionnaires";

export { questionnaireExists };

export interface StoredQuestionnaire {
  id: number;
  code: string;
  version: number;
  title: string;
  definition: Record<string, unknown>;
  scoring: ScoringMap;
}

/**
 * Parsed versions, per process. A draft may be edited (by any process) until it is frozen, so a copy is checked
 * against the stored revision on each use; once the version is frozen it never changes and the copy is kept
 * for good (`sealed`) — the versions residents answer are always frozen, so their requests pay no query.
 */
const cache = new Map<number, { stored: StoredQuestionnaire; revision: number; sealed: boolean }>();

export async function loadQuestionnaireById(db: Executor, id: number): Promise<StoredQuestionnaire> {
  const cached = cache.get(id);
  if (cached?.sealed) return cached.stored;
  const state = await questionnaireState(db, id);
  if (!state) throw new NotFoundError({}, "没有找到这个问卷。");
  if (cached && cached.revision === state.revision) {
    cached.sealed = state.frozen;
    return cached.stored;
  }
  const row = await findQuestionnaire(db, id);
  if (!row) throw new NotFoundError({}, "没有找到这个问卷。");
  // Frozen: the cached definition is shared by every request, and the answer checks can trust it unchanged.
  const definition = freezeDefinition(row.definition as Record<string, unknown>);
  const stored = {
    id: row.id,
    code: row.code,
    version: row.version,
    title: row.title,
    definition,
    scoring: buildScoringMap(definition),
  };
  cache.set(id, { stored, revision: row.revision, sealed: state.frozen && row.revision === state.revision });
  return stored;
}

export async function questionnaireOfWave(
  db: Executor,
  wave: { questionnaireId: number | null },
): Promise<StoredQuestionnaire> {
  if (wave.questionnaireId === null) throw new WaveStateError({}, "这次调查还没有设置问卷。");
  return loadQuestionnaireById(db, wave.questionnaireId);
}

/** The questionnaire as the resident app receives it. */
export function publicQuestionnaire(questionnaire: StoredQuestionnaire) {
  return { id: questionnaire.id, title: questionnaire.title, definition: questionnaire.definition };
}

const publicJson = new WeakMap<StoredQuestionnaire, string>();

/**
 * publicQuestionnaire as JSON text, serialised once per stored questionnaire (the cached, frozen one): every
 * confirm sends it, ~23 KB that took ~0.2 ms of the event loop to serialise each time.
 */
export function publicQuestionnaireJson(questionnaire: StoredQuestionnaire): string {
  let json = publicJson.get(questionnaire);
  if (json === undefined) {
    json = JSON.stringify(publicQuestionnaire(questionnaire));
    publicJson.set(questionnaire, json);
  }
  return json;
}

/** Stores a new questionnaire, or a new version of an existing code (stored versions are never edited). */
export async function createQuestionnaire(
  db: Database,
  input: { code: string; title: string; definition: unknown },
): Promise<{ id: number; version: number }> {
  const check = validateDefinition(input.definition);
  if (!check.ok) throw new InvalidQuestionnaireError({ details: check.details });
  return db.transaction((tx) =>
    insertNextVersion(tx, { code: input.code, title: input.title, definition: input.definition as object }),
  );
}

/** A wave's questionnaire is locked once the wave has a response. */
export async function assertQuestionnaireChangeable(db: Executor, waveId: number): Promise<void> {
  if (await waveHasResponses(db, waveId)) throw new QuestionnaireLockedError();
}
