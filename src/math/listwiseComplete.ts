import type { NumericMatrix } from "./numericMatrix.js";

/**
 * The rows of a matrix that have no missing cell (listwise deletion), and how many rows were
 * left out. R: `x[complete.cases(x), ]`.
 *
 * @category Math
 * @example
 * listwiseComplete({ values: Float64Array.from([1, 2, NaN, 4]), rows: 2, cols: 2 });
 * // => { matrix: { values: Float64Array [1, 2], rows: 1, cols: 2 }, nDropped: 1 }
 */
export function listwiseComplete(matrix: NumericMatrix): {
  matrix: NumericMatrix;
  nDropped: number;
} {
  const { rows, cols, values } = matrix;
  const kept: number[] = [];
  for (let r = 0; r < rows; r++) {
    let complete = true;
    for (let c = 0; c < cols && complete; c++) complete = !Number.isNaN(values[r * cols + c]!);
    if (complete) kept.push(r);
  }
  const out = new Float64Array(kept.length * cols);
  kept.forEach((r, at) => {
    out.set(values.subarray(r * cols, (r + 1) * cols), at * cols);
  });
  return { matrix: { values: out, rows: kept.length, cols }, nDropped: rows - kept.length };
}
