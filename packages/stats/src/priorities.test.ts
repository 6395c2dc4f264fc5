import { describe, expect, it } from "vitest";
import { derivedImportance, priorityQuadrants } from "./priorities";

/** The data set of packages/stats/reference/priorities.R (NaN = no valid answer); R's cov.wt correlations. */
const WEIGHTS = [1.5, 2, 2, 0.5, 3, 1, 1, 2.5, 4, 1, 2, 0.75];
const N = Number.NaN;
const SCORES = [
  [100, 75, 75, 50],
  [75, 75, 50, 50],
  [50, N, 50, 25],
  [25, 25, 0, N],
  [100, 100, 75, 100],
  [N, N, N, 75],
  [75, 50, N, 75],
  [0, 25, 25, 50],
  [50, 75, 50, 50],
  [100, 75, 100, 75],
  [25, 50, N, 0],
  [75, 75, 75, 100],
];
const R_IMPORTANCE = [0.869764182918816, 0.796642214314373, 0.858022402331812, 0.659057430909362];

const matrix = (weights: number[], rows: number[][]) => ({
  itemCount: rows[0]?.length ?? 0,
  weights: Float64Array.from(weights),
  scores: Float64Array.from(rows.flat()),
});

describe("derivedImportance", () => {
  it("equals R's cov.wt weighted correlation of each item with the mean of the other items", () => {
    const importance = derivedImportance(matrix(WEIGHTS, SCORES));
    importance.forEach((value, k) => {
      expect(Math.abs((value as number) - (R_IMPORTANCE[k] as number))).toBeLessThan(1e-12);
    });
  });

  it("leaves out respondents without a respondent-level score (fewer than half the items valid)", () => {
    // Row 6 answered one item of four: adding more such rows with extreme scores changes nothing.
    const extra = [...SCORES, [N, N, N, 0], [0, N, N, N]];
    expect(derivedImportance(matrix([...WEIGHTS, 50, 50], extra))).toEqual(derivedImportance(matrix(WEIGHTS, SCORES)));
  });

  it("scales with the weights' ratios only, and gives null for an item that does not vary", () => {
    const doubled = derivedImportance(
      matrix(
        WEIGHTS.map((w) => w * 2),
        SCORES,
      ),
    );
    for (const [k, value] of doubled.entries()) expect(value).toBeCloseTo(R_IMPORTANCE[k] as number, 12);
    const flat = SCORES.map((row) => [50, ...row.slice(1)]);
    expect(derivedImportance(matrix(WEIGHTS, flat))[0]).toBeNull();
    expect(() => derivedImportance({ itemCount: 3, weights: Float64Array.of(1), scores: Float64Array.of(1) })).toThrow(
      RangeError,
    );
  });
});

describe("priorityQuadrants", () => {
  it("splits at the means over items: important and below average is 优先改进", () => {
    const { means, items } = priorityQuadrants([
      { key: "a", importance: 0.8, performance: 50 },
      { key: "b", importance: 0.8, performance: 90 },
      { key: "c", importance: 0.4, performance: 50 },
      { key: "d", importance: 0.4, performance: 90 },
      { key: "e", importance: null, performance: 60 },
    ]);
    expect(means?.importance).toBeCloseTo(0.6, 12);
    expect(means?.performance).toBe(70);
    expect(items.map((item) => [item.key, item.quadrant])).toEqual([
      ["a", "improve"],
      ["b", "maintain"],
      ["c", "secondary"],
      ["d", "keep"],
    ]);
    expect(priorityQuadrants([])).toEqual({ means: null, items: [] });
  });
});
