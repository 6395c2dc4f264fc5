/**
 * STATISTICS.md §1: turning a coded answer into an item score. Codes 1…k (very dissatisfied → very
 * satisfied); "don't know", "not applicable" and blank are missing and drop out of numerator and
 * denominator alike.
 */

export type ItemAnswer = number | "dont_know" | "not_applicable" | null | undefined;

export interface ScoreScale {
  /** Score of code c at index c − 1. */
  readonly scores: readonly number[];
  /** Lowest code that counts as satisfied for 满意率 (4 on a 1–5 scale). */
  readonly satisfiedFrom: number;
}

export const DEFAULT_SCORE_SCALE: ScoreScale = { scores: [0, 25, 50, 75, 100], satisfiedFrom: 4 };

/** Items whose missing share is above this are flagged. */
export const MISSING_SHARE_FLAG = 0.2;

function validCode(answer: ItemAnswer, scale: ScoreScale): number | null {
  if (answer === null || answer === undefined || answer === "dont_know" || answer === "not_applicable") return null;
  if (!Number.isInteger(answer) || answer < 1 || answer > scale.scores.length) {
    throw new RangeError(`answer code ${answer} is outside the scale 1–${scale.scores.length}`);
  }
  return answer;
}

/** The item score, or null when the answer is missing. */
export function itemScore(answer: ItemAnswer, scale: ScoreScale = DEFAULT_SCORE_SCALE): number | null {
  const code = validCode(answer, scale);
  return code === null ? null : (scale.scores[code - 1] as number);
}

/** Whether a valid answer is satisfied (code ≥ satisfiedFrom), or null when the answer is missing. */
export function isSatisfied(answer: ItemAnswer, scale: ScoreScale = DEFAULT_SCORE_SCALE): boolean | null {
  const code = validCode(answer, scale);
  return code === null ? null : code >= scale.satisfiedFrom;
}

export function itemScores(answers: readonly ItemAnswer[], scale: ScoreScale = DEFAULT_SCORE_SCALE): (number | null)[] {
  return answers.map((answer) => itemScore(answer, scale));
}

export function satisfiedFlags(
  answers: readonly ItemAnswer[],
  scale: ScoreScale = DEFAULT_SCORE_SCALE,
): (boolean | null)[] {
  return answers.map((answer) => isSatisfied(answer, scale));
}

export interface MissingShare {
  missing: number;
  total: number;
  /** Unweighted share of missing answers; 0 when there are no answers at all. */
  share: number;
  flagged: boolean;
}

export function missingShare(missing: number, total: number): MissingShare {
  const share = total === 0 ? 0 : missing / total;
  return { missing, total, share, flagged: share > MISSING_SHARE_FLAG };
}

export function itemMissingShare(
  answers: readonly ItemAnswer[],
  scale: ScoreScale = DEFAULT_SCORE_SCALE,
): MissingShare {
  const missing = answers.filter((answer) => validCode(answer, scale) === null).length;
  return missingShare(missing, answers.length);
}

/**
 * Respondent-level score: mean of the respondent's valid item scores when at least half of the items are
 * valid, else null. Used only for distributions and cross-tabs, never for published means.
 */
export function respondentScore(
  answers: readonly ItemAnswer[],
  scale: ScoreScale = DEFAULT_SCORE_SCALE,
): number | null {
  let valid = 0;
  let total = 0;
  for (const answer of answers) {
    const score = itemScore(answer, scale);
    if (score !== null) {
      valid++;
      total += score;
    }
  }
  if (valid === 0 || 2 * valid < answers.length) return null;
  return total / valid;
}
