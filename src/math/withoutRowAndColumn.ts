/**
 * The (k-1) x (k-1) submatrix of a k x k row-major matrix without row and column `drop`.
 * R: `m[-drop, -drop]`.
 *
 * @category Math
 * @example
 * withoutRowAndColumn(Float64Array.from([1, 2, 3, 4]), 2, 0); // => Float64Array [4]
 */
export function withoutRowAndColumn(
  matrix: Float64Array,
  size: number,
  drop: number,
): Float64Array {
  const out = new Float64Array((size - 1) * (size - 1));
  let at = 0;
  for (let i = 0; i < size; i++) {
    if (i === drop) continue;
    for (let j = 0; j < size; j++) if (j !== drop) out[at++] = matrix[i * size + j]!;
  }
  return out;
}
