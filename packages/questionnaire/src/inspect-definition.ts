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

export type DefinitionCheck = { ok: true; model: Model } | { ok: false; problems: string[] };

/**
 * Loads a definition into survey-core and checks what scoring relies on. Messages are for the
 * administrator who uploaded the questionnaire, so they name the question.
 */
export function inspectDefinition(json: unknown): DefinitionCheck {
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    return { ok: false, problems: ["问卷定义必须是一个 JSON 对象"] };
  }
  let model: Model;
  try {
    model = createModel(json);
  } catch (error) {
    return { ok: false, problems: [`survey-core 无法读取问卷定义：${(error as Error).message}`] };
  }
  const problems = (model.jsonErrors ?? []).map(describeJsonError);
  if (model.pages.length === 0) problems.push("问卷至少要有一页");

  const questions = model.getAllQuestions();
  if (questions.length === 0) problems.push("问卷中没有任何题目");
  problems.push(...nameProblems(questions));
  for (const question of questions) problems.push(...scoringProblems(question));

  if (!questions.some((question) => question.getPropertyValue("itemKind") === "satisfaction")) {
    problems.push("问卷中至少要有一道满意度题（itemKind 为 satisfaction）");
  }
  if (questions.filter((question) => question.getPropertyValue("itemKind") === "overall").length > 1) {
    problems.push("总体满意度题（itemKind 为 overall）只能有一道");
  }
  const scoreMapping = model.getPropertyValue("scoreMapping");
  if (scoreMapping !== undefined && !isScoreMapping(scoreMapping)) {
    problems.push(`scoreMapping 只能是 ${SCORE_MAPPINGS.join(" 或 ")}，现在是 ${String(scoreMapping)}`);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, model };
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

function nameProblems(questions: readonly Question[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const question of questions) {
    const name = question.name;
    if (!name || name.trim() === "") {
      problems.push("有题目没有名称（name）");
      continue;
    }
    if (seen.has(name)) problems.push(`题目名称重复：${name}`);
    seen.add(name);
  }
  return problems;
}

function scoringProblems(question: Question): string[] {
  const name = question.name;
  const kind = question.getPropertyValue("itemKind");
  const dimension = question.getPropertyValue("dimension");
  const domain = question.getPropertyValue("domain");
  const problems: string[] = [];
  if (kind !== undefined && !isItemKind(kind)) problems.push(`题目 ${name} 的 itemKind 无效：${String(kind)}`);

  if (kind === "satisfaction") {
    if (!isDimensionCode(dimension)) {
      problems.push(
        `满意度题 ${name} 的 dimension 必须是 ${DIMENSION_CODES.join("、")} 之一，现在是 ${String(dimension)}`,
      );
    }
    if (!isDomainCode(domain)) {
      problems.push(`满意度题 ${name} 的 domain 必须是 ${DOMAIN_CODES.join("、")} 之一，现在是 ${String(domain)}`);
    }
  } else if (dimension !== undefined || domain !== undefined) {
    problems.push(`只有满意度题可以设置 dimension 和 domain：${name}`);
  }

  const shape = answerShapeOf(question);
  if (kind === "satisfaction" || kind === "overall") {
    const values = shape.kind === "choice" && !shape.multiple ? shape.values : [];
    const fullScale = SATISFACTION_SCALE.every((code) => values.includes(code));
    const onlyCodes = values.every((value) => SATISFACTION_CODES.includes(value as number));
    if (!fullScale || !onlyCodes) {
      problems.push(`评分题 ${name} 必须是单选题，选项值为 1–5（可加 8 不了解、9 不适用）`);
    }
  }
  if ((kind === "policy" || kind === "demographic") && (shape.kind !== "choice" || shape.values.length === 0)) {
    problems.push(`题目 ${name} 必须是有选项的选择题`);
  }
  return problems;
}
