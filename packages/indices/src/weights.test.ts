import { describe, expect, it } from "vitest";
import { entropyWeights, weightedMean } from "./weights";

describe("entropy weights", () => {
  it("hand-worked: shares [0, ½, 1] and [1, 1, 0] over three towns", () => {
    // A: p = (0, 1/3, 2/3) → H = ln3 − (2/3)ln2 → e_A = 1 − (2/3)ln2/ln3
    // B: p = (½, ½, 0) → H = ln2 (0·ln0 = 0) → e_B = ln2/ln3
    const eA = 1 - ((2 / 3) * Math.log(2)) / Math.log(3);
    const eB = Math.log(2) / Math.log(3);
    const r = entropyWeights([
      [0, 0.5, 1],
      [1, 1, 0],
    ]);
    expect(r.entropies[0]).toBeCloseTo(eA, 14);
    expect(r.entropies[1]).toBeCloseTo(eB, 14);
    const total = 1 - eA + (1 - eB);
    expect(r.weights[0]).toBeCloseTo((1 - eA) / total, 14);
    expect(r.weights[1]).toBeCloseTo((1 - eB) / total, 14);
    expect(r.weights[0]).toBeCloseTo(0.532639, 5);
    expect(r.fellBackToEqual).toBe(false);
  });

  it("an indicator that does not separate towns gets weight 0", () => {
    const r = entropyWeights([
      [1, 1, 1, 1],
      [0, 1, 0, 0],
    ]);
    expect(r.entropies[0]).toBeCloseTo(1, 14);
    expect(r.weights[0]).toBeCloseTo(0, 14);
    // one town holds everything: p = (0, 1, 0, 0) → H = 0 → e = 0, weight 1
    expect(r.entropies[1]).toBe(0);
    expect(r.weights[1]).toBeCloseTo(1, 14);
  });

  it("falls back to equal weights when nothing varies", () => {
    const r = entropyWeights([[1, 1], [0, 0], [1]]);
    expect(r.fellBackToEqual).toBe(true);
    expect(r.weights).toEqual([1 / 3, 1 / 3, 1 / 3]);
  });

  it("uses the number of towns with a value for ln m", () => {
    // two towns with shares (0, 1): p = (0, 1), H = 0 → e = 0 regardless of other columns' length
    const r = entropyWeights([
      [0, 1],
      [0, 0.5, 1],
    ]);
    expect(r.entropies[0]).toBe(0);
  });

  it("rejects shares outside [0, 1]", () => {
    expect(() => entropyWeights([[0.5, 1.5]])).toThrow(RangeError);
  });
});

describe("weightedMean", () => {
  it("renormalises over the available scores", () => {
    expect(
      weightedMean([
        { score: 50, weight: 3 },
        { score: 100, weight: 1 },
      ]),
    ).toBeCloseTo(62.5, 12);
    expect(
      weightedMean([
        { score: 50, weight: 3 },
        { score: null, weight: 1 },
      ]),
    ).toBe(50);
    expect(weightedMean([{ score: null, weight: 1 }])).toBeNull();
  });
  it("plain mean when every available weight is 0", () => {
    expect(
      weightedMean([
        { score: 40, weight: 0 },
        { score: 60, weight: 0 },
      ]),
    ).toBe(50);
  });
  it("rejects negative weights", () => {
    expect(() => weightedMean([{ score: 40, weight: -1 }])).toThrow(RangeError);
  });
});
