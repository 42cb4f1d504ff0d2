import { AllianceError, type AllianceWarning, describeValue } from "../errors.js";
import { optionsRecord } from "../guards.js";
import type { MatrixInput } from "../math/numericMatrix.js";
import { correlationSummary } from "./correlationSummary.js";
import { distinctSplits } from "./distinctSplits.js";
import { withNonFiniteWarning } from "./nonFiniteWarning.js";
import { prepareItems } from "./prepareItems.js";
import { splitCorrelation } from "./splitCorrelation.js";
import { type SplitPlan, type SplitSearch, searchSplits } from "./splitEnumeration.js";
import { splitQuantiles } from "./splitQuantiles.js";
import type { ItemOptions } from "./types.js";

/**
 * Options of {@link splitHalf}.
 *
 * @category Reliability
 */
export interface SplitHalfOptions extends ItemOptions {
  /**
   * Without `keys`, reverse the items that load negatively on the first principal component,
   * as psych does (`check.keys = TRUE`). Default true.
   */
  readonly checkKeys?: boolean;
  /** Also evaluate every distinct split (the `allSplits` block). Default false. */
  readonly allSplits?: boolean;
  /** Random splits drawn when there are more splits than this (psych `n.sample`). Default 10,000. */
  readonly sampleSize?: number;
  /** Seed of the random splits. Default 1 (a library choice, so results are reproducible). */
  readonly seed?: number;
}

/**
 * Two halves of a split, by item name (a `-` prefix marks a reversed item, as psych prints
 * it) and by zero-based input column.
 *
 * @category Reliability
 */
export interface SplitHalves {
  itemsA: string[];
  itemsB: string[];
  columnsA: number[];
  columnsB: number[];
}

/**
 * Every distinct split (the correct maximum, minimum and mean where psych evaluates only
 * about half of the splits of an odd number of items).
 *
 * @category Reliability
 */
export interface AllSplits {
  maxSplit: number;
  minSplit: number;
  meanSplit: number;
  /** Number of distinct splits. */
  count: number;
  bestSplit: SplitHalves;
  worstSplit: SplitHalves;
}

/**
 * The result of {@link splitHalf}; names follow psych::splitHalf in camelCase.
 *
 * @category Reliability
 */
export interface SplitHalfResult {
  /** Best split: Guttman's λ4 (psych `maxrb`). */
  maxSplit: number;
  /** Worst split: Revelle's β (psych `minrb`). */
  minSplit: number;
  /** Mean of the evaluated splits (psych `meanr`, the same divisor as psych). */
  meanSplit: number;
  /** Standardized alpha (λ3) of the keyed correlation matrix. */
  alpha: number;
  /** Guttman's λ2. */
  lambda2: number;
  /** Guttman's λ6 from the squared multiple correlations. */
  lambda6: number;
  /** Mean inter-item correlation (psych `av.r`). */
  averageR: number;
  /** Median inter-item correlation (psych `med.r`). */
  medianR: number;
  /** Type-7 quantiles of the evaluated splits at (1 - level)/2, .5, (1 + level)/2 (psych `ci`). */
  quantiles: { lower: number; median: number; upper: number; level: number };
  bestSplit: SplitHalves;
  worstSplit: SplitHalves;
  /** `"psych"`: psych's enumeration; `"random"`: `splitsEvaluated` seeded random splits. */
  sampling: "psych" | "random";
  splitsEvaluated: number;
  /** Items reversed automatically (checkKeys). */
  reversed: string[];
  /** Present when `allSplits: true`. */
  allSplits?: AllSplits;
  k: number;
  n: number;
  nDropped: number;
  warnings: AllianceWarning[];
}

/** Exhaustive enumeration beyond this many distinct splits is refused (library choice). */
const MAX_ALL_SPLITS = 2_000_000;

/**
 * Split-half reliabilities over many splits of the items into two halves, as psych::splitHalf:
 * each split scores 4 r_AB / Σr (Flanagan–Rulon; Guttman's λ4 for that split) on the keyed
 * correlation matrix r = cov2cor(pairwise covariance). The best split is λ4, the worst is
 * Revelle's β; alpha, λ2 and λ6 come with them.
 *
 * Which splits: with at most `sampleSize` (10,000) splits, psych's enumeration — every split
 * for an even number of items, but only the first half in lexicographic order for an odd
 * number (documented in docs/reliability.md); `allSplits: true` adds every distinct split.
 * Above that, `sampleSize` random splits from a seeded generator (psych's own draws come from
 * R's RNG and cannot be reproduced).
 *
 * Formulas: λ2 = (Σ_{i≠j} r_ij + sqrt(k/(k-1) Σ_{i≠j} r_ij²)) / Σr;
 * λ6 = (Σ_{i≠j} r_ij + Σ smc_i) / Σr; alpha = k/(k-1) Σ_{i≠j} r_ij / Σr.
 * References: Guttman (1945), Psychometrika 10, 255–282, doi:10.1007/BF02288892;
 * Revelle (1979), Multivariate Behavioral Research 14, 57–74, doi:10.1207/s15327906mbr1401_4;
 * Revelle & Zinbarg (2009), Psychometrika 74, 145–154, doi:10.1007/s11336-008-9102-z.
 * R: `psych::splitHalf(x, raw = TRUE, key, use = "pairwise")` (psych 2.2.9).
 *
 * @category Reliability
 * @throws AllianceError NOT_ENOUGH_DATA with fewer than 2 rows or 2 items with variance, or a
 *   pair of items with fewer than 2 rows in common;
 *   OUT_OF_RANGE (path `data[*][c]`) when values are so large, so small or so far apart that a
 *   variance, covariance or pairwise correlation cannot be computed in double precision;
 *   INVALID_OPTION / WRONG_LENGTH / INVALID_INPUT for bad options (as {@link cronbachAlpha}),
 *   or `allSplits` with more than 2,000,000 distinct splits; INVALID_INPUT / WRONG_LENGTH /
 *   NOT_A_NUMBER from the matrix conversion
 * @example
 * const rows = [[1, 2, 1, 2], [2, 2, 3, 3], [3, 4, 3, 4], [4, 5, 5, 4], [2, 1, 2, 2], [5, 4, 4, 5]];
 * splitHalf(rows).maxSplit; // => 0.9812520686670035 (psych::splitHalf: 0.981252068667004)
 */
export function splitHalf(data: MatrixInput, givenOptions?: SplitHalfOptions): SplitHalfResult {
  const options = optionsRecord(givenOptions);
  const sampleSize = checkCount(options.sampleSize, "sampleSize", 10_000);
  const seed = checkCount(options.seed, "seed", 1);
  const items = prepareItems(data, options);
  const k = items.columns.length;
  const keyed = splitCorrelation(items, options.checkKeys ?? true);
  const random = distinctSplits(k) > sampleSize;
  if (options.allSplits === true && distinctSplits(k) > MAX_ALL_SPLITS) {
    throw new AllianceError({
      code: "INVALID_OPTION",
      path: "options.allSplits",
      message: `expected at most ${MAX_ALL_SPLITS} distinct splits to enumerate, got ${distinctSplits(k)} for ${k} items`,
    });
  }
  const plan: SplitPlan = random ? { kind: "random", sampleSize, seed } : { kind: "psych" };
  const search = searchSplits(keyed.r, k, plan);
  const halves = (members: number[]): SplitHalves =>
    splitHalves(members, items.columns, items.names, keyed.keys);
  const summary = correlationSummary(keyed.r, k);
  const result: SplitHalfResult = {
    maxSplit: search.max,
    minSplit: search.min,
    meanSplit: search.mean,
    ...summary,
    quantiles: splitQuantiles(search.sortedValues, items.level),
    bestSplit: halves(search.best),
    worstSplit: halves(search.worst),
    sampling: random ? "random" : "psych",
    splitsEvaluated: search.evaluated,
    reversed: keyed.reversed,
    k,
    n: items.n,
    nDropped: items.nDropped,
    warnings: [...items.warnings, ...keyed.warnings],
  };
  if (options.allSplits === true) {
    result.allSplits = allSplitsBlock(searchSplits(keyed.r, k, { kind: "all" }), halves);
  }
  return withNonFiniteWarning(result);
}

function allSplitsBlock(
  search: SplitSearch,
  halves: (members: number[]) => SplitHalves,
): AllSplits {
  return {
    maxSplit: search.max,
    minSplit: search.min,
    meanSplit: search.mean,
    count: search.evaluated,
    bestSplit: halves(search.best),
    worstSplit: halves(search.worst),
  };
}

function splitHalves(
  members: readonly number[],
  columns: readonly number[],
  names: readonly string[],
  keys: readonly number[],
): SplitHalves {
  const inA = new Set(members);
  const label = (i: number): string => (keys[i]! < 0 ? `-${names[i]}` : names[i]!);
  const all = columns.map((_, i) => i);
  const a = all.filter((i) => inA.has(i));
  const b = all.filter((i) => !inA.has(i));
  return {
    itemsA: a.map(label),
    itemsB: b.map(label),
    columnsA: a.map((i) => columns[i]!),
    columnsB: b.map((i) => columns[i]!),
  };
}

function checkCount(value: unknown, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value === "number" && Number.isSafeInteger(value) && value > 0) return value;
  throw new AllianceError({
    code: "INVALID_OPTION",
    path: `options.${name}`,
    message: `expected a positive integer, got ${describeValue(value)}`,
  });
}
