import { describe, expect, it } from "vitest";
import { cappedProportionalQuotas } from "./capped-proportional";
import type { CommunityFrame } from "./types";

function communities(populations: number[], caps: number[] | number): CommunityFrame[] {
  return populations.map((population, index) => ({
    code: `c${String(index).padStart(3, "0")}`,
    name: `社区${index}`,
    population,
    cap: Array.isArray(caps) ? (caps[index] ?? 0) : caps,
  }));
}

/** Deterministic pseudo-random numbers (mulberry32), so a failing case can be replayed. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

/** Each community with its quota; -1 marks a missing quota so that every check below fails on it. */
function withQuotas(target: number, frame: CommunityFrame[]) {
  const quotas = cappedProportionalQuotas(target, frame);
  return frame.map((community, index) => ({ ...community, quota: quotas[index] ?? -1 }));
}

describe("cappedProportionalQuotas: worked examples", () => {
  it("is plain largest remainder when no cap binds", () => {
    // Exact shares 8, 6.4, 5.6: floors 8, 6, 5 and one unit for .6.
    expect(cappedProportionalQuotas(20, communities([500, 400, 350], 20))).toEqual([8, 6, 6]);
  });

  it("fixes a community at its cap and shares the rest among the others", () => {
    // Shares 8, 1, 1: the first is capped at 5; 5 left for two equal communities, the tie goes to the lower code.
    expect(cappedProportionalQuotas(10, communities([80, 10, 10], 5))).toEqual([5, 3, 2]);
  });

  it("repeats when sharing the excess pushes others over their caps", () => {
    // Round 1: shares 7.2, 2.4, 1.8, 0.6 → the first is capped at 5.
    // Round 2: 7 left over populations 20, 15, 5 → 3.5 ≥ 3 and 2.625 ≥ 2 are capped. Round 3: 2 left for the last.
    expect(cappedProportionalQuotas(12, communities([60, 20, 15, 5], [5, 3, 2, 100]))).toEqual([5, 3, 2, 2]);
  });

  it("gives every community its cap when the caps cannot reach the target, or just reach it", () => {
    expect(cappedProportionalQuotas(200, communities([900, 100, 10], 20))).toEqual([20, 20, 20]);
    expect(cappedProportionalQuotas(60, communities([900, 100, 10], 20))).toEqual([20, 20, 20]);
  });

  it("gives nothing to a community with cap 0, however large", () => {
    expect(cappedProportionalQuotas(10, communities([1000, 10, 10], [0, 20, 20]))).toEqual([0, 5, 5]);
  });

  it("gives zero-population communities nothing until the populated ones are full", () => {
    expect(cappedProportionalQuotas(5, communities([0, 100], 10))).toEqual([0, 5]);
    expect(cappedProportionalQuotas(5, communities([0, 100, 0], [10, 3, 10]))).toEqual([1, 3, 1]);
    expect(cappedProportionalQuotas(5, communities([0, 0, 0], 10))).toEqual([2, 2, 1]);
  });

  it("returns nothing for no communities and zeros for target 0", () => {
    expect(cappedProportionalQuotas(200, [])).toEqual([]);
    expect(cappedProportionalQuotas(0, communities([5, 10], 20))).toEqual([0, 0]);
  });
});

describe("cappedProportionalQuotas: properties over 2,000 random towns", () => {
  const random = seededRandom(20240615);
  const integer = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  const towns = Array.from({ length: 2000 }, () => {
    const count = integer(0, 30);
    const populations = Array.from({ length: count }, () =>
      random() < 0.1 ? 0 : integer(1, random() < 0.2 ? 50_000 : 5_000),
    );
    const caps = Array.from({ length: count }, () => (random() < 0.3 ? integer(0, 40) : 20));
    return { target: integer(0, 400), frame: communities(populations, caps) };
  });

  it("never exceeds a cap, never goes negative, and sums to min(target, Σ caps)", () => {
    const violations: string[] = [];
    towns.forEach(({ target, frame }, town) => {
      const rows = withQuotas(target, frame);
      for (const { code, quota, cap } of rows) {
        if (!Number.isInteger(quota) || quota < 0 || quota > cap) violations.push(`${town}/${code}`);
      }
      const capacity = sum(frame.map((community) => community.cap));
      if (sum(rows.map((row) => row.quota)) !== Math.min(target, capacity)) violations.push(`${town}`);
    });
    expect(violations).toEqual([]);
  });

  it("stays within ±1 of the exact proportional share when no cap binds", () => {
    const violations: string[] = [];
    let checked = 0;
    towns.forEach(({ target, frame }, town) => {
      const population = sum(frame.map((community) => community.population));
      if (population === 0) return;
      const share = (community: CommunityFrame) => (target * community.population) / population;
      if (frame.some((community) => share(community) >= community.cap)) return;
      checked++;
      for (const row of withQuotas(target, frame)) {
        if (Math.abs(row.quota - share(row)) >= 1) violations.push(`${town}/${row.code}`);
      }
    });
    expect(checked).toBeGreaterThan(100);
    expect(violations).toEqual([]);
  });

  it("serves no community more than one unit above the rate of a community still below its cap", () => {
    const violations: string[] = [];
    towns.forEach(({ target, frame }, town) => {
      const rows = withQuotas(target, frame);
      for (const open of rows) {
        if (open.quota >= open.cap || open.population === 0) continue;
        for (const other of rows) {
          // q_other < p_other (q_open + 1) / p_open + 1, multiplied out to stay in integers.
          if ((other.quota - 1) * open.population >= other.population * (open.quota + 1)) {
            violations.push(`${town}: ${other.code} over ${open.code}`);
          }
        }
      }
    });
    expect(violations).toEqual([]);
  });

  it("does not depend on the order in which communities are listed", () => {
    const violations: string[] = [];
    towns.forEach(({ target, frame }, town) => {
      const quotas = cappedProportionalQuotas(target, frame);
      const reversed = [...frame].reverse();
      const reversedQuotas = cappedProportionalQuotas(target, reversed);
      const byCode = new Map(reversed.map((community, index) => [community.code, reversedQuotas[index]]));
      frame.forEach((community, index) => {
        if (byCode.get(community.code) !== quotas[index]) violations.push(`${town}/${community.code}`);
      });
    });
    expect(violations).toEqual([]);
  });
});
