import { Matrix, solve } from "ml-matrix";
import { squaredMultipleCorrelations } from "../math/squaredMultipleCorrelations.js";
import { symmetricEigen } from "../math/symmetricEigen.js";
import { signColumns } from "./signColumns.js";

/**
 * Result of {@link minresFactoring}.
 *
 * @internal
 */
export interface MinresSolution {
  /** p x nfactors unrotated loadings, each column signed to a positive sum (as psych). */
  loadings: Matrix;
  /** Uniquenesses ψ_i = 1 - communality. */
  uniquenesses: number[];
  /** Largest |diag(ΛΛᵀ) + ψ - diag(R)| over the free uniquenesses at the end. */
  stationarity: number;
  /** True when a uniqueness ended at a bound (0.005 or 1): a Heywood case. */
  heywood: boolean;
  /** Newton steps taken. */
  iterations: number;
  /** True when the stationarity condition was met to 1e-12. */
  converged: boolean;
}

/** psych's box for the uniquenesses in `fa(fm = "minres")`: optim's lower and upper. */
const LOWER = 0.005;
const UPPER = 1;
const TOLERANCE = 1e-12;
const MAX_ITERATIONS = 200;

/**
 * Minimum-residual (ULS) factoring of a p x p correlation matrix R with `nfactors` factors:
 * the loadings Λ that minimise the sum of squared off-diagonal residuals Σ_{i<j}(r_ij - (ΛΛᵀ)_ij)².
 *
 * As in psych, the unknowns are the uniquenesses ψ (bounded to [0.005, 1]) and Λ holds the
 * first `nfactors` eigenvectors of R - diag(ψ), scaled by the square roots of their
 * (non-negative) eigenvalues. psych minimises with R's `optim(method = "L-BFGS-B")`, starting
 * from ψ = 1 - smc; here the stationarity condition g(ψ) = diag(ΛΛᵀ) + ψ - 1 = 0 (the gradient
 * psych hands to optim) is solved by Newton's method with a finite-difference Jacobian and a
 * backtracking line search, from the same start; a uniqueness pressed against a bound is held
 * there. The answers agree with psych to the precision of psych's own stopping rule.
 *
 * In a Heywood case (a uniqueness held at 0.005) this is where psych's optimiser is headed
 * too, since the gradient it uses is g; it is not the minimum of the residual sum over the
 * free uniquenesses, and psych may stop anywhere between (see docs/reliability.md).
 *
 * Reference: Harman & Jones (1966), Psychometrika 31, 351–368, doi:10.1007/BF02289468.
 * R: `psych::fa(r, nfactors, fm = "minres", rotate = "none")`.
 *
 * @internal
 */
export function minresFactoring(correlation: Matrix, nfactors: number): MinresSolution {
  const p = correlation.rows;
  const flat = Float64Array.from(correlation.to1DArray());
  let psi = squaredMultipleCorrelations(flat, p).map((smc) => clamp(1 - smc));
  let residual = stationarity(correlation, psi, nfactors);
  let iterations = 0;
  // Only the free uniquenesses are solved for: once every one is held at a bound there is
  // nothing left to move (and no Jacobian to build), which is a converged Heywood solution.
  while (maxAbs(freeResidual(residual, psi)) > TOLERANCE && iterations < MAX_ITERATIONS) {
    iterations++;
    const step = newtonStep(correlation, psi, residual, nfactors);
    const next = lineSearch(correlation, psi, step, residual, nfactors);
    if (next === null) break;
    psi = next.psi;
    residual = next.residual;
  }
  return {
    loadings: signColumns(loadingsFor(correlation, psi, nfactors)),
    uniquenesses: psi,
    stationarity: maxAbs(freeResidual(residual, psi)),
    iterations,
    converged: maxAbs(freeResidual(residual, psi)) <= TOLERANCE,
    heywood: psi.some((value) => value <= LOWER || value >= UPPER),
  };
}

/** Λ: the first nf eigenvectors of R - diag(ψ) times sqrt(max(eigenvalue, 0)). */
function loadingsFor(correlation: Matrix, psi: readonly number[], nfactors: number): Matrix {
  const reduced = correlation.clone();
  psi.forEach((value, i) => {
    reduced.set(i, i, correlation.get(i, i) - value);
  });
  const { values, vectors } = symmetricEigen(reduced);
  const loadings = new Matrix(correlation.rows, nfactors);
  for (let f = 0; f < nfactors; f++) {
    const scale = Math.sqrt(Math.max(values[f]!, 0));
    for (let i = 0; i < correlation.rows; i++) loadings.set(i, f, vectors.get(i, f) * scale);
  }
  return loadings;
}

/** g(ψ) = diag(ΛΛᵀ) + ψ - diag(R): zero at a minres solution. */
function stationarity(correlation: Matrix, psi: readonly number[], nfactors: number): number[] {
  const loadings = loadingsFor(correlation, psi, nfactors);
  return psi.map((value, i) => {
    let communality = 0;
    for (let f = 0; f < nfactors; f++) communality += loadings.get(i, f) ** 2;
    return communality + value - correlation.get(i, i);
  });
}

/** Which uniquenesses are held at a bound: at the bound with g pushing outwards. */
function heldAtBound(psi: readonly number[], residual: readonly number[]): boolean[] {
  return psi.map(
    (value, i) => (value <= LOWER && residual[i]! > 0) || (value >= UPPER && residual[i]! < 0),
  );
}

function freeResidual(residual: readonly number[], psi: readonly number[]): number[] {
  const held = heldAtBound(psi, residual);
  return residual.map((value, i) => (held[i] ? 0 : value));
}

/** Newton direction for the free uniquenesses, J δ = -g, with a forward-difference J. */
function newtonStep(
  correlation: Matrix,
  psi: readonly number[],
  residual: readonly number[],
  nfactors: number,
): number[] {
  const held = heldAtBound(psi, residual);
  const free = psi.map((_, i) => i).filter((i) => !held[i]);
  const jacobian = new Matrix(free.length, free.length);
  free.forEach((column, c) => {
    const h = 1e-7;
    const shifted = [...psi];
    shifted[column] = psi[column]! - h;
    const moved = stationarity(correlation, shifted, nfactors);
    free.forEach((row, r) => {
      jacobian.set(r, c, (residual[row]! - moved[row]!) / h);
    });
  });
  const rhs = Matrix.columnVector(free.map((i) => -residual[i]!));
  const delta = solve(jacobian, rhs, true);
  const step = new Array<number>(psi.length).fill(0);
  free.forEach((i, r) => {
    step[i] = delta.get(r, 0);
  });
  return step;
}

/** Halves the step until the free residual shrinks; null when no step helps. */
function lineSearch(
  correlation: Matrix,
  psi: readonly number[],
  step: readonly number[],
  residual: readonly number[],
  nfactors: number,
): { psi: number[]; residual: number[] } | null {
  const current = sumSquares(freeResidual(residual, psi));
  let scale = 1;
  for (let attempt = 0; attempt < 30; attempt++) {
    const candidate = psi.map((value, i) => clamp(value + scale * step[i]!));
    const next = stationarity(correlation, candidate, nfactors);
    if (sumSquares(freeResidual(next, candidate)) < current) {
      return { psi: candidate, residual: next };
    }
    scale /= 2;
  }
  return null;
}

function clamp(value: number): number {
  return Math.min(UPPER, Math.max(LOWER, value));
}

function maxAbs(values: readonly number[]): number {
  return values.reduce((largest, value) => Math.max(largest, Math.abs(value)), 0);
}

function sumSquares(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value * value, 0);
}
