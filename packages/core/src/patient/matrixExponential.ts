/** A small dense square matrix, row by row. */
export type Matrix = readonly (readonly number[])[];

function multiply(a: Matrix, b: Matrix): number[][] {
  const n = a.length;
  const out: number[][] = [];
  for (let i = 0; i < n; i += 1) {
    const row: number[] = new Array(n).fill(0);
    const ai = a[i] as readonly number[];
    for (let k = 0; k < n; k += 1) {
      const aik = ai[k] as number;
      if (aik === 0) continue;
      const bk = b[k] as readonly number[];
      for (let j = 0; j < n; j += 1) row[j] = (row[j] as number) + aik * (bk[j] as number);
    }
    out.push(row);
  }
  return out;
}

const norm1 = (m: Matrix): number => {
  let max = 0;
  for (let j = 0; j < m.length; j += 1) {
    let sum = 0;
    for (const row of m) sum += Math.abs(row[j] as number);
    max = Math.max(max, sum);
  }
  return max;
};

/**
 * `exp(m)` by scaling and squaring with a Taylor series: exact enough (relative error near 1e-15)
 * for the small, stable linear systems of the patient model over any step from a second to years.
 */
export function matrixExponential(m: Matrix): number[][] {
  const squarings = Math.max(0, Math.ceil(Math.log2(norm1(m) / 0.25)));
  const scale = 2 ** -squarings;
  const a = m.map((row) => row.map((v) => v * scale));
  let term: number[][] = a.map((row, i) => row.map((_, j) => (i === j ? 1 : 0)));
  let sum = term.map((row) => [...row]);
  for (let k = 1; k <= 14; k += 1) {
    term = multiply(term, a).map((row) => row.map((v) => v / k));
    sum = sum.map((row, i) => row.map((v, j) => v + ((term[i] as number[])[j] as number)));
  }
  for (let s = 0; s < squarings; s += 1) sum = multiply(sum, sum);
  return sum;
}
