/**
 * The few distribution functions the comparison needs (t, normal, hypergeometric), double precision.
 * Regularised incomplete beta and gamma by continued fractions (modified Lentz), log-gamma by Lanczos.
 * Checked against scipy.stats in distributions.test.ts.
 */

const EPS = 1e-16;
const TINY = 1e-300;
const MAX_ITERATIONS = 10_000;

// Lanczos approximation, g = 7, n = 9 (Godfrey's coefficients); relative error about 1e-15.
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

export function logGamma(x: number): number {
  if (!(x > 0)) throw new RangeError("logGamma: x must be positive");
  if (x < 0.5) {
    // Reflection keeps precision for small x.
    return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  }
  const z = x - 1;
  let sum = LANCZOS[0] as number;
  for (let i = 1; i < LANCZOS.length; i += 1) sum += (LANCZOS[i] as number) / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** Continued fraction for I_x(a, b), valid for x < (a+1)/(a+b+2). */
function betaContinuedFraction(x: number, a: number, b: number): number {
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= MAX_ITERATIONS; m += 1) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPS) return h;
  }
  throw new Error("regularizedBeta: continued fraction did not converge");
}

/** Regularised incomplete beta I_x(a, b). */
export function regularizedBeta(x: number, a: number, b: number): number {
  if (!(a > 0 && b > 0)) throw new RangeError("regularizedBeta: a and b must be positive");
  if (!(x >= 0 && x <= 1)) throw new RangeError("regularizedBeta: x must lie in [0, 1]");
  if (x === 0) return 0;
  if (x === 1) return 1;
  const logFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x);
  if (x < (a + 1) / (a + b + 2)) return (Math.exp(logFront) * betaContinuedFraction(x, a, b)) / a;
  return 1 - (Math.exp(logFront) * betaContinuedFraction(1 - x, b, a)) / b;
}

/** Upper tail of Student's t: P(T > t) with `df` degrees of freedom. */
export function studentTUpper(t: number, df: number): number {
  if (!(df > 0)) throw new RangeError("studentTUpper: df must be positive");
  if (Number.isNaN(t)) return Number.NaN;
  if (t === Number.POSITIVE_INFINITY) return 0;
  if (t === Number.NEGATIVE_INFINITY) return 1;
  // Computing the smaller tail directly keeps relative precision for tiny p-values.
  const tail = 0.5 * regularizedBeta(df / (df + t * t), df / 2, 0.5);
  return t >= 0 ? tail : 1 - tail;
}

/** Regularised upper incomplete gamma Q(a, x). */
export function regularizedGammaUpper(a: number, x: number): number {
  if (!(a > 0)) throw new RangeError("regularizedGammaUpper: a must be positive");
  if (!(x >= 0)) throw new RangeError("regularizedGammaUpper: x must be non-negative");
  if (x === 0) return 1;
  if (x === Number.POSITIVE_INFINITY) return 0;
  const logFront = a * Math.log(x) - x - logGamma(a);
  if (x < a + 1) {
    // Series for the lower function P, then Q = 1 − P.
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n <= MAX_ITERATIONS; n += 1) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * EPS) return 1 - sum * Math.exp(logFront);
    }
    throw new Error("regularizedGammaUpper: series did not converge");
  }
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i <= MAX_ITERATIONS; i += 1) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPS) return Math.exp(logFront) * h;
  }
  throw new Error("regularizedGammaUpper: continued fraction did not converge");
}

/** Upper tail of the standard normal: P(Z > z) = ½·erfc(z/√2), with erfc(u) = Q(½, u²) for u ≥ 0. */
export function normalUpper(z: number): number {
  if (Number.isNaN(z)) return Number.NaN;
  const tail = 0.5 * regularizedGammaUpper(0.5, (z * z) / 2);
  return z >= 0 ? tail : 1 - tail;
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
