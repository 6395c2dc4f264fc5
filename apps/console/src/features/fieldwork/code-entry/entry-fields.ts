import { createModel } from "@survey/questionnaire";
import type { ItemValue, Model, Question } from "survey-core";

/**
 * A questionnaire as a data-entry clerk types it from paper, as in EpiData: one field per question, answered by
 * the code printed beside each choice. The SurveyJS model still decides which questions are shown (visibleIf)
 * and what each code means; this file turns typed text into answers and back.
 */

export interface CodeChoice {
  code: string;
  label: string;
  value: unknown;
}

export type EntryField =
  | { kind: "choice"; name: string; title: string; required: boolean; multiple: boolean; choices: CodeChoice[] }
  | { kind: "text"; name: string; title: string; required: boolean; numeric: boolean; maxLength: number | null };

const SINGLE = new Set(["radiogroup", "dropdown", "rating", "imagepicker"]);
const MULTIPLE = new Set(["checkbox", "tagbox"]);

function choicesOf(question: Question): ItemValue[] {
  if (question.getType() === "rating")
    return (question as unknown as { visibleRateValues: ItemValue[] }).visibleRateValues;
  return (question as unknown as { visibleChoices: ItemValue[] }).visibleChoices;
}

function fieldOf(question: Question): EntryField | null {
  const type = question.getType();
  const base = { name: question.name, title: question.processedTitle || question.name, required: question.isRequired };
  if (SINGLE.has(type) || MULTIPLE.has(type)) {
    const choices = choicesOf(question).map((item) => ({
      code: String(item.value),
      label: item.text,
      value: item.value,
    }));
    return { kind: "choice", ...base, multiple: MULTIPLE.has(type), choices };
  }
  if (type === "boolean") {
    const choices = [
      { code: "1", label: "是", value: true },
      { code: "2", label: "否", value: false },
    ];
    return { kind: "choice", ...base, multiple: false, choices };
  }
  if (type === "text" || type === "comment") {
    const numeric = type === "text" && (question as unknown as { inputType: string }).inputType === "number";
    const maxLength = Number((question as unknown as { getMaxLength(): number }).getMaxLength());
    return { kind: "text", ...base, numeric, maxLength: maxLength > 0 ? maxLength : null };
  }
  return null;
}

export function entryModel(definition: Record<string, unknown>): Model {
  return createModel(definition);
}

/** The questions shown for these answers, in questionnaire order, as entry fields. */
export function visibleFields(model: Model, answers: Record<string, unknown>): EntryField[] {
  model.data = answers;
  return model
    .getAllQuestions(true)
    .map(fieldOf)
    .filter((field): field is EntryField => field !== null);
}

export type Parsed = { ok: true; value: unknown } | { ok: false; message: string };

const codesList = (field: Extract<EntryField, { kind: "choice" }>) =>
  field.choices.map((choice) => choice.code).join("、");

/** The answer a clerk's typed text stands for; `undefined` value when left blank. */
export function parseEntry(field: EntryField, raw: string): Parsed {
  const text = raw.trim();
  if (text === "") return { ok: true, value: undefined };
  if (field.kind === "text") {
    if (!field.numeric) return { ok: true, value: raw };
    const number = Number(text);
    return Number.isFinite(number) ? { ok: true, value: number } : { ok: false, message: "请输入数字" };
  }
  const codes = field.multiple ? text.split(/[\s,，、]+/).filter(Boolean) : [text];
  const values: unknown[] = [];
  for (const code of codes) {
    const choice = field.choices.find((item) => item.code === code);
    if (!choice) return { ok: false, message: `没有代码 ${code}，可填：${codesList(field)}` };
    if (!values.includes(choice.value)) values.push(choice.value);
  }
  return { ok: true, value: field.multiple ? values : values[0] };
}

/** The text a stored answer is typed as (for correcting an entry). */
export function formatEntry(field: EntryField, value: unknown): string {
  if (value === undefined || value === null) return "";
  if (field.kind === "text") return String(value);
  const values = Array.isArray(value) ? value : [value];
  return values.map((item) => field.choices.find((choice) => choice.value === item)?.code ?? String(item)).join(" ");
}

/** The labels of an answer, for the echo beside the field and the read-only view. */
export function answerLabel(field: EntryField, value: unknown): string {
  if (value === undefined || value === null || value === "") return "";
  if (field.kind === "text") return String(value);
  const values = Array.isArray(value) ? value : [value];
  return values.map((item) => field.choices.find((choice) => choice.value === item)?.label ?? String(item)).join("、");
}

/** The questions shown for these answers, page by page (for reading a response as the questionnaire lays it out). */
export function pagesOfFields(
  model: Model,
  answers: Record<string, unknown>,
): { title: string; fields: EntryField[] }[] {
  model.data = answers;
  return model.visiblePages.map((page) => ({
    title: page.processedTitle || page.name,
    fields: page.questions
      .filter((question) => question.isVisible)
      .map(fieldOf)
      .filter((field): field is EntryField => field !== null),
  }));
}
