import { describe, expect, it } from "vitest";
import { estimateFromVariance } from "./estimate";
import { itemMean } from "./item-estimation";
import { REFERENCE_POPULATIONS, readReferenceRespondents, referenceSample } from "./reference-data.fixture";
import { itemScores } from "./scoring";
import { compareTownsWithDistrict } from "./town-comparison";

/**
 * From packages/stats/reference/town-comparison.R:
 *   by_town <- svyby(~y1, ~town, design, svyratio, denominator=~v1, covmat=TRUE)   (item q1 per town)
 *   svycontrast(by_town, d_h contrast) and svycontrast(by_town, W).
 */
const R_TOWNS = {
  A: [57.5, 5.33080368694233],
  B: [66.6666666666667, 9.17039639457695],
  C: [41.6666666666667, 9.31969295502978],
};
const R_DIFFERENCES = {
  A: [-3.23459715639811, 6.9971017681219],
  B: [5.93206951026856, 4.07596333703899],
  C: [-19.0679304897314, 9.79201148545359],
};
const R_DISTRICT = [60.7345971563981, 5.87781245573286];

const close = (actual: number, expected: number) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(expected)));

describe("compareTownsWithDistrict", () => {
  const respondents = readReferenceRespondents();
  const towns = Object.keys(REFERENCE_POPULATIONS).map((town) => {
    const own = respondents.filter((r) => r.town === town);
    const estimate = itemMean(referenceSample(own), itemScores(own.map((r) => r.answers[0])));
    return { stratum: town, estimate, population: REFERENCE_POPULATIONS[town] as number };
  });

  it("town figures are the towns' own estimates as in R svyby", () => {
    for (const town of towns) {
      const [mean, se] = R_TOWNS[town.stratum as keyof typeof R_TOWNS];
      close(town.estimate.mean, mean as number);
      close(town.estimate.se, se as number);
    }
  });

  it("differences, their SEs and the district figure match R svycontrast", () => {
    const comparison = compareTownsWithDistrict(towns);
    close(comparison.district.mean, R_DISTRICT[0] as number);
    close(comparison.district.se, R_DISTRICT[1] as number);
    for (const town of comparison.towns) {
      const [difference, se] = R_DIFFERENCES[town.stratum as keyof typeof R_DIFFERENCES];
      close(town.mean, difference as number);
      close(town.se, se as number);
      expect(town.ciLow).toBeCloseTo(town.mean - 1.96 * town.se, 12);
    }
    // C: −19.07 / 9.79 = −1.947, just inside the 1.96 band.
    expect(comparison.towns.map((t) => t.significance)).toEqual([
      "not_significant",
      "not_significant",
      "not_significant",
    ]);
  });

  it("flags towns significantly above or below", () => {
    const comparison = compareTownsWithDistrict([
      { stratum: "high", estimate: estimateFromVariance(80, 4, 200), population: 1000 },
      { stratum: "mid", estimate: estimateFromVariance(70, 4, 200), population: 2000 },
      { stratum: "low", estimate: estimateFromVariance(60, 4, 200), population: 1000 },
    ]);
    expect(comparison.district.mean).toBeCloseTo(70, 12);
    const [high, mid, low] = comparison.towns;
    expect(high?.significance).toBe("above");
    expect(low?.significance).toBe("below");
    expect(mid?.significance).toBe("not_significant");
    // d = 10, Var = 0.75²·4 + 0.5²·4 + 0.25²·4 = 3.5
    expect(high?.se).toBeCloseTo(Math.sqrt(3.5), 12);
    expect(high?.z).toBeCloseTo(10 / Math.sqrt(3.5), 12);
    expect(high?.pValue).toBeLessThan(1e-6);
  });

  it("handles zero variance and rejects bad input", () => {
    const exact = compareTownsWithDistrict([
      { stratum: "a", estimate: estimateFromVariance(50, 0, 10), population: 10 },
      { stratum: "b", estimate: estimateFromVariance(60, 0, 10), population: 10 },
    ]);
    expect(exact.towns.map((t) => [t.z, t.significance])).toEqual([
      [null, "below"],
      [null, "above"],
    ]);
    expect(() => compareTownsWithDistrict([])).toThrow(RangeError);
    const town = { stratum: "a", estimate: estimateFromVariance(50, 1, 10), population: 10 };
    expect(() => compareTownsWithDistrict([town, town])).toThrow(/twice/);
    expect(() => compareTownsWithDistrict([{ ...town, population: 0 }])).toThrow(/population/);
  });
});
