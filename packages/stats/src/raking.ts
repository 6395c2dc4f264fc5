/**
 * Raking (iterative proportional fitting) when only margins are known, e.g. town × sex and town × age
 * (R `rake`). Works on cells — the cross-classification of all margins within a town — because every
 * respondent of a cell gets the same factor. Optional g-weight bounds clamp after each margin step.
 */
import type { GWeightBounds } from "./post-stratification";

export interface RakingCellInput {
  readonly stratum: string;
  readonly cell: string;
  readonly respondents: number;
  readonly baseWeight: number;
  /** The cell's category on each margin (e.g. ["A|F", "A|40-59"]); categories name their town. */
  readonly margins: readonly string[];
}

export interface RakedCell extends RakingCellInput {
  readonly g: number;
  readonly weight: number;
}

export interface RakingOptions {
  /** g-weight bounds, or null (default) for R's unbounded raking. */
  readonly bounds?: GWeightBounds | null;
  /** Largest relative gap between a margin and its population accepted as converged. */
  readonly tolerance?: number;
  readonly maxIterations?: number;
}

export interface Raking {
  readonly cells: readonly RakedCell[];
  readonly converged: boolean;
  readonly iterations: number;
  /** Largest |weighted total − population| / population over all margin categories at the end. */
  readonly maxRelativeGap: number;
}

/** @param marginPopulations per margin, the population of each category. */
export function rake(
  cells: readonly RakingCellInput[],
  marginPopulations: readonly Readonly<Record<string, number>>[],
  options: RakingOptions = {},
): Raking {
  const { bounds = null, tolerance = 1e-10, maxIterations = 100 } = options;
  const active = cells.filter((cell) => cell.respondents > 0);
  for (const cell of cells) {
    if (cell.margins.length !== marginPopulations.length) {
      throw new RangeError(`cell ${cell.cell} of stratum ${cell.stratum} has ${cell.margins.length} margins`);
    }
    if (!(cell.baseWeight > 0))
      throw new RangeError(`cell ${cell.cell} of stratum ${cell.stratum}: invalid base weight`);
  }
  marginPopulations.forEach((populations, m) => {
    const sampled = new Set(active.map((cell) => cell.margins[m] as string));
    for (const category of sampled) {
      if (!((populations[category] ?? 0) > 0)) throw new RangeError(`margin ${m}: no population for ${category}`);
    }
    for (const [category, population] of Object.entries(populations)) {
      if (population > 0 && !sampled.has(category)) {
        throw new RangeError(`margin ${m}: no respondents for ${category}`);
      }
    }
  });
  const g = active.map(() => 1);
  const totals = (m: number) => {
    const sums = new Map<string, number>();
    active.forEach((cell, i) => {
      const category = cell.margins[m] as string;
      sums.set(category, (sums.get(category) ?? 0) + cell.respondents * cell.baseWeight * (g[i] as number));
    });
    return sums;
  };
  const gap = () => {
    let worst = 0;
    marginPopulations.forEach((populations, m) => {
      for (const [category, total] of totals(m)) {
        const population = populations[category] as number;
        worst = Math.max(worst, Math.abs(total - population) / population);
      }
    });
    return worst;
  };
  let iterations = 0;
  let maxRelativeGap = gap();
  while (maxRelativeGap > tolerance && iterations < maxIterations) {
    marginPopulations.forEach((populations, m) => {
      const sums = totals(m);
      active.forEach((cell, i) => {
        const category = cell.margins[m] as string;
        let factor = (g[i] as number) * ((populations[category] as number) / (sums.get(category) as number));
        if (bounds) factor = Math.min(bounds.upper, Math.max(bounds.lower, factor));
        g[i] = factor;
      });
    });
    iterations++;
    maxRelativeGap = gap();
  }
  const byKey = new Map(active.map((cell, i) => [cell, g[i] as number]));
  return {
    cells: cells.map((cell) => {
      const factor = byKey.get(cell) ?? 1;
      return { ...cell, g: factor, weight: cell.baseWeight * factor };
    }),
    converged: maxRelativeGap <= tolerance,
    iterations,
    maxRelativeGap,
  };
}
