import { describe, expect, it } from "vitest";
import { multiply, solve, trace, transpose } from "./linear-algebra";

describe("linear algebra", () => {
  it("solves a system that needs pivoting", () => {
    const a = [
      [0, 2, 1],
      [1, 1, 0],
      [3, 0, 4],
    ];
    const b = [[5], [3], [10]];
    const x = solve(a, b);
    const back = multiply(a, x);
    back.forEach((row, i) => {
      expect(row[0]).toBeCloseTo((b[i] as number[])[0] as number, 12);
    });
  });

  it("solves for several right-hand sides", () => {
    const a = [
      [4, 1],
      [2, 3],
    ];
    expect(
      solve(a, [
        [1, 0],
        [0, 1],
      ])
        .flat()
        .map((v) => Number(v.toFixed(12))),
    ).toEqual([0.3, -0.1, -0.2, 0.4]);
  });

  it("rejects singular and non-square systems", () => {
    expect(() =>
      solve(
        [
          [1, 2],
          [2, 4],
        ],
        [[1], [2]],
      ),
    ).toThrow(/singular/);
    expect(() => solve([[1, 2]], [[1]])).toThrow(RangeError);
  });

  it("transposes, multiplies and traces", () => {
    const a = [
      [1, 2, 3],
      [4, 5, 6],
    ];
    expect(transpose(a)).toEqual([
      [1, 4],
      [2, 5],
      [3, 6],
    ]);
    expect(trace(multiply(a, transpose(a)))).toBe(1 + 4 + 9 + 16 + 25 + 36);
  });
});
