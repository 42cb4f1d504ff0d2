import { AllianceError, describeValue } from "../errors.js";
import { optionsRecord } from "../guards.js";
import {
  confidenceLevel,
  criticalValue,
  finiteNumber,
  finiteResult,
  normalPositiveResult,
  oneOf,
  positiveNumber,
  reliabilityCoefficient,
} from "./checkOptions.js";

export { reliableChangeThreshold } from "./reliableChangeThreshold.js";

/**
 * Options of {@link reliableChangeIndex}.
 *
 * - `"jacobson-truax"` (default): sdiff = sqrt(2) * sd * sqrt(1 - reliability); needs `sd` and
 *   `reliability`.
 * - `"christensen-mendoza"`: sdiff is the standard deviation of observed difference scores,
 *   sqrt(sd^2 + sdPost^2 - 2 * sd * sdPost * prePostCorrelation); needs `sd`, `sdPost` and
 *   `prePostCorrelation` (`reliability` is then not used).
 *
 * @category Reliability
 */
export interface ReliableChangeIndexOptions {
  /** Which standard error of the difference to use; default `"jacobson-truax"`. */
  method?: "jacobson-truax" | "christensen-mendoza";
  /** Standard deviation of pre-treatment (or norm-sample) scores. */
  sd: number;
  /** Reliability of the scores, in [0, 1); required for `"jacobson-truax"`. */
  reliability?: number;
  /** Standard deviation of post-treatment scores; required for `"christensen-mendoza"`. */
  sdPost?: number;
  /** Correlation of pre and post scores in the sample; required for `"christensen-mendoza"`. */
  prePostCorrelation?: number;
  /** Two-sided level of the reliable-change decision; default 0.95 (Jacobson & Truax 1991). */
  level?: number;
  /** Critical value to use instead of the normal quantile (e.g. the literal 1.96). */
  z?: number;
}

/**
 * The reliable change index of one person.
 *
 * @category Reliability
 */
export interface ReliableChangeIndexResult {
  /** (post - pre) / sdiff. */
  rci: number;
  /** post - pre. */
  change: number;
  /** Standard error of the difference used. */
  sdiff: number;
  /** Critical value: |rci| > z is reliable change. */
  z: number;
  /** Confidence level of the decision. */
  level: number;
  /** z * sdiff, the change needed in raw score units. */
  threshold: number;
  /** Whether |rci| exceeds z. */
  reliable: boolean;
  /** Sign of a reliable change: `"increase"`, `"decrease"`, or `"none"` when not reliable. */
  direction: "increase" | "decrease" | "none";
  /** Method used for sdiff. */
  method: "jacobson-truax" | "christensen-mendoza";
}

const METHODS = ["jacobson-truax", "christensen-mendoza"] as const;

/**
 * Reliable change index (RCI): the pre–post difference of one person divided by the standard
 * error of a difference, so that |RCI| > 1.96 marks change unlikely (p < .05) to be measurement
 * error alone.
 *
 * Jacobson & Truax (1991): RCI = (post - pre) / sdiff, sdiff = sqrt(2 * sem^2),
 * sem = sd * sqrt(1 - r). Jacobson & Truax credit Christensen & Mendoza (1986) with replacing
 * the sem of Jacobson, Follette & Revenstorf (1984) by sdiff. The option named
 * `"christensen-mendoza"` follows how later literature (Temkin et al. 1999; discussed by
 * Maassen 2004, doi:10.1017/S1355617704106097) and software (e.g. the R package `rci`, method
 * "CM") name the error term built from observed difference scores:
 * sdiff = sqrt(sd1^2 + sd2^2 - 2 * sd1 * sd2 * r12).
 *
 * References: Jacobson, N. S. & Truax, P. (1991). J Consult Clin Psychol 59, 12–19.
 * doi:10.1037/0022-006X.59.1.12. Christensen, L. & Mendoza, J. L. (1986). A method of assessing
 * change in a single subject: an alteration of the RC index. Behavior Therapy 17, 305–308.
 * doi:10.1016/S0005-7894(86)80060-0. R: no psych function.
 *
 * @category Reliability
 * @throws AllianceError NOT_A_NUMBER when a score or option is not a finite number;
 * OUT_OF_RANGE when an sd is <= 0, reliability is outside [0, 1), the correlation outside
 * (-1, 1), the difference variance is not positive, or values are so large or so small that the
 * change, the threshold or the index overflows, or sdiff underflows below 2.2e-308 (path
 * `options.sd`); INVALID_OPTION for an unknown method or a missing option the method needs, or
 * options that are not an object
 * @example
 * reliableChangeIndex(30, 20, { sd: 10.5, reliability: 0.931 }).rci; // => -2.5637 (-10 / 3.9006)
 */
export function reliableChangeIndex(
  pre: number,
  post: number,
  options: Readonly<ReliableChangeIndexOptions>,
): ReliableChangeIndexResult {
  const checked = optionsRecord(options);
  const before = finiteNumber(pre, "pre");
  const after = finiteNumber(post, "post");
  const method = oneOf(checked.method, METHODS, "jacobson-truax", "options.method");
  const level = confidenceLevel(checked.level, "options.level");
  const z = criticalValue(checked.z, level, "options.z");
  const sdiff =
    method === "jacobson-truax" ? jacobsonTruaxSdiff(checked) : differenceScoreSd(checked);
  const change = finiteResult(after - before, "post", "post - pre");
  const threshold = finiteResult(z * sdiff, "options.sd", "the threshold");
  const rci = changeIndex(change, sdiff);
  const reliable = Math.abs(rci) > z;
  const direction = !reliable ? "none" : change > 0 ? "increase" : "decrease";
  return { rci, change, sdiff, z, level, threshold, reliable, direction, method };
}

function jacobsonTruaxSdiff(options: Readonly<ReliableChangeIndexOptions>): number {
  const sd = positiveNumber(options.sd, "options.sd");
  requireOption(options.reliability, "options.reliability", "jacobson-truax");
  const reliability = reliabilityCoefficient(options.reliability, "options.reliability");
  return normalPositiveResult(
    Math.SQRT2 * sd * Math.sqrt(1 - reliability),
    "options.sd",
    "the standard error of the difference",
  );
}

function differenceScoreSd(options: Readonly<ReliableChangeIndexOptions>): number {
  const sdPre = positiveNumber(options.sd, "options.sd");
  requireOption(options.sdPost, "options.sdPost", "christensen-mendoza");
  requireOption(options.prePostCorrelation, "options.prePostCorrelation", "christensen-mendoza");
  const sdPost = positiveNumber(options.sdPost, "options.sdPost");
  const r = finiteNumber(options.prePostCorrelation, "options.prePostCorrelation");
  // sd1² + sd2² - 2 sd1 sd2 r = s² (a² + b² - 2 a b r) with s the larger sd and a, b in (0, 1]:
  // the squares can then neither overflow (sd near 1e308) nor underflow (sd near 1e-200).
  const scale = Math.max(sdPre, sdPost);
  const a = sdPre / scale;
  const b = sdPost / scale;
  const scaledVariance = a * a + b * b - 2 * a * b * r;
  if (!(r > -1 && r < 1 && scaledVariance > 0)) {
    throw new AllianceError({
      code: "OUT_OF_RANGE",
      path: "options.prePostCorrelation",
      message: `expected a correlation strictly between -1 and 1 giving a positive difference variance, got ${describeValue(r)}`,
    });
  }
  return normalPositiveResult(
    scale * Math.sqrt(scaledVariance),
    "options.sd",
    "the standard error of the difference",
  );
}

/** (post - pre) / sdiff, refused when a tiny sdiff sends it to ±Infinity. */
function changeIndex(change: number, sdiff: number): number {
  const rci = change / sdiff;
  if (Number.isFinite(rci)) return rci;
  throw new AllianceError({
    code: "OUT_OF_RANGE",
    path: "options.sd",
    message: `expected a standard error of the difference large enough for (post - pre) / sdiff to stay finite in double precision, got a change of ${change} over ${sdiff}`,
  });
}

function requireOption(value: unknown, path: string, method: string): void {
  if (value !== undefined) return;
  throw new AllianceError({
    code: "INVALID_OPTION",
    path,
    message: `method "${method}" needs ${path.replace("options.", "")}, got undefined`,
  });
}
