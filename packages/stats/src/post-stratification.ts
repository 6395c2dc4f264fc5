/**
 * Post-stratification (STATISTICS.md §2): within each town, cell weights wᵢ* = wᵢ·g_c with
 * g_c = N_c / Σ_{i∈c} wᵢ (R `postStratify`). By default the g-weights are bounded to [0.3, 3]: a cell
 * whose g falls outside is held at the bound and the other cells of the town share one common scale
 * factor so that the town still adds up to its population (see boundedFactors). Bounding also lets an
 * empty cell's population go to the town's other cells instead of failing.
 */

export interface GWeightBounds {
  readonly lower: number;
  readonly upper: number;
}

export const DEFAULT_G_BOUNDS: GWeightBounds = { lower: 0.3, upper: 3 };

export interface PostStratumInput {
  readonly stratum: string;
  readonly cell: string;
  /** Sampled respondents in the cell (may be 0 for a population cell nobody in the sample falls into). */
  readonly respondents: number;
  /** Design weight of the cell's respondents, N_h/n_h. */
  readonly baseWeight: number;
  /** N_c from the population table. */
  readonly population: number;
}

export interface PostStratumWeight extends PostStratumInput {
  readonly g: number;
  /** Final weight wᵢ* = baseWeight · g. */
  readonly weight: number;
  /** Whether g was held at a bound. */
  readonly bounded: boolean;
}

export interface PostStratification {
  readonly cells: readonly PostStratumWeight[];
  /** Towns whose weights cannot add up to their population within the bounds (every cell held at a bound). */
  readonly strataOffTarget: readonly string[];
}

function checkBounds(bounds: GWeightBounds): void {
  if (!(bounds.lower > 0 && bounds.lower <= 1 && bounds.upper >= 1 && Number.isFinite(bounds.upper))) {
    throw new RangeError(`g-weight bounds must satisfy 0 < lower ≤ 1 ≤ upper, got [${bounds.lower}, ${bounds.upper}]`);
  }
}

function checkCell(cell: PostStratumInput): void {
  const where = `stratum ${cell.stratum}, cell ${cell.cell}`;
  if (!(cell.baseWeight > 0) || !Number.isFinite(cell.baseWeight))
    throw new RangeError(`${where}: invalid base weight`);
  if (!(cell.population >= 0) || !Number.isFinite(cell.population))
    throw new RangeError(`${where}: invalid population`);
  if (!Number.isInteger(cell.respondents) || cell.respondents < 0)
    throw new RangeError(`${where}: invalid respondents`);
  if (cell.respondents > 0 && cell.population === 0) {
    throw new RangeError(`${where}: respondents in a cell with no population`);
  }
}

/** @param bounds g-weight bounds, or null for R's unbounded `postStratify` (then empty cells are an error). */
export function postStratify(
  cells: readonly PostStratumInput[],
  bounds: GWeightBounds | null = DEFAULT_G_BOUNDS,
): PostStratification {
  if (bounds) checkBounds(bounds);
  const byStratum = new Map<string, PostStratumInput[]>();
  const seen = new Set<string>();
  for (const cell of cells) {
    checkCell(cell);
    const key = `${cell.stratum}\u0000${cell.cell}`;
    if (seen.has(key)) throw new RangeError(`stratum ${cell.stratum}, cell ${cell.cell} is listed twice`);
    seen.add(key);
    byStratum.set(cell.stratum, [...(byStratum.get(cell.stratum) ?? []), cell]);
  }
  const results: PostStratumWeight[] = [];
  const strataOffTarget: string[] = [];
  for (const [stratum, members] of byStratum) {
    if (!bounds) {
      for (const cell of members) {
        if (cell.respondents === 0 && cell.population > 0) {
          throw new RangeError(`stratum ${stratum}, cell ${cell.cell}: no respondents for a populated cell`);
        }
        const g = cell.respondents === 0 ? 1 : cell.population / (cell.respondents * cell.baseWeight);
        results.push({ ...cell, g, weight: cell.baseWeight * g, bounded: false });
      }
      continue;
    }
    const bounded = boundedFactors(members, bounds);
    if (!bounded.onTarget) strataOffTarget.push(stratum);
    members.forEach((cell, index) => {
      const g = bounded.g[index] as number;
      results.push({ ...cell, g, weight: cell.baseWeight * g, bounded: bounded.held[index] as boolean });
    });
  }
  return { cells: results, strataOffTarget };
}

/**
 * g per cell of one town: g_c = clamp(λ · N_c / B_c, lower, upper) with B_c = n_c · w_c and the one λ
 * that makes the town add up to Σ N_c. The town total is continuous and non-decreasing in λ and linear
 * between the breakpoints lower/r_c and upper/r_c, so λ is found exactly on the segment that crosses it.
 * Without binding bounds λ = 1 and this is plain post-stratification.
 */
function boundedFactors(cells: readonly PostStratumInput[], bounds: GWeightBounds) {
  const target = cells.reduce((total, cell) => total + cell.population, 0);
  const active = cells.filter((cell) => cell.respondents > 0);
  const base = (cell: PostStratumInput) => cell.respondents * cell.baseWeight;
  const ratio = (cell: PostStratumInput) => cell.population / base(cell);
  const factor = (cell: PostStratumInput, lambda: number) =>
    Math.min(bounds.upper, Math.max(bounds.lower, lambda * ratio(cell)));
  const total = (lambda: number) => active.reduce((sum, cell) => sum + base(cell) * factor(cell, lambda), 0);
  const unbound = active.reduce((sum, cell) => sum + cell.population, 0);
  let lambda = unbound > 0 ? target / unbound : 1;
  const withinBounds = active.every((cell) => {
    const g = lambda * ratio(cell);
    return g >= bounds.lower && g <= bounds.upper;
  });
  if (!withinBounds) {
    const breakpoints = [...new Set(active.flatMap((cell) => [bounds.lower / ratio(cell), bounds.upper / ratio(cell)]))]
      .filter(Number.isFinite)
      .sort((a, b) => a - b);
    const values = breakpoints.map(total);
    const last = breakpoints.length - 1;
    if (last < 0 || target <= (values[0] as number)) lambda = breakpoints[0] ?? 1;
    else if (target >= (values[last] as number)) lambda = breakpoints[last] as number;
    else {
      let i = 0;
      while ((values[i + 1] as number) < target) i++;
      const [from, to] = [breakpoints[i] as number, breakpoints[i + 1] as number];
      const [low, high] = [values[i] as number, values[i + 1] as number];
      lambda = high === low ? from : from + ((target - low) * (to - from)) / (high - low);
    }
  }
  const g = cells.map((cell) => (cell.respondents > 0 ? factor(cell, lambda) : 1));
  const held = cells.map((cell) => {
    const free = lambda * ratio(cell);
    return cell.respondents > 0 && (free < bounds.lower || free > bounds.upper);
  });
  return { g, held, onTarget: Math.abs(total(lambda) - target) <= 1e-9 * target };
}
