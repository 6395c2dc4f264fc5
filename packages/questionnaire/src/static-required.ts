import type { Model } from "survey-core";

/**
 * Most questionnaires (the district's default among them) have no conditional logic: no visibleIf or
 * other expressions, no validators, no triggers. For those, survey-core's whole-model validation of a
 * submission reduces to "every required question has an answer", which costs microseconds instead of
 * the milliseconds of loading answers into the model. Anything this module does not recognise as
 * static sends the definition down survey-core's path; tests keep the two in agreement.
 */

/** Question types whose only validation, without validators or expressions, is the required check. */
const STATIC_TYPES = new Set(["radiogroup", "dropdown", "checkbox", "tagbox", "comment", "text", "boolean", "rating"]);
const DISPLAY_TYPES = new Set(["html", "image"]);

/**
 * Keys that bring logic or validation beyond "required": expressions (`visibleIf`, `requiredIf`,
 * `choicesVisibleIf`, `minValueExpression`…), validators, answer counts, hidden elements, "other"
 * items (which require their text), and any other `…Required` rule.
 */
const DYNAMIC_KEY =
  /If$|Expression$|^expression$|^validators$|^(min|max)SelectedChoices$|^(min|max)$|Required|^visible$|^showOtherItem$|^hasOther$|^choicesFromQuestion|^choicesByUrl$/;
const DYNAMIC_SURVEY_KEYS = ["triggers", "calculatedValues", "questionsOnPageMode", "questionsOrder"];

function hasDynamicKey(value: unknown, allowIsRequired: boolean): boolean {
  if (Array.isArray(value)) return value.some((item) => hasDynamicKey(item, false));
  if (typeof value !== "object" || value === null) return false;
  for (const [key, inner] of Object.entries(value)) {
    if (key === "isRequired" && allowIsRequired) continue;
    if (DYNAMIC_KEY.test(key)) return true;
    if (hasDynamicKey(inner, false)) return true;
  }
  return false;
}

/** Pages and panels: containers whose own settings must be plain and whose elements are checked in turn. */
function isStaticContainer(container: Record<string, unknown>): boolean {
  const { elements, questions, ...settings } = container;
  if (hasDynamicKey(settings, false)) return false;
  const children = [elements, questions].flatMap((list) => (Array.isArray(list) ? list : []));
  return children.every((child) => {
    if (typeof child !== "object" || child === null) return false;
    const element = child as Record<string, unknown>;
    const type = String(element.type ?? "");
    if (type === "panel") return isStaticContainer(element);
    if (DISPLAY_TYPES.has(type)) return !hasDynamicKey(element, false);
    if (!STATIC_TYPES.has(type)) return false;
    if (type === "text" && element.inputType !== undefined && element.inputType !== "text") return false;
    return !hasDynamicKey(element, true);
  });
}

/**
 * The names of the required questions, in survey-core's question order, when the definition is static
 * in the sense above; null when survey-core must evaluate it.
 */
export function staticRequiredQuestions(definition: unknown, model: Model): string[] | null {
  if (typeof definition !== "object" || definition === null || Array.isArray(definition)) return null;
  const { pages, elements, questions, ...survey } = definition as Record<string, unknown>;
  if (DYNAMIC_SURVEY_KEYS.some((key) => key in survey) || hasDynamicKey(survey, false)) return null;
  const containers = Array.isArray(pages) ? pages : [];
  if (!containers.every((page) => typeof page === "object" && page !== null && isStaticContainer(page))) return null;
  if ((elements !== undefined || questions !== undefined) && !isStaticContainer({ elements, questions })) return null;
  return model
    .getAllQuestions()
    .filter((question) => question.isRequired)
    .map((question) => question.name);
}

/** survey-core counts a string of spaces as no answer for a required question. */
export function isUnanswered(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === "string") return value.trim() === "";
  return Array.isArray(value) && value.length === 0;
}
