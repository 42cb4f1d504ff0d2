import { EigenvalueDecomposition, Matrix } from "ml-matrix";

/**
 * Eigenvalues (descending) and eigenvectors (columns, in the same order) of a symmetric
 * matrix, through ml-matrix's symmetric eigen-decomposition. The sign of each eigenvector
 * is arbitrary, as in R's `eigen`.
 *
 * @category Math
 * @example
 * symmetricEigen(new Matrix([[2, 0], [0, 3]])).values; // => [3, 2]
 */
export function symmetricEigen(matrix: Matrix): { values: number[]; vectors: Matrix } {
  const decomposition = new EigenvalueDecomposition(matrix, { assumeSymmetric: true });
  const values = decomposition.realEigenvalues;
  const order = values.map((_, i) => i).sort((a, b) => values[b]! - values[a]!);
  const vectors = new Matrix(matrix.rows, order.length);
  order.forEach((from, to) => {
    vectors.setColumn(to, decomposition.eigenvectorMatrix.getColumn(from));
  });
  return { values: order.map((i) => values[i]!), vectors };
}
