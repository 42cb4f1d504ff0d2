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
