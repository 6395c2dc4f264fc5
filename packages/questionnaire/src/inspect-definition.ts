import type { Model, Question } from "survey-core";
import { answerShapeOf } from "./answer-shapes";
import {
  DIMENSION_CODES,
  DOMAIN_CODES,
  isDimensionCode,
  isDomainCode,
  isItemKind,
  isScoreMapping,
  SATISFACTION_CODES,
  SATISFACTION_SCALE,
  SCORE_MAPPINGS,
} from "./codes";
import { createModel } from "./survey-properties";

/**
 * One problem of a definition: a sentence for the person editing it, and where it is — `path` into the JSON
 * (`pages[0].elements[2].domain`, "" for the whole questionnaire) and the question's name when it is about one.
 */
export interface DefinitionProblem {
  path: string;
  question?: string;
  message: string;
}

export type DefinitionCheck =
  | { ok: true; model: Model }
  | { ok: false; problems: string[]; details: DefinitionProblem[] };

/** `pages[i].elements[j]…` of every element with a name, in document order (several for a repeated name). */
export function elementPaths(json: unknown): Map<string, string[]> {
  const paths = new Map<string, string[]>();
  const visit = (elements: unknown, path: string) => {
    if (!Array.isArray(elements)) return;
    elements.forEach((element, index) => {
      if (typeof element !== "object" || element === null) return;
      const record = element as Record<string, unknown>;
      const here = `${path}[${index}]`;
      if (typeof record.name === "string") paths.set(record.name, [...(paths.get(record.name) ?? []), here]);
      visit(record.elements, `${here}.elements`);
    });
  };
  const root = json as Record<string, unknown>;
  if (Array.isArray(root.pages)) {
    root.pages.forEach((page, index) => {
      visit((page as Record<string, unknown> | null)?.elements, `pages[${index}].elements`);
    });
  }
  visit(root.elements, "elements");
  return paths;
}

/**
 * Loads a definition into survey-core and checks what scoring relies on. Messages are for the
 * administrator who uploaded the questionnaire, so they name the question.
 */
export function inspectDefinition(json: unknown): DefinitionCheck {
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    return failed([{ path: "", message: "问卷定义必须是一个 JSON 对象" }]);
  }
  let model: Model;
  try {
    model = createModel(json);
  } catch (error) {
    return failed([{ path: "", message: `survey-core 无法读取问卷定义：${(error as Error).message}` }]);
  }
  const problems: DefinitionProblem[] = (model.jsonErrors ?? []).map((error) => ({
    path: "",
    message: describeJsonError(error),
  }));
  if (model.pages.length === 0) problems.push({ path: "pages", message: "问卷至少要有一页" });

  const questions = model.getAllQuestions();
  if (questions.length === 0) problems.push({ path: "pages", message: "问卷中没有任何题目" });
  const located = locateQuestions(json, questions);
  problems.push(...nameProblems(located));
  for (const { question, path } of located) {
    problems.push(...scoringProblems(question).map((problem) => at(path, question.name, problem)));
  }

  if (!questions.some((question) => question.getPropertyValue("itemKind") === "satisfaction")) {
    problems.push({ path: "pages", message: "问卷中至少要有一道满意度题（itemKind 为 satisfaction）" });
  }
  const overall = located.filter(({ question }) => question.getPropertyValue("itemKind") === "overall");
  for (const { question, path } of overall.slice(1)) {
    problems.push(
      at(path, question.name, { field: "itemKind", message: "总体满意度题（itemKind 为 overall）只能有一道" }),
    );
  }
  const scoreMapping = model.getPropertyValue("scoreMapping");
  if (scoreMapping !== undefined && !isScoreMapping(scoreMapping)) {
    problems.push({
      path: "scoreMapping",
      message: `scoreMapping 只能是 ${SCORE_MAPPINGS.join(" 或 ")}，现在是 ${String(scoreMapping)}`,
    });
  }
  return problems.length > 0 ? failed(problems) : { ok: true, model };
}

export function failed(details: DefinitionProblem[]): DefinitionCheck & { ok: false } {
  return { ok: false, problems: details.map((problem) => problem.message), details };
}

interface LocatedQuestion {
  question: Question;
  /** Path of the question's element; "" when it is not found in the JSON (built by survey-core itself). */
  path: string;
}

/** Each question with its element's path; a repeated name takes its occurrences in order. */
function locateQuestions(json: unknown, questions: readonly Question[]): LocatedQuestion[] {
  const paths = elementPaths(json);
  const taken = new Map<string, number>();
  return questions.map((question) => {
    const index = taken.get(question.name) ?? 0;
    taken.set(question.name, index + 1);
    return { question, path: paths.get(question.name)?.[index] ?? "" };
  });
}

interface FieldProblem {
  field: string;
  message: string;
}

function at(path: string, question: string, problem: FieldProblem): DefinitionProblem {
  return { path: path ? `${path}.${problem.field}` : problem.field, question, message: problem.message };
}

/** survey-core's message for an unknown element type only names the container, so add the element. */
function describeJsonError(error: { message: string; jsonObj?: unknown }): string {
  const element = error.jsonObj as { name?: unknown; type?: unknown } | undefined;
  const where =
    element && typeof element === "object" && (element.name !== undefined || element.type !== undefined)
      ? `(name: ${String(element.name)}, type: ${String(element.type)})`
      : "";
  return `问卷定义有误：${error.message}${where}`;
}

function nameProblems(located: readonly LocatedQuestion[]): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const seen = new Set<string>();
  for (const { question, path } of located) {
    const name = question.name;
    if (!name || name.trim() === "") {
      problems.push(at(path, name ?? "", { field: "name", message: "有题目没有名称（name）" }));
      continue;
    }
    if (seen.has(name)) problems.push(at(path, name, { field: "name", message: `题目名称重复：${name}` }));
    seen.add(name);
  }
  return problems;
}

function scoringProblems(question: Question): FieldProblem[] {
  const name = question.name;
  const kind = question.getPropertyValue("itemKind");
  const dimension = question.getPropertyValue("dimension");
  const domain = question.getPropertyValue("domain");
  const problems: FieldProblem[] = [];
  const add = (field: string, message: string) => problems.push({ field, message });
  if (kind !== undefined && !isItemKind(kind)) add("itemKind", `题目 ${name} 的 itemKind 无效：${String(kind)}`);

  if (kind === "satisfaction") {
    if (!isDimensionCode(dimension)) {
      add(
        "dimension",
        `满意度题 ${name} 的 dimension 必须是 ${DIMENSION_CODES.join("、")} 之一，现在是 ${String(dimension)}`,
      );
    }
    if (!isDomainCode(domain)) {
      add("domain", `满意度题 ${name} 的 domain 必须是 ${DOMAIN_CODES.join("、")} 之一，现在是 ${String(domain)}`);
    }
  } else if (dimension !== undefined || domain !== undefined) {
    add(domain !== undefined ? "domain" : "dimension", `只有满意度题可以设置 dimension 和 domain：${name}`);
  }

  const shape = answerShapeOf(question);
  if (kind === "satisfaction" || kind === "overall") {
    const values = shape.kind === "choice" && !shape.multiple ? shape.values : [];
    const fullScale = SATISFACTION_SCALE.every((code) => values.includes(code));
    const onlyCodes = values.every((value) => SATISFACTION_CODES.includes(value as number));
    if (!fullScale || !onlyCodes) {
      add("choices", `评分题 ${name} 必须是单选题，选项值为 1–5（可加 8 不了解、9 不适用）`);
    }
  }
  if ((kind === "policy" || kind === "demographic") && (shape.kind !== "choice" || shape.values.length === 0)) {
    add("choices", `题目 ${name} 必须是有选项的选择题`);
  }
  return problems;
}
