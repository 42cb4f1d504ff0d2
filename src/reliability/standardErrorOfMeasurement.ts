import { optionsRecord } from "../guards.js";
import {
  confidenceLevel,
  criticalValue,
  finiteResult,
  normalPositiveResult,
  positiveNumber,
  reliabilityCoefficient,
} from "./checkOptions.js";

/**
 * What {@link standardErrorOfMeasurement} needs.
 *
 * @category Reliability
 */
export interface StandardErrorOfMeasurementOptions {
  /** Standard deviation of the scores (usually of a reference sample). Must be above 0. */
  sd: number;
  /** Reliability of the scores (alpha or test–retest), in [0, 1). */
  reliability: number;
  /** Coverage of the band `score ± halfWidth`; default 0.95 (a library choice). */
  level?: number;
}

/**
 * The standard error of measurement and the half-width of a band around an observed score.
 *
 * @category Reliability
 */
export interface StandardErrorOfMeasurementResult {
  /** sd * sqrt(1 - reliability). */
  sem: number;
  /** The standard deviation given. */
  sd: number;
  /** The reliability given. */
  reliability: number;
  /** Coverage of the band. */
  level: number;
  /** Two-sided normal quantile for `level` (1.959964 for 0.95). */
  z: number;
  /** z * sem: an observed score ± halfWidth is the band at `level`. */
  halfWidth: number;
}

/**
 * Standard error of measurement (SEM) of classical test theory: the standard deviation of the
 * errors of observed scores around true scores.
 *
 * SEM = sd * sqrt(1 - r); the band observed ± z * SEM, with z the two-sided normal quantile for
 * `level`, covers the true score at that level (classical test theory).
 *
 * Reference: Lord, F. M. & Novick, M. R. (1968). Statistical theories of mental test scores.
 * Addison-Wesley (ch. 3). Also Jacobson, N. S. & Truax, P. (1991), J Consult Clin Psychol 59,
 * 12–19, doi:10.1037/0022-006X.59.1.12, where it is the building block of the reliable change
 * index. R: no psych function; `sd * sqrt(1 - r)`.
 *
 * @category Reliability
 * @throws AllianceError NOT_A_NUMBER when sd or reliability is not a finite number;
 * OUT_OF_RANGE when sd <= 0, so small that the SEM underflows below 2.2e-308 or so large
 * that the band overflows, or reliability is outside [0, 1); INVALID_OPTION for options that
 * are not an object or a bad level
 * @example
 * standardErrorOfMeasurement({ sd: 10.5, reliability: 0.931 }).sem; // => 2.7581 (10.5 * sqrt(0.069))
 */
export function standardErrorOfMeasurement(
  options: Readonly<StandardErrorOfMeasurementOptions>,
): StandardErrorOfMeasurementResult {
  const checked = optionsRecord(options);
  const sd = positiveNumber(checked.sd, "options.sd");
  const reliability = reliabilityCoefficient(checked.reliability, "options.reliability");
  const level = confidenceLevel(checked.level, "options.level");
  const sem = normalPositiveResult(
    sd * Math.sqrt(1 - reliability),
    "options.sd",
    "the standard error of measurement",
  );
  const z = criticalValue(undefined, level, "options.level");
  const halfWidth = finiteResult(z * sem, "options.sd", "the band half-width");
  return { sem, sd, reliability, level, z, halfWidth };
}
