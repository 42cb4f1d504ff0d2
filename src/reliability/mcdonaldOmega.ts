import { Matrix } from "ml-matrix";
import { AllianceError, type AllianceWarning, describeValue } from "../errors.js";
import { optionsRecord } from "../guards.js";
import type { MatrixInput } from "../math/numericMatrix.js";
import { squaredMultipleCorrelations } from "../math/squaredMultipleCorrelations.js";
import { minresFactoring } from "./minresFactoring.js";
import { withNonFiniteWarning } from "./nonFiniteWarning.js";
import { type PreparedItems, prepareItems } from "./prepareItems.js";
import { schmidLeiman } from "./schmidLeiman.js";
import type { ItemOptions } from "./types.js";

/**
 * Options of {@link mcdonaldOmega}.
 *
 * @category Reliability
 */
export interface OmegaOptions extends Omit<ItemOptions, "level"> {
  /** Number of group factors (psych `nfactors`). Default 3, as psych. */
  readonly nfactors?: number;
}

/**
 * The result of {@link mcdonaldOmega}; names follow psych::omega in camelCase.
 *
 * @category Reliability
 */
export interface OmegaResult {
  /** ω_h = (Σ g)² / Vt: the share of total-score variance due to the general factor. */
  omegaH: number;
  /** ω_t = (Vt - Σ u²) / Vt: the share due to all common factors (psych `omega.tot`). */
  omegaTotal: number;
  /** ω_h / ω_t = (Σ g)² / (Vt - Σ u²) (psych `omega.lim`, McDonald's ω_∞). */
  omegaLimit: number;
  /** Explained common variance of g: Σ g² / Σ (g² + group²) (psych `ECV`). */
  ecv: number;
  /** Standardized alpha of the (keyed) correlation matrix. */
  alpha: number;
  /** Guttman's λ6 of the (keyed) correlation matrix (psych `G6`). */
  g6: number;
  /**
   * One-factor omega total, model-based: (Σλ)² / ((Σλ)² + Σψ) from a one-factor minres
   * solution (McDonald 1999). psych's `omega(nfactors = 1)` reports instead omegaH and
   * omegaTotal with the observed Vt in the denominator (see docs/reliability.md).
   */
  omegaTotalOneFactor: number;
  /** Loadings on the general factor, after keys/flips. */
  generalLoadings: number[];
  /** Communalities h² of the factor solution. */
  communalities: number[];
  /** Key (1 or -1) of each item used: given keys, or psych's flips by the sign of g. */
  keys: number[];
  /** Names of the items used. */
  items: string[];
  nfactors: number;
  k: number;
  n: number;
  nDropped: number;
  warnings: AllianceWarning[];
}

/**
 * McDonald's omega coefficients from a Schmid–Leiman bifactor solution, as
 * psych::omega(x, nfactors, fm = "minres", rotate = "oblimin") computes them: pairwise
 * correlations, minres factoring, varimax then oblimin (γ = 0), Schmid–Leiman with a
 * higher-order general factor. Items with a negative general loading are reversed (psych
 * `flip = TRUE`) unless keys are given.
 *
 * With Vt the sum of the (keyed) correlation matrix, g the general loadings and u² the
 * uniquenesses: ω_h = (Σg)²/Vt, ω_t = (Vt - Σu²)/Vt, ω_lim = (Σg)²/(Vt - Σu²).
 * minres is solved by Newton's method rather than L-BFGS-B (see minres in
 * docs/reliability.md), so results agree with psych to about 1e-6, not to the last digit.
 *
 * References: McDonald (1999), Test Theory: A Unified Treatment, Erlbaum;
 * Zinbarg, Revelle, Yovel & Li (2005), Psychometrika 70, 123–133, doi:10.1007/s11336-003-0974-7;
 * Revelle & Zinbarg (2009), Psychometrika 74, 145–154, doi:10.1007/s11336-008-9102-z.
 * R: `psych::omega(x, nfactors, fm = "minres", rotate = "oblimin", plot = FALSE)`.
 *
 * @category Reliability
 * @throws AllianceError NOT_ENOUGH_DATA with fewer than 3 items with variance or 2 rows, a
 *   pair of items with fewer than 2 rows in common, or a pair whose correlation is undefined
 *   (one item constant on the rows both answered);
 *   OUT_OF_RANGE (path `data[*][c]`) when values are so large, so small or so far apart that a
 *   variance, covariance or pairwise correlation cannot be computed in double precision;
 *   INVALID_OPTION when nfactors is not an integer from 1 to k - 1, and other bad options as
 *   {@link cronbachAlpha} (WRONG_LENGTH / INVALID_INPUT too); INVALID_INPUT / WRONG_LENGTH /
 *   NOT_A_NUMBER from the matrix conversion
 * @example
 * const rows = [[1, 2, 1, 2], [2, 2, 3, 3], [3, 4, 3, 4], [4, 5, 5, 4], [2, 1, 2, 2], [5, 4, 4, 5]];
 * mcdonaldOmega(rows, { nfactors: 1 }).omegaTotal;
 * // => 0.9571278555216519 (psych::omega(x, 1)$omega.tot: 0.957127855325772)
 */
export function mcdonaldOmega(data: MatrixInput, givenOptions?: OmegaOptions): OmegaResult {
  const options = optionsRecord(givenOptions);
  const items = prepareItems(data, options);
  const k = items.columns.length;
  const nfactors = checkFactors(options.nfactors, k);
  checkCorrelationsDefined(items);
  const correlation = toMatrix(items.pearson, k);
  const solution = schmidLeiman(correlation, nfactors);
  const flips = items.keysGiven
    ? new Array<number>(k).fill(1)
    : solution.general.map((g) => (g < 0 ? -1 : 1));
  const keyed = correlation.clone();
  for (let i = 0; i < k; i++)
    for (let j = 0; j < k; j++) keyed.set(i, j, flips[i]! * flips[j]! * correlation.get(i, j));
  const general = solution.general.map((g, i) => g * flips[i]!);
  const total = keyed.sum();
  const trace = keyed.trace();
  const uniqueness = solution.uniquenesses.reduce((sum, value) => sum + value, 0);
  const generalSum = general.reduce((sum, value) => sum + value, 0);
  const generalVariance = general.reduce((sum, value) => sum + value * value, 0);
  const groupVariance = solution.group.to1DArray().reduce((sum, value) => sum + value * value, 0);
  const smc = squaredMultipleCorrelations(Float64Array.from(keyed.to1DArray()), k);
  return withNonFiniteWarning({
    omegaH: generalSum ** 2 / total,
    omegaTotal: (total - uniqueness) / total,
    omegaLimit: generalSum ** 2 / (total - uniqueness),
    ecv: generalVariance / (generalVariance + groupVariance),
    alpha: ((total - trace) / total) * (k / (k - 1)),
    g6: (total + smc.reduce((sum, value) => sum + value, 0) - trace) / total,
    omegaTotalOneFactor: oneFactorOmega(keyed),
    generalLoadings: general,
    communalities: solution.communalities,
    keys: items.keys.map((key, i) => key * flips[i]!),
    items: items.names,
    nfactors,
    k,
    n: items.n,
    nDropped: items.nDropped,
    warnings: [...items.warnings, ...omegaWarnings(solution.notes, flips, items.names, nfactors)],
  });
}

/** (Σλ)² / ((Σλ)² + Σψ) from a one-factor minres solution of the keyed correlations. */
function oneFactorOmega(correlation: Matrix): number {
  const solution = minresFactoring(correlation, 1);
  const loadingSum = solution.loadings.getColumn(0).reduce((sum, value) => sum + value, 0);
  const uniqueness = solution.uniquenesses.reduce((sum, value) => sum + value, 0);
  return loadingSum ** 2 / (loadingSum ** 2 + uniqueness);
}

function omegaWarnings(
  notes: readonly { code: string; message: string }[],
  flips: readonly number[],
  names: readonly string[],
  nfactors: number,
): AllianceWarning[] {
  const warnings: AllianceWarning[] = notes.map((note) => ({ ...note, path: "" }));
  if (nfactors === 1) {
    warnings.push({
      code: "OMEGA_H_ONE_FACTOR",
      path: "omegaH",
      message: "with one factor omega_h is not meaningful, only omega total (psych warns the same)",
    });
  }
  const flipped = names.filter((_, i) => flips[i]! < 0);
  if (flipped.length > 0) {
    warnings.push({
      code: "ITEMS_REVERSED",
      path: "keys",
      message: `items ${flipped.join(", ")} loaded negatively on the general factor and were reversed (psych flip = TRUE); pass options.keys to choose yourself`,
    });
  }
  return warnings;
}

function toMatrix(values: Float64Array, k: number): Matrix {
  return Matrix.from1DArray(k, k, Array.from(values));
}

/** Factoring needs every correlation; psych::fa stops on NA correlations too. */
function checkCorrelationsDefined(items: PreparedItems): void {
  const pair = items.undefinedPairs[0];
  if (pair === undefined) return;
  const first = items.columns[pair.first]!;
  const second = items.columns[pair.second]!;
  throw new AllianceError({
    code: "NOT_ENOUGH_DATA",
    path: `data[*][${second}]`,
    message: `expected items ${items.names[pair.first]} (column ${first}) and ${items.names[pair.second]} (column ${second}) both to vary on the rows where both are present, got one constant there: their correlation is undefined and the factor analysis cannot use it`,
  });
}

function checkFactors(nfactors: unknown, k: number): number {
  if (k < 3) {
    throw new AllianceError({
      code: "NOT_ENOUGH_DATA",
      path: "data",
      message: `expected at least 3 items with variance for omega, got ${k}`,
    });
  }
  if (nfactors === undefined) return Math.min(3, k - 1);
  if (typeof nfactors === "number" && Number.isInteger(nfactors) && nfactors >= 1 && nfactors < k) {
    return nfactors;
  }
  throw new AllianceError({
    code: "INVALID_OPTION",
    path: "options.nfactors",
    message: `expected an integer from 1 to ${k - 1}, got ${describeValue(nfactors)}`,
  });
}
