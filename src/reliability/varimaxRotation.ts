import { Matrix, SingularValueDecomposition } from "ml-matrix";

/**
 * Kaiser's varimax rotation with row normalisation, exactly as R's `stats::varimax(x)`
 * iterates it (normalize = TRUE, eps = 1e-5, at most 1000 steps): each step takes the polar
 * factor U Vᵀ of B = xᵀ(z³ - z diag(Σ z²)/p), and it stops when the sum of singular values
 * of B grows by less than a factor 1 + eps.
 *
 * Reference: Kaiser (1958), Psychometrika 23, 187–200, doi:10.1007/BF02289233.
 * R: `stats::varimax(loadings)` (what psych::fa(rotate = "varimax") calls).
 *
 * @internal
 */
export function varimaxRotation(loadings: Matrix): Matrix {
  const p = loadings.rows;
  const m = loadings.columns;
  if (m < 2) return loadings.clone();
  // An item with no loading at all (a zero row) has no direction to normalise; it stays zero
  // (R divides by 0 and fills the rotation with NaN).
  const rowNorms = Array.from({ length: p }, (_, i) => Math.hypot(...loadings.getRow(i)) || 1);
  const x = loadings.clone();
  for (let i = 0; i < p; i++) for (let f = 0; f < m; f++) x.set(i, f, x.get(i, f) / rowNorms[i]!);
  let rotation = Matrix.eye(m);
  let criterion = 0;
  for (let step = 0; step < 1000; step++) {
    const z = x.mmul(rotation);
    const columnSquares = Array.from({ length: m }, (_, f) =>
      z.getColumn(f).reduce((sum, value) => sum + value * value, 0),
    );
    const target = new Matrix(p, m);
    for (let i = 0; i < p; i++) {
      for (let f = 0; f < m; f++) {
        const value = z.get(i, f);
        target.set(i, f, value ** 3 - (value * columnSquares[f]!) / p);
      }
    }
    const svd = new SingularValueDecomposition(x.transpose().mmul(target));
    rotation = svd.leftSingularVectors.mmul(svd.rightSingularVectors.transpose());
    const previous = criterion;
    criterion = svd.diagonal.reduce((sum, value) => sum + value, 0);
    if (criterion < previous * (1 + 1e-5)) break;
  }
  const rotated = x.mmul(rotation);
  for (let i = 0; i < p; i++)
    for (let f = 0; f < m; f++) rotated.set(i, f, rotated.get(i, f) * rowNorms[i]!);
  return rotated;
}
