import type { Question, QuestionSelectBase } from "survey-core";
import {
  DEFAULT_SCORE_MAPPING,
  type DimensionCode,
  DONT_KNOW_CODE,
  type DomainCode,
  isScoreMapping,
  NOT_APPLICABLE_CODE,
  SATISFACTION_SCALE,
  type ScoreMapping,
  scoreOfCode,
} from "./codes";
import { loadQuestionnaire } from "./loaded-questionnaire";

/** A 1–5 item (satisfaction or overall) with the codes that mean "missing". */
export interface ScoredItem {
  name: string;
  title: string;
  /** Name of the page the question is on. */
  page: string;
  scale: readonly number[];
  dontKnowCode: typeof DONT_KNOW_CODE;
  notApplicableCode: typeof NOT_APPLICABLE_CODE;
  /** 0–100 score of a code under the questionnaire's mapping; null for 8, 9 or any other code. */
  scoreOf(code: number): number | null;
}

export interface SatisfactionItem extends ScoredItem {
  dimension: DimensionCode;
  domain: DomainCode;
}

/** A policy-awareness or demographic question with its coded choices. */
export interface CodedItem {
  name: string;
  title: string;
  page: string;
  choices: readonly { value: unknown; text: string }[];
}

export interface ScoringMap {
  scoreMapping: ScoreMapping;
  /** Satisfaction items in questionnaire order. */
  items: readonly SatisfactionItem[];
  byName: ReadonlyMap<string, SatisfactionItem>;
  overall: ScoredItem | null;
  policyItems: readonly CodedItem[];
  demographicItems: readonly CodedItem[];
}

/** How each item is scored; throws InvalidDefinitionError when the definition fails validateDefinition. */
export function buildScoringMap(definition: unknown): ScoringMap {
  const { model } = loadQuestionnaire(definition);
  const mappingValue = model.getPropertyValue("scoreMapping");
  const scoreMapping = isScoreMapping(mappingValue) ? mappingValue : DEFAULT_SCORE_MAPPING;

  const items: SatisfactionItem[] = [];
  let overall: ScoredItem | null = null;
  const policyItems: CodedItem[] = [];
  const demographicItems: CodedItem[] = [];
  for (const question of model.getAllQuestions()) {
    switch (question.getPropertyValue("itemKind")) {
      case "satisfaction":
        items.push({
          ...scoredItem(question, scoreMapping),
          dimension: question.getPropertyValue("dimension"),
          domain: question.getPropertyValue("domain"),
        });
        break;
      case "overall":
        overall = scoredItem(question, scoreMapping);
        break;
      case "policy":
        policyItems.push(codedItem(question));
        break;
      case "demographic":
        demographicItems.push(codedItem(question));
        break;
    }
  }
  const byName = new Map(items.map((item) => [item.name, item]));
  return { scoreMapping, items, byName, overall, policyItems, demographicItems };
}

function scoredItem(question: Question, mapping: ScoreMapping): ScoredItem {
  return {
    name: question.name,
    title: question.title,
    page: question.page?.name ?? "",
    scale: SATISFACTION_SCALE,
    dontKnowCode: DONT_KNOW_CODE,
    notApplicableCode: NOT_APPLICABLE_CODE,
    scoreOf: (code) => scoreOfCode(code, mapping),
  };
}

function codedItem(question: Question): CodedItem {
  const choices = (question as QuestionSelectBase).choices.map((item) => ({ value: item.value, text: item.text }));
  return { name: question.name, title: question.title, page: question.page?.name ?? "", choices };
}
