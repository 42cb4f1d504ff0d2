import { CholeskyDecomposition, Matrix, pseudoInverse } from "ml-matrix";

/**
 * Inverse of a symmetric k x k matrix (row-major): through a Cholesky factorisation when the
 * matrix is positive definite, otherwise the Moore–Penrose inverse with psych's `Pinv`
 * cut-off (singular values at or below sqrt(machine epsilon) times the largest are dropped).
 * For a positive-definite matrix both are the ordinary inverse.
 *
 * @category Math
 * @example
 * correlationInverse(Float64Array.from([1, 0.5, 0.5, 1]), 2).positiveDefinite; // => true
 */
export function correlationInverse(
  matrix: Float64Array,
  size: number,
): { inverse: Matrix; positiveDefinite: boolean } {
  // The upper triangle is mirrored so that rounding cannot make the matrix asymmetric.
  const square = Matrix.from1DArray(
    size,
    size,
    Array.from({ length: size * size }, (_, at) => {
      const i = Math.floor(at / size);
      const j = at % size;
      return i <= j ? matrix[at]! : matrix[j * size + i]!;
    }),
  );
  const cholesky = new CholeskyDecomposition(square);
  if (cholesky.isPositiveDefinite()) {
    return { inverse: cholesky.solve(Matrix.eye(size)), positiveDefinite: true };
  }
  // ml-matrix cuts at threshold * max(rows, cols) * largest singular value.
  return {
    inverse: pseudoInverse(square, Math.sqrt(Number.EPSILON) / size),
    positiveDefinite: false,
  };
}
