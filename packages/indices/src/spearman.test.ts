import { describe, expect, it } from "vitest";
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
import { prho, spearman } from "./spearman";

const TOL = 1e-10;

describe('spearman, against R cor.test(x, y, method = "spearman")', () => {
  it("17 towns without ties: R's default uses AS 89 Edgeworth (lower tail)", () => {
    // R: cor.test(SATISFACTION, OBJECTIVE_MODERATE, method="spearman") → rho 0.51225490196078438, S 398, p 0.03760093004041222
    const r = spearman(SATISFACTION, OBJECTIVE_MODERATE);
    expect(r.pValueMethod).toBe("as89-edgeworth");
    expect(relativeError(r.rho, 0.51225490196078438)).toBeLessThan(1e-14);
    expect(r.statistic).toBeCloseTo(398, 9);
    expect(relativeError(r.pValue as number, 0.03760093004041222)).toBeLessThan(TOL);
  });

  it("17 towns without ties, negative ρ: Edgeworth upper tail", () => {
    // R: cor.test(WEAK_A, WEAK_B, method="spearman") → rho -0.60294117647058831, S 1308, p 0.01200468718614672
    const r = spearman(WEAK_A, WEAK_B);
    expect(r.pValueMethod).toBe("as89-edgeworth");
    expect(relativeError(r.rho, -0.60294117647058831)).toBeLessThan(1e-14);
    expect(relativeError(r.pValue as number, 0.01200468718614672)).toBeLessThan(TOL);
  });

  it("strong agreement: the Edgeworth series goes below 0 and R reports p = 0, as we do", () => {
    // R: cor.test(SATISFACTION, OBJECTIVE, method="spearman")$p.value → 0 (printed "p-value < 2.2e-16")
    // and cor.test(SATISFACTION, -OBJECTIVE, method="spearman")$p.value → 0
    expect(spearman(SATISFACTION, OBJECTIVE).pValue).toBe(0);
    expect(
      spearman(
        SATISFACTION,
        OBJECTIVE.map((v) => -v),
      ).pValue,
    ).toBe(0);
  });

  it("exact = FALSE uses the t approximation, equal to scipy.stats.spearmanr", () => {
    // R: cor.test(SATISFACTION, OBJECTIVE, method="spearman", exact=FALSE) → p 2.3891646531097106e-06
    // scipy: spearmanr(SATISFACTION, OBJECTIVE).pvalue → 2.389164653109702e-06
    const strong = spearman(SATISFACTION, OBJECTIVE, { exact: false });
    expect(strong.pValueMethod).toBe("t-approximation");
    expect(relativeError(strong.rho, 0.88480392156862753)).toBeLessThan(1e-14);
    expect(relativeError(strong.pValue as number, 2.3891646531097106e-6)).toBeLessThan(TOL);
    // R: exact=FALSE → 0.035526524116890931; scipy → 0.03552652411689097
    const moderate = spearman(SATISFACTION, OBJECTIVE_MODERATE, { exact: false });
    expect(relativeError(moderate.pValue as number, 0.035526524116890931)).toBeLessThan(TOL);
    // R: cor.test(WEAK_A, WEAK_B, method="spearman", exact=FALSE) → 0.010406870395559797
    const negative = spearman(WEAK_A, WEAK_B, { exact: false });
    expect(relativeError(negative.pValue as number, 0.010406870395559797)).toBeLessThan(TOL);
  });

  it("17 towns with ties: mid-ranks, and R falls back to the t approximation", () => {
    // R: cor.test(SATISFACTION_TIED, OBJECTIVE_TIED, method="spearman") (warns "Cannot compute exact p-value with ties")
    //    → rho 0.90092324751211017, p 8.0953647335322841e-07; scipy spearmanr → 0.9009232475121103, 8.09536473353221e-07
    const r = spearman(SATISFACTION_TIED, OBJECTIVE_TIED);
    expect(r.ties).toBe(true);
    expect(r.pValueMethod).toBe("t-approximation");
    expect(relativeError(r.rho, 0.90092324751211017)).toBeLessThan(1e-14);
    expect(relativeError(r.pValue as number, 8.0953647335322841e-7)).toBeLessThan(TOL);
  });

  it("n ≤ 9 without ties: exact permutation distribution", () => {
    // R: cor.test(SATISFACTION[1:7], OBJECTIVE[1:7], method="spearman") → rho 0.92857142857142827, p 0.0067460317460317464
    const seven = spearman(SATISFACTION.slice(0, 7), OBJECTIVE.slice(0, 7));
    expect(seven.pValueMethod).toBe("exact-permutation");
    expect(relativeError(seven.pValue as number, 0.0067460317460317464)).toBeLessThan(1e-13);
    // R: cor.test(WEAK_A[1:9], WEAK_B[1:9], method="spearman") → rho -0.41666666666666669, p 0.26958223104056439
    const nine = spearman(WEAK_A.slice(0, 9), WEAK_B.slice(0, 9));
    expect(relativeError(nine.rho, -0.41666666666666669)).toBeLessThan(1e-14);
    expect(relativeError(nine.pValue as number, 0.26958223104056439)).toBeLessThan(1e-13);
    // R: cor.test(c(1,2,3,4,5), c(2,1,4,3,5), method="spearman") → p 0.13333333333333333 (= 16/120)
    expect(relativeError(spearman([1, 2, 3, 4, 5], [2, 1, 4, 3, 5]).pValue as number, 16 / 120)).toBeLessThan(1e-13);
    // R: cor.test(SATISFACTION[1:10], OBJECTIVE[1:10], method="spearman") → p 0.0019770587107552032 (Edgeworth from 10)
    const ten = spearman(SATISFACTION.slice(0, 10), OBJECTIVE.slice(0, 10));
    expect(ten.pValueMethod).toBe("as89-edgeworth");
    expect(relativeError(ten.pValue as number, 0.0019770587107552032)).toBeLessThan(TOL);
  });

  it("seven towns with a tie use the t approximation", () => {
    // R: cor.test(c(70,68,75,70,67,74,65), c(78,70,80,69,65,75,60), method="spearman") → rho 0.88291871344164763,
    //    p 0.0084503423818966562; scipy spearmanr → 0.8829187134416479, 0.008450342381896611
    const r = spearman(SMALL_TIED_X, SMALL_TIED_Y);
    expect(r.pValueMethod).toBe("t-approximation");
    expect(relativeError(r.rho, 0.88291871344164763)).toBeLessThan(1e-14);
    expect(relativeError(r.pValue as number, 0.0084503423818966562)).toBeLessThan(TOL);
  });

  it("above n = 1290 R uses the t approximation even without ties", () => {
    const x = Array.from({ length: 1291 }, (_, i) => i);
    const y = x.map((i) => (i * 37) % 1291);
    expect(spearman(x, y).pValueMethod).toBe("t-approximation");
    expect(spearman(x.slice(0, 1290), y.slice(0, 1290)).pValueMethod).toBe("as89-edgeworth");
  });

  it("a constant variable has no ρ and no p-value", () => {
    const r = spearman([1, 1, 1, 1], [1, 2, 3, 4]);
    expect(Number.isNaN(r.rho)).toBe(true);
    expect(r.pValue).toBeNull();
  });

  it("perfect agreement on the t path gives p = 0 and ρ = 1", () => {
    const r = spearman([1, 2, 2, 4, 5], [10, 20, 20, 40, 50]);
    expect(r.rho).toBeCloseTo(1, 14);
    expect(r.pValue).toBe(0);
  });

  it("rejects mismatched or too short input", () => {
    expect(() => spearman([1, 2], [1])).toThrow(RangeError);
    expect(() => spearman([1], [1])).toThrow(RangeError);
  });
});

describe("prho (AS 89) boundaries", () => {
  it("S at or below 0 and above the maximum", () => {
    expect(prho(5, 0, false)).toBe(1);
    expect(prho(5, 0, true)).toBe(0);
    // max S for n = 5 is (125 − 5)/3 = 40
    expect(prho(5, 42, false)).toBe(0);
    expect(prho(5, 42, true)).toBe(1);
    // exactly the maximum: only the reversed permutation reaches it
    expect(prho(5, 40, false)).toBeCloseTo(1 / 120, 15);
  });
});
