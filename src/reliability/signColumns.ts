import type { Matrix } from "ml-matrix";

/**
 * Flips each factor (column) whose loadings sum to a negative number, in place, as psych::fa
 * does after factoring and after rotation; returns the same matrix.
 *
 * @internal
 */
export function signColumns(loadings: Matrix): Matrix {
  for (let f = 0; f < loadings.columns; f++) {
    const column = loadings.getColumn(f);
    if (column.reduce((sum, value) => sum + value, 0) < 0) {
      loadings.setColumn(
        f,
        column.map((value) => -value),
      );
    }
  }
  return loadings;
}
