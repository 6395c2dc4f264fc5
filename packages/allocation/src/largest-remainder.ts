/** Largest-remainder (Hamilton) apportionment in exact integer arithmetic. */

export interface Claimant {
  /** Share of the total is weight / Σ weights. */
  weight: number;
  /** Tie-breakers after the remainder: larger population first, then smaller code. */
  population: number;
  code: string;
}

/**
 * Splits `total` into integers proportional to the weights: everyone gets the floor of the exact share,
 * the units left go to the largest remainders (ties: population desc, then code asc). Each result is the
 * floor or the ceiling of the exact share, and a claimant with weight 0 gets 0. Weights must not all be 0
 * unless total is 0.
 */
export function largestRemainder(total: number, claimants: readonly Claimant[]): number[] {
  if (total === 0) return claimants.map(() => 0);
  const weightSum = claimants.reduce((sum, claimant) => sum + BigInt(claimant.weight), 0n);
  if (weightSum === 0n) throw new RangeError("cannot apportion a positive total over zero weights");

  // BigInt so that total × weight never loses precision, whatever the populations.
  const bigTotal = BigInt(total);
  const floors = claimants.map((claimant) => Number((bigTotal * BigInt(claimant.weight)) / weightSum));
  const remainders = claimants.map((claimant) => (bigTotal * BigInt(claimant.weight)) % weightSum);
  let left = total - floors.reduce((sum, floor) => sum + floor, 0);

  const order = claimants.map((_, index) => index);
  order.sort((a, b) => {
    const ra = remainders[a] ?? 0n;
    const rb = remainders[b] ?? 0n;
    if (ra !== rb) return ra > rb ? -1 : 1;
    const ca = claimants[a] as Claimant;
    const cb = claimants[b] as Claimant;
    if (ca.population !== cb.population) return cb.population - ca.population;
    return ca.code < cb.code ? -1 : ca.code > cb.code ? 1 : 0;
  });

  const quotas = [...floors];
  for (const index of order) {
    if (left === 0) break;
    quotas[index] = (quotas[index] ?? 0) + 1;
    left--;
  }
  return quotas;
}
