import { logGamma, regularizedBeta, regularizedGamma } from "@survey/stats";
import { describe, expect, it } from "vitest";
import { hypergeometricUpper, logChoose, normalUpper, studentTUpper } from "./distributions";
import { relativeError } from "./rank-test-data";

// Reference values: scipy 1.10 (/usr/bin/python3, Debian python3-scipy) and R 4.x, calls named per case.
describe("distribution functions", () => {
  it("logGamma = scipy.special.gammaln", () => {
    const cases: [number, number][] = [
      [0.5, 0.5723649429247], // gammaln(0.5) = ln √π
      [17.5, 32.08111489594736], // gammaln(17.5)
      [100.25, 360.28455963776423], // gammaln(100.25)
      [1e-3, 6.907178885383853], // gammaln(1e-3)
    ];
    for (const [x, expected] of cases) expect(relativeError(logGamma(x), expected)).toBeLessThan(1e-13);
    expect(logGamma(1)).toBeCloseTo(0, 14);
    expect(logGamma(6)).toBeCloseTo(Math.log(120), 13);
  });

  // The t and normal tails here are built on @survey/stats' incomplete beta and gamma: checked here too.
  it("regularizedBeta = scipy.special.betainc(a, b, x)", () => {
    expect(relativeError(regularizedBeta(0.3, 2.5, 0.5).lower, 0.01892712407194565)).toBeLessThan(1e-12);
    expect(relativeError(regularizedBeta(0.9, 7.5, 0.5).lower, 0.2162483651372665)).toBeLessThan(1e-12);
    expect(relativeError(regularizedBeta(0.01, 0.5, 30).lower, 0.5606656310947489)).toBeLessThan(1e-12);
    expect(regularizedBeta(0, 2, 3).lower).toBe(0);
    expect(regularizedBeta(1, 2, 3).lower).toBe(1);
    expect(() => regularizedBeta(1.5, 2, 3)).toThrow(RangeError);
  });

  it("regularizedGamma upper = scipy.special.gammaincc(a, x)", () => {
    expect(relativeError(regularizedGamma(0.5, 0.2).upper, 0.5270892568655381)).toBeLessThan(1e-12);
    expect(relativeError(regularizedGamma(0.5, 5).upper, 0.001565402258002549)).toBeLessThan(1e-12);
    expect(relativeError(regularizedGamma(3, 2.5).upper, 0.5438131158833297)).toBeLessThan(1e-12);
  });

  it("studentTUpper = scipy.stats.t.sf(t, df) = R pt(t, df, lower.tail = FALSE)", () => {
    const cases: [number, number, number][] = [
      [2.1, 15, 0.02652762807602138],
      [-0.7, 3, 0.7328365008476182],
      [8.5, 15, 2.024744909626158e-7],
      [0.3, 1, 0.4072264209222577],
      [40, 15, 5.845330620433175e-17],
    ];
    for (const [t, df, expected] of cases) expect(relativeError(studentTUpper(t, df), expected)).toBeLessThan(1e-11);
    expect(studentTUpper(0, 7)).toBeCloseTo(0.5, 15);
    expect(studentTUpper(Number.POSITIVE_INFINITY, 7)).toBe(0);
  });

  it("normalUpper = scipy.stats.norm.sf(z) = R pnorm(z, lower.tail = FALSE)", () => {
    const cases: [number, number][] = [
      [1.96, 0.024997895148220435],
      [-0.5, 0.6914624612740131],
      [6, 9.865876450376946e-10],
      [0.01, 0.4960106436853684],
      [12, 1.776482112077653e-33],
    ];
    for (const [z, expected] of cases) expect(relativeError(normalUpper(z), expected)).toBeLessThan(1e-12);
    expect(normalUpper(0)).toBeCloseTo(0.5, 15);
  });

  it("hypergeometricUpper P(X ≥ x) = scipy.stats.hypergeom.sf(x − 1, N, K, n) = R phyper(x − 1, K, N − K, n, lower.tail = FALSE)", () => {
    expect(relativeError(hypergeometricUpper(3, 17, 5, 5), 0.1165158371040724)).toBeLessThan(1e-12);
    expect(relativeError(hypergeometricUpper(1, 17, 5, 5), 0.8720103425985779)).toBeLessThan(1e-12);
    expect(relativeError(hypergeometricUpper(5, 17, 5, 5), 0.00016160310277957336)).toBeLessThan(1e-12);
    expect(relativeError(hypergeometricUpper(3, 17, 6, 5), 0.20539754363283771)).toBeLessThan(1e-12);
  });

  it("hypergeometricUpper by hand: 17 towns, bottom 5 of each, overlap ≥ 3", () => {
    // [C(5,3)C(12,2) + C(5,4)C(12,1) + C(5,5)C(12,0)] / C(17,5) = (660 + 60 + 1) / 6188
    expect(hypergeometricUpper(3, 17, 5, 5)).toBeCloseTo(721 / 6188, 14);
    // all five the same: 1 / C(17,5)
    expect(hypergeometricUpper(5, 17, 5, 5)).toBeCloseTo(1 / 6188, 16);
    expect(hypergeometricUpper(0, 17, 5, 5)).toBe(1);
    expect(hypergeometricUpper(6, 17, 5, 5)).toBe(0);
    // 10 towns, bottom 6 and 6: overlap is at least 2 by force
    expect(hypergeometricUpper(2, 10, 6, 6)).toBe(1);
    expect(() => hypergeometricUpper(1, 5, 6, 2)).toThrow(RangeError);
  });

  it("logChoose", () => {
    expect(Math.exp(logChoose(17, 5))).toBeCloseTo(6188, 8);
    expect(logChoose(3, 4)).toBe(Number.NEGATIVE_INFINITY);
  });
});
