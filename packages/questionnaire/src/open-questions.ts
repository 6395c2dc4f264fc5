import { loadQuestionnaire } from "./loaded-questionnaire";

/** A question residents answer in their own words: an open comment, a text box, the text beside "other". */
export interface OpenQuestion {
  /** The answers' key: the question name, or `<name>-Comment` for the text beside a choice. */
  name: string;
  title: string;
}

/**
 * The open (free-text) questions of a definition in questionnaire order: comment and non-numeric text questions
 * that are not coded items, then the texts beside choices ("other, please say").
 */
export function openQuestions(definition: unknown): OpenQuestion[] {
  const { model, shapes, commentKeys } = loadQuestionnaire(definition);
  const open: OpenQuestion[] = [];
  for (const question of model.getAllQuestions()) {
    const shape = shapes.get(question.name);
    if (shape?.kind !== "text" || shape.numeric || question.getPropertyValue("itemKind")) continue;
    open.push({ name: question.name, title: question.title || question.name });
  }
  for (const [key, question] of commentKeys) {
    open.push({ name: key, title: `${question.title || question.name}（其他，请注明）` });
  }
  return open;
}
