import { describe, expect, it } from "vitest";
import { type Claimant, largestRemainder } from "./largest-remainder";

const claimant = (code: string, weight: number, population = weight): Claimant => ({ code, weight, population });

describe("largestRemainder", () => {
  it("gives the floors, then the units left to the largest remainders", () => {
    // Exact shares 2.8, 2.45, 1.75: floors 2, 2, 1 and two units left, for .8 and .75.
    expect(largestRemainder(7, [claimant("a", 40), claimant("b", 35), claimant("c", 25)])).toEqual([3, 2, 2]);
    // Exact shares 3.3, 3.3, 3.4: one unit left, for .4.
    expect(largestRemainder(10, [claimant("a", 33), claimant("b", 33), claimant("c", 34)])).toEqual([3, 3, 4]);
  });

  it("breaks equal remainders by population, then by code", () => {
    const byPopulation = [claimant("a", 1, 10), claimant("b", 1, 30), claimant("c", 1, 20)];
    expect(largestRemainder(4, byPopulation)).toEqual([1, 2, 1]);
    expect(largestRemainder(5, byPopulation)).toEqual([1, 2, 2]);
    const byCode = [claimant("c", 1, 0), claimant("a", 1, 0), claimant("b", 1, 0)];
    expect(largestRemainder(4, byCode)).toEqual([1, 2, 1]);
    expect(largestRemainder(5, byCode)).toEqual([1, 2, 2]);
  });

  it("gives nothing to a claimant of weight 0", () => {
    expect(largestRemainder(5, [claimant("a", 0), claimant("b", 3), claimant("c", 3)])).toEqual([0, 3, 2]);
  });

  it("handles a total of 0 and refuses a positive total over zero weights", () => {
    expect(largestRemainder(0, [claimant("a", 0), claimant("b", 0)])).toEqual([0, 0]);
    expect(() => largestRemainder(3, [claimant("a", 0)])).toThrow(RangeError);
    expect(() => largestRemainder(3, [])).toThrow(RangeError);
  });

  it("stays exact when total × weight exceeds 2^53", () => {
    const weights = [claimant("a", 4_000_000_000_001), claimant("b", 5_999_999_999_999)];
    const shares = largestRemainder(1_000_001, weights);
    // Exact shares 400000.40000004… and 600000.59999995…: the unit left goes to b.
    expect(shares).toEqual([400_000, 600_001]);
  });
});
