/**
 * Fixed data sets for the rank-statistics tests (17 towns, as in Songjiang). Reference values in the tests were
 * computed from exactly these vectors with R 4.x (`Rscript`, Debian r-base-core) and scipy 1.10 (Debian
 * python3-scipy, /usr/bin/python3); each test names the call.
 */

/** Strong positive agreement, no ties. */
export const SATISFACTION = [
  72.4, 68.1, 75.3, 70.2, 66.8, 73.9, 64.5, 69.7, 71.1, 62.3, 67.5, 74.6, 63.8, 65.9, 70.8, 61.2, 68.9,
];
export const OBJECTIVE = [
  78.2, 70.5, 80.1, 69.4, 65.2, 74.8, 60.3, 72.6, 68.8, 58.9, 71.3, 76.5, 66.1, 62.7, 73.4, 57.6, 64.9,
];

/** Moderate positive agreement with SATISFACTION, no ties. */
export const OBJECTIVE_MODERATE = [
  66.2, 71.9, 69.5, 64.4, 70.3, 75.1, 61.8, 63.0, 73.2, 60.7, 67.3, 68.4, 72.5, 58.8, 74.0, 62.6, 65.5,
];

/** Integer-rounded versions: several ties in both. */
export const SATISFACTION_TIED = [72, 68, 75, 70, 67, 74, 65, 70, 71, 62, 68, 75, 64, 66, 71, 61, 69];
export const OBJECTIVE_TIED = [78, 70, 80, 69, 65, 75, 60, 73, 69, 59, 71, 76, 66, 63, 73, 58, 65];

/** Moderate negative relation, no ties. */
export const WEAK_A = [
  55.1, 61.3, 58.7, 49.9, 63.2, 57.4, 52.8, 60.6, 54.3, 59.8, 51.7, 62.4, 56.9, 50.5, 53.6, 64.1, 48.2,
];
export const WEAK_B = [
  71.2, 64.8, 69.3, 73.5, 62.1, 75.8, 66.4, 70.9, 63.7, 68.2, 72.6, 67.5, 61.9, 74.4, 65.3, 60.2, 76.1,
];

/** Seven towns with one tie in x. */
export const SMALL_TIED_X = [70, 68, 75, 70, 67, 74, 65];
export const SMALL_TIED_Y = [78, 70, 80, 69, 65, 75, 60];

/** |actual − expected| ≤ rel·|expected| (or ≤ rel when expected is 0). */
export function relativeError(actual: number, expected: number): number {
  return expected === 0 ? Math.abs(actual) : Math.abs(actual - expected) / Math.abs(expected);
}
