import type { AllocationSettings, TownFrame } from "./types";

function requireCount(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${what} must be a non-negative integer, got ${value}`);
  }
}

/** Targets, caps and populations are counts; anything else is a programming error upstream. */
export function validateFrame(towns: readonly TownFrame[], settings: AllocationSettings): void {
  requireCount(settings.communityCap, "settings.communityCap");
  for (const town of towns) {
    requireCount(town.target, `target of town ${town.code}`);
    for (const community of town.communities) {
      requireCount(community.cap, `cap of community ${community.code}`);
      requireCount(community.population, `population of community ${community.code}`);
    }
  }
}
