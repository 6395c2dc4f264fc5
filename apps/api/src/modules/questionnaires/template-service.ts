import type { Database } from "@survey/db";
import { UnknownWaveError, WaveStateError } from "../../platform/errors";
import { waveTemplateFacts } from "./data/questionnaires";
import { loadQuestionnaireById, type StoredQuestionnaire } from "./questionnaire-service";
import type { TemplateWave } from "./questionnaire-workbooks";

/** A wave's communities and questionnaire, for its response import template. */
export async function waveTemplate(
  db: Database,
  waveId: number | undefined,
): Promise<{ wave: TemplateWave; questionnaire: StoredQuestionnaire }> {
  const facts = waveId === undefined ? undefined : await waveTemplateFacts(db, waveId);
  if (!facts) throw new UnknownWaveError();
  if (facts.questionnaireId === null) throw new WaveStateError({}, "这次调查还没有设置问卷。");
  return { wave: facts, questionnaire: await loadQuestionnaireById(db, facts.questionnaireId) };
}
