import type { FieldworkCommunity } from "@survey/contract";
import { describe, expect, it } from "vitest";
import { fillLevel, matchesFilter } from "./community-fill";

const community = (completed: number, cap: number): FieldworkCommunity => ({
  code: "c",
  name: "社区",
  townCode: "t",
  cap,
  completed,
  reserved: 0,
});

describe("matchesFilter", () => {
  it("counts a community as empty only with no completion", () => {
    expect(matchesFilter(community(0, 20), "empty")).toBe(true);
    expect(matchesFilter(community(1, 20), "empty")).toBe(false);
  });

  it("counts a community as full from its cap on", () => {
    expect(matchesFilter(community(19, 20), "full")).toBe(false);
    expect(matchesFilter(community(20, 20), "full")).toBe(true);
    expect(matchesFilter(community(21, 20), "full")).toBe(true);
  });

  it("is below half strictly under cap / 2, also for an odd cap", () => {
    expect(matchesFilter(community(9, 20), "belowHalf")).toBe(true);
    expect(matchesFilter(community(10, 20), "belowHalf")).toBe(false);
    expect(matchesFilter(community(2, 5), "belowHalf")).toBe(true);
    expect(matchesFilter(community(3, 5), "belowHalf")).toBe(false);
    expect(matchesFilter(community(0, 5), "belowHalf")).toBe(true);
  });

  it("lets every community through 'all'", () => {
    expect(matchesFilter(community(7, 20), "all")).toBe(true);
  });
});

describe("fillLevel", () => {
  it("runs from 0 (empty) through 4 and keeps 5 for full communities", () => {
    expect(fillLevel(community(0, 20))).toBe(0);
    expect(fillLevel(community(3, 20))).toBe(0);
    expect(fillLevel(community(4, 20))).toBe(1);
    expect(fillLevel(community(19, 20))).toBe(4);
    expect(fillLevel(community(20, 20))).toBe(5);
  });

  it("treats a community without room (cap 0) as full", () => {
    expect(fillLevel(community(0, 0))).toBe(5);
  });
});
