import { describe, expect, it } from "vitest";
import { capPlan, proportionalPlan } from "./plans";
import type { CommunityFrame, TownFrame } from "./types";

const settings = { communityCap: 20 };

function town(name: string, target: number, communities: CommunityFrame[], code = name): TownFrame {
  return { code, name, target, communities };
}

function uniform(count: number, cap: number, population = (index: number) => 1000 + index * 137): CommunityFrame[] {
  return Array.from({ length: count }, (_, index) => ({
    code: `c${String(index).padStart(2, "0")}`,
    name: `第${index + 1}居委会`,
    population: population(index),
    cap,
  }));
}

describe("capPlan", () => {
  it("lets every community take up to its cap and says the town can reach its target", () => {
    const plan = capPlan([town("石湖荡镇", 200, uniform(12, 20))], settings);
    expect(plan.kind).toBe("cap");
    const [shihudang] = plan.towns;
    expect(shihudang).toMatchObject({
      name: "石湖荡镇",
      target: 200,
      communityCount: 12,
      capacity: 240,
      planned: 200,
      feasible: true,
      missing: 0,
      smallestFeasibleCap: 17,
      message: "石湖荡镇：12个社区每个最多20份，合计240份，可以完成目标200份。",
    });
    expect(shihudang?.communities.map((community) => community.max)).toEqual(Array(12).fill(20));
  });

  it("flags a town whose communities cannot reach the target, with what is missing and the cap that works", () => {
    const [xinbang] = capPlan([town("新浜镇", 200, uniform(9, 20))], settings).towns;
    expect(xinbang).toMatchObject({
      capacity: 180,
      planned: 180,
      feasible: false,
      missing: 20,
      smallestFeasibleCap: 23,
    });
    expect(xinbang?.message).toBe(
      "新浜镇：9个社区每个最多20份，最多只能完成180份，比目标200份少20份；社区上限至少需要23份。",
    );
  });

  it("reports the smallest uniform cap exactly at the boundary", () => {
    // 10 communities: 20 each reach 200 exactly; 11 communities need ceil(200 / 11) = 19.
    const [ten, eleven] = capPlan([town("甲", 200, uniform(10, 20)), town("乙", 200, uniform(11, 18))], settings).towns;
    expect(ten).toMatchObject({ feasible: true, missing: 0, smallestFeasibleCap: 20, planned: 200 });
    expect(eleven).toMatchObject({ capacity: 198, feasible: false, missing: 2, smallestFeasibleCap: 19 });
  });

  it("describes towns with per-community overrides without pretending the caps are uniform", () => {
    const communities = uniform(9, 20).map((community, index) => ({
      ...community,
      cap: index === 0 ? 10 : index === 1 ? 30 : community.cap,
    }));
    const [feasible, infeasible] = capPlan([town("泖港镇", 150, communities), town("叶榭镇", 200, communities)], {
      communityCap: 20,
    }).towns;
    expect(feasible?.message).toBe("泖港镇：9个社区的上限各不相同（默认每个最多20份），合计180份，可以完成目标150份。");
    expect(infeasible?.message).toBe(
      "叶榭镇：9个社区的上限各不相同（默认每个最多20份），最多只能完成180份，比目标200份少20份；若各社区统一上限，每个至少需要23份。",
    );
  });

  it("handles a town with no communities", () => {
    const [empty] = capPlan([town("小昆山镇", 200, [])], settings).towns;
    expect(empty).toMatchObject({
      communityCount: 0,
      capacity: 0,
      planned: 0,
      feasible: false,
      missing: 200,
      smallestFeasibleCap: null,
      communities: [],
    });
    expect(empty?.message).toBe("小昆山镇：没有社区，无法完成目标200份；请先在抽样框中导入其社区。");
  });

  it("handles a target of 0, with or without communities", () => {
    const [none, some] = capPlan([town("甲", 0, []), town("乙", 0, uniform(3, 20))], settings).towns;
    for (const plan of [none, some]) {
      expect(plan).toMatchObject({ planned: 0, feasible: true, missing: 0, smallestFeasibleCap: 0 });
      expect(plan?.message).toMatch(/目标为0份，无需分配。$/);
    }
  });

  it("adds up the district totals", () => {
    const plan = capPlan(
      [town("甲", 200, uniform(12, 20)), town("乙", 200, uniform(9, 20)), town("丙", 200, [])],
      settings,
    );
    expect(plan.totals).toEqual({ target: 600, capacity: 420, planned: 380, missing: 220, infeasibleTowns: 2 });
  });

  it("flags exactly the towns with fewer than 10 communities under the programme's 200 / 20 rule", () => {
    const counts = [5, 9, 10, 11, 25, 0, 1, 30];
    const plan = capPlan(
      counts.map((count) => town(`镇${count}`, 200, uniform(count, 20))),
      settings,
    );
    expect(plan.towns.map((plan) => plan.feasible)).toEqual(counts.map((count) => count >= 10));
    expect(plan.towns.map((plan) => plan.missing)).toEqual(counts.map((count) => Math.max(0, 200 - 20 * count)));
  });
});

describe("proportionalPlan", () => {
  it("shares the target by population, capped, summing exactly to the target", () => {
    const populations = [9000, 4000, 3000, 2000, 1500, 1200, 900, 800, 700, 500, 300, 100];
    const [plan] = proportionalPlan(
      [
        town(
          "九亭镇",
          200,
          uniform(12, 20, (index) => populations[index] ?? 0),
        ),
      ],
      settings,
    ).towns;
    const quotas = plan?.communities.map((community) => community.max) ?? [];
    expect(quotas.reduce((sum, quota) => sum + quota, 0)).toBe(200);
    expect(Math.max(...quotas)).toBeLessThanOrEqual(20);
    // Larger communities never get less than smaller ones.
    expect([...quotas].sort((a, b) => b - a)).toEqual(quotas);
    // Rounds: 3 capped (shares 75, 33.3, 25), then 3 more (35, 26.25, 21 of the 140 left), then 900 (21.8 of 80),
    // then 800 (20 of 60); the last 40 over 700/500/300/100 is 17.5/12.5/7.5/2.5, the two units to the largest.
    expect(quotas).toEqual([20, 20, 20, 20, 20, 20, 20, 20, 18, 13, 7, 2]);
    expect(plan).toMatchObject({ planned: 200, feasible: true, capacity: 240 });
  });

  it("gives every community its cap in a town that cannot reach the target", () => {
    const [plan] = proportionalPlan([town("新浜镇", 200, uniform(9, 20))], settings).towns;
    expect(plan?.communities.map((community) => community.max)).toEqual(Array(9).fill(20));
    expect(plan).toMatchObject({ feasible: false, missing: 20, smallestFeasibleCap: 23, planned: 180 });
  });

  it("reports the same feasibility as the cap plan", () => {
    const towns = [town("甲", 200, uniform(12, 20)), town("乙", 200, uniform(9, 20)), town("丙", 0, [])];
    const strip = ({ communities: _, ...rest }: { communities: unknown }) => rest;
    expect(proportionalPlan(towns, settings).towns.map(strip)).toEqual(capPlan(towns, settings).towns.map(strip));
  });

  it("handles zero-population communities, no communities and target 0", () => {
    const communities = uniform(3, 20, (index) => (index === 1 ? 0 : 100));
    const [some, none, zero] = proportionalPlan(
      [town("甲", 10, communities), town("乙", 10, []), town("丙", 0, communities)],
      settings,
    ).towns;
    expect(some?.communities.map((community) => community.max)).toEqual([5, 0, 5]);
    expect(none?.communities).toEqual([]);
    expect(zero?.communities.map((community) => community.max)).toEqual([0, 0, 0]);
  });
});

describe("frame validation", () => {
  it("refuses negative or fractional targets, caps and populations", () => {
    const bad: TownFrame[] = [
      town("甲", -1, uniform(1, 20)),
      town("甲", 1.5, uniform(1, 20)),
      town("甲", 10, uniform(1, -5)),
      town(
        "甲",
        10,
        uniform(1, 20, () => Number.NaN),
      ),
      town("甲", Number.POSITIVE_INFINITY, []),
    ];
    for (const frame of bad) {
      expect(() => capPlan([frame], settings)).toThrow(RangeError);
      expect(() => proportionalPlan([frame], settings)).toThrow(RangeError);
    }
    expect(() => capPlan([], { communityCap: -1 })).toThrow(RangeError);
  });

  it("accepts an empty frame", () => {
    expect(capPlan([], settings).totals).toEqual({
      target: 0,
      capacity: 0,
      planned: 0,
      missing: 0,
      infeasibleTowns: 0,
    });
  });
});
