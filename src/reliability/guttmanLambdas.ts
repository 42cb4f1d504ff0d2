import type { AllianceWarning } from "../errors.js";
import type { MatrixInput } from "../math/numericMatrix.js";
import { correlationSummary } from "./correlationSummary.js";
import { distinctSplits } from "./distinctSplits.js";
import { withNonFiniteWarning } from "./nonFiniteWarning.js";
import { prepareItems } from "./prepareItems.js";
import { splitCorrelation } from "./splitCorrelation.js";
import { searchSplits } from "./splitEnumeration.js";
import type { ItemOptions } from "./types.js";

/**
 * Guttman's six lower bounds to reliability.
 *
 * @category Reliability
 */
export interface GuttmanLambdasResult {
  /** λ1 = 1 - tr r / Σr. */
  lambda1: number;
  /** λ2 = λ1 + sqrt(k/(k-1) Σ_{i≠j} r_ij²) / Σr. */
  lambda2: number;
  /** λ3 = k/(k-1) λ1, standardized alpha. */
  lambda3: number;
  /** λ4: the best split-half, over psych's splits (see {@link splitHalf}). */
  lambda4: number;
  /** λ5 = λ1 + 2 sqrt(max_j Σ_{i≠j} r_ij²) / Σr. */
  lambda5: number;
  /** λ6 = (Σ_{i≠j} r_ij + Σ smc_i) / Σr. */
  lambda6: number;
  /** How λ4 was found: psych's enumeration, or 10,000 seeded random splits. */
  lambda4Sampling: "psych" | "random";
  k: number;
  n: number;
  nDropped: number;
  warnings: AllianceWarning[];
}

/**
 * Guttman's (1945) lower bounds λ1–λ6 on the correlation matrix r = cov2cor(pairwise
 * covariance) of the keyed items, as psych's (deprecated) `guttman` defines them. λ4 is the
 * best split-half found the way psych::splitHalf finds it (every split for an even number of
 * items, psych's half of them for an odd number, 10,000 seeded random splits beyond 10,000),
 * after psych's automatic reversal when no keys are given.
 *
 * Reference: Guttman (1945), A basis for analyzing test-retest reliability, Psychometrika
 * 10, 255–282, doi:10.1007/BF02288892.
 * R: `psych::guttman(r)` on the keyed `cov2cor(cov(x, use = "pairwise"))` (psych 2.2.9;
 * `guttman` fails when given `key`, so the keys are applied to r first).
 *
 * @category Reliability
 * @throws AllianceError NOT_ENOUGH_DATA with fewer than 2 rows or 2 items with variance, or a
 *   pair of items with fewer than 2 rows in common;
 *   OUT_OF_RANGE (path `data[*][c]`) when values are so large, so small or so far apart that a
 *   variance, covariance or pairwise correlation cannot be computed in double precision;
 *   INVALID_OPTION / WRONG_LENGTH / INVALID_INPUT for bad options (as {@link cronbachAlpha});
 *   INVALID_INPUT / WRONG_LENGTH / NOT_A_NUMBER from the matrix conversion
 * @example
 * guttmanLambdas([[1, 2, 1], [2, 2, 3], [3, 4, 3], [4, 5, 5]]).lambda3;
 * // => 0.9658004423950128 (standardized alpha; psych::alpha std.alpha 0.965800442395013)
 */
export function guttmanLambdas(data: MatrixInput, options: ItemOptions = {}): GuttmanLambdasResult {
  const items = prepareItems(data, options);
  const k = items.columns.length;
  const r = items.correlation;
  const summary = correlationSummary(r, k);
  let total = 0;
  let largestSquares = 0;
  for (let j = 0; j < k; j++) {
    let squares = 0;
    for (let i = 0; i < k; i++) {
      total += r[i * k + j]!;
      if (i !== j) squares += r[i * k + j]! ** 2;
    }
    largestSquares = Math.max(largestSquares, squares);
  }
  const lambda1 = 1 - k / total;
  const keyed = splitCorrelation(items, true);
  const random = distinctSplits(k) > 10_000;
  const split = searchSplits(
    keyed.r,
    k,
    random ? { kind: "random", sampleSize: 10_000, seed: 1 } : { kind: "psych" },
  );
  return withNonFiniteWarning({
    lambda1,
    lambda2: summary.lambda2,
    lambda3: summary.alpha,
    lambda4: split.max,
    lambda5: lambda1 + (2 * Math.sqrt(largestSquares)) / total,
    lambda6: summary.lambda6,
    lambda4Sampling: random ? "random" : "psych",
    k,
    n: items.n,
    nDropped: items.nDropped,
    warnings: [...items.warnings, ...keyed.warnings],
  });
}
