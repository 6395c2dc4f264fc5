import { capPlan, type PlanKind, proportionalPlan, type TownFrame } from "@survey/allocation";
import type { Database } from "@survey/db";
import { InvalidRequestError } from "../../platform/errors";
import { listWaveCommunities, listWaveTowns } from "./data/waves";
import { requireWave } from "./wave-service";

export interface PreviewOptions {
  plan?: PlanKind;
  /**
   * What-if defaults: replace the wave's town target / community cap for every town and community
   * without an override of its own, without saving anything.
   */
  townTarget?: number;
  communityCap?: number;
}

const LIMITS = { townTarget: 100_000, communityCap: 10_000 } as const;

function checkWhatIf(name: keyof typeof LIMITS, value: number | undefined): void {
  if (value === undefined) return;
  if (!Number.isSafeInteger(value) || value < 1 || value > LIMITS[name]) {
    throw new InvalidRequestError(
      { details: [{ field: name, message: `must be a whole number from 1 to ${LIMITS[name]}` }] },
      `${name === "townTarget" ? "街镇目标" : "社区上限"}应为1到${LIMITS[name]}之间的整数。`,
    );
  }
}

/**
 * The allocation preview of a wave: for every participating town its effective target (with overrides),
 * its communities with their effective caps, and whether the caps can reach the target, under the cap
 * plan (first come first served up to each cap) or the proportional plan (quotas by population).
 */
export async function allocationPreview(db: Database, waveId: number, options: PreviewOptions = {}) {
  const wave = await requireWave(db, waveId);
  checkWhatIf("townTarget", options.townTarget);
  checkWhatIf("communityCap", options.communityCap);
  const townTarget = options.townTarget ?? wave.townTarget;
  const communityCap = options.communityCap ?? wave.communityCap;
  const plan = options.plan ?? wave.allocation;

  const [townRows, communityRows] = await Promise.all([listWaveTowns(db, wave.id), listWaveCommunities(db, wave.id)]);
  const frame: TownFrame[] = townRows.map((town) => ({
    code: town.code,
    name: town.name,
    target: town.targetOverridden ? town.target : townTarget,
    communities: communityRows
      .filter((community) => community.townCode === town.code)
      .map((community) => ({
        code: community.code,
        name: community.name,
        population: community.population,
        cap: community.capOverridden ? community.cap : communityCap,
      })),
  }));
  const result = (plan === "proportional" ? proportionalPlan : capPlan)(frame, { communityCap });

  return {
    waveId: wave.id,
    plan: result.kind,
    townTarget,
    communityCap,
    summary: {
      towns: result.towns.length,
      target: result.totals.target,
      capacity: result.totals.capacity,
      planned: result.totals.planned,
      missing: result.totals.missing,
      infeasibleTowns: result.totals.infeasibleTowns,
    },
    towns: result.towns.map((town) => ({
      code: town.code,
      name: town.name,
      target: town.target,
      communityCount: town.communityCount,
      capacity: town.capacity,
      planned: town.planned,
      feasible: town.feasible,
      missing: town.missing,
      smallestFeasibleCap: town.smallestFeasibleCap,
      warning: town.feasible ? null : town.message,
      message: town.message,
      communities: town.communities.map((community) => ({
        code: community.code,
        name: community.name,
        population: community.population,
        cap: community.cap,
        quota: community.max,
      })),
    })),
  };
}
