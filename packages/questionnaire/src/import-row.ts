import { type AnswerShape, shapeProblem } from "./answer-shapes";
import { loadQuestionnaire } from "./loaded-questionnaire";

/** Columns of a response import that describe the respondent rather than answer a question (SPEC §3a). */
export const IMPORT_META_COLUMNS = ["community_code", "id_number", "phone", "sex", "age_group"] as const;

export interface ImportProblem {
  column: string;
  message: string;
}

export type ImportRowResult = { ok: true; answers: Record<string, unknown> } | { ok: false; problems: ImportProblem[] };

export interface ImportRowOptions {
  /** Further columns the caller handles itself; any other column that is not a question is refused. */
  extraColumns?: readonly string[];
}

/**
 * Turns one row of a CSV/XLSX import or a typed-in paper questionnaire into answers. Cells hold codes
 * (satisfaction items: 1–5, 8 = 不了解, 9 = 不适用; other choice questions: their own codes); a
 * choice's exact text is accepted too. Blank means no answer: a paper questionnaire may have gaps,
 * and whether that is acceptable is for validateAnswers with `complete: true` to say.
 */
export function answersFromImportRow(
  definition: unknown,
  row: Readonly<Record<string, string>>,
  options: ImportRowOptions = {},
): ImportRowResult {
  const { shapes } = loadQuestionnaire(definition);
  const ignored = new Set<string>([...IMPORT_META_COLUMNS, ...(options.extraColumns ?? [])]);
  const answers: Record<string, unknown> = {};
  const problems: ImportProblem[] = [];
  for (const [column, rawCell] of Object.entries(row)) {
    const name = column.trim();
    if (ignored.has(name)) continue;
    const shape = shapes.get(name);
    if (!shape) {
      problems.push({ column, message: `问卷中没有名为“${name}”的题目` });
      continue;
    }
    const cell = (rawCell ?? "").trim();
    if (cell === "") continue;
    const parsed = parseCell(shape, cell);
    const message = "problem" in parsed ? parsed.problem : shapeProblem(shape, parsed.value);
    if (message) problems.push({ column, message });
    else if ("value" in parsed) answers[name] = parsed.value;
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, answers };
}

/** Full-width digits, letters and punctuation (typed with a Chinese IME) as ASCII; codes only, never free text. */
function toHalfWidth(cell: string): string {
  return cell.replace(/[\uFF01-\uFF5E]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0));
}

type Parsed = { value: unknown } | { problem: string };

function parseCell(shape: AnswerShape, rawCell: string): Parsed {
  const cell = toHalfWidth(rawCell);
  switch (shape.kind) {
    case "choice":
      return shape.multiple ? parseMultipleChoice(shape, rawCell) : parseChoice(shape, rawCell);
    case "text":
      if (!shape.numeric) return { value: rawCell };
      return Number.isFinite(Number(cell)) ? { value: Number(cell) } : { problem: `“${rawCell}”不是数字` };
    case "boolean":
      if (/^(1|是|true|yes|y)$/i.test(cell)) return { value: shape.values[0] };
      if (/^(0|2|否|false|no|n)$/i.test(cell)) return { value: shape.values[1] };
      return { problem: `“${cell}”无法识别，请填 1（是）或 0（否）` };
    case "none":
      return { problem: "这一列不是问题，请删除" };
    case "unchecked":
      return { problem: "这种题型不能从表格导入" };
  }
}

type ChoiceShape = Extract<AnswerShape, { kind: "choice" }>;

/** A code, or failing that a choice's exact label (exports of online answers carry labels). */
function parseChoice(shape: ChoiceShape, rawCell: string): Parsed {
  const code = toHalfWidth(rawCell);
  let index = shape.values.findIndex((value) => String(value) === code);
  if (index < 0) index = shape.texts.indexOf(rawCell);
  if (index >= 0) return { value: shape.values[index] };
  return { problem: `“${rawCell}”不是本题的有效代码，可填：${shape.values.map(String).join("、")}，不答请留空` };
}

function parseMultipleChoice(shape: ChoiceShape, cell: string): Parsed {
  const chosen: unknown[] = [];
  for (const part of cell.split(/[,，;；、\s]+/).filter((piece) => piece !== "")) {
    const parsed = parseChoice(shape, part);
    if ("problem" in parsed) return parsed;
    chosen.push(parsed.value);
  }
  return { value: chosen };
}
