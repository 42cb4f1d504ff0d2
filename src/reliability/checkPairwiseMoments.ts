import { AllianceError } from "../errors.js";
import { columnRange } from "../math/columnRange.js";
import type { NumericMatrix } from "../math/numericMatrix.js";
import type { PairwiseCovariance } from "../math/pairwiseCovariance.js";

/**
 * How far a Pearson correlation may lie beyond ±1 by rounding before it is read as a lost
 * computation (library choice: the one-pass sums of well-scaled data round at about 1e-15).
 */
const ROUNDING = 1e-8;

/** The smallest normal double, 2^-1022: below it a variance keeps only a few of its digits. */
const SMALLEST_NORMAL = 2 ** -1022;

/**
 * Refuses pairwise moments that double precision could not compute, before any of them reaches
 * a matrix decomposition (ml-matrix fails with a TypeError on NaN or infinite entries):
 *
 * - a variance or covariance that overflowed (values near 1e154 and beyond, whose squares
 *   exceed the largest double), or a correlation whose denominator did, is OUT_OF_RANGE;
 * - a variance above 0 but below 2^-1022 (values near 1e-154 and below), which keeps only a
 *   few significant digits, is OUT_OF_RANGE;
 * - a Pearson correlation over the rows two columns share that is infinite, or NaN, or beyond
 *   ±1, while both columns vary on those rows, could not be computed (their differences on
 *   those rows are so small that their squares underflow, e.g. 1e-170 and 2e-170 in a column
 *   that also holds a 5) and is OUT_OF_RANGE too. (Values far apart, such as a typing slip of
 *   -451721146 among 1–5 ratings, no longer get here: pairwiseCovariance recomputes a pair
 *   whose sums cancel.)
 *
 * A correlation that is NaN because a column is constant on the shared rows is left as it is:
 * it is undefined, not wrong, and the caller decides (see `PreparedItems.undefinedPairs`).
 * Pairs with fewer than two shared rows are left to the caller as well.
 *
 * @internal
 * @throws AllianceError OUT_OF_RANGE with the column's path `data[*][c]`
 */
export function checkPairwiseMoments(
  moments: PairwiseCovariance,
  matrix: NumericMatrix,
  names: readonly string[],
): void {
  const k = moments.size;
  for (let i = 0; i < k; i++) {
    for (let j = i; j < k; j++) {
      const at = i * k + j;
      if (!(moments.counts[at]! > 1)) continue;
      const covariance = moments.covariance[at]!;
      const r = moments.correlation[at]!;
      // r = 0 with a non-zero covariance means that the product of the two sums of squares in
      // r's denominator overflowed (the covariance uses the same rows, so it is 0 when r is).
      if (!Number.isFinite(covariance) || (r === 0 && covariance !== 0)) {
        throw overflow(i, j, names);
      }
      if (i === j && covariance > 0 && covariance < SMALLEST_NORMAL)
        throw underflow(i, covariance, names);
      if (Math.abs(r) <= 1 + ROUNDING) continue;
      if (Number.isNaN(r) && constantOnSharedRows(matrix, i, j)) continue;
      throw lostPrecision(matrix, i, j, names);
    }
  }
}

function overflow(i: number, j: number, names: readonly string[]): AllianceError {
  const what =
    i === j
      ? `the variance of item ${names[i]}`
      : `the variances and the covariance of items ${names[i]} and ${names[j]}`;
  return new AllianceError({
    code: "OUT_OF_RANGE",
    path: `data[*][${j}]`,
    message: `expected values small enough for ${what} to stay finite in double precision (squares below 1.8e308), got values whose squares overflow`,
  });
}

function underflow(column: number, variance: number, names: readonly string[]): AllianceError {
  return new AllianceError({
    code: "OUT_OF_RANGE",
    path: `data[*][${column}]`,
    message: `expected values far enough apart for the variance of item ${names[column]} to keep its digits in double precision (at least 2.2e-308), got ${variance}`,
  });
}

function lostPrecision(
  matrix: NumericMatrix,
  i: number,
  j: number,
  names: readonly string[],
): AllianceError {
  const range = columnRange(matrix, [i, j]);
  return new AllianceError({
    code: "OUT_OF_RANGE",
    path: `data[*][${j}]`,
    message: `expected values of items ${names[i]} and ${names[j]} whose correlation over the rows where both are present can be computed in double precision (differences whose squares stay above 2.2e-308), got values from ${range.min} to ${range.max}`,
  });
}

/** True when column i or column j takes one value on the rows where both are present. */
function constantOnSharedRows(matrix: NumericMatrix, i: number, j: number): boolean {
  let firstI = Number.NaN;
  let firstJ = Number.NaN;
  let variesI = false;
  let variesJ = false;
  for (let r = 0; r < matrix.rows; r++) {
    const x = matrix.values[r * matrix.cols + i]!;
    const y = matrix.values[r * matrix.cols + j]!;
    if (Number.isNaN(x) || Number.isNaN(y)) continue;
    if (Number.isNaN(firstI)) {
      firstI = x;
      firstJ = y;
    }
    if (x !== firstI) variesI = true;
    if (y !== firstJ) variesJ = true;
  }
  return !variesI || !variesJ;
}
