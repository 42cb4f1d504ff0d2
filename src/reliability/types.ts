/**
 * A confidence interval for a statistic, always with its coverage level and the name of the
 * method that produced it (for example `"feldt"` or `"duhachek"`).
 *
 * @category Reliability
 */
export interface ConfidenceInterval {
  /** Lower bound. */
  lower: number;
  /** Upper bound. */
  upper: number;
  /** Coverage, e.g. 0.95. */
  level: number;
  /** How the interval was computed, e.g. `"feldt"`. */
  method: string;
}

/**
 * Options shared by the internal-consistency statistics.
 *
 * @category Reliability
 */
export interface ItemOptions {
  /**
   * One entry per column: `1` keeps the item, `-1` reverses it. A reversed item is scored as
   * (min + max of the whole matrix) - x, as psych does; its covariances change sign.
   * Default: no item reversed.
   */
  readonly keys?: ReadonlyArray<number>;
  /**
   * `"pairwise"` (psych's default): every covariance uses the rows where both items are
   * present and every variance all present values of its item. `"listwise"`: rows with any
   * missing cell are dropped first. Default `"pairwise"`.
   */
  readonly missing?: "pairwise" | "listwise";
  /** Coverage of the confidence intervals, strictly between 0 and 1. Default 0.95. */
  readonly level?: number;
  /** Item names for the output, one per column. Default `V1`, `V2`, … as psych names them. */
  readonly itemNames?: ReadonlyArray<string>;
}
