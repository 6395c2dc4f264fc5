/** The little dense linear algebra the Rao–Scott correction needs (matrices of a few dozen rows). */

export type Matrix = number[][];

export function transpose(a: Matrix): Matrix {
  const columns = a[0]?.length ?? 0;
  return Array.from({ length: columns }, (_, j) => a.map((row) => row[j] as number));
}

export function multiply(a: Matrix, b: Matrix): Matrix {
  const inner = b.length;
  const columns = b[0]?.length ?? 0;
  return a.map((row) => {
    if (row.length !== inner) throw new RangeError("matrix dimensions do not match");
    const out = new Array<number>(columns).fill(0);
    for (let k = 0; k < inner; k++) {
      const factor = row[k] as number;
      if (factor === 0) continue;
      const bRow = b[k] as number[];
      for (let j = 0; j < columns; j++) out[j] = (out[j] as number) + factor * (bRow[j] as number);
    }
    return out;
  });
}

export function trace(a: Matrix): number {
  return a.reduce((sum, row, i) => sum + (row[i] as number), 0);
}

/** Solves A·X = B by Gaussian elimination with partial pivoting; throws when A is (numerically) singular. */
export function solve(a: Matrix, b: Matrix): Matrix {
  const n = a.length;
  if (b.length !== n || a.some((row) => row.length !== n)) throw new RangeError("solve needs a square system");
  const m = a.map((row) => [...row]);
  const x = b.map((row) => [...row]);
  const scale = Math.max(...m.flatMap((row) => row.map(Math.abs)));
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) {
      if (Math.abs((m[r] as number[])[col] as number) > Math.abs((m[pivot] as number[])[col] as number)) pivot = r;
    }
    const pivotValue = (m[pivot] as number[])[col] as number;
    if (!(Math.abs(pivotValue) > 1e-13 * scale)) throw new RangeError("singular matrix");
    [m[col], m[pivot]] = [m[pivot] as number[], m[col] as number[]];
    [x[col], x[pivot]] = [x[pivot] as number[], x[col] as number[]];
    const pivotRow = m[col] as number[];
    const pivotSolution = x[col] as number[];
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const row = m[r] as number[];
      const factor = (row[col] as number) / pivotValue;
      if (factor === 0) continue;
      for (let c = col; c < n; c++) row[c] = (row[c] as number) - factor * (pivotRow[c] as number);
      const solution = x[r] as number[];
      for (let c = 0; c < solution.length; c++)
        solution[c] = (solution[c] as number) - factor * (pivotSolution[c] as number);
    }
  }
  return x.map((row, i) => row.map((value) => value / ((m[i] as number[])[i] as number)));
}
