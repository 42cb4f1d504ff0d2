import { inverse, Matrix } from "ml-matrix";

/**
 * Result of {@link obliminRotation}.
 *
 * @internal
 */
export interface ObliminSolution {
  /** Pattern loadings Λ (T⁻¹)ᵀ. */
  loadings: Matrix;
  /** Factor correlations TᵀT. */
  phi: Matrix;
  /** Whether the projected gradient fell below the tolerance. */
  converged: boolean;
}

/**
 * Direct oblimin rotation with γ = 0 (quartimin), by the gradient projection algorithm for
 * oblique rotations, as GPArotation's `oblimin(L)` runs `GPFoblq` (start T = I, no row
 * normalisation, tolerance 1e-5 on the projected gradient, at most 1000 steps, step halving
 * up to 10 times).
 *
 * Criterion: Q(Λ) = ¼ Σ_i Σ_{f≠g} λ_if² λ_ig², gradient ∂Q/∂Λ = Λ ∘ (Λ² N), N = 11ᵀ - I.
 * Reference: Jennrich (2002), Psychometrika 67, 7–19, doi:10.1007/BF02294706; Bernaards &
 * Jennrich (2005), Educational and Psychological Measurement 65, 676–696,
 * doi:10.1177/0013164404272507.
 * R: `GPArotation::oblimin(L)` (as called by psych::schmid).
 *
 * @internal
 */
export function obliminRotation(loadings: Matrix): ObliminSolution {
  const m = loadings.columns;
  let rotation = Matrix.eye(m);
  let state = evaluate(loadings, rotation);
  let gradient = gradientAt(state);
  let stepSize = 1;
  let converged = false;
  for (let iteration = 0; iteration <= 1000; iteration++) {
    const projected = projectGradient(rotation, gradient);
    const size = Math.sqrt(projected.to1DArray().reduce((sum, value) => sum + value * value, 0));
    if (size < 1e-5) {
      converged = true;
      break;
    }
    stepSize *= 2;
    let candidate = rotation;
    let candidateState = state;
    for (let halving = 0; halving <= 10; halving++) {
      candidate = stepAlong(rotation, projected, stepSize);
      candidateState = evaluate(loadings, candidate);
      if (state.criterion - candidateState.criterion > 0.5 * size * size * stepSize) break;
      stepSize /= 2;
    }
    rotation = candidate;
    state = candidateState;
    // As GPFoblq, the gradient is formed once per step, for the accepted rotation only.
    gradient = gradientAt(state);
  }
  return { loadings: state.pattern, phi: rotation.transpose().mmul(rotation), converged };
}

/** What one trial rotation T gives: the pattern, the criterion and its gradient in Λ. */
interface Evaluation {
  pattern: Matrix;
  criterion: number;
  criterionGradient: Matrix;
  inverseRotation: Matrix;
}

/** Pattern and criterion (with its gradient in the pattern) at rotation T. */
function evaluate(loadings: Matrix, rotation: Matrix): Evaluation {
  const inverseRotation = inverse(rotation);
  const pattern = loadings.mmul(inverseRotation.transpose());
  const p = pattern.rows;
  const m = pattern.columns;
  const criterionGradient = new Matrix(p, m);
  let criterion = 0;
  for (let i = 0; i < p; i++) {
    let rowSquares = 0;
    for (let f = 0; f < m; f++) rowSquares += pattern.get(i, f) ** 2;
    for (let f = 0; f < m; f++) {
      const value = pattern.get(i, f);
      const others = rowSquares - value * value;
      criterion += (value * value * others) / 4;
      criterionGradient.set(i, f, value * others);
    }
  }
  return { pattern, criterion, criterionGradient, inverseRotation };
}

/** The gradient with respect to T: G = -(Λ_patternᵀ Gq T⁻¹)ᵀ. */
function gradientAt({ pattern, criterionGradient, inverseRotation }: Evaluation): Matrix {
  return pattern.transpose().mmul(criterionGradient).mmul(inverseRotation).transpose().mul(-1);
}

/** G - T diag(colSums(T ∘ G)): the gradient projected onto the tangent space. */
function projectGradient(rotation: Matrix, gradient: Matrix): Matrix {
  const projected = gradient.clone();
  for (let f = 0; f < rotation.columns; f++) {
    let dot = 0;
    for (let i = 0; i < rotation.rows; i++) dot += rotation.get(i, f) * gradient.get(i, f);
    for (let i = 0; i < rotation.rows; i++)
      projected.set(i, f, gradient.get(i, f) - rotation.get(i, f) * dot);
  }
  return projected;
}

/** T - α Gp with each column scaled to unit length (GPFoblq's trial rotation). */
function stepAlong(rotation: Matrix, projected: Matrix, stepSize: number): Matrix {
  const m = rotation.rows;
  const candidate = new Matrix(m, m);
  const column = new Array<number>(m);
  for (let f = 0; f < m; f++) {
    for (let i = 0; i < m; i++) column[i] = rotation.get(i, f) - stepSize * projected.get(i, f);
    const length = Math.hypot(...column);
    for (let i = 0; i < m; i++) candidate.set(i, f, column[i]! / length);
  }
  return candidate;
}
