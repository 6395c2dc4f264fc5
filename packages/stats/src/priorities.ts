/**
 * Priorities for improvement (STATISTICS.md §6): derived importance of each satisfaction item = the
 * design-weighted Pearson correlation, over respondents with a respondent-level score, between the item's score
 * and the mean of the respondent's *other* valid items; the importance–performance quadrants split at the means
 * over items. R reference: `cov.wt(cbind(x, y), wt = w, cor = TRUE)$cor[1, 2]` on the same rows and weights.
 */

/** Respondents × items, row-major; NaN = no valid answer (don't know, not applicable, blank). */
export interface ScoreMatrix {
  itemCount: number;
  /** One weight per respondent (design weight, or the calibrated one). */
  weights: Float64Array;
  /** weights.length × itemCount scores. */
  scores: Float64Array;
}

/** Whether a respondent has a respondent-level score: at least half of the items answered validly (§1). */
const hasRespondentScore = (valid: number, itemCount: number) => valid > 0 && 2 * valid >= itemCount;

/**
 * Importance of every item (null when fewer than two respondents qualify or either variable does not vary).
 * Two passes per item (means, then centred sums) so that large samples keep full precision.
 */
export function derivedImportance(matrix: ScoreMatrix): (number | null)[] {
  const { itemCount, weights, scores } = matrix;
  const n = weights.length;
  if (scores.length !== n * itemCount) throw new RangeError(`${scores.length} scores for ${n} × ${itemCount}`);
  // Per respondent: Σ valid scores and how many; respondents without a respondent-level score get count 0.
  const sums = new Float64Array(n);
  const counts = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    let count = 0;
    for (let k = 0; k < itemCount; k++) {
      const s = scores[i * itemCount + k] as number;
      if (!Number.isNaN(s)) {
        sum += s;
        count += 1;
      }
    }
    if (hasRespondentScore(count, itemCount)) {
      sums[i] = sum;
      counts[i] = count;
    }
  }
  const importance: (number | null)[] = [];
  for (let k = 0; k < itemCount; k++) {
    let total = 0;
    let sx = 0;
    let sy = 0;
    let used = 0;
    for (let i = 0; i < n; i++) {
      const x = scores[i * itemCount + k] as number;
      const count = counts[i] as number;
      if (count < 2 || Number.isNaN(x)) continue;
      const w = weights[i] as number;
      total += w;
      sx += w * x;
      sy += (w * ((sums[i] as number) - x)) / (count - 1);
      used += 1;
    }
    if (used < 2 || total <= 0) {
      importance.push(null);
      continue;
    }
    const mx = sx / total;
    const my = sy / total;
    let cxx = 0;
    let cyy = 0;
    let cxy = 0;
    for (let i = 0; i < n; i++) {
      const x = scores[i * itemCount + k] as number;
      const count = counts[i] as number;
      if (count < 2 || Number.isNaN(x)) continue;
      const w = weights[i] as number;
      const dx = x - mx;
      const dy = ((sums[i] as number) - x) / (count - 1) - my;
      cxx += w * dx * dx;
      cyy += w * dy * dy;
      cxy += w * dx * dy;
    }
    importance.push(cxx > 0 && cyy > 0 ? cxy / Math.sqrt(cxx * cyy) : null);
  }
  return importance;
}

export type PriorityQuadrant = "improve" | "maintain" | "secondary" | "keep";

/** The report's Chinese names of the quadrants (STATISTICS §6). */
export const PRIORITY_QUADRANT_LABELS: Readonly<Record<PriorityQuadrant, string>> = {
  improve: "优先改进",
  maintain: "继续保持",
  secondary: "次要改进",
  keep: "维持即可",
};

export interface ItemPerformance<K> {
  key: K;
  importance: number | null;
  performance: number | null;
}

export interface PriorityPosition<K> {
  key: K;
  importance: number;
  performance: number;
  quadrant: PriorityQuadrant;
}

/**
 * Quadrants split at the means over the items that have both figures; an item exactly at a mean counts as above
 * it (it is not below the average). Items without both figures are left out.
 */
export function priorityQuadrants<K>(items: readonly ItemPerformance<K>[]): {
  means: { importance: number; performance: number } | null;
  items: PriorityPosition<K>[];
} {
  const rated = items.flatMap((item) =>
    item.importance === null || item.performance === null
      ? []
      : [{ key: item.key, importance: item.importance, performance: item.performance }],
  );
  if (rated.length === 0) return { means: null, items: [] };
  const means = {
    importance: rated.reduce((total, item) => total + item.importance, 0) / rated.length,
    performance: rated.reduce((total, item) => total + item.performance, 0) / rated.length,
  };
  return {
    means,
    items: rated.map((item) => {
      const important = item.importance >= means.importance;
      const performing = item.performance >= means.performance;
      const quadrant: PriorityQuadrant = important
        ? performing
          ? "maintain"
          : "improve"
        : performing
          ? "keep"
          : "secondary";
      return { ...item, quadrant };
    }),
  };
}
