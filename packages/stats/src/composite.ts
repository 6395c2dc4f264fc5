/**
 * Dimension and overall scores as linear combinations of item means (STATISTICS.md §1): a dimension is
 * the plain mean of its items' ȳ_k; the overall score is the weighted mean of the dimension scores, so
 * item k carries c_k = (dimension weight / Σ weights) / (items in the dimension).
 *
 * An item with no valid answer in the domain (e.g. skipped by every respondent of a town) has no mean;
 * it is left out and its dimension averages the remaining items. A dimension with no estimable item is
 * left out and the other dimension weights are renormalised.
 */

export interface DimensionSpec {
  readonly items: readonly string[];
  /** Relative weight in the overall score; equal weights when omitted. */
  readonly weight?: number;
}

/** Coefficients c_k of the combination, keyed by item id, over the estimable items only. */
export function compositeCoefficients(
  dimensions: readonly DimensionSpec[],
  estimable: (item: string) => boolean,
): Map<string, number> {
  const usable = dimensions
    .map((dimension) => {
      const weight = dimension.weight ?? 1;
      if (!(weight >= 0) || !Number.isFinite(weight)) throw new RangeError(`dimension weight ${weight} is invalid`);
      return { weight, items: [...new Set(dimension.items)].filter(estimable) };
    })
    .filter((dimension) => dimension.items.length > 0 && dimension.weight > 0);
  const totalWeight = usable.reduce((sum, dimension) => sum + dimension.weight, 0);
  if (usable.length === 0 || !(totalWeight > 0)) throw new RangeError("no dimension has an estimable item");
  const coefficients = new Map<string, number>();
  for (const dimension of usable) {
    const share = dimension.weight / totalWeight / dimension.items.length;
    for (const item of dimension.items) coefficients.set(item, (coefficients.get(item) ?? 0) + share);
  }
  return coefficients;
}
