import type {
  QuestionnaireDraft,
  QuestionnaireVersion,
  QuestionnaireWaveUse,
  SavedQuestionnaire,
} from "@survey/contract";
import type { Database, Executor } from "@survey/db";
import { questionnaireLength, validateDraft } from "@survey/questionnaire";
import { InvalidQuestionnaireError, NotFoundError, QuestionnaireInUseError } from "../../platform/errors";
import {
  findQuestionnaire,
  insertNextVersion,
  listQuestionnaireRows,
  listWaveUses,
  questionNamesOfCode,
  questionnaireState,
  updateDraftRow,
  type WaveUseRow,
} from "./data/questionnaires";
import { loadQuestionnaireById } from "./questionnaire-service";

const waveUse = ({ questionnaireId: _, ...wave }: WaveUseRow): QuestionnaireWaveUse => wave;

/** The studio's list: every version with the waves that use it, whether it is frozen and how long it is. */
export async function listQuestionnaireVersions(db: Database): Promise<QuestionnaireVersion[]> {
  const [rows, uses] = await Promise.all([listQuestionnaireRows(db), listWaveUses(db)]);
  return Promise.all(
    rows.map(async (row) => {
      const { definition } = await loadQuestionnaireById(db, row.id);
      return {
        ...row,
        createdAt: row.createdAt.toISOString(),
        updatedAt: row.updatedAt.toISOString(),
        waves: uses.filter((use) => use.questionnaireId === row.id).map(waveUse),
        questionCount: questionnaireLength(definition).questionCount,
      };
    }),
  );
}

/** One version with what the editor needs: the waves that use it, whether it is frozen, the names ever used. */
export async function questionnaireDraft(db: Database, id: number): Promise<QuestionnaireDraft> {
  const row = await findQuestionnaire(db, id);
  const state = await questionnaireState(db, id);
  if (!row || !state) throw new NotFoundError({}, "没有找到这个问卷。");
  const [uses, names] = await Promise.all([listWaveUses(db, id), questionNamesOfCode(db, row.code)]);
  return {
    id: row.id,
    code: row.code,
    version: row.version,
    title: row.title,
    definition: row.definition as Record<string, unknown>,
    sourceId: row.sourceId,
    revision: row.revision,
    updatedAt: row.updatedAt.toISOString(),
    waves: uses.map(waveUse),
    frozen: state.frozen,
    usedNames: [...new Set(names.map((name) => name.name))].sort(),
  };
}

/** "新版本": a copy of a version as the next version of its questionnaire, editable until a wave uses it. */
export async function createVersionFrom(db: Database, sourceId: number): Promise<{ id: number; version: number }> {
  const source = await findQuestionnaire(db, sourceId);
  if (!source) throw new NotFoundError({}, "没有找到这个问卷。");
  return db.transaction((tx) =>
    insertNextVersion(tx, {
      code: source.code,
      title: source.title,
      definition: source.definition as object,
      sourceId: source.id,
    }),
  );
}

/** 409 `questionnaire_in_use` naming the waves, when a wave that uses the version has a response or is open. */
async function assertEditable(db: Executor, id: number, lock = false): Promise<void> {
  const blocking = (await listWaveUses(db, id, lock)).filter((use) => use.hasResponses || use.status !== "draft");
  if (blocking.length > 0) throw new QuestionnaireInUseError({ waves: blocking.map(waveUse) });
}

/**
 * Saves an edit of a draft. Refused with 409 `questionnaire_in_use` once a wave that uses it has a response or
 * has been opened; with 422 `invalid_questionnaire` and per-field `details` when the definition has problems.
 * The waves that use the version are locked while it is saved, so a wave cannot open on a half-saved edit.
 */
export async function saveDraft(
  db: Database,
  id: number,
  input: { title: string; definition: unknown },
  now: Date,
): Promise<SavedQuestionnaire> {
  const row = await findQuestionnaire(db, id);
  if (!row) throw new NotFoundError({}, "没有找到这个问卷。");
  // A frozen version is refused as such, whatever the edit: checked first, and again under the waves' lock.
  await assertEditable(db, id);
  const earlier = (await questionNamesOfCode(db, row.code)).filter((name) => name.questionnaireId !== id);
  const check = validateDraft(input.definition, earlier);
  if (!check.ok) throw new InvalidQuestionnaireError({ details: check.details });
  return db.transaction(async (tx) => {
    await assertEditable(tx, id, true);
    const saved = await updateDraftRow(tx, id, {
      title: input.title,
      definition: input.definition as object,
      now,
    });
    if (!saved) throw new NotFoundError({}, "没有找到这个问卷。");
    return { ...saved, updatedAt: saved.updatedAt.toISOString() };
  });
}
