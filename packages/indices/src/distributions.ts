/**
 * The distribution functions the comparison needs (t, normal, hypergeometric), built on the regularised
 * incomplete beta and gamma functions of @survey/stats. Checked against scipy.stats in distributions.test.ts.
 */
import { logGamma, normalUpperTail, regularizedBeta } from "@survey/stats";

/** Upper tail of Student's t: P(T > t) with `df` degrees of freedom. */
export function studentTUpper(t: number, df: number): number {
  if (!(df > 0)) throw new RangeError("studentTUpper: df must be positive");
  if (Number.isNaN(t)) return Number.NaN;
  if (t === Number.POSITIVE_INFINITY) return 0;
  if (t === Number.NEGATIVE_INFINITY) return 1;
  // Computing the smaller tail directly keeps relative precision for tiny p-values.
  const tSquared = t * t;
  const tail = 0.5 * regularizedBeta(df / (df + tSquared), df / 2, 0.5, tSquared / (df + tSquared)).lower;
  return t >= 0 ? tail : 1 - tail;
}

/** Upper tail of the standard normal: P(Z > z). */
export function normalUpper(z: number): number {
  if (Number.isNaN(z)) return Number.NaN;
  return normalUpperTail(z);
}

export function logChoose(n: number, k: number): number {
  if (!(Number.isInteger(n) && Number.isInteger(k) && k >= 0 && k <= n)) return Number.NEGATIVE_INFINITY;
  return logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1);
}

/**
 * Hypergeometric upper tail P(X ≥ x): X = successes in `draws` drawn without replacement from `population`
 * items of which `successes` are marked. Here: towns in both bottom groups, by chance.
 */
export function hypergeometricUpper(x: number, population: number, successes: number, draws: number): number {
  const valid = [population, successes, draws].every((v) => Number.isInteger(v) && v >= 0);
  if (!valid || successes > population || draws > population) {
    throw new RangeError("hypergeometricUpper: need integers 0 ≤ successes, draws ≤ population");
  }
  const lowest = Math.max(0, draws - (population - successes));
  const highest = Math.min(successes, draws);
  if (x <= lowest) return 1;
  if (x > highest) return 0;
  const logTotal = logChoose(population, draws);
  let p = 0;
  for (let i = Math.ceil(x); i <= highest; i += 1) {
    p += Math.exp(logChoose(successes, i) + logChoose(population - successes, draws - i) - logTotal);
  }
  return Math.min(p, 1);
}
