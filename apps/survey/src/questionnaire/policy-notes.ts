import type { PolicyNote } from "../session/saved-session";

interface DefinitionElement {
  itemKind?: unknown;
  title?: unknown;
  description?: unknown;
  elements?: unknown;
}

function localized(value: unknown): string {
  if (typeof value === "string") return value;
  if (value && typeof value === "object") {
    const texts = value as Record<string, unknown>;
    const text = texts["zh-cn"] ?? texts.default;
    return typeof text === "string" ? text : "";
  }
  return "";
}

/**
 * The livelihood policies the questionnaire explained (questions with `itemKind: "policy"`), to repeat on
 * the thank-you page: the policy name is the title up to its colon, the explanation is the description.
 */
export function policyNotes(definition: Record<string, unknown>): PolicyNote[] {
  const notes: PolicyNote[] = [];
  const visit = (elements: unknown) => {
    if (!Array.isArray(elements)) return;
    for (const element of elements as DefinitionElement[]) {
      if (element.itemKind === "policy") {
        const title = localized(element.title).split(/[:：]/)[0]?.trim() ?? "";
        const text = localized(element.description).trim();
        if (title && text) notes.push({ title, text });
      }
      visit(element.elements);
    }
  };
  const pages = Array.isArray(definition.pages) ? (definition.pages as DefinitionElement[]) : [];
  for (const page of pages) visit(page.elements);
  visit(definition.elements);
  return notes;
}
