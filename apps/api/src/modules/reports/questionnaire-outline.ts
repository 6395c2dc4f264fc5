/**
 * The questionnaire as the report's appendix lists it: every question in order with its kind and answer codes,
 * read from the SurveyJS definition's pages (kept small: the questionnaire studio will expose the full listing).
 */
import { SATISFACTION_LABELS, type ScoringMap } from "@survey/questionnaire";

export interface OutlineQuestion {
  name: string;
  title: string;
  kind: "满意度" | "总体满意度" | "政策知晓" | "背景信息" | "开放题" | "其他";
  /** "code label" pairs; empty for open questions. */
  codes: string[];
}

export interface QuestionnaireOutline {
  pages: { title: string; questions: OutlineQuestion[] }[];
}

interface DefinitionElement {
  type?: string;
  name?: string;
  title?: string;
  itemKind?: string;
  choices?: ({ value?: unknown; text?: string } | string | number)[];
}

const KINDS: Record<string, OutlineQuestion["kind"]> = {
  satisfaction: "满意度",
  overall: "总体满意度",
  policy: "政策知晓",
  demographic: "背景信息",
};

const pagesOf = (definition: unknown) =>
  ((definition as { pages?: { name?: string; title?: string; elements?: DefinitionElement[] }[] }).pages ?? []).map(
    (page) => ({ title: page.title ?? page.name ?? "", elements: page.elements ?? [] }),
  );

const isOpen = (element: DefinitionElement) =>
  !element.itemKind && (element.type === "comment" || element.type === "text");

const choiceText = (choice: NonNullable<DefinitionElement["choices"]>[number]) =>
  typeof choice === "object" ? `${String(choice.value)} ${choice.text ?? String(choice.value)}` : String(choice);

export function questionnaireOutline(definition: unknown, scoring: ScoringMap): QuestionnaireOutline {
  const scored = new Set([...scoring.items.map((item) => item.name), scoring.overall?.name]);
  return {
    pages: pagesOf(definition).map((page) => ({
      title: page.title,
      questions: page.elements
        .filter((element) => element.type !== "html" && element.name)
        .map((element) => ({
          name: element.name ?? "",
          title: element.title ?? element.name ?? "",
          kind: isOpen(element) ? "开放题" : (KINDS[element.itemKind ?? ""] ?? "其他"),
          codes: scored.has(element.name)
            ? Object.entries(SATISFACTION_LABELS).map(([code, label]) => `${code} ${label}`)
            : (element.choices ?? []).map(choiceText),
        })),
    })),
  };
}
