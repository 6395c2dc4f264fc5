import { shapeProblem } from "./answer-shapes";
import { type LoadedQuestionnaire, loadQuestionnaire } from "./loaded-questionnaire";
import { isUnanswered } from "./static-required";

/** One thing wrong with submitted answers; `question` is the question name ("" for the whole body). */
export interface AnswerProblem {
  question: string;
  message: string;
}

export interface AnswerValidationOptions {
  /** true on submission: required answers must be there. false for a draft: shape checks only. */
  complete: boolean;
}

/**
 * Server-side check of a resident's answers against the questionnaire. Shape checks (known names,
 * allowed choices, types, lengths) are ours: survey-core accepts any value it is given. Required
 * answers and the definition's own validators are survey-core's, run headless over every visible
 * page so that visibleIf logic is honoured. Throws InvalidDefinitionError for a broken definition.
 */
export function validateAnswers(
  definition: unknown,
  answers: unknown,
  options: AnswerValidationOptions,
): AnswerProblem[] {
  const questionnaire = loadQuestionnaire(definition);
  if (typeof answers !== "object" || answers === null || Array.isArray(answers)) {
    return [{ question: "", message: "答案必须是一个 JSON 对象" }];
  }
  const problems: AnswerProblem[] = [];
  const accepted: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(answers)) {
    if (isBlank(value) && questionnaire.questions.has(name)) continue;
    const message = answerProblem(questionnaire, name, value);
    if (message) problems.push({ question: name, message });
    else if (!isBlank(value)) accepted[name] = value;
  }
  if (options.complete) problems.push(...completenessProblems(questionnaire, accepted, problems));
  return problems;
}

/** Required answers and validators: a plain list check for a static definition, survey-core otherwise. */
export function completenessProblems(
  questionnaire: LoadedQuestionnaire,
  accepted: Record<string, unknown>,
  shapeProblems: readonly AnswerProblem[],
  engine: "auto" | "survey-core" = "auto",
): AnswerProblem[] {
  const required = engine === "auto" ? questionnaire.staticRequired : null;
  if (!required) return surveyCoreProblems(questionnaire, accepted, shapeProblems);
  const flagged = new Set(shapeProblems.map((problem) => problem.question));
  return required
    .filter((name) => !flagged.has(name) && isUnanswered(accepted[name]))
    .map((name) => ({ question: name, message: REQUIRED_MESSAGE }));
}

const REQUIRED_MESSAGE = "这道题还没有回答";

function answerProblem(questionnaire: LoadedQuestionnaire, name: string, value: unknown): string | null {
  const shape = questionnaire.shapes.get(name);
  if (shape) return shapeProblem(shape, value);
  if (questionnaire.commentKeys.has(name)) return commentProblem(value, questionnaire.model.maxTextLength);
  return "问卷中没有这道题";
}

/** Required answers and validators; questions already reported for their shape are not reported twice. */
function surveyCoreProblems(
  questionnaire: LoadedQuestionnaire,
  accepted: Record<string, unknown>,
  shapeProblems: readonly AnswerProblem[],
): AnswerProblem[] {
  const flagged = new Set(shapeProblems.map((problem) => problem.question));
  const { model } = questionnaire;
  const questions = model.getAllQuestions();
  const problems: AnswerProblem[] = [];
  try {
    // The model is shared between calls: start from clean errors so nothing stale is reported.
    for (const question of questions) question.clearErrors();
    model.data = accepted;
    model.validate(true, false);
    for (const question of questions) {
      if (flagged.has(question.name)) continue;
      for (const error of question.errors) {
        const message = error.getErrorType() === "required" ? REQUIRED_MESSAGE : error.getText();
        problems.push({ question: question.name, message });
      }
    }
  } finally {
    clearSoon(questionnaire);
  }
  return problems;
}

/** How long answers may stay in the shared model after a check. */
export const ANSWERS_CLEARED_AFTER_MS = 1000;

const pendingClears = new WeakMap<LoadedQuestionnaire, ReturnType<typeof setTimeout>>();

/**
 * Answers are personal data: they must not stay in the cached model. Clearing it costs as much as the
 * check itself (survey-core updates every question), and the next check replaces every value anyway
 * (`model.data =` starts from an empty value hash), so the clearing waits until no check has followed
 * for a moment: under load it is skipped, and answers never stay longer than ANSWERS_CLEARED_AFTER_MS.
 */
function clearSoon(questionnaire: LoadedQuestionnaire): void {
  clearTimeout(pendingClears.get(questionnaire));
  const timer = setTimeout(() => {
    pendingClears.delete(questionnaire);
    questionnaire.model.data = {};
    for (const question of questionnaire.model.getAllQuestions()) question.clearErrors();
  }, ANSWERS_CLEARED_AFTER_MS);
  // A pending clear never keeps a process (a server shutting down, a test run) alive.
  (timer as { unref?: () => void }).unref?.();
  pendingClears.set(questionnaire, timer);
}

export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0);
}

function commentProblem(value: unknown, maxTextLength: number): string | null {
  if (isBlank(value)) return null;
  if (typeof value !== "string") return "答案类型不对：应为文字";
  if (maxTextLength > 0 && [...value].length > maxTextLength) return `内容太长：最多 ${maxTextLength} 个字`;
  return null;
}
