import type { NumericMatrix } from "./numericMatrix.js";

/**
 * The smallest and largest present value of the given columns together (missing values, NaN,
 * are skipped): `{ min: Infinity, max: -Infinity }` when none is present.
 *
 * @internal
 */
export function columnRange(
  matrix: NumericMatrix,
  columns: readonly number[],
): { min: number; max: number } {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let r = 0; r < matrix.rows; r++) {
    for (const c of columns) {
      const value = matrix.values[r * matrix.cols + c]!;
      if (value < min) min = value;
      if (value > max) max = value;
    }
  }
  return { min, max };
}
