/** Ascending mid-ranks (1 = smallest); tied values share the average of the ranks they span, like R's rank(). */
export function midRanks(values: readonly number[]): number[] {
  if (values.some((v) => !Number.isFinite(v))) throw new RangeError("midRanks: values must be finite");
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v);
  const ranks = new Array<number>(values.length).fill(0);
  let start = 0;
  while (start < order.length) {
    let end = start;
    while (end + 1 < order.length && (order[end + 1] as { v: number }).v === (order[start] as { v: number }).v)
      end += 1;
    const rank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k += 1) ranks[(order[k] as { i: number }).i] = rank;
    start = end + 1;
  }
  return ranks;
}

/**
 * Descending competition ranks for publication (1 = highest; ties share the best place and the next place is
 * skipped: 1, 2, 2, 4), as officials expect "并列第2".
 */
export function competitionRanks(values: readonly number[]): number[] {
  if (values.some((v) => !Number.isFinite(v))) throw new RangeError("competitionRanks: values must be finite");
  return values.map((v) => 1 + values.filter((w) => w > v).length);
}

export function hasTies(values: readonly number[]): boolean {
  return new Set(values).size < values.length;
}

export function pearson(x: readonly number[], y: readonly number[]): number {
  const n = x.length;
  const mx = x.reduce((s, v) => s + v, 0) / n;
  const my = y.reduce((s, v) => s + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i += 1) {
    const dx = (x[i] as number) - mx;
    const dy = (y[i] as number) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxy / Math.sqrt(sxx * syy);
}
