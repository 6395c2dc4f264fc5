import type { DimensionCode, DomainCode } from "./codes";
import { DONT_KNOW_CODE, NOT_APPLICABLE_CODE } from "./codes";
import type { ScoredItem, ScoringMap } from "./scoring-map";

/** One answered satisfaction item, as stored in `response_items`. */
export interface ScoredAnswer {
  question: string;
  dimension: DimensionCode;
  domain: DomainCode;
  code: number;
  /** 0–100; null for don't know (8) and not applicable (9). */
  score: number | null;
}

export interface ResponseScore {
  /** Answered satisfaction items in questionnaire order; blank items have no row. */
  items: ScoredAnswer[];
  overall: { code: number; score: number | null } | null;
  /** Mean of the valid item scores when at least half the satisfaction items are valid, else null. */
  respondentScore: number | null;
  validCount: number;
}

/**
 * Scores validated answers (STATISTICS §1). A code outside 1–5, 8, 9 means the answers skipped
 * validation, so it throws rather than silently dropping what the resident said.
 */
export function scoreResponse(map: ScoringMap, answers: Readonly<Record<string, unknown>>): ResponseScore {
  const items: ScoredAnswer[] = [];
  for (const item of map.items) {
    const scored = scoreAnswer(item, answers[item.name]);
    if (scored) items.push({ question: item.name, dimension: item.dimension, domain: item.domain, ...scored });
  }
  const overall = map.overall ? scoreAnswer(map.overall, answers[map.overall.name]) : null;
  const validScores = items.flatMap((item) => (item.score === null ? [] : [item.score]));
  const enoughValid = map.items.length > 0 && validScores.length * 2 >= map.items.length;
  const respondentScore = enoughValid ? validScores.reduce((sum, score) => sum + score, 0) / validScores.length : null;
  return { items, overall, respondentScore, validCount: validScores.length };
}

function scoreAnswer(item: ScoredItem, value: unknown): { code: number; score: number | null } | null {
  if (value === undefined || value === null || value === "") return null;
  const isCode =
    typeof value === "number" &&
    (item.scale.includes(value) || value === DONT_KNOW_CODE || value === NOT_APPLICABLE_CODE);
  if (!isCode) throw new RangeError(`question ${item.name}: ${JSON.stringify(value)} is not a satisfaction code`);
  return { code: value, score: item.scoreOf(value) };
}
