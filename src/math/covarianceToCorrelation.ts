/**
 * Rescales a k x k covariance matrix (row-major) to correlations:
 * r_ij = c_ij / sqrt(c_ii c_jj), with the diagonal set to exactly 1. R: `cov2cor(C)`.
 *
 * @category Math
 * @example
 * covarianceToCorrelation(Float64Array.from([4, 2, 2, 9]), 2); // => Float64Array [1, 1/3, 1/3, 1]
 */
export function covarianceToCorrelation(covariance: Float64Array, size: number): Float64Array {
  const scale = new Float64Array(size);
  for (let i = 0; i < size; i++) scale[i] = 1 / Math.sqrt(covariance[i * size + i]!);
  const correlation = new Float64Array(size * size);
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      correlation[i * size + j] = i === j ? 1 : covariance[i * size + j]! * scale[i]! * scale[j]!;
    }
  }
  return correlation;
}
