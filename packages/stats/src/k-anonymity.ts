/**
 * k-anonymity by local coarsening: every combination of quasi-identifiers in the released rows is shared by at least
 * k rows, or the values are coarsened step by step (for example an age group to a wider band, then to blank) until
 * it is. Only the rows of too-small groups are coarsened, so the rest keep their detail. Pure: no IO.
 */

export interface QuasiIdentifier {
  /** The column's name in the rows. */
  name: string;
  /** Successively coarser versions of a value, applied in turn; end with `() => ""` to suppress it. */
  steps: ((value: string) => string)[];
}

export interface Coarsened<T> {
  rows: T[];
  /** Rows whose values were coarsened. */
  coarsenedRows: number;
  /** Rows that stay in a group under k even with every step applied (only if fewer than k rows in all). */
  belowK: number;
}

/** Groups rows by the identifiers' values. */
function groupSizes<T extends Record<string, string>>(
  rows: readonly T[],
  names: readonly string[],
): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const row of rows) {
    const key = JSON.stringify(names.map((name) => row[name]));
    sizes.set(key, (sizes.get(key) ?? 0) + 1);
  }
  return sizes;
}

/**
 * Coarsens the rows' quasi-identifiers until every combination has at least `k` rows. The identifiers' steps are
 * taken in the order given (the first identifier's first step first), one more step for every row still in a group
 * under k, until none is or the steps run out.
 */
export function coarsenToK<T extends Record<string, string>>(
  rows: readonly T[],
  identifiers: readonly QuasiIdentifier[],
  k: number,
): Coarsened<T> {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a positive whole number (got ${k})`);
  const ladder = identifiers.flatMap((identifier) => identifier.steps.map((step) => ({ name: identifier.name, step })));
  const names = identifiers.map((identifier) => identifier.name);
  const current = rows.map((row) => ({ ...row }));
  const level = rows.map(() => 0);
  for (;;) {
    const sizes = groupSizes(current, names);
    let advanced = false;
    current.forEach((row, index) => {
      const size = sizes.get(JSON.stringify(names.map((name) => row[name]))) ?? 0;
      const next = ladder[level[index] ?? 0];
      if (size >= k || !next) return;
      (row as Record<string, string>)[next.name] = next.step(row[next.name] ?? "");
      level[index] = (level[index] ?? 0) + 1;
      advanced = true;
    });
    if (!advanced) break;
  }
  // Local coarsening can leave a fully coarsened remainder under k (four rows of a town with everything blank, say):
  // it takes rows from the other groups that coarsen to the same values — surplus rows of groups over k first,
  // else a whole group — and coarsens them fully too.
  const keyOf = (row: T) => JSON.stringify(names.map((name) => row[name]));
  const fullyCoarsened = (index: number): T => {
    const row = { ...(current[index] as T) } as Record<string, string>;
    for (const { name, step } of ladder.slice(level[index] ?? 0)) row[name] = step(row[name] ?? "");
    return row as T;
  };
  for (;;) {
    const sizes = groupSizes(current, names);
    const remainder = current.findIndex(
      (row, index) => (sizes.get(keyOf(row)) ?? 0) < k && (level[index] ?? 0) >= ladder.length,
    );
    if (remainder < 0) break;
    const target = keyOf(current[remainder] as T);
    let need = k - (sizes.get(target) ?? 0);
    const donors = new Map<string, number[]>();
    current.forEach((row, index) => {
      if ((level[index] ?? 0) >= ladder.length || keyOf(fullyCoarsened(index)) !== target) return;
      donors.set(keyOf(row), [...(donors.get(keyOf(row)) ?? []), index]);
    });
    const ordered = [...donors.values()].sort((a, b) => b.length - a.length);
    if (ordered.length === 0) break;
    for (const group of ordered) {
      if (need <= 0) break;
      const moving = group.length > k ? group.slice(0, Math.min(need, group.length - k)) : group;
      for (const index of moving) {
        current[index] = fullyCoarsened(index);
        level[index] = ladder.length;
      }
      need -= moving.length;
    }
  }
  const sizes = groupSizes(current, names);
  const belowK = current.filter((row) => (sizes.get(keyOf(row)) ?? 0) < k).length;
  return { rows: current, coarsenedRows: level.filter((steps) => steps > 0).length, belowK };
}

/** The smallest group size over the identifiers (0 for no rows): what a test or a release check asserts ≥ k. */
export function smallestGroup<T extends Record<string, string>>(rows: readonly T[], names: readonly string[]): number {
  const sizes = [...groupSizes(rows, names).values()];
  return sizes.length === 0 ? 0 : Math.min(...sizes);
}
