import type { Model, Question } from "survey-core";
import { commentKeyOf } from "./answer-shapes";
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
  /** Required question names when the definition has no logic beyond "required"; null otherwise. */
  staticRequired: readonly string[] | null;
}

/**
 * Building a survey-core model costs ~20 ms, too much to repeat for every row of a 3,400-row import,
 * so loaded definitions are kept per definition object. The serialised JSON is compared on every hit,
 * so a definition changed in place is loaded afresh rather than served stale.
 */
const cache = new WeakMap<object, { json: string; loaded: LoadedQuestionnaire }>();

/** Loads a definition, throwing InvalidDefinitionError when validateDefinition would refuse it. */
export function loadQuestionnaire(definition: unknown): LoadedQuestionnaire {
  const isObject = typeof definition === "object" && definition !== null;
  const json = JSON.stringify(definition) ?? "";
  const hit = isObject ? cache.get(definition) : undefined;
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
    staticRequired: staticRequiredQuestions(definition, check.model),
  };
  if (isObject) cache.set(definition, { json, loaded });
  return loaded;
}
