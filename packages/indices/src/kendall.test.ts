import { describe, expect, it } from "vitest";
import { concordantPairsCdf, kendall } from "./kendall";
import {
  OBJECTIVE,
  OBJECTIVE_MODERATE,
  OBJECTIVE_TIED,
  relativeError,
  SATISFACTION,
  SATISFACTION_TIED,
  SMALL_TIED_X,
  SMALL_TIED_Y,
  WEAK_A,
  WEAK_B,
} from "./rank-test-data";

const TOL = 1e-10;

describe('kendall τ_b, against R cor.test(method = "kendall") and scipy.stats.kendalltau', () => {
  it("exact = FALSE: normal approximation, equal to scipy kendalltau(method='asymptotic')", () => {
    // R: cor.test(SATISFACTION, OBJECTIVE, method="kendall", exact=FALSE) → tau 0.73529411764705888,
    //    z 4.119262772858173, p 3.8008650593511525e-05; scipy asymptotic → 3.8008650593511464e-05
    const strong = kendall(SATISFACTION, OBJECTIVE, { exact: false });
    expect(strong.pValueMethod).toBe("normal-approximation");
    expect(relativeError(strong.tau, 0.73529411764705888)).toBeLessThan(1e-14);
    expect(relativeError(strong.statistic, 4.119262772858173)).toBeLessThan(1e-12);
    expect(relativeError(strong.pValue as number, 3.8008650593511525e-5)).toBeLessThan(TOL);
    // R exact=FALSE → 0.048013815495715005; scipy asymptotic → 0.04801381549571499
    const moderate = kendall(SATISFACTION, OBJECTIVE_MODERATE, { exact: false });
    expect(relativeError(moderate.pValue as number, 0.048013815495715005)).toBeLessThan(TOL);
    // R: cor.test(WEAK_A, WEAK_B, method="kendall", exact=FALSE) → tau -0.5, z -2.8010986855435576, p 0.0050928942059805674
    const negative = kendall(WEAK_A, WEAK_B, { exact: false });
    expect(negative.tau).toBeCloseTo(-0.5, 14);
    expect(relativeError(negative.statistic, -2.8010986855435576)).toBeLessThan(1e-12);
    expect(relativeError(negative.pValue as number, 0.0050928942059805674)).toBeLessThan(TOL);
  });

  it("R's default without ties and n < 50 is the exact distribution", () => {
    // R: cor.test(SATISFACTION, OBJECTIVE, method="kendall") → T 118, p 6.6254254209585639e-06
    //    (scipy kendalltau(method='exact') → 6.6254254208949975e-06; they differ in the 11th digit)
    const strong = kendall(SATISFACTION, OBJECTIVE);
    expect(strong.pValueMethod).toBe("exact");
    expect(strong.statistic).toBe(118);
    expect(relativeError(strong.pValue as number, 6.6254254209585639e-6)).toBeLessThan(1e-9);
    // R default → T 92, p 0.051753249459077555; scipy exact → 0.05175324945907756
    const moderate = kendall(SATISFACTION, OBJECTIVE_MODERATE);
    expect(moderate.statistic).toBe(92);
    expect(relativeError(moderate.pValue as number, 0.051753249459077555)).toBeLessThan(TOL);
    // R: cor.test(WEAK_A, WEAK_B, method="kendall") → T 34, p 0.004507537046975066
    const negative = kendall(WEAK_A, WEAK_B);
    expect(negative.statistic).toBe(34);
    expect(relativeError(negative.pValue as number, 0.004507537046975066)).toBeLessThan(TOL);
  });

  it("with ties: τ_b and the tie-corrected variance", () => {
    // R: cor.test(SATISFACTION_TIED, OBJECTIVE_TIED, method="kendall") → tau 0.77736402539546323,
    //    z 4.2679419115050221, p 1.9728468114511409e-05; scipy asymptotic → 0.7773640253954633, 1.972846811451143e-05
    const r = kendall(SATISFACTION_TIED, OBJECTIVE_TIED);
    expect(r.ties).toBe(true);
    expect(r.pValueMethod).toBe("normal-approximation");
    expect(relativeError(r.tau, 0.77736402539546323)).toBeLessThan(1e-14);
    expect(relativeError(r.statistic, 4.2679419115050221)).toBeLessThan(1e-12);
    expect(relativeError(r.pValue as number, 1.9728468114511409e-5)).toBeLessThan(TOL);
    // R: cor.test(c(70,68,75,70,67,74,65), c(78,70,80,69,65,75,60), method="kendall") → tau 0.78072005835882641,
    //    p 0.015074907310598079; scipy asymptotic → 0.015074907310598044
    const small = kendall(SMALL_TIED_X, SMALL_TIED_Y);
    expect(relativeError(small.tau, 0.78072005835882641)).toBeLessThan(1e-14);
    expect(relativeError(small.pValue as number, 0.015074907310598079)).toBeLessThan(TOL);
  });

  it("hand-worked: 4 pairs, one discordant", () => {
    // pairs (1,1),(2,3),(3,2),(4,4): concordant 5, discordant 1 → τ = 4/6
    const r = kendall([1, 2, 3, 4], [1, 3, 2, 4]);
    expect(r.tau).toBeCloseTo(4 / 6, 15);
    // exact: T = 5 concordant of 6; P(T ≥ 5) = (1 + 3)/24 (inversions 0 or 1), doubled
    expect(r.pValue).toBeCloseTo((2 * 4) / 24, 15);
  });

  it("from n = 50 R's default switches to the normal approximation", () => {
    const x = Array.from({ length: 50 }, (_, i) => i);
    const y = x.map((i) => (i * 7) % 50);
    expect(kendall(x, y).pValueMethod).toBe("normal-approximation");
    expect(kendall(x.slice(0, 49), y.slice(0, 49)).pValueMethod).toBe("exact");
  });

  it("a constant variable has no τ", () => {
    const r = kendall([2, 2, 2], [1, 2, 3]);
    expect(Number.isNaN(r.tau)).toBe(true);
    expect(r.pValue).toBeNull();
  });
});

describe("concordantPairsCdf", () => {
  it("matches the Mahonian numbers for n = 4 (1, 3, 5, 6, 5, 3, 1)", () => {
    const counts = [1, 3, 5, 6, 5, 3, 1];
    let running = 0;
    counts.forEach((c, q) => {
      running += c;
      expect(concordantPairsCdf(q, 4)).toBeCloseTo(running / 24, 15);
    });
    expect(concordantPairsCdf(-1, 4)).toBe(0);
    expect(concordantPairsCdf(6, 4)).toBe(1);
  });
});
