import { optionsRecord } from "../guards.js";
import { criticalValue, finiteResult } from "./checkOptions.js";
import { standardErrorOfMeasurement } from "./standardErrorOfMeasurement.js";

/**
 * What {@link reliableChangeThreshold} needs.
 *
 * @category Reliability
 */
export interface ReliableChangeThresholdOptions {
  /** Standard deviation of the scores (Jacobson & Truax: of the pre-treatment or a norm sample). */
  sd: number;
  /** Reliability of the scores (test–retest or alpha), in [0, 1). */
  reliability: number;
  /** Two-sided confidence level; default 0.95 (the level Jacobson & Truax 1991 use). */
  level?: number;
  /**
   * Critical value to use instead of the normal quantile for `level`. Pass 1.96 to reproduce
   * software that uses the literal 1.96 (R suddengains `define_crit_cutoff`, and
   * Jacobson & Truax's own text); by default the exact quantile, 1.959964 at 0.95, is used.
   */
  z?: number;
}

/**
 * The smallest pre–post difference that counts as reliable change, with its parts.
 *
 * @category Reliability
 */
export interface ReliableChangeThresholdResult {
  /** z * sdiff: a difference at least this large (in absolute value) is reliable change. */
  threshold: number;
  /** Standard error of measurement, sd * sqrt(1 - reliability). */
  sem: number;
  /** Standard error of the difference of two scores, sqrt(2) * sem. */
  sdiff: number;
  /** Critical value used. */
  z: number;
  /** The level given (or 0.95). When `z` is given, z is used as is and need not match it. */
  level: number;
  /** The standard deviation given. */
  sd: number;
  /** The reliability given. */
  reliability: number;
}

/**
 * Reliable change threshold of Jacobson & Truax (1991): how far two scores of one person must be
 * apart before the difference is unlikely (at `level`) to be measurement error alone.
 *
 * sem = sd * sqrt(1 - r); sdiff = sqrt(2 * sem^2) = sqrt(2) * sem; threshold = z * sdiff, with
 * z the two-sided standard normal quantile for `level` (1.959964 at 0.95) or the `z` given.
 *
 * Worked example (as in R suddengains' `define_crit_cutoff(sd = 10.5, reliability = .931)`):
 * sem 2.758, sdiff 3.901, threshold 7.645 with z = 1.96 (7.64513; the exact quantile gives
 * 7.64499, also 7.645 at three decimals).
 *
 * Reference: Jacobson, N. S. & Truax, P. (1991). Clinical significance: a statistical approach
 * to defining meaningful change in psychotherapy research. J Consult Clin Psychol 59, 12–19.
 * doi:10.1037/0022-006X.59.1.12. R: no psych function.
 *
 * @category Reliability
 * @throws AllianceError NOT_A_NUMBER when sd, reliability or z is not a finite number;
 * OUT_OF_RANGE when sd <= 0, so small that the SEM underflows below 2.2e-308 or so large
 * that the threshold overflows, reliability is outside [0, 1) or z <= 0; INVALID_OPTION for
 * options that are not an object or a bad level
 * @example
 * reliableChangeThreshold({ sd: 10.5, reliability: 0.931, z: 1.96 }).threshold; // => 7.6451
 */
export function reliableChangeThreshold(
  options: Readonly<ReliableChangeThresholdOptions>,
): ReliableChangeThresholdResult {
  const checked = optionsRecord(options);
  const { sd, reliability, level, sem } = standardErrorOfMeasurement({
    sd: checked.sd,
    reliability: checked.reliability,
    level: checked.level,
  });
  const z = criticalValue(checked.z, level, "options.z");
  const sdiff = Math.SQRT2 * sem;
  const threshold = finiteResult(z * sdiff, "options.sd", "the threshold");
  return { threshold, sem, sdiff, z, level, sd, reliability };
}
