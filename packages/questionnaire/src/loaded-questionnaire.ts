import type { Model, Question } from "survey-core";
import { type AnswerShape, answerShapeOf, commentKeyOf } from "./answer-shapes";
import { inspectDefinition } from "./inspect-definition";
import { staticRequiredQuestions } from "./static-required";

export class InvalidDefinitionError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid questionnaire definition: ${problems.join("; ")}`);
    this.name = "InvalidDefinitionError";
  }
}

/** A definition loaded into survey-core once and looked up by name. */
export interface LoadedQuestionnaire {
  model: Model;
  questions: ReadonlyMap<string, Question>;
  /** `<name>-Comment` keys of questions with an "other" text or comment area. */
  commentKeys: ReadonlyMap<string, Question>;
  /** What each question's answer may look like, worked out once per definition. */
  shapes: ReadonlyMap<string, AnswerShape>;
  /** Required question names when the definition has no logic beyond "required"; null otherwise. */
  staticRequired: readonly string[] | null;
}

/**
 * Building a survey-core model costs ~20 ms, too much to repeat for every row of a 3,400-row import,
 * so loaded definitions are kept per definition object. The serialised JSON is compared on every hit,
 * so a definition changed in place is loaded afresh rather than served stale — unless the definition is
 * frozen (`freezeDefinition`), which rules that out and saves serialising it on every call.
 */
const cache = new WeakMap<object, { json: string; loaded: LoadedQuestionnaire }>();

/** Loads a definition, throwing InvalidDefinitionError when validateDefinition would refuse it. */
export function loadQuestionnaire(definition: unknown): LoadedQuestionnaire {
  const isObject = typeof definition === "object" && definition !== null;
  const hit = isObject ? cache.get(definition) : undefined;
  if (hit && Object.isFrozen(definition)) return hit.loaded;
  const json = JSON.stringify(definition) ?? "";
  if (hit && hit.json === json) return hit.loaded;

  const check = inspectDefinition(definition);
  if (!check.ok) throw new InvalidDefinitionError(check.problems);
  const questions = new Map(check.model.getAllQuestions().map((question) => [question.name, question]));
  const commentKeys = new Map<string, Question>();
  for (const question of questions.values()) {
    const key = commentKeyOf(question);
    if (key) commentKeys.set(key, question);
  }
  const loaded = {
    model: check.model,
    questions,
    commentKeys,
    shapes: new Map([...questions].map(([name, question]) => [name, answerShapeOf(question)])),
    staticRequired: staticRequiredQuestions(definition, check.model),
  };
  if (isObject) cache.set(definition, { json, loaded });
  return loaded;
}

/** Freezes a definition and everything in it, for callers that keep one definition object for good. */
export function freezeDefinition<T>(definition: T): T {
  if (typeof definition === "object" && definition !== null && !Object.isFrozen(definition)) {
    for (const value of Object.values(definition)) freezeDefinition(value);
    Object.freeze(definition);
  }
  return definition;
}
