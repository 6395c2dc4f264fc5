/**
 * Taylor-linearised variance on microdata (STATISTICS.md §2), the specification the aggregate versions
 * are tested against:
 *   V = Σ_h (1 − n_h/N_h) · n_h/(n_h−1) · Σ_{i∈h} (z_hi − z̄_h)(z_hi − z̄_h)ᵀ,
 * after replacing z by its calibration residuals the way R's `svyrecvar` does.
 */
import { assertAligned, type Sample } from "./sample-design";

/** R runs exactly this many backfitting sweeps for raked designs; matching it matches R's numbers. */
export const RAKING_RESIDUAL_SWEEPS = 10;

function groupIndices(keys: readonly string[]): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  keys.forEach((key, index) => {
    const members = groups.get(key);
    if (members) members.push(index);
    else groups.set(key, [index]);
  });
  return groups;
}

/** Residuals of linearised values under the sample's calibration (identity when uncalibrated). */
export function calibrationResiduals(sample: Sample, z: readonly number[]): number[] {
  assertAligned(sample, z, "linearised values");
  const calibration = sample.calibration;
  const x = [...z];
  const finalWeight = (i: number) => (sample.units[i] as { weight: number }).weight;
  if (calibration.kind === "poststratified") {
    // svyrecvar: psmean_g = Σ_g x·oldw/psw / Σ_g oldw;  x ← x − psmean_g·psw.
    for (const members of groupIndices(calibration.cells).values()) {
      let numerator = 0;
      let denominator = 0;
      for (const i of members) {
        const oldWeight = calibration.baseWeights[i] as number;
        numerator += ((x[i] as number) * oldWeight) / finalWeight(i);
        denominator += oldWeight;
      }
      const psMean = numerator / denominator;
      for (const i of members) x[i] = (x[i] as number) - psMean * finalWeight(i);
    }
  } else if (calibration.kind === "raked") {
    // svyrecvar: 10 sweeps of x ← x − psw·ave(x/psw, margin) over the margins in order.
    const marginGroups = calibration.margins.map((margin) => [...groupIndices(margin).values()]);
    for (let sweep = 0; sweep < RAKING_RESIDUAL_SWEEPS; sweep++) {
      for (const groups of marginGroups) {
        for (const members of groups) {
          let total = 0;
          for (const i of members) total += (x[i] as number) / finalWeight(i);
          const average = total / members.length;
          for (const i of members) x[i] = (x[i] as number) - average * finalWeight(i);
        }
      }
    }
  }
  return x;
}

/** Covariance matrix of estimators whose linearised values are the given columns (each aligned with the units). */
export function linearisedCovariance(sample: Sample, columns: readonly (readonly number[])[]): number[][] {
  const residuals = columns.map((column) => calibrationResiduals(sample, column));
  const p = columns.length;
  const covariance = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  const strata = groupIndices(sample.units.map((unit) => unit.stratum));
  for (const [stratum, members] of strata) {
    const size = sample.strata.get(stratum);
    if (!size) throw new RangeError(`stratum ${stratum} is not in the design`);
    const n = size.sampleSize;
    const f = 1 - n / size.population;
    if (f === 0) continue; // a census stratum adds no variance
    if (residuals.every((column) => members.every((i) => column[i] === 0))) continue;
    if (n < 2) throw new RangeError(`stratum ${stratum} has a single respondent: its variance cannot be estimated`);
    const scale = (f * n) / (n - 1);
    const means = residuals.map((column) => members.reduce((sum, i) => sum + (column[i] as number), 0) / n);
    for (let a = 0; a < p; a++) {
      const columnA = residuals[a] as number[];
      const meanA = means[a] as number;
      for (let b = a; b < p; b++) {
        const columnB = residuals[b] as number[];
        const meanB = means[b] as number;
        let sum = 0;
        for (const i of members) sum += ((columnA[i] as number) - meanA) * ((columnB[i] as number) - meanB);
        const row = covariance[a] as number[];
        row[b] = (row[b] as number) + scale * sum;
      }
    }
  }
  for (let a = 0; a < p; a++)
    for (let b = 0; b < a; b++) (covariance[a] as number[])[b] = (covariance[b] as number[])[a] as number;
  return covariance;
}

export function linearisedVariance(sample: Sample, z: readonly number[]): number {
  return (linearisedCovariance(sample, [z])[0] as number[])[0] as number;
}
