export { cappedProportionalQuotas } from "./capped-proportional";
export { type Claimant, largestRemainder } from "./largest-remainder";
export { capPlan, proportionalPlan } from "./plans";
export { townFeasibility } from "./town-feasibility";
export type {
  AllocationPlan,
  AllocationSettings,
  CommunityFrame,
  CommunityPlan,
  PlanKind,
  TownFeasibility,
  TownFrame,
  TownPlan,
} from "./types";
