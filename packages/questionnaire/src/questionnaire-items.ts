import type { Question } from "survey-core";
import { answerShapeOf } from "./answer-shapes";
import { type DimensionCode, type DomainCode, type ItemKind, isDimensionCode, isDomainCode, isItemKind } from "./codes";
import { describeCondition } from "./condition-words";
import { createModel } from "./survey-properties";

/** What a question asks for, as the studio, the paper questionnaire and the codebook name it. */
export type ItemForm = "scale" | "single" | "multiple" | "text" | "other";

/** One answer code of a question and its label, exactly as an import or paper entry records it. */
export interface AnswerCode {
  code: string | number;
  label: string;
}

/** One question of a definition with everything a reader of the questionnaire needs. */
export interface QuestionnaireItem {
  /** 1-based position among all questions, as residents and interviewers number them. */
  number: number;
  name: string;
  title: string;
  /** The explanation shown with the question (a policy note, a hint). */
  note: string;
  area: { name: string; title: string; number: number };
  kind: ItemKind | null;
  form: ItemForm;
  dimension: DimensionCode | null;
  domain: DomainCode | null;
  required: boolean;
  /** Answer codes in questionnaire order; empty for open text. */
  codes: AnswerCode[];
  /** When the question is asked, in words (null when always). */
  condition: string | null;
  maxLength: number | null;
}

/**
 * Every question of a definition, in order, with its area, kind, domain, answer codes and labels — the one list
 * the paper questionnaire, the codebook, the import template and the annual report's appendix are made from.
 * Works on any definition survey-core can read (a draft being edited too); nothing is validated here.
 */
export function listQuestionnaireItems(definition: unknown): QuestionnaireItem[] {
  const model = createModel(definition);
  const questions = model.getAllQuestions();
  const titles = new Map(questions.map((question) => [question.name, question.title]));
  const labels = new Map(questions.map((question) => [question.name, codesOf(question)]));
  const areas = new Map(
    model.pages.map((page, index) => [page.name, { name: page.name, title: page.title, number: index + 1 }]),
  );
  return questions.map((question, index) => {
    const kind = question.getPropertyValue("itemKind");
    const dimension = question.getPropertyValue("dimension");
    const domain = question.getPropertyValue("domain");
    const pageName = question.page?.name ?? "";
    const shape = answerShapeOf(question);
    const expression = question.visibleIf || null;
    return {
      number: index + 1,
      name: question.name,
      title: question.title,
      note: question.description ?? "",
      area: areas.get(pageName) ?? { name: pageName, title: "", number: 0 },
      kind: isItemKind(kind) ? kind : null,
      form: formOf(question, kind),
      dimension: isDimensionCode(dimension) ? dimension : null,
      domain: isDomainCode(domain) ? domain : null,
      required: question.isRequired,
      codes: labels.get(question.name) ?? [],
      condition: expression ? describeCondition(expression, { titles, labels }) : null,
      maxLength: shape.kind === "text" ? shape.maxLength : null,
    };
  });
}

function formOf(question: Question, kind: unknown): ItemForm {
  const shape = answerShapeOf(question);
  if (kind === "satisfaction" || kind === "overall") return "scale";
  if (shape.kind === "choice") return shape.multiple ? "multiple" : "single";
  if (shape.kind === "text") return "text";
  return "other";
}

function codesOf(question: Question): AnswerCode[] {
  const shape = answerShapeOf(question);
  if (shape.kind === "choice") {
    return shape.values.map((value, index) => ({
      code: typeof value === "number" ? value : String(value),
      label: shape.texts[index] ?? String(value),
    }));
  }
  if (shape.kind === "boolean") {
    return [
      { code: 1, label: "是" },
      { code: 0, label: "否" },
    ];
  }
  return [];
}
