/** A community as the allocation sees it; `cap` already includes any per-community override. */
export interface CommunityFrame {
  code: string;
  name: string;
  population: number;
  cap: number;
}

/** A town taking part in a wave; `target` already includes any per-town override. */
export interface TownFrame {
  code: string;
  name: string;
  target: number;
  communities: CommunityFrame[];
}

export interface AllocationSettings {
  /** The wave's default community cap, named in warnings when communities have different caps. */
  communityCap: number;
}

export type PlanKind = "cap" | "proportional";

export interface CommunityPlan {
  code: string;
  name: string;
  population: number;
  cap: number;
  /**
   * The most completed questionnaires the community may contribute under the plan:
   * its cap in the cap plan, its population-proportional quota in the proportional plan.
   */
  max: number;
}

/** Whether a town's communities can reach its target under their caps, and what to change if not. */
export interface TownFeasibility {
  communityCount: number;
  /** Σ community caps. */
  capacity: number;
  /** What the plan expects to complete: min(target, capacity). */
  planned: number;
  /** capacity ≥ target. */
  feasible: boolean;
  /** max(0, target − capacity). */
  missing: number;
  /**
   * The smallest cap c that, applied uniformly to every community, reaches the target:
   * the smallest integer with communityCount × c ≥ target (per-community overrides are ignored).
   * 0 when the target is 0; null when the town has no community, so no cap can reach a positive target.
   */
  smallestFeasibleCap: number | null;
  /** A Chinese sentence for the preview; it warns when the target cannot be reached. */
  message: string;
}

export interface TownPlan extends TownFeasibility {
  code: string;
  name: string;
  target: number;
  communities: CommunityPlan[];
}

export interface AllocationPlan {
  kind: PlanKind;
  towns: TownPlan[];
  totals: { target: number; capacity: number; planned: number; missing: number; infeasibleTowns: number };
}
