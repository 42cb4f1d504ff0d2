import normalCdf from "@stdlib/stats-base-dists-normal-cdf";
import { AllianceError, type AllianceWarning, describeValue } from "../errors.js";
import { optionsRecord } from "../guards.js";
import { type MatrixInput, toNumericMatrix } from "../math/numericMatrix.js";
import {
  type CategoryLabel,
  categoryLabel,
  givenLevels,
  isMissingLabel,
  levelIndex,
  sortedLevels,
} from "./categoryLevels.js";
import { oneOf } from "./checkOptions.js";

/**
 * Options of {@link fleissKappa}.
 *
 * @category Reliability
 */
export interface FleissKappaOptions {
  /**
   * What the rows hold. `"ratings"` (default): one row per subject, one column per rating,
   * each cell a category label (`null` = missing). `"counts"`: one row per subject, one column
   * per category, each cell the number of raters who chose that category (a `MatrixInput`).
   */
  input?: "ratings" | "counts";
  /**
   * Categories in order, for `"ratings"` input (default: the labels used, sorted). With
   * `"counts"` input, names for the columns (default: 1, 2, …).
   */
  levels?: ReadonlyArray<CategoryLabel>;
}

/**
 * Kappa for one category against all others.
 *
 * @category Reliability
 */
export interface FleissCategoryKappa {
  /** The category. */
  category: CategoryLabel;
  /** Share of all ratings in this category, p_j. */
  proportion: number;
  /** kappa_j = 1 - sum_i n_ij (n - n_ij) / (N n (n - 1) p_j q_j). */
  kappa: number;
  /** Standard error under H0, sqrt(2 / (N n (n - 1))). */
  se: number;
  /** kappa / se. */
  z: number;
  /** Two-sided p-value of z. */
  p: number;
}

/**
 * What {@link fleissKappa} returns.
 *
 * @category Reliability
 */
export interface FleissKappaResult {
  /** Fleiss' kappa, (P̄ - P_e)/(1 - P_e). irr `value`. */
  kappa: number;
  /** Standard error under H0 of no agreement beyond chance (Fleiss, Nee & Landis 1979). */
  se: number;
  /** kappa / se. irr `statistic`. */
  z: number;
  /** Two-sided p-value of z. */
  p: number;
  /** Mean agreement over subjects, P̄. */
  observedAgreement: number;
  /** Agreement expected by chance, P_e = sum_j p_j^2. */
  expectedAgreement: number;
  /** One entry per category, in the order of the levels. */
  categories: FleissCategoryKappa[];
  /** Subjects used, N. */
  subjects: number;
  /** Ratings per subject, n. */
  raters: number;
  /** Subjects left out because of a missing rating. */
  nDropped: number;
  /** Degenerate input: dropped rows, unused or universal categories, no variation at all. */
  warnings: AllianceWarning[];
}

/**
 * Fleiss' kappa: chance-corrected agreement of n ratings per subject on a nominal scale, when
 * the raters need not be the same people for every subject.
 *
 * With N subjects, n ratings each and n_ij ratings of subject i in category j:
 * p_j = sum_i n_ij / (N n); P_i = (sum_j n_ij^2 - n) / (n (n - 1)); P̄ = mean P_i;
 * P_e = sum_j p_j^2; kappa = (P̄ - P_e)/(1 - P_e) (Fleiss 1971). Under H0 (Fleiss, Nee & Landis
 * 1979): SE = sqrt(2) / (sum p_j q_j sqrt(N n (n - 1))) * sqrt((sum p_j q_j)^2 - sum p_j q_j
 * (q_j - p_j)); per category, SE_j = sqrt(2 / (N n (n - 1))). This SE tests kappa = 0; it is
 * not meant for a confidence interval, so none is given.
 *
 * Missing data: a subject with any missing rating is dropped (every subject needs the same n),
 * as `irr::kappam.fleiss` does.
 *
 * References: Fleiss, J. L. (1971). Measuring nominal scale agreement among many raters.
 * Psychol Bull 76, 378–382. doi:10.1037/h0031619. Fleiss, J. L., Nee, J. C. M. & Landis, J. R.
 * (1979). Large sample variance of kappa in the case of different sets of raters. Psychol Bull
 * 86, 974–977. doi:10.1037/0033-2909.86.5.974. R: `irr::kappam.fleiss(ratings, detail = TRUE)`
 * (not in psych).
 *
 * @category Reliability
 * @throws AllianceError INVALID_INPUT for a malformed row or label, or counts whose rows sum to
 * different totals; WRONG_LENGTH for rows of unequal length; OUT_OF_RANGE for a rating outside
 * `levels` or a negative or fractional count; NOT_A_NUMBER for a count that is not a number
 * (`input: "counts"`, through the matrix conversion); NOT_ENOUGH_DATA with fewer than 2 ratings
 * per subject or no complete subject; INVALID_OPTION for bad options
 * @example
 * fleissKappa([["a", "a", "b"], ["b", "b", "b"], ["a", "a", "a"]]).kappa; // => 0.55
 */
export function fleissKappa(
  ratings: ReadonlyArray<ReadonlyArray<CategoryLabel | null>> | MatrixInput,
  options: Readonly<FleissKappaOptions> = {},
): FleissKappaResult {
  const checked = optionsRecord(options);
  const input = oneOf(checked.input, ["ratings", "counts"], "ratings", "options.input");
  const table =
    input === "counts"
      ? countsFromMatrix(ratings as MatrixInput, checked.levels)
      : countsFromRatings(
          ratings as ReadonlyArray<ReadonlyArray<CategoryLabel | null>>,
          checked.levels,
        );
  return kappaFromCounts(table);
}

interface CountTable {
  counts: number[][];
  levels: CategoryLabel[];
  raters: number;
  nDropped: number;
}

function countsFromRatings(
  ratings: ReadonlyArray<ReadonlyArray<CategoryLabel | null>>,
  levelsOption: FleissKappaOptions["levels"],
): CountTable {
  if (!Array.isArray(ratings)) {
    throw new AllianceError({
      code: "INVALID_INPUT",
      path: "ratings",
      message: `expected an array of rows (one per subject), got ${describeValue(ratings)}`,
    });
  }
  const width = Array.isArray(ratings[0]) ? ratings[0].length : 0;
  const complete: CategoryLabel[][] = [];
  const positions: number[] = [];
  for (let i = 0; i < ratings.length; i++) {
    const row = ratings[i];
    if (!Array.isArray(row) || row.length !== width) {
      throw new AllianceError({
        code: Array.isArray(row) ? "WRONG_LENGTH" : "INVALID_INPUT",
        path: `ratings[${i}]`,
        message: `expected a row of ${width} ratings like row 0, got ${describeValue(row)}`,
      });
    }
    const labels: unknown[] = Array.from(row); // a hole in a sparse row reads as missing
    if (labels.some(isMissingLabel)) continue;
    complete.push(labels.map((label, j) => categoryLabel(label, `ratings[${i}][${j}]`)));
    positions.push(i);
  }
  const levels =
    levelsOption === undefined
      ? sortedLevels(complete.flat(), "ratings")
      : givenLevels(levelsOption, "options.levels");
  const index = new Map(levels.map((label, j) => [label, j]));
  const counts = complete.map((row, r) => {
    const tally = levels.map(() => 0);
    row.forEach((label, c) => {
      tally[levelIndex(index, label, `ratings[${positions[r]}][${c}]`)]! += 1;
    });
    return tally;
  });
  return { counts, levels, raters: width, nDropped: ratings.length - complete.length };
}

function countsFromMatrix(
  data: MatrixInput,
  levelsOption: FleissKappaOptions["levels"],
): CountTable {
  const { values, rows, cols } = toNumericMatrix(data, "ratings");
  const levels =
    levelsOption === undefined
      ? Array.from({ length: cols }, (_, j) => j + 1)
      : givenLevels(levelsOption, "options.levels");
  if (levels.length !== cols) {
    throw new AllianceError({
      code: "WRONG_LENGTH",
      path: "options.levels",
      message: `expected ${cols} levels (one per column of counts), got ${levels.length}`,
    });
  }
  const counts: number[][] = [];
  let raters = -1;
  for (let i = 0; i < rows; i++) {
    const row = Array.from(values.subarray(i * cols, (i + 1) * cols));
    if (row.some(Number.isNaN)) continue;
    row.forEach((count, j) => {
      if (!Number.isInteger(count) || count < 0) {
        throw new AllianceError({
          code: "OUT_OF_RANGE",
          path: `ratings[${i}][${j}]`,
          message: `expected a count (a whole number >= 0), got ${describeValue(count)}`,
        });
      }
    });
    const total = row.reduce((sum, count) => sum + count, 0);
    if (raters >= 0 && total !== raters) {
      throw new AllianceError({
        code: "INVALID_INPUT",
        path: `ratings[${i}]`,
        message: `expected every subject to have the same number of ratings (${raters}), got ${total}`,
      });
    }
    raters = total;
    counts.push(row);
  }
  return { counts, levels, raters: Math.max(raters, 0), nDropped: rows - counts.length };
}

function kappaFromCounts({ counts, levels, raters: n, nDropped }: CountTable): FleissKappaResult {
  const subjects = counts.length;
  if (subjects === 0 || n < 2) {
    throw new AllianceError({
      code: "NOT_ENOUGH_DATA",
      path: "ratings",
      message: `expected at least one complete subject with at least 2 ratings, got ${subjects} subject(s) with ${n} rating(s)`,
    });
  }
  const totalRatings = subjects * n;
  const proportions = levels.map(
    (_, j) => counts.reduce((sum, row) => sum + row[j]!, 0) / totalRatings,
  );
  const observed =
    counts.reduce((sum, row) => sum + (row.reduce((s, c) => s + c * c, 0) - n) / (n * (n - 1)), 0) /
    subjects;
  const expected = proportions.reduce((sum, p) => sum + p * p, 0);
  const kappa = (observed - expected) / (1 - expected);
  const pq = proportions.reduce((sum, p) => sum + p * (1 - p), 0);
  const skew = proportions.reduce((sum, p) => sum + p * (1 - p) * (1 - 2 * p), 0);
  const se = (Math.SQRT2 / (pq * Math.sqrt(totalRatings * (n - 1)))) * Math.sqrt(pq * pq - skew);
  const categorySe = Math.sqrt(2 / (totalRatings * (n - 1)));
  const categories = levels.map((category, j): FleissCategoryKappa => {
    const p = proportions[j]!;
    const disagreement = counts.reduce((sum, row) => sum + row[j]! * (n - row[j]!), 0);
    const categoryKappa = 1 - disagreement / (totalRatings * (n - 1) * p * (1 - p));
    const z = categoryKappa / categorySe;
    return { category, proportion: p, kappa: categoryKappa, se: categorySe, z, p: twoSided(z) };
  });
  return {
    kappa,
    se,
    z: kappa / se,
    p: twoSided(kappa / se),
    observedAgreement: observed,
    expectedAgreement: expected,
    categories,
    subjects,
    raters: n,
    nDropped,
    warnings: fleissWarnings(proportions, levels, nDropped),
  };
}

function twoSided(z: number): number {
  return 2 * normalCdf(-Math.abs(z), 0, 1);
}

function fleissWarnings(
  proportions: readonly number[],
  levels: readonly CategoryLabel[],
  nDropped: number,
): AllianceWarning[] {
  const warnings: AllianceWarning[] = [];
  if (nDropped > 0) {
    warnings.push({
      code: "ROWS_DROPPED",
      path: "ratings",
      message: `${nDropped} subject(s) with a missing rating were left out (every subject needs the same number of ratings)`,
    });
  }
  if (proportions.some((p) => p === 1)) {
    warnings.push({
      code: "ONE_CATEGORY",
      path: "ratings",
      message: "every rating is in one category: kappa, its SE and z are undefined (NaN)",
    });
  }
  proportions.forEach((p, j) => {
    if (p === 0) {
      warnings.push({
        code: "UNUSED_CATEGORY",
        path: `categories[${j}]`,
        message: `category ${describeValue(levels[j])} was never used: its kappa is undefined (NaN)`,
      });
    }
  });
  return warnings;
}
