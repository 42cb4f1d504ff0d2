import { Matrix } from "ml-matrix";
import { minresFactoring } from "./minresFactoring.js";
import { obliminRotation } from "./obliminRotation.js";
import { signColumns } from "./signColumns.js";
import { varimaxRotation } from "./varimaxRotation.js";

/**
 * A Schmid–Leiman solution, in the columns of psych's `schmid()$sl`.
 *
 * @internal
 */
export interface SchmidLeimanSolution {
  /** Loadings on the general factor g. */
  general: number[];
  /** p x nfactors loadings on the group factors (residualised). */
  group: Matrix;
  /** Communalities h² of the orthogonal (varimax) solution. */
  communalities: number[];
  /** Uniquenesses u² = 1 - h². */
  uniquenesses: number[];
  /** Notes on convergence and identification, for the caller's warnings. */
  notes: { code: string; message: string }[];
}

/**
 * Schmid–Leiman transformation of an oblique factor solution into a general factor and
 * orthogonal group factors, as psych's `schmid(R, nfactors, fm = "minres", rotate = "oblimin")`:
 * minres factoring, varimax, then oblimin; the general factor is a one-factor minres solution
 * of the factor correlations (for two factors both loadings are sqrt|φ₁₂|, psych's
 * `option = "equal"`; for one factor the general loadings are the factor loadings).
 * g = Λ_oblique γ; group loadings = sign(Λ) sqrt(Λ² (1 - γ²)).
 *
 * Reference: Schmid & Leiman (1957), Psychometrika 22, 53–61, doi:10.1007/BF02289209.
 * R: `psych::schmid(r, nfactors, fm = "minres", rotate = "oblimin")`.
 *
 * @internal
 */
export function schmidLeiman(correlation: Matrix, nfactors: number): SchmidLeimanSolution {
  const notes: { code: string; message: string }[] = [];
  const factored = minresFactoring(correlation, nfactors);
  if (!factored.converged) notes.push(notConverged("minres", factored.stationarity));
  if (factored.heywood) {
    notes.push({
      code: "HEYWOOD_CASE",
      message:
        "a uniqueness was held at its bound (0.005 or 1) in minres factoring (a Heywood case): too many factors or too few items; psych's optimiser may stop elsewhere, so values can differ from psych more than usual",
    });
  }
  const orthogonal =
    nfactors > 1
      ? orderByVariance(signColumns(varimaxRotation(factored.loadings)))
      : factored.loadings;
  const communalities = rowSquares(orthogonal);
  let oblique = orthogonal;
  let gamma = [1];
  if (nfactors > 1) {
    const rotated = obliminRotation(orthogonal);
    if (!rotated.converged) {
      notes.push({
        code: "OBLIMIN_NOT_CONVERGED",
        message: "oblimin did not converge in 1000 steps",
      });
    }
    oblique = rotated.loadings;
    gamma = higherOrderLoadings(rotated.phi, notes);
  }
  const general = Array.from({ length: oblique.rows }, (_, i) =>
    gamma.reduce((sum, weight, f) => sum + oblique.get(i, f) * weight, 0),
  );
  const group = new Matrix(oblique.rows, nfactors);
  for (let i = 0; i < oblique.rows; i++) {
    for (let f = 0; f < nfactors; f++) {
      const loading = oblique.get(i, f);
      const residual = Math.max(0, loading * loading * (1 - gamma[f]! ** 2));
      group.set(i, f, Math.sign(loading) * Math.sqrt(residual));
    }
  }
  return {
    general,
    group,
    communalities,
    uniquenesses: communalities.map((h2) => 1 - h2),
    notes,
  };
}

/** Loadings of the factors on g: minres on Φ (3+ factors) or sqrt|φ₁₂| (2 factors). */
function higherOrderLoadings(phi: Matrix, notes: { code: string; message: string }[]): number[] {
  if (phi.rows === 2) {
    const r = phi.get(0, 1);
    notes.push({
      code: "TWO_FACTORS",
      message:
        'three factors are needed to identify a general factor; with two, both load sqrt(|φ12|) on it (psych option = "equal")',
    });
    return [Math.sqrt(Math.abs(r)), Math.sign(r) * Math.sqrt(Math.abs(r))];
  }
  const solution = minresFactoring(phi, 1);
  if (!solution.converged) notes.push(notConverged("minres (higher order)", solution.stationarity));
  return solution.loadings.getColumn(0);
}

function notConverged(step: string, stationarity: number): { code: string; message: string } {
  return {
    code: "MINRES_NOT_CONVERGED",
    message: `${step} stopped with |diag(ΛΛᵀ) + ψ - 1| up to ${stationarity}`,
  };
}

function rowSquares(matrix: Matrix): number[] {
  return Array.from({ length: matrix.rows }, (_, i) =>
    matrix.getRow(i).reduce((sum, value) => sum + value * value, 0),
  );
}

/** psych::fa orders rotated factors by their sums of squared loadings, largest first. */
function orderByVariance(loadings: Matrix): Matrix {
  const variance = Array.from({ length: loadings.columns }, (_, f) =>
    loadings.getColumn(f).reduce((sum, value) => sum + value * value, 0),
  );
  const order = variance.map((_, f) => f).sort((a, b) => variance[b]! - variance[a]!);
  const ordered = new Matrix(loadings.rows, loadings.columns);
  order.forEach((from, to) => {
    ordered.setColumn(to, loadings.getColumn(from));
  });
  return ordered;
}
