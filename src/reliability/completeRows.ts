import type { NumericMatrix } from "../math/numericMatrix.js";

/**
 * The rows of a matrix that have no missing (`NaN`) cell, as a new matrix, with the count of
 * rows left out (listwise deletion).
 *
 * @internal
 */
export function completeRows(matrix: NumericMatrix): { matrix: NumericMatrix; nDropped: number } {
  const { values, rows, cols } = matrix;
  const kept: number[] = [];
  for (let r = 0; r < rows; r++) {
    let complete = true;
    for (let c = 0; c < cols && complete; c++) complete = !Number.isNaN(values[r * cols + c]!);
    if (complete) kept.push(r);
  }
  const out = new Float64Array(kept.length * cols);
  for (let i = 0; i < kept.length; i++) {
    const r = kept[i]!;
    out.set(values.subarray(r * cols, (r + 1) * cols), i * cols);
  }
  return { matrix: { values: out, rows: kept.length, cols }, nDropped: rows - kept.length };
}
