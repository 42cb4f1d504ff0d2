import { AllianceError, type AllianceWarning, describeValue } from "../errors.js";
import { optionsRecord } from "../guards.js";
import { columnRange } from "../math/columnRange.js";
import { covarianceToCorrelation } from "../math/covarianceToCorrelation.js";
import { listwiseComplete } from "../math/listwiseComplete.js";
import { type MatrixInput, type NumericMatrix, toNumericMatrix } from "../math/numericMatrix.js";
import { pairwiseCovariance } from "../math/pairwiseCovariance.js";
import { checkPairwiseMoments } from "./checkPairwiseMoments.js";
import type { ItemOptions } from "./types.js";

/**
 * The items after validation, deletion, keying and the one covariance pass.
 *
 * @internal
 */
export interface PreparedItems {
  /** Data rows used (all rows for pairwise, complete rows for listwise). */
  readonly matrix: NumericMatrix;
  /** Original column index of each kept item (zero-variance items are left out). */
  readonly columns: number[];
  /** Name of each kept item. */
  readonly names: string[];
  /** Key (1 or -1) of each kept item. */
  readonly keys: number[];
  /** Whether the caller gave keys. */
  readonly keysGiven: boolean;
  /** Keyed covariance matrix of the kept items (k x k, row-major). */
  readonly covariance: Float64Array;
  /** cov2cor of the keyed covariance matrix (what psych::alpha and splitHalf use). */
  readonly correlation: Float64Array;
  /** Keyed pairwise Pearson correlations, R `cor(x, use = "pairwise")`. */
  readonly pearson: Float64Array;
  /**
   * Pairs of kept items (indices into `columns`) whose Pearson correlation is NaN because one
   * of them is constant on the rows where both are present (R's `cor` gives NA there).
   */
  readonly undefinedPairs: { first: number; second: number }[];
  /** Present values per kept item. */
  readonly itemCounts: number[];
  /** Mean of each kept item after reversal. */
  readonly itemMeans: number[];
  /** Zero-variance items that were left out, with their constant value (NaN if empty). */
  readonly removed: { column: number; value: number }[];
  /** min + max of the kept items (used to reverse items). */
  readonly reverseAdjust: number;
  readonly n: number;
  readonly nDropped: number;
  readonly level: number;
  readonly warnings: AllianceWarning[];
}

/**
 * Validates data and options (options must be a record or undefined), applies listwise deletion if asked, computes the pairwise
 * covariance in one pass, removes zero-variance items (psych::alpha does the same, with a
 * warning) and applies the keys.
 *
 * @internal
 */
export function prepareItems(data: MatrixInput, givenOptions: ItemOptions): PreparedItems {
  const options = optionsRecord(givenOptions);
  const level = checkLevel(options.level);
  const missing = checkMissing(options.missing);
  const raw = toNumericMatrix(data);
  const allKeys = checkKeys(options.keys, raw.cols);
  const allNames = checkNames(options.itemNames, raw.cols);
  const { matrix, nDropped } =
    missing === "listwise" ? listwiseComplete(raw) : { matrix: raw, nDropped: 0 };
  if (matrix.rows < 2) {
    throw new AllianceError({
      code: "NOT_ENOUGH_DATA",
      path: "data",
      message: `expected at least 2 rows${missing === "listwise" ? " without missing values" : ""}, got ${matrix.rows}`,
    });
  }
  const moments = pairwiseCovariance(matrix);
  checkPairwiseMoments(moments, matrix, allNames);
  const warnings: AllianceWarning[] = [];
  const columns: number[] = [];
  const removed: { column: number; value: number }[] = [];
  for (let c = 0; c < raw.cols; c++) {
    const variance = moments.covariance[c * raw.cols + c]!;
    if (variance > 0) {
      columns.push(c);
      continue;
    }
    removed.push({ column: c, value: moments.means[c]! });
    warnings.push({
      code: "ZERO_VARIANCE_ITEM",
      path: `data[*][${c}]`,
      message: `item ${allNames[c]} has no variance and was left out (psych::alpha does the same)`,
    });
  }
  if (columns.length < 2) {
    throw new AllianceError({
      code: "NOT_ENOUGH_DATA",
      path: "data",
      message: `expected at least 2 items with non-zero variance, got ${columns.length}`,
    });
  }
  const k = columns.length;
  const keys = columns.map((c) => allKeys[c]!);
  const covariance = new Float64Array(k * k);
  const pearson = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const from = columns[i]! * raw.cols + columns[j]!;
      const sign = keys[i]! * keys[j]!;
      covariance[i * k + j] = sign * moments.covariance[from]!;
      pearson[i * k + j] = sign * moments.correlation[from]!;
      if (!(moments.counts[from]! > 1)) throw tooFewPairs(columns[i]!, columns[j]!);
    }
  }
  // psych reverses an item as (min + max) - x, with min and max over all the scored items.
  let reverseAdjust = 0;
  if (keys.some((key) => key < 0)) {
    const { min, max } = columnRange(matrix, columns);
    reverseAdjust = min + max;
  }
  const correlation = covarianceToCorrelation(covariance, k);
  return {
    matrix,
    columns,
    names: columns.map((c) => allNames[c]!),
    keys,
    keysGiven: options.keys !== undefined,
    covariance,
    correlation,
    pearson,
    undefinedPairs: nanPairs(pearson, k),
    itemCounts: columns.map((c) => moments.counts[c * raw.cols + c]!),
    itemMeans: columns.map((c, i) =>
      keys[i]! < 0 ? reverseAdjust - moments.means[c]! : moments.means[c]!,
    ),
    removed,
    reverseAdjust,
    n: matrix.rows,
    nDropped,
    level,
    warnings,
  };
}

function tooFewPairs(first: number, second: number): AllianceError {
  return new AllianceError({
    code: "NOT_ENOUGH_DATA",
    path: "data",
    message: `expected at least 2 rows where columns ${first} and ${second} are both present`,
  });
}

function nanPairs(pearson: Float64Array, k: number): { first: number; second: number }[] {
  const pairs: { first: number; second: number }[] = [];
  for (let first = 0; first < k; first++) {
    for (let second = first + 1; second < k; second++) {
      if (Number.isNaN(pearson[first * k + second]!)) pairs.push({ first, second });
    }
  }
  return pairs;
}

function checkLevel(level: unknown): number {
  if (level === undefined) return 0.95;
  if (typeof level === "number" && level > 0 && level < 1) return level;
  throw new AllianceError({
    code: "INVALID_OPTION",
    path: "options.level",
    message: `expected a number strictly between 0 and 1, got ${describeValue(level)}`,
  });
}

function checkMissing(missing: unknown): "pairwise" | "listwise" {
  if (missing === undefined) return "pairwise";
  if (missing === "pairwise" || missing === "listwise") return missing;
  throw new AllianceError({
    code: "INVALID_OPTION",
    path: "options.missing",
    message: `expected "pairwise" or "listwise", got ${describeValue(missing)}`,
  });
}

function checkKeys(keys: unknown, cols: number): number[] {
  if (keys === undefined) return new Array<number>(cols).fill(1);
  if (!Array.isArray(keys) || keys.length !== cols) {
    throw new AllianceError({
      code: "WRONG_LENGTH",
      path: "options.keys",
      message: `expected an array of ${cols} keys (1 or -1, one per column), got ${describeValue(keys)}`,
    });
  }
  // Array.from, not map: map skips the holes of a sparse array, which must be refused too.
  return Array.from(keys as unknown[], (key: unknown, at) => {
    if (key === 1 || key === -1) return key;
    throw new AllianceError({
      code: "INVALID_OPTION",
      path: `options.keys[${at}]`,
      message: `expected 1 or -1, got ${describeValue(key)}`,
    });
  });
}

function checkNames(names: unknown, cols: number): string[] {
  if (names === undefined) return Array.from({ length: cols }, (_, c) => `V${c + 1}`);
  if (!Array.isArray(names) || names.length !== cols) {
    throw new AllianceError({
      code: "WRONG_LENGTH",
      path: "options.itemNames",
      message: `expected an array of ${cols} item names, got ${describeValue(names)}`,
    });
  }
  return names.map((name: unknown, at) => {
    if (typeof name === "string") return name;
    throw new AllianceError({
      code: "INVALID_INPUT",
      path: `options.itemNames[${at}]`,
      message: `expected a string, got ${describeValue(name)}`,
    });
  });
}
