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
  const sizes = groupSizes(current, names);
  const belowK = current.filter((row) => (sizes.get(JSON.stringify(names.map((name) => row[name]))) ?? 0) < k).length;
  return { rows: current, coarsenedRows: level.filter((steps) => steps > 0).length, belowK };
}

/** The smallest group size over the identifiers (0 for no rows): what a test or a release check asserts ≥ k. */
export function smallestGroup<T extends Record<string, string>>(rows: readonly T[], names: readonly string[]): number {
  const sizes = [...groupSizes(rows, names).values()];
  return sizes.length === 0 ? 0 : Math.min(...sizes);
}
