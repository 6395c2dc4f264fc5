/**
 * The microdata view of the design (STATISTICS.md §2): stratified by town, simple random within a town,
 * `svydesign(ids=~1, strata=~town, weights=~w, fpc=~N)`. Estimators take a Sample plus values aligned
 * with its units.
 */

export interface SampleUnit {
  readonly stratum: string;
  /** Final weight (design weight N_h/n_h, or the calibrated weight). */
  readonly weight: number;
}

export interface StratumSize {
  readonly population: number;
  readonly sampleSize: number;
}

/**
 * How the weights were calibrated; variance then uses residuals as R's `svyrecvar` does.
 * Arrays are aligned with the units.
 */
export type Calibration =
  | { readonly kind: "none" }
  /** `postStratify`: each unit's post-stratum and its weight before post-stratification. */
  | { readonly kind: "poststratified"; readonly cells: readonly string[]; readonly baseWeights: readonly number[] }
  /** `rake`: margins[m][i] is unit i's category on margin m. */
  | { readonly kind: "raked"; readonly margins: readonly (readonly string[])[] };

export const NO_CALIBRATION: Calibration = { kind: "none" };

export interface Sample {
  readonly units: readonly SampleUnit[];
  readonly strata: ReadonlyMap<string, StratumSize>;
  readonly calibration: Calibration;
}

/** Checks the design and counts n_h; N_h comes from `populations` keyed by stratum. */
export function createSample(
  units: readonly SampleUnit[],
  populations: Readonly<Record<string, number>>,
  calibration: Calibration = NO_CALIBRATION,
): Sample {
  const counts = new Map<string, number>();
  for (const unit of units) {
    if (!(unit.weight > 0) || !Number.isFinite(unit.weight)) {
      throw new RangeError(`weight must be positive and finite, got ${unit.weight} in stratum ${unit.stratum}`);
    }
    counts.set(unit.stratum, (counts.get(unit.stratum) ?? 0) + 1);
  }
  const strata = new Map<string, StratumSize>();
  for (const [stratum, sampleSize] of counts) {
    const population = populations[stratum];
    if (population === undefined) throw new RangeError(`no population for stratum ${stratum}`);
    if (!(population >= sampleSize)) {
      throw new RangeError(`stratum ${stratum}: population ${population} is smaller than its sample ${sampleSize}`);
    }
    strata.set(stratum, { population, sampleSize });
  }
  checkCalibration(calibration, units.length);
  return { units, strata, calibration };
}

function checkCalibration(calibration: Calibration, length: number): void {
  const aligned = (array: readonly unknown[]) => array.length === length;
  if (calibration.kind === "poststratified" && !(aligned(calibration.cells) && aligned(calibration.baseWeights))) {
    throw new RangeError("post-stratification cells and base weights must be aligned with the units");
  }
  if (calibration.kind === "raked" && !calibration.margins.every(aligned)) {
    throw new RangeError("raking margins must be aligned with the units");
  }
}

/** Values aligned with the units: throws when a caller passes a column of the wrong length. */
export function assertAligned(sample: Sample, values: readonly unknown[], what: string): void {
  if (values.length !== sample.units.length) {
    throw new RangeError(`${what} has ${values.length} values for ${sample.units.length} units`);
  }
}
