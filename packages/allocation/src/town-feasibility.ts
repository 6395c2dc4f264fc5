import type { AllocationSettings, TownFeasibility, TownFrame } from "./types";

/** Whether the town's communities can reach its target under their caps, and what to change if not. */
export function townFeasibility(town: TownFrame, settings: AllocationSettings): TownFeasibility {
  const communityCount = town.communities.length;
  const capacity = town.communities.reduce((sum, community) => sum + community.cap, 0);
  const missing = Math.max(0, town.target - capacity);
  const smallestFeasibleCap =
    town.target === 0 ? 0 : communityCount === 0 ? null : Math.ceil(town.target / communityCount);
  const facts = { communityCount, capacity, missing, smallestFeasibleCap };
  return {
    ...facts,
    planned: Math.min(town.target, capacity),
    feasible: missing === 0,
    message: feasibilityMessage(town, facts, settings),
  };
}

function feasibilityMessage(
  town: TownFrame,
  facts: Pick<TownFeasibility, "communityCount" | "capacity" | "missing" | "smallestFeasibleCap">,
  settings: AllocationSettings,
): string {
  const { communityCount, capacity, missing, smallestFeasibleCap } = facts;
  if (town.target === 0) return `${town.name}：目标为0份，无需分配。`;
  if (communityCount === 0) {
    return `${town.name}：没有社区，无法完成目标${town.target}份；请先在抽样框中导入其社区。`;
  }
  const caps = new Set(town.communities.map((community) => community.cap));
  const uniformCap = caps.size === 1 ? [...caps][0] : undefined;
  const capsPart =
    uniformCap === undefined
      ? `${communityCount}个社区的上限各不相同（默认每个最多${settings.communityCap}份）`
      : `${communityCount}个社区每个最多${uniformCap}份`;
  if (missing === 0) return `${town.name}：${capsPart}，合计${capacity}份，可以完成目标${town.target}份。`;
  const fix =
    uniformCap === undefined
      ? `若各社区统一上限，每个至少需要${smallestFeasibleCap}份`
      : `社区上限至少需要${smallestFeasibleCap}份`;
  return `${town.name}：${capsPart}，最多只能完成${capacity}份，比目标${town.target}份少${missing}份；${fix}。`;
}
