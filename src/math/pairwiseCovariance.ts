import type { NumericMatrix } from "./numericMatrix.js";

/**
 * Pairwise-complete covariances and correlations of every column pair, from one pass over
 * the rows.
 *
 * @category Math
 */
export interface PairwiseCovariance {
  /** Number of columns k; the matrices below are k x k, row-major. */
  readonly size: number;
  /**
   * Covariances (n - 1 denominator). Off the diagonal, each pair uses the rows where both
   * columns are present; on the diagonal, each variance uses every present value of the
   * column. This is R `cov(x, use = "pairwise")`.
   */
  readonly covariance: Float64Array;
  /**
   * Pearson correlations over the pairwise-complete rows, with the means and standard
   * deviations of those same rows: R `cor(x, use = "pairwise")`. The diagonal is 1.
   */
  readonly correlation: Float64Array;
  /** Rows where both columns are present (the diagonal: rows where the column is present). */
  readonly counts: Float64Array;
  /** Mean of each column over its present values (NaN for an empty column). */
  readonly means: Float64Array;
}

/** Rows processed together: each cross-product cell is loaded and stored once per block. */
const BLOCK_ROWS = 4;

/**
 * The one-pass sums lose about log10((Σx_i²/centred_i)(Σx_j²/centred_j)) / 2 of a pair's 16
 * digits to cancellation: little for ratings (the shift is a value of the column), but many
 * when the shift lies far from the rows a pair shares (a typing slip of -451721146 in a row the
 * other column lacks). Above this factor, about 1e-10 relative error in r, the pair is computed
 * again in two passes over its shared rows (library choice).
 */
const CANCELLATION_LIMIT = 1e6;

/**
 * Computes {@link PairwiseCovariance} in a single pass over the rows.
 *
 * Each value is shifted by its column's first present value (which keeps the sums small and
 * the differences accurate) and a missing value becomes 0, so that Σ x_i x_j over all rows is
 * exactly the sum over the rows where both are present. Rows with a missing value also
 * record, for each missing column j, the sums of x_i and x_i² that pair (i, j) must not
 * count. Then for a pair with m shared rows,
 * cov = (Σ x_i x_j - Σ x_i Σ x_j / m) / (m - 1) and
 * cor = that numerator / sqrt((Σ x_i² - (Σ x_i)²/m)(Σ x_j² - (Σ x_j)²/m)).
 * R: `cov(x, use = "pairwise")` and `cor(x, use = "pairwise")`.
 * A pair with fewer than two shared rows gets NaN (the caller decides what that means).
 * A pair whose sums cancel badly (see CANCELLATION_LIMIT) is computed again in two passes:
 * the means of its shared rows first, then the sums of centred products.
 *
 * @category Math
 * @example
 * pairwiseCovariance({ values: Float64Array.from([1, 2, 2, 4, 3, 6]), rows: 3, cols: 2 })
 *   .covariance; // => Float64Array [1, 2, 2, 4]
 */
export function pairwiseCovariance(matrix: NumericMatrix): PairwiseCovariance {
  const k = matrix.cols;
  const sums = new PairSums(matrix, firstPresentValues(matrix));
  const block = new Float64Array(BLOCK_ROWS * k);
  for (let start = 0; start < matrix.rows; start += BLOCK_ROWS) {
    const size = Math.min(BLOCK_ROWS, matrix.rows - start);
    block.fill(0);
    for (let r = 0; r < size; r++) sums.loadRow(matrix, start + r, block, r * k);
    sums.addBlock(block);
  }
  return sums.result();
}

function firstPresentValues(matrix: NumericMatrix): Float64Array {
  const shift = new Float64Array(matrix.cols);
  for (let c = 0; c < matrix.cols; c++) {
    for (let r = 0; r < matrix.rows; r++) {
      const value = matrix.values[r * matrix.cols + c]!;
      if (!Number.isNaN(value)) {
        shift[c] = value;
        break;
      }
    }
  }
  return shift;
}

/** Running sums for all column pairs. */
class PairSums {
  readonly matrix: NumericMatrix;
  readonly k: number;
  readonly shift: Float64Array;
  rows = 0;
  /** Σ x_i over all rows (missing = 0). */
  readonly columnSum: Float64Array;
  /** Σ x_i x_j over all rows (upper triangle; missing = 0). */
  readonly product: Float64Array;
  /** Rows where column i is missing. */
  readonly missingCount: Float64Array;
  /** Rows where both i and j are missing. */
  readonly bothMissing: Float64Array;
  /** [j * k + i]: Σ x_i over rows where column j is missing. */
  readonly sumWhereMissing: Float64Array;
  /** [j * k + i]: Σ x_i² over rows where column j is missing. */
  readonly squareWhereMissing: Float64Array;
  /** Scratch list of the missing columns of the current row. */
  private readonly missingColumns: Int32Array;

  constructor(matrix: NumericMatrix, shift: Float64Array) {
    const k = matrix.cols;
    this.matrix = matrix;
    this.k = k;
    this.shift = shift;
    this.columnSum = new Float64Array(k);
    this.product = new Float64Array(k * k);
    this.missingCount = new Float64Array(k);
    this.bothMissing = new Float64Array(k * k);
    this.sumWhereMissing = new Float64Array(k * k);
    this.squareWhereMissing = new Float64Array(k * k);
    this.missingColumns = new Int32Array(k);
  }

  /** Copies one shifted row into the block (missing = 0) and records its missing cells. */
  loadRow(matrix: NumericMatrix, row: number, block: Float64Array, offset: number): void {
    const k = this.k;
    const missing = this.missingColumns;
    let missingCount = 0;
    for (let c = 0; c < k; c++) {
      const value = matrix.values[row * k + c]!;
      if (Number.isNaN(value)) missing[missingCount++] = c;
      else block[offset + c] = value - this.shift[c]!;
    }
    this.rows++;
    for (let m = 0; m < missingCount; m++) {
      const j = missing[m]!;
      this.missingCount[j]! += 1;
      for (let n = 0; n < missingCount; n++) this.bothMissing[j * k + missing[n]!]! += 1;
      for (let i = 0; i < k; i++) {
        const x = block[offset + i]!;
        this.sumWhereMissing[j * k + i]! += x;
        this.squareWhereMissing[j * k + i]! += x * x;
      }
    }
  }

  /** Adds the cross-products of a block of four rows (unused rows are zeros). */
  addBlock(block: Float64Array): void {
    const k = this.k;
    const product = this.product;
    const o1 = k;
    const o2 = 2 * k;
    const o3 = 3 * k;
    for (let i = 0; i < k; i++) {
      const a = block[i]!;
      const b = block[o1 + i]!;
      const c = block[o2 + i]!;
      const d = block[o3 + i]!;
      this.columnSum[i]! += a + b + c + d;
      const base = i * k;
      for (let j = i; j < k; j++) {
        product[base + j]! +=
          a * block[j]! + b * block[o1 + j]! + c * block[o2 + j]! + d * block[o3 + j]!;
      }
    }
  }

  result(): PairwiseCovariance {
    const k = this.k;
    const covariance = new Float64Array(k * k);
    const correlation = new Float64Array(k * k);
    const counts = new Float64Array(k * k);
    const means = new Float64Array(k);
    for (let i = 0; i < k; i++) {
      const n = this.rows - this.missingCount[i]!;
      means[i] = this.shift[i]! + this.columnSum[i]! / n;
      for (let j = i; j < k; j++) {
        const pair = this.pairMoments(i, j);
        const cov = pair.n > 1 ? pair.crossProducts / (pair.n - 1) : Number.NaN;
        const cor =
          i === j
            ? 1
            : pair.n > 1
              ? pair.crossProducts / Math.sqrt(pair.first * pair.second)
              : Number.NaN;
        for (const at of [i * k + j, j * k + i]) {
          covariance[at] = cov;
          correlation[at] = cor;
          counts[at] = pair.n;
        }
      }
    }
    return { size: k, covariance, correlation, counts, means };
  }

  /** Centred sums of products and squares over the rows shared by columns i <= j. */
  private pairMoments(
    i: number,
    j: number,
  ): { n: number; crossProducts: number; first: number; second: number } {
    const k = this.k;
    const n =
      this.rows - this.missingCount[i]! - this.missingCount[j]! + this.bothMissing[i * k + j]!;
    if (i === j) {
      const sum = this.columnSum[i]!;
      const squares = this.product[i * k + i]!;
      const centred = squares - (sum * sum) / n;
      return { n, crossProducts: centred, first: centred, second: centred };
    }
    const sumI = this.columnSum[i]! - this.sumWhereMissing[j * k + i]!;
    const sumJ = this.columnSum[j]! - this.sumWhereMissing[i * k + j]!;
    const squareI = this.product[i * k + i]! - this.squareWhereMissing[j * k + i]!;
    const squareJ = this.product[j * k + j]! - this.squareWhereMissing[i * k + j]!;
    const first = squareI - (sumI * sumI) / n;
    const second = squareJ - (sumJ * sumJ) / n;
    if (!((squareI / first) * (squareJ / second) <= CANCELLATION_LIMIT)) {
      return twoPassPairMoments(this.matrix, i, j);
    }
    return { n, crossProducts: this.product[i * k + j]! - (sumI * sumJ) / n, first, second };
  }
}

/**
 * Sums of centred products and squares of columns i and j over their shared rows, in two
 * passes: the means first (as the first shared value plus the mean offset from it, so that a
 * column constant on those rows gets exactly its value and centred sums of exactly 0), then
 * the sums of centred products.
 */
function twoPassPairMoments(
  matrix: NumericMatrix,
  i: number,
  j: number,
): { n: number; crossProducts: number; first: number; second: number } {
  const { values, rows, cols } = matrix;
  let n = 0;
  let anchorI = 0;
  let anchorJ = 0;
  let offsetI = 0;
  let offsetJ = 0;
  for (let r = 0; r < rows; r++) {
    const x = values[r * cols + i]!;
    const y = values[r * cols + j]!;
    if (Number.isNaN(x) || Number.isNaN(y)) continue;
    if (n === 0) {
      anchorI = x;
      anchorJ = y;
    }
    n += 1;
    offsetI += x - anchorI;
    offsetJ += y - anchorJ;
  }
  const meanI = anchorI + offsetI / n;
  const meanJ = anchorJ + offsetJ / n;
  let crossProducts = 0;
  let first = 0;
  let second = 0;
  for (let r = 0; r < rows; r++) {
    const x = values[r * cols + i]! - meanI;
    const y = values[r * cols + j]! - meanJ;
    if (Number.isNaN(x) || Number.isNaN(y)) continue;
    crossProducts += x * y;
    first += x * x;
    second += y * y;
  }
  return { n, crossProducts, first, second };
}
