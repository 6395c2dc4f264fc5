import { describe, expect, it } from "vitest";
import { isHeldSpike } from "./held-spike";

describe("isHeldSpike", () => {
  it.each([
    // held now, usual level, spike?
    [4, 0, false], // below the minimum however quiet the community usually is
    [5, 0, true],
    [6, 1, true], // 1 + 3·1 = 4
    [4, 1, false],
    [20, 10, true], // 10 + 3·√10 = 19.49
    [19, 10, false],
    [6, 6, false], // a busy community at its usual level
  ])("held %d against a usual %d → %s", (held, usual, spike) => {
    expect(isHeldSpike(held, usual)).toBe(spike);
  });
});
