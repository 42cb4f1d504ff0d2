import fQuantile from "@stdlib/stats-base-dists-f-quantile";
import normalQuantile from "@stdlib/stats-base-dists-normal-quantile";
import type { AllianceWarning } from "../errors.js";
import type { MatrixInput } from "../math/numericMatrix.js";
import { squaredMultipleCorrelations } from "../math/squaredMultipleCorrelations.js";
import { squaredMultipleCorrelationsWithoutEach } from "../math/squaredMultipleCorrelationsWithoutEach.js";
import { withoutRowAndColumn } from "../math/withoutRowAndColumn.js";
import { alphaStatistics } from "./alphaStatistics.js";
import { negativeFirstComponentItems } from "./firstComponentSigns.js";
import { withNonFiniteWarning } from "./nonFiniteWarning.js";
import { type PreparedItems, prepareItems } from "./prepareItems.js";
import type { ConfidenceInterval, ItemOptions } from "./types.js";

/**
 * The scale statistics recomputed without one item (psych's `alpha.drop` row).
 *
 * @category Reliability
 */
export interface AlphaIfDropped {
  /** Name of the dropped item. */
  item: string;
  /** Its column in the input (zero-based). */
  column: number;
  rawAlpha: number;
  stdAlpha: number;
  g6: number;
  averageR: number;
  signalNoise: number;
  /**
   * psych `alpha se`: sqrt(Q / n) for the reduced scale; null when there are no more rows
   * than items, where psych leaves the column out.
   */
  alphaSe: number | null;
  /** Variance of the remaining inter-item correlations; null when only one remains. */
  varR: number | null;
  medianR: number;
}

/**
 * Item statistics (psych's `item.stats` row).
 *
 * @category Reliability
 */
export interface AlphaItemStats {
  item: string;
  /** Its column in the input (zero-based). */
  column: number;
  /** 1, or -1 for a reversed item. */
  key: number;
  /** Present values of the item. */
  n: number;
  /** Correlation of the item with the total score (mean of answered items), item included. */
  rawR: number;
  /** Item–total correlation from the correlation matrix: colSums(R) / sqrt(ΣR). */
  stdR: number;
  /** stdR corrected for item overlap: the diagonal of R replaced by the smc (Cureton). */
  rCor: number;
  /** Correlation with the sum of the other items, from the covariance matrix. */
  rDrop: number;
  /** Item mean, after reversal. */
  mean: number;
  /** Item standard deviation. */
  sd: number;
}

/**
 * The result of {@link cronbachAlpha}. Field names follow psych::alpha in camelCase.
 *
 * @category Reliability
 */
export interface AlphaResult {
  /** Cronbach's alpha from the covariance matrix (psych `raw_alpha`). */
  rawAlpha: number;
  /** Alpha from the correlation matrix (psych `std.alpha`). */
  stdAlpha: number;
  /** Guttman's λ6 on the correlation matrix (psych `G6(smc)`). */
  g6: number;
  /** Mean inter-item correlation (psych `average_r`). */
  averageR: number;
  /** Median inter-item correlation (psych `median_r`). */
  medianR: number;
  /** Variance of the inter-item correlations (psych `var.r`); null with two items. */
  varR: number | null;
  /** Signal/noise ratio k r̄ / (1 - r̄) (psych `S/N`). */
  signalNoise: number;
  /** Asymptotic standard error of raw alpha (Duhachek & Iacobucci 2004; psych `ase`). */
  ase: number;
  /** Mean of the total score, the mean of each row's answered items (psych `mean`). */
  totalMean: number;
  /** Standard deviation of that total score (psych `sd`). */
  totalSd: number;
  /** Feldt's F-based interval for raw alpha (psych `feldt`). */
  feldt: ConfidenceInterval;
  /** rawAlpha ± z · ase, the normal interval of Duhachek & Iacobucci. */
  duhachek: ConfidenceInterval;
  /** The statistics recomputed without each item; empty for a two-item scale. */
  alphaDrop: AlphaIfDropped[];
  /** One row per item. */
  items: AlphaItemStats[];
  /** Items used (zero-variance items are left out). */
  k: number;
  /** Rows used: every row for pairwise, complete rows for listwise. */
  n: number;
  /** Rows left out (listwise only). */
  nDropped: number;
  warnings: AllianceWarning[];
}

/**
 * Cronbach's alpha with everything psych::alpha reports: standardized alpha, Guttman's λ6,
 * the inter-item correlation summary, the asymptotic standard error, Feldt and Duhachek
 * intervals, alpha if an item is dropped, and item–total statistics.
 *
 * Formula: alpha = k/(k-1) · (1 - Σ σ²_i / σ²_total) = k/(k-1) · (1 - tr C / ΣC), on the
 * pairwise covariance matrix C (psych's default `use = "pairwise"`), or on the complete rows
 * with `missing: "listwise"`. Feldt: 1 - (1 - alpha) F_{p}(n-1, (n-1)(k-1)) at p = (1 ± level)/2.
 * Duhachek: alpha ± z_{(1+level)/2} · ase, ase = sqrt(Q/n) with Q as psych codes it.
 * Every difference from psych is listed in docs/reliability.md.
 *
 * References: Cronbach (1951), Psychometrika 16, 297–334, doi:10.1007/BF02310555;
 * Feldt, Woodruff & Salih (1987), Applied Psychological Measurement 11, 93–103,
 * doi:10.1177/014662168701100107; Duhachek & Iacobucci (2004), Journal of Applied
 * Psychology 89, 792–808, doi:10.1037/0021-9010.89.5.792; Guttman (1945), Psychometrika 10,
 * 255–282, doi:10.1007/BF02288892.
 * R: `psych::alpha(x, keys, use = "pairwise")` (psych 2.2.9).
 *
 * @category Reliability
 * @throws AllianceError NOT_ENOUGH_DATA with fewer than 2 rows or 2 items with variance, or a
 *   pair of items with fewer than 2 rows in common;
 *   OUT_OF_RANGE (path `data[*][c]`) when values are so large, so small or so far apart that a
 *   variance, covariance or pairwise correlation cannot be computed in double precision;
 *   INVALID_OPTION when options is not a record, for a bad level, missing-data policy or key;
 *   WRONG_LENGTH for keys or item names of the wrong length; INVALID_INPUT for an item name
 *   that is not a string; INVALID_INPUT / WRONG_LENGTH / NOT_A_NUMBER from the matrix conversion
 * @example
 * cronbachAlpha([[1, 1], [2, 3], [3, 2]]).rawAlpha; // => 0.6666666666666667 (2/3)
 */
export function cronbachAlpha(data: MatrixInput, options: ItemOptions = {}): AlphaResult {
  const items = prepareItems(data, options);
  const k = items.columns.length;
  const smc = squaredMultipleCorrelations(items.correlation, k);
  const total = alphaStatistics(items.covariance, items.correlation, smc, k);
  const ase = Math.sqrt(total.q / items.n);
  const score = items.itemCounts.every((count) => count === items.n)
    ? completeTotalScores(items)
    : totalScores(items);
  const warnings = [...items.warnings, ...scaleWarnings(items, total.averageCovariance)];
  if (k === 2) {
    warnings.push({
      code: "ALPHA_DROP_UNDEFINED",
      path: "alphaDrop",
      message: "alpha without an item is undefined for a two-item scale; alphaDrop is empty",
    });
  }
  return withNonFiniteWarning({
    rawAlpha: total.rawAlpha,
    stdAlpha: total.stdAlpha,
    g6: total.g6,
    averageR: total.averageR,
    medianR: total.medianR,
    varR: total.varR,
    signalNoise: total.signalNoise,
    ase,
    totalMean: score.mean,
    totalSd: score.sd,
    feldt: feldtInterval(total.rawAlpha, items.n, k, items.level),
    duhachek: duhachekInterval(total.rawAlpha, ase, items.level),
    alphaDrop: k > 2 ? alphaIfDropped(items) : [],
    items: itemStatistics(items, smc, score.itemTotal),
    k,
    n: items.n,
    nDropped: items.nDropped,
    warnings,
  });
}

/** Feldt's interval as psych's `alpha.ci` computes it, with n = every row used. */
function feldtInterval(alpha: number, n: number, k: number, level: number): ConfidenceInterval {
  const tail = (1 - level) / 2;
  const df1 = n - 1;
  const df2 = (n - 1) * (k - 1);
  return {
    lower: 1 - (1 - alpha) * fQuantile(1 - tail, df1, df2),
    upper: 1 - (1 - alpha) * fQuantile(tail, df1, df2),
    level,
    method: "feldt",
  };
}

/** Normal interval around raw alpha with the asymptotic standard error. */
function duhachekInterval(alpha: number, ase: number, level: number): ConfidenceInterval {
  const z = normalQuantile((1 + level) / 2, 0, 1);
  return { lower: alpha - z * ase, upper: alpha + z * ase, level, method: "duhachek" };
}

function alphaIfDropped(items: PreparedItems): AlphaIfDropped[] {
  const k = items.columns.length;
  const smcWithout = squaredMultipleCorrelationsWithoutEach(items.correlation, k);
  return items.names.map((item, drop) => {
    const reduced = alphaStatistics(
      withoutRowAndColumn(items.covariance, k, drop),
      withoutRowAndColumn(items.correlation, k, drop),
      smcWithout[drop]!,
      k - 1,
    );
    return {
      item,
      column: items.columns[drop]!,
      rawAlpha: reduced.rawAlpha,
      stdAlpha: reduced.stdAlpha,
      g6: reduced.g6,
      averageR: reduced.averageR,
      signalNoise: reduced.signalNoise,
      alphaSe: items.n > k ? Math.sqrt(reduced.q / items.n) : null,
      varR: reduced.varR,
      medianR: reduced.medianR,
    };
  });
}

function itemStatistics(
  items: PreparedItems,
  smc: readonly number[],
  itemTotal: number[],
): AlphaItemStats[] {
  const k = items.columns.length;
  const { covariance, correlation } = items;
  let sumR = 0;
  let sumCorrected = 0;
  let sumC = 0;
  const columnR = new Float64Array(k);
  const columnC = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      columnR[j]! += correlation[i * k + j]!;
      columnC[j]! += covariance[i * k + j]!;
    }
  }
  for (let j = 0; j < k; j++) {
    sumR += columnR[j]!;
    sumC += columnC[j]!;
    sumCorrected += columnR[j]! - 1 + smc[j]!;
  }
  return items.names.map((item, j) => {
    const variance = covariance[j * k + j]!;
    const others = columnC[j]! - variance;
    const restVariance = sumC - 2 * columnC[j]! + variance;
    return {
      item,
      column: items.columns[j]!,
      key: items.keys[j]!,
      n: items.itemCounts[j]!,
      rawR: itemTotal[j]!,
      stdR: columnR[j]! / Math.sqrt(sumR),
      rCor: (columnR[j]! - 1 + smc[j]!) / Math.sqrt(sumCorrected),
      rDrop: others / Math.sqrt(variance * restVariance),
      mean: items.itemMeans[j]!,
      sd: Math.sqrt(variance),
    };
  });
}

/** psych's constant for left-out zero-variance items: their value is still in the score. */
function removedItemsSum(items: PreparedItems): number {
  return items.removed.reduce((sum, item) => sum + (Number.isNaN(item.value) ? 0 : item.value), 0);
}

/**
 * Without missing cells the total score is (Σ_j x_j + removed) / (k + removed items), so its
 * mean, sd and correlation with each item follow from the covariance matrix:
 * rawR_j = Σ_i C_ij / sqrt(C_jj ΣC), with no second pass over the data.
 */
function completeTotalScores(items: PreparedItems): TotalScores {
  const k = items.columns.length;
  const scale = k + items.removed.length;
  let sumC = 0;
  const columnSums = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) columnSums[j]! += items.covariance[i * k + j]!;
  }
  for (const value of columnSums) sumC += value;
  const meanSum = items.itemMeans.reduce((sum, mean) => sum + mean, 0);
  return {
    mean: (meanSum + removedItemsSum(items)) / scale,
    sd: Math.sqrt(sumC) / scale,
    itemTotal: Array.from(
      columnSums,
      (sum, j) => sum / Math.sqrt(items.covariance[j * k + j]! * sumC),
    ),
  };
}

interface TotalScores {
  mean: number;
  sd: number;
  itemTotal: number[];
}

/**
 * The total score of each row is the mean of its answered (keyed) items; psych counts a
 * zero-variance item that it left out as still part of the score (its constant value).
 * Returns the total's mean and sd and each item's pairwise correlation with it.
 */
function totalScores(items: PreparedItems): TotalScores {
  const { matrix, columns, keys, reverseAdjust, itemMeans } = items;
  const k = columns.length;
  const removedSum = removedItemsSum(items);
  const scale = k + items.removed.length;
  // Sums are taken around the item means (and their mean for the total), for accuracy.
  const totalShift = itemMeans.reduce((sum, mean) => sum + mean, 0) / k;
  const count = new Float64Array(k);
  const sumTotal = new Float64Array(k);
  const sumItem = new Float64Array(k);
  const sumProduct = new Float64Array(k);
  const sumTotalSquares = new Float64Array(k);
  const sumItemSquares = new Float64Array(k);
  const row = new Float64Array(k);
  let totalCount = 0;
  let totalSum = 0;
  let totalSquares = 0;
  for (let r = 0; r < matrix.rows; r++) {
    let sum = 0;
    let answered = 0;
    for (let j = 0; j < k; j++) {
      const raw = matrix.values[r * matrix.cols + columns[j]!]!;
      const value = keys[j]! < 0 ? reverseAdjust - raw : raw;
      row[j] = value;
      if (!Number.isNaN(value)) {
        sum += value;
        answered++;
      }
    }
    if (answered === 0) continue;
    const total = (sum / answered) * (k / scale) + removedSum / scale - totalShift;
    totalCount++;
    totalSum += total;
    totalSquares += total * total;
    for (let j = 0; j < k; j++) {
      const value = row[j]!;
      if (Number.isNaN(value)) continue;
      const item = value - itemMeans[j]!;
      count[j]! += 1;
      sumTotal[j]! += total;
      sumItem[j]! += item;
      sumProduct[j]! += total * item;
      sumTotalSquares[j]! += total * total;
      sumItemSquares[j]! += item * item;
    }
  }
  const centred = (squares: number, first: number, second: number, n: number): number =>
    squares - (first * second) / n;
  return {
    mean: totalShift + totalSum / totalCount,
    sd: Math.sqrt(centred(totalSquares, totalSum, totalSum, totalCount) / (totalCount - 1)),
    itemTotal: Array.from({ length: k }, (_, j) => {
      const n = count[j]!;
      const cross = centred(sumProduct[j]!, sumTotal[j]!, sumItem[j]!, n);
      const totalPart = centred(sumTotalSquares[j]!, sumTotal[j]!, sumTotal[j]!, n);
      const itemPart = centred(sumItemSquares[j]!, sumItem[j]!, sumItem[j]!, n);
      return cross / Math.sqrt(totalPart * itemPart);
    }),
  };
}

/**
 * psych's warnings: a negative average covariance, and (without keys) negative items. The
 * second check needs every pairwise correlation; when one is undefined psych's `principal`
 * fails, and here the check is skipped with a warning instead.
 */
function scaleWarnings(items: PreparedItems, averageCovariance: number): AllianceWarning[] {
  const warnings: AllianceWarning[] = [];
  if (averageCovariance < 0) {
    warnings.push({
      code: "NEGATIVE_AVERAGE_COVARIANCE",
      path: "rawAlpha",
      message: `the average inter-item covariance is negative (${averageCovariance}); alpha is negative or meaningless. Are some items reverse keyed?`,
    });
  }
  if (!items.keysGiven && items.undefinedPairs.length > 0) {
    const pair = items.undefinedPairs[0]!;
    warnings.push({
      code: "ITEM_CHECK_SKIPPED",
      path: "items",
      message: `the check for reversed items was skipped: the correlation of items ${items.names[pair.first]} and ${items.names[pair.second]} is undefined (one of them is constant on the rows where both are present)`,
    });
  } else if (!items.keysGiven) {
    const negative = negativeFirstComponentItems(items.pearson, items.columns.length);
    if (negative.length > 0) {
      warnings.push({
        code: "NEGATIVE_ITEM_TOTAL",
        path: "items",
        message: `items ${negative.map((j) => items.names[j]).join(", ")} correlate negatively with the total scale (negative loading on the first principal component, as psych checks) and probably should be reversed with options.keys`,
      });
    }
  }
  return warnings;
}
