import type {
  ItemValue,
  Question,
  QuestionBooleanModel,
  QuestionRatingModel,
  QuestionSelectBase,
  QuestionTextBase,
  QuestionTextModel,
} from "survey-core";
import { settings } from "survey-core";

/**
 * What an answer to one question may look like. survey-core checks required answers and its own
 * validators, but it accepts any value for a choice and never enforces `maxLength` on data it is
 * given, so the server checks shapes itself.
 */
export type AnswerShape =
  /** `texts[i]` is the label of `values[i]`. */
  | { kind: "choice"; values: readonly unknown[]; texts: readonly string[]; multiple: boolean }
  | { kind: "text"; numeric: boolean; maxLength: number | null }
  | { kind: "boolean"; values: readonly [unknown, unknown] }
  /** Matrices, panels of questions, files…: left to survey-core's own validation. */
  | { kind: "unchecked" }
  /** html, image: display only, no answer expected. */
  | { kind: "none" };

const SINGLE_CHOICE = new Set(["radiogroup", "dropdown", "imagepicker"]);
const MULTIPLE_CHOICE = new Set(["checkbox", "tagbox", "ranking"]);
const DISPLAY_ONLY = new Set(["html", "image"]);

export function answerShapeOf(question: Question): AnswerShape {
  const type = question.getType();
  if (SINGLE_CHOICE.has(type) || MULTIPLE_CHOICE.has(type)) {
    const select = question as QuestionSelectBase;
    // Choices copied from another answer or fetched from a URL are not known on the server.
    if (select.choicesFromQuestion || select.choicesByUrl?.url) return { kind: "unchecked" };
    const items = selectItems(select);
    return { kind: "choice", ...valuesAndTexts(items), multiple: MULTIPLE_CHOICE.has(type) };
  }
  if (type === "rating") {
    const items = (question as QuestionRatingModel).visibleRateValues;
    return { kind: "choice", ...valuesAndTexts(items), multiple: false };
  }
  if (type === "comment" || type === "text") {
    const numeric = type === "text" && ["number", "range"].includes((question as QuestionTextModel).inputType);
    const maxLength = Number((question as QuestionTextBase).getMaxLength());
    return { kind: "text", numeric, maxLength: maxLength > 0 ? maxLength : null };
  }
  if (type === "boolean") {
    const boolean = question as QuestionBooleanModel;
    return { kind: "boolean", values: [boolean.getValueTrue(), boolean.getValueFalse()] };
  }
  if (DISPLAY_ONLY.has(type)) return { kind: "none" };
  return { kind: "unchecked" };
}

function valuesAndTexts(items: readonly ItemValue[]): { values: unknown[]; texts: string[] } {
  return { values: items.map((item) => item.value), texts: items.map((item) => item.text) };
}

function selectItems(question: QuestionSelectBase): ItemValue[] {
  const items = [...question.choices];
  const specialItems: [boolean, () => ItemValue][] = [
    [question.showOtherItem, () => question.otherItem],
    [question.showNoneItem, () => question.noneItem],
    [question.showRefuseItem, () => question.refuseItem],
    [question.showDontKnowItem, () => question.dontKnowItem],
  ];
  for (const [shown, item] of specialItems) if (shown) items.push(item());
  return items;
}

/** The extra data key where survey-core keeps the "other" text or a comment beside a choice. */
export function commentKeyOf(question: Question): string | null {
  const hasOther = "showOtherItem" in question && question.showOtherItem === true;
  return hasOther || question.showCommentArea ? `${question.name}${settings.commentSuffix}` : null;
}

/** A problem with one answer's shape, or null when it fits. */
export function shapeProblem(shape: AnswerShape, value: unknown): string | null {
  switch (shape.kind) {
    case "choice":
      return shape.multiple ? multipleChoiceProblem(shape.values, value) : singleChoiceProblem(shape.values, value);
    case "text":
      return textProblem(shape, value);
    case "boolean":
      return shape.values.includes(value) ? null : "答案类型不对：应为“是”或“否”";
    case "none":
      return "此项不是问题，不接受答案";
    case "unchecked":
      return null;
  }
}

function singleChoiceProblem(values: readonly unknown[], value: unknown): string | null {
  if (values.includes(value)) return null;
  if (!values.some((allowed) => typeof allowed === typeof value)) {
    return `答案类型不对：应为${describeType(values)}，收到的是${describeValue(value)}`;
  }
  return `答案 ${describeValue(value)} 不在本题的选项中（可选：${values.map(String).join("、")}）`;
}

function multipleChoiceProblem(values: readonly unknown[], value: unknown): string | null {
  if (!Array.isArray(value)) return `答案类型不对：应为选项列表，收到的是${describeValue(value)}`;
  for (const item of value) {
    const problem = singleChoiceProblem(values, item);
    if (problem) return problem;
  }
  if (new Set(value).size !== value.length) return "同一个选项选了不止一次";
  return null;
}

function textProblem(shape: { numeric: boolean; maxLength: number | null }, value: unknown): string | null {
  if (shape.numeric) {
    return typeof value === "number" && Number.isFinite(value)
      ? null
      : `答案类型不对：应为数字，收到的是${describeValue(value)}`;
  }
  if (typeof value !== "string") return `答案类型不对：应为文字，收到的是${describeValue(value)}`;
  // Code points: never stricter than the browser's maxlength, which counts UTF-16 units.
  const length = [...value].length;
  if (shape.maxLength !== null && length > shape.maxLength) {
    return `内容太长：最多 ${shape.maxLength} 个字，现在有 ${length} 个字`;
  }
  return null;
}

function describeType(values: readonly unknown[]): string {
  const types = new Set(values.map((value) => typeof value));
  if (types.size === 1 && types.has("number")) return "数字代码";
  if (types.size === 1 && types.has("string")) return "文字代码";
  return "选项之一";
}

function describeValue(value: unknown): string {
  if (typeof value === "string") return `文字“${value.length > 20 ? `${value.slice(0, 20)}…` : value}”`;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return "列表";
  if (value === null) return "空值";
  return typeof value === "object" ? "对象" : typeof value;
}
