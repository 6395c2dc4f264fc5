import { describe, expect, it } from "vitest";
import {
  chiSquareUpperTail,
  fUpperTail,
  logGamma,
  normalTwoSidedP,
  normalUpperTail,
  regularizedBeta,
  regularizedGamma,
} from "./distributions";

// Expected values: packages/stats/reference/distributions.R (R 4.2, pchisq / pf / pnorm / lgamma).
function expectRelative(actual: number, expected: number, tolerance = 1e-9): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.abs(expected));
}

describe("logGamma", () => {
  it.each([
    [0.1, 2.252712651734206],
    [0.5, 0.57236494292470008],
    [1.7, -0.095807697407065878],
    [12.25, 18.115669505710894],
    [3000.5, 21020.021627595055],
  ])("lgamma(%f) as R", (x, expected) => expectRelative(logGamma(x), expected, 1e-13));

  it("rejects non-positive arguments", () => {
    expect(() => logGamma(0)).toThrow(RangeError);
    expect(() => logGamma(-1)).toThrow(RangeError);
  });
});

describe("chiSquareUpperTail", () => {
  it.each([
    [0.5, 1, 0.47950012218695348],
    [3.84, 1, 0.050043521248705224],
    [10, 4, 0.040427681994512805],
    [2.3, 2.5, 0.4162570921496756],
    [60, 10, 3.6243009520614891e-9],
    [150, 3, 2.6349139284880449e-32],
    [0.01, 7, 0.99999999924305893],
    [1200, 1000, 1.2255942330622908e-5],
    [45.2, 0.7, 7.710094479154835e-12],
  ])("pchisq(%f, %f, lower.tail=FALSE)", (x, df, expected) => expectRelative(chiSquareUpperTail(x, df), expected));

  it("is 1 at and below zero", () => {
    expect(chiSquareUpperTail(0, 3)).toBe(1);
    expect(chiSquareUpperTail(-1, 3)).toBe(1);
  });
});

describe("fUpperTail", () => {
  it.each([
    [1.5, 2, 10, 0.2693290743429041],
    [3.1, 1.73, 29.4, 0.06665503463182848],
    [0.2, 4, 40, 0.93688165981709992],
    [12, 3.3, 150.2, 1.6108471609908892e-7],
    [2.05, 5.9, 5900, 0.056935548704947839],
    [40, 2, 2000, 9.2610600709618089e-18],
    [0.97, 0.6, 11.8, 0.29275523310803653],
    [1.02, 250, 300, 0.4336514841766021],
  ])("pf(%f, %f, %f, lower.tail=FALSE)", (f, df1, df2, expected) => expectRelative(fUpperTail(f, df1, df2), expected));

  it("rejects non-positive degrees of freedom", () => {
    expect(() => fUpperTail(1, 0, 3)).toThrow(RangeError);
    expect(() => fUpperTail(1, 2, Number.NaN)).toThrow(RangeError);
  });
});

describe("normalUpperTail", () => {
  it.each([
    [-2.5, 0.99379033467422384],
    [-0.3, 0.61791142218895267],
    [0.7, 0.24196365222307298],
    [1.96, 0.024997895148220428],
    [4.1, 2.0657506912546771e-5],
    [9, 1.1285884059538408e-19],
  ])("pnorm(%f, lower.tail=FALSE)", (z, expected) => expectRelative(normalUpperTail(z), expected));

  it("gives the two-sided p of 1.96 as 0.05", () => {
    expectRelative(normalTwoSidedP(-1.96), 2 * 0.024997895148220428);
    expect(normalTwoSidedP(0)).toBe(1);
  });
});

describe("complements", () => {
  it("lower + upper = 1 on both sides of the switch point", () => {
    for (const [x, a, b] of [
      [0.1, 2, 3],
      [0.9, 2, 3],
      [0.5, 0.3, 0.4],
    ] as const) {
      const tails = regularizedBeta(x, a, b);
      expect(tails.lower + tails.upper).toBeCloseTo(1, 14);
    }
    for (const [a, x] of [
      [2, 0.5],
      [2, 9],
    ] as const) {
      const tails = regularizedGamma(a, x);
      expect(tails.lower + tails.upper).toBeCloseTo(1, 14);
    }
  });

  it("I_x(a, b) = 1 − I_{1−x}(b, a)", () => {
    const left = regularizedBeta(0.3, 2.5, 7).lower;
    const right = regularizedBeta(0.7, 7, 2.5).upper;
    expectRelative(left, right, 1e-13);
  });
});
