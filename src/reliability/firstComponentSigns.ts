import { EigenvalueDecomposition, Matrix } from "ml-matrix";

/**
 * Items whose loading on the first principal component of a correlation matrix is negative,
 * after the component is signed so that its loadings sum to a positive number. This is the
 * rule psych uses (via `principal`) to warn about, or reverse, items that correlate
 * negatively with the total scale.
 *
 * @internal
 */
export function negativeFirstComponentItems(correlation: Float64Array, k: number): number[] {
  const rows: number[][] = [];
  for (let i = 0; i < k; i++) rows.push(Array.from(correlation.subarray(i * k, (i + 1) * k)));
  const decomposition = new EigenvalueDecomposition(new Matrix(rows), { assumeSymmetric: true });
  const values = decomposition.realEigenvalues;
  let largest = 0;
  for (let i = 1; i < k; i++) if (values[i]! > values[largest]!) largest = i;
  const vector = decomposition.eigenvectorMatrix.getColumn(largest);
  const sign = vector.reduce((total, value) => total + value, 0) < 0 ? -1 : 1;
  return vector.flatMap((value, item) => (sign * value < 0 ? [item] : []));
}
