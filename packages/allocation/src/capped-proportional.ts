import { largestRemainder } from "./largest-remainder";
import type { CommunityFrame } from "./types";

/**
 * Community quotas proportional to population, each at most its cap, summing exactly to `target`
 * when Σ caps ≥ target; otherwise every community gets its cap.
 *
 * Communities whose exact share reaches their cap are fixed at the cap, and the rest of the target is
 * shared again among the others in proportion to population, until no share exceeds a cap; the final
 * round is rounded by largest remainder. A community with no recorded population gets nothing while
 * communities with population can absorb the target; once those are all full, what is left is shared
 * equally among the rest.
 */
export function cappedProportionalQuotas(target: number, communities: readonly CommunityFrame[]): number[] {
  const capacity = communities.reduce((sum, community) => sum + community.cap, 0);
  if (capacity <= target) return communities.map((community) => community.cap);

  const quotas = communities.map(() => 0);
  let open = communities.map((_, index) => index).filter((index) => (communities[index]?.cap ?? 0) > 0);
  let remaining = target;

  while (remaining > 0) {
    const members = open.map((index) => communities[index] as CommunityFrame);
    const byPopulation = members.some((community) => community.population > 0);
    const weightOf = (community: CommunityFrame) => (byPopulation ? community.population : 1);
    const weightSum = BigInt(members.reduce((sum, community) => sum + weightOf(community), 0));
    // Exact comparison share ≥ cap, i.e. remaining × weight ≥ cap × Σ weights.
    const full = open.filter((index) => {
      const community = communities[index] as CommunityFrame;
      return BigInt(remaining) * BigInt(weightOf(community)) >= BigInt(community.cap) * weightSum;
    });

    if (full.length === 0) {
      const shares = largestRemainder(
        remaining,
        members.map((community) => ({
          weight: weightOf(community),
          population: community.population,
          code: community.code,
        })),
      );
      open.forEach((index, position) => {
        quotas[index] = shares[position] ?? 0;
      });
      break;
    }
    for (const index of full) {
      const cap = communities[index]?.cap ?? 0;
      quotas[index] = cap;
      remaining -= cap;
    }
    open = open.filter((index) => !full.includes(index));
  }
  return quotas;
}
