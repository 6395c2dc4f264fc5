import { type DefinitionProblem, elementPaths, inspectDefinition } from "./inspect-definition";
import { markupProblems } from "./markup-problems";

export type DefinitionValidation = { ok: true } | { ok: false; problems: string[]; details: DefinitionProblem[] };

/**
 * Whether a questionnaire definition can be used for a wave; problems are admin-facing sentences, each also with
 * the path of the field it concerns (`details`), so an editor can show it beside that field.
 */
export function validateDefinition(json: unknown): DefinitionValidation {
  // Checked on the raw JSON first: survey-core would load the markup the resident page then renders.
  const markup = typeof json === "object" && json !== null ? markupProblems(json) : [];
  if (markup.length > 0) return { ok: false, problems: markup.map((problem) => problem.message), details: markup };
  const check = inspectDefinition(json);
  return check.ok ? { ok: true } : { ok: false, problems: check.problems, details: check.details };
}

/** A question name used by an earlier version of the same questionnaire, and what kind of item it was. */
export interface EarlierItem {
  name: string;
  kind: string | null;
  version: number;
}

/**
 * The checks of a draft edited in the studio: validateDefinition, wording a person can read (every area and
 * question has a title, every choice a label), and no name of an earlier version reused for another kind of
 * item — trends across years match items by name.
 */
export function validateDraft(json: unknown, earlier: readonly EarlierItem[] = []): DefinitionValidation {
  const base = validateDefinition(json);
  const details = [...(base.ok ? [] : base.details), ...wordingProblems(json), ...reusedNameProblems(json, earlier)];
  return details.length === 0 ? { ok: true } : { ok: false, problems: details.map((d) => d.message), details };
}

type JsonRecord = Record<string, unknown>;

const isRecord = (value: unknown): value is JsonRecord =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The text of a SurveyJS string property: plain, or localised (`{"zh-cn": …, default: …}`). */
export function plainText(value: unknown): string {
  if (typeof value === "string") return value;
  if (isRecord(value)) return plainText(value["zh-cn"] ?? value.default);
  return "";
}

const text = (value: unknown) => plainText(value).trim();

/** Each element with a name and its path, in document order. */
function elementsOf(json: unknown): { element: JsonRecord; path: string }[] {
  if (!isRecord(json)) return [];
  const found: { element: JsonRecord; path: string }[] = [];
  for (const [name, paths] of elementPaths(json)) {
    for (const path of paths) {
      const element = resolve(json, path);
      if (isRecord(element) && element.name === name) found.push({ element, path });
    }
  }
  return found;
}

/** The value at a `pages[0].elements[1]` path. */
function resolve(json: JsonRecord, path: string): unknown {
  let value: unknown = json;
  for (const part of path.split(/\.|(?=\[)/)) {
    if (value === undefined || value === null) return undefined;
    const index = /^\[(\d+)\]$/.exec(part);
    value = index ? (value as unknown[])[Number(index[1])] : (value as JsonRecord)[part];
  }
  return value;
}

const CONTAINERS = new Set(["panel", "paneldynamic"]);

function wordingProblems(json: unknown): DefinitionProblem[] {
  if (!isRecord(json)) return [];
  const problems: DefinitionProblem[] = [];
  const pages = Array.isArray(json.pages) ? json.pages : [];
  pages.forEach((page, index) => {
    if (isRecord(page) && text(page.title) === "") {
      problems.push({ path: `pages[${index}].title`, message: `第${index + 1}部分还没有标题` });
    }
  });
  for (const { element, path } of elementsOf(json)) {
    const name = String(element.name);
    if (CONTAINERS.has(String(element.type))) continue;
    if (text(element.title) === "") {
      problems.push({ path: `${path}.title`, question: name, message: "题目的文字不能为空" });
    }
    if (!Array.isArray(element.choices)) continue;
    const seen = new Set<string>();
    element.choices.forEach((choice, index) => {
      const value = isRecord(choice) ? choice.value : choice;
      const label = isRecord(choice) ? text(choice.text) : String(choice ?? "");
      if (label === "") {
        problems.push({
          path: `${path}.choices[${index}].text`,
          question: name,
          message: `第${index + 1}个选项没有文字`,
        });
      }
      if (seen.has(String(value))) {
        problems.push({
          path: `${path}.choices[${index}].value`,
          question: name,
          message: `选项代码 ${String(value)} 重复了`,
        });
      }
      seen.add(String(value));
    });
  }
  return problems;
}

function reusedNameProblems(json: unknown, earlier: readonly EarlierItem[]): DefinitionProblem[] {
  const earlierByName = new Map(earlier.map((item) => [item.name, item]));
  const problems: DefinitionProblem[] = [];
  for (const { element, path } of elementsOf(json)) {
    const name = String(element.name);
    const before = earlierByName.get(name);
    const kind = typeof element.itemKind === "string" ? element.itemKind : null;
    if (before && before.kind !== kind) {
      problems.push({
        path: `${path}.name`,
        question: name,
        message: `题目名称 ${name} 在第${before.version}版中是另一类题目，不能用于新的题目（跨年比较按名称对应）`,
      });
    }
  }
  return problems;
}
