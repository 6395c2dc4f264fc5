import { cappedProportionalQuotas } from "./capped-proportional";
import { townFeasibility } from "./town-feasibility";
import type { AllocationPlan, AllocationSettings, CommunityPlan, PlanKind, TownFrame, TownPlan } from "./types";
import { validateFrame } from "./validate-frame";

/**
 * The programme's rule: each community takes at most its cap, each town at most its target, first come
 * first served. Nothing is assigned in advance, so every community's `max` is its cap.
 */
export function capPlan(towns: readonly TownFrame[], settings: AllocationSettings): AllocationPlan {
  validateFrame(towns, settings);
  return assemble(
    "cap",
    towns.map((town) => townPlan(town, settings, (community) => community.cap)),
  );
}

/**
 * Community quotas proportional to population (largest remainder), each at most its cap, summing exactly
 * to the town target where Σ caps ≥ target; otherwise every community gets its cap. `max` is the quota.
 */
export function proportionalPlan(towns: readonly TownFrame[], settings: AllocationSettings): AllocationPlan {
  validateFrame(towns, settings);
  return assemble(
    "proportional",
    towns.map((town) => {
      const quotas = cappedProportionalQuotas(town.target, town.communities);
      return townPlan(town, settings, (_, index) => quotas[index] ?? 0);
    }),
  );
}

function townPlan(
  town: TownFrame,
  settings: AllocationSettings,
  maxOf: (community: TownFrame["communities"][number], index: number) => number,
): TownPlan {
  const communities: CommunityPlan[] = town.communities.map((community, index) => ({
    code: community.code,
    name: community.name,
    population: community.population,
    cap: community.cap,
    max: maxOf(community, index),
  }));
  return { code: town.code, name: town.name, target: town.target, ...townFeasibility(town, settings), communities };
}

function assemble(kind: PlanKind, towns: TownPlan[]): AllocationPlan {
  const totals = { target: 0, capacity: 0, planned: 0, missing: 0, infeasibleTowns: 0 };
  for (const town of towns) {
    totals.target += town.target;
    totals.capacity += town.capacity;
    totals.planned += town.planned;
    totals.missing += town.missing;
    if (!town.feasible) totals.infeasibleTowns++;
  }
  return { kind, towns, totals };
}
