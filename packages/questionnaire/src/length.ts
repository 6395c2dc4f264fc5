import { loadQuestionnaire } from "./loaded-questionnaire";

/** About ten seconds a question: what the resident reads on the first screen ("共 47 题，约 8 分钟"). */
const SECONDS_PER_QUESTION = 10;

export interface QuestionnaireLength {
  questionCount: number;
  estimatedMinutes: number;
}

export function estimatedMinutes(questionCount: number): number {
  return Math.max(1, Math.round((questionCount * SECONDS_PER_QUESTION) / 60));
}

/** How many questions a definition asks (every question survey-core finds, on every page) and how long it takes. */
export function questionnaireLength(definition: unknown): QuestionnaireLength {
  const questionCount = loadQuestionnaire(definition).questions.size;
  return { questionCount, estimatedMinutes: estimatedMinutes(questionCount) };
}
