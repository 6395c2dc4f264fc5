import type { FieldworkCommunity } from "@survey/contract";

export type CommunityFilter = "all" | "empty" | "full" | "belowHalf";

/** Same definitions as the server's CommunityCounts. */
export function matchesFilter(community: FieldworkCommunity, filter: CommunityFilter): boolean {
  switch (filter) {
    case "all":
      return true;
    case "empty":
      return community.completed === 0;
    case "full":
      return community.completed >= community.cap;
    case "belowHalf":
      return community.completed < community.cap / 2;
  }
}

/** Fill level 0–5 picks the tile colour; a full community is its own level. */
export function fillLevel(community: FieldworkCommunity): number {
  if (community.cap <= 0 || community.completed >= community.cap) return 5;
  return Math.min(4, Math.floor((community.completed / community.cap) * 5));
}
