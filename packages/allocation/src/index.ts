export { cappedProportionalQuotas } from "./capped-proportional";
export { type Claimant, largestRemainder } from "./largest-remainder";
export { capPlan, proportionalPlan } from "./plans";
export { type TownFeasibility, townFeasibility } from "./town-feasibility";
export type {
  AllocationPlan,
  AllocationSettings,
  CommunityFrame,
  CommunityPlan,
  PlanKind,
  TownFrame,
  TownPlan,
} from "./types";
