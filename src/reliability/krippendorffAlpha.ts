import { quantileSorted } from "simple-statistics";
import { AllianceError, type AllianceWarning, describeValue } from "../errors.js";
import { optionsRecord } from "../guards.js";
import type { NumericMatrix } from "../math/numericMatrix.js";
import { type MatrixInput, toNumericMatrix } from "../math/numericMatrix.js";
import { seededRandom } from "../math/seededRandom.js";
import { confidenceLevel, finiteResult, oneOf } from "./checkOptions.js";
import { disagreement } from "./krippendorffDisagreement.js";
import { intervalDisagreement, intervalUnits } from "./krippendorffIntervalUnits.js";
import { codedUnits } from "./krippendorffUnits.js";
import type { ConfidenceInterval } from "./types.js";

/**
 * Level of measurement of Krippendorff's alpha, which picks the difference function δ².
 *
 * @category Reliability
 */
export type MeasurementLevel = "nominal" | "ordinal" | "interval" | "ratio";

/**
 * Options of {@link krippendorffAlpha}.
 *
 * @category Reliability
 */
export interface KrippendorffAlphaOptions {
  /**
   * Level of measurement: `"nominal"` (default, a library choice: it assumes the least),
   * `"ordinal"`, `"interval"` or `"ratio"` (values must then be >= 0).
   */
  level?: MeasurementLevel;
  /**
   * Layout of `data`: `"units-by-coders"` (default: rows are units, columns are coders, as
   * the other agreement functions here) or `"coders-by-units"` (Krippendorff's own reliability
   * data matrix: rows are coders).
   */
  layout?: "units-by-coders" | "coders-by-units";
  /**
   * A bootstrap interval: units are resampled with replacement `samples` times (default 1000,
   * a library choice; at most 100,000) with a seeded generator, alpha is recomputed on each
   * resample, and the type-7 quantiles at (1 - level)/2 and (1 + level)/2 (default level
   * 0.95) are reported.
   */
  bootstrap?: { seed: number; samples?: number; level?: number };
}

/**
 * What {@link krippendorffAlpha} returns.
 *
 * @category Reliability
 */
export interface KrippendorffAlphaResult {
  /** alpha = 1 - D_o / D_e. */
  alpha: number;
  /** Level of measurement used. */
  level: MeasurementLevel;
  /** Observed disagreement D_o. */
  observedDisagreement: number;
  /** Disagreement expected by chance D_e. */
  expectedDisagreement: number;
  /** Units with at least two values (pairable), used. */
  units: number;
  /** Units with fewer than two values, left out. */
  unitsDropped: number;
  /** Number of coders (columns, or rows with `"coders-by-units"`). */
  coders: number;
  /** Number of pairable values, n. */
  pairableValues: number;
  /** Bootstrap percentile interval, when `bootstrap` was given. */
  ci?: ConfidenceInterval;
  /** How the interval was made: samples drawn, seed, and samples with a defined alpha. */
  bootstrap?: { samples: number; seed: number; used: number };
  /** Degenerate input: no variation, dropped units, bootstrap samples without variation. */
  warnings: AllianceWarning[];
}

const LEVELS: readonly MeasurementLevel[] = ["nominal", "ordinal", "interval", "ratio"];

/** Upper limit of bootstrap samples, a library choice that keeps a typo from running for hours. */
const MAX_BOOTSTRAP_SAMPLES = 100_000;

/**
 * Krippendorff's alpha: chance-corrected agreement among any number of coders, with missing
 * values, at the nominal, ordinal, interval or ratio level of measurement.
 *
 * alpha = 1 - D_o / D_e, with n pairable values (in units with two or more values),
 * coincidences o_ck = sum_u n_uc n_uk / (m_u - 1) over c != k (m_u values in unit u),
 * marginals n_c, D_o = sum o_ck δ²_ck / n and D_e = sum n_c n_k δ²_ck / (n (n - 1)).
 * δ²: nominal [c != k]; ordinal (sum_{g=c..k} n_g - (n_c + n_k)/2)²; interval (c - k)²;
 * ratio ((c - k)/(c + k))². The sums run over the distinct values of each unit (see the
 * formulas in the source), so the interval level costs one pass over the data.
 *
 * Reproduces Krippendorff (2011), example C (4 coders x 12 units with missing values):
 * nominal .743, ordinal .815, interval .849, ratio .797.
 *
 * Reference: Krippendorff, K. (2011). Computing Krippendorff's alpha-reliability. Annenberg
 * School for Communication, University of Pennsylvania. https://repository.upenn.edu/asc_papers/43.
 * Hayes, A. F. & Krippendorff, K. (2007). Answering the call for a standard reliability measure
 * for coding data. Commun Methods Meas 1, 77–89. doi:10.1080/19312450709336664 (their
 * bootstrap differs: it resamples pairs of values; this one resamples units).
 * R: `irr::kripp.alpha(t(x), method)` (not in psych).
 *
 * @category Reliability
 * @throws AllianceError INVALID_INPUT / WRONG_LENGTH / NOT_A_NUMBER for a malformed matrix;
 * NOT_ENOUGH_DATA when no unit has two values; OUT_OF_RANGE for a negative value at the ratio
 * level or values so large that the disagreements (of the data or of a bootstrap sample)
 * overflow; INVALID_OPTION for bad options
 * @example
 * krippendorffAlpha([[1, 1], [2, 2], [3, 2]], { level: "interval" }).alpha; // => 0.7059 (12/17)
 */
export function krippendorffAlpha(
  data: MatrixInput,
  options: Readonly<KrippendorffAlphaOptions> = {},
): KrippendorffAlphaResult {
  const checked = optionsRecord(options);
  const level = oneOf(checked.level, LEVELS, "nominal", "options.level");
  const layout = oneOf(
    checked.layout,
    ["units-by-coders", "coders-by-units"],
    "units-by-coders",
    "options.layout",
  );
  const matrix = toNumericMatrix(data);
  const unitsAreRows = layout === "units-by-coders";
  const units = measuredUnits(matrix, unitsAreRows, level);
  const { observed, expected, pairable } = units.disagreement();
  finiteResult(observed + expected, "data", "the disagreements");
  const warnings: AllianceWarning[] = [];
  if (units.unitsDropped > 0) {
    warnings.push({
      code: "UNITS_DROPPED",
      path: "data",
      message: `${units.unitsDropped} unit(s) with fewer than two values were left out (not pairable)`,
    });
  }
  if (expected === 0) {
    warnings.push({
      code: "NO_VARIATION",
      path: "data",
      message:
        "every pairable value is the same: expected disagreement is 0 and alpha is undefined (NaN)",
    });
  }
  const result: KrippendorffAlphaResult = {
    alpha: 1 - observed / expected,
    level,
    observedDisagreement: observed,
    expectedDisagreement: expected,
    units: units.count,
    unitsDropped: units.unitsDropped,
    coders: unitsAreRows ? matrix.cols : matrix.rows,
    pairableValues: pairable,
    warnings,
  };
  if (checked.bootstrap === undefined) return result;
  return { ...result, ...bootstrapInterval(units, checked.bootstrap, warnings) };
}

/** Pairable units, summarized for the level, and their disagreement for given unit weights. */
interface MeasuredUnits {
  count: number;
  unitsDropped: number;
  disagreement: (unitWeights?: Float64Array) => {
    observed: number;
    expected: number;
    pairable: number;
  };
}

/**
 * The interval level needs only each unit's size, mean and squared deviations (one pass); the
 * other levels need each unit's distinct values and their counts.
 */
function measuredUnits(
  matrix: NumericMatrix,
  unitsAreRows: boolean,
  level: MeasurementLevel,
): MeasuredUnits {
  if (level === "interval") {
    const units = intervalUnits(matrix, unitsAreRows);
    checkUnits(units.sizes.length, Number.POSITIVE_INFINITY, level);
    return {
      count: units.sizes.length,
      unitsDropped: units.unitsDropped,
      disagreement: (weights) => intervalDisagreement(units, weights),
    };
  }
  const units = codedUnits(matrix, unitsAreRows);
  checkUnits(units.sizes.length, units.values[0] ?? 0, level);
  return {
    count: units.sizes.length,
    unitsDropped: units.unitsDropped,
    disagreement: (weights) => disagreement(units, level, weights),
  };
}

function checkUnits(count: number, smallestValue: number, level: MeasurementLevel): void {
  if (count === 0) {
    throw new AllianceError({
      code: "NOT_ENOUGH_DATA",
      path: "data",
      message: "expected at least one unit with values from two or more coders, got none",
    });
  }
  if (level === "ratio" && smallestValue < 0) {
    throw new AllianceError({
      code: "OUT_OF_RANGE",
      path: "data",
      message: `expected values >= 0 at the ratio level, got ${describeValue(smallestValue)}`,
    });
  }
}

function bootstrapInterval(
  units: MeasuredUnits,
  settings: Readonly<NonNullable<KrippendorffAlphaOptions["bootstrap"]>>,
  warnings: AllianceWarning[],
): Pick<KrippendorffAlphaResult, "ci" | "bootstrap"> {
  const { seed, samples } = bootstrapSettings(settings);
  const coverage = confidenceLevel(settings.level, "options.bootstrap.level");
  const random = seededRandom(seed);
  const count = units.count;
  const weights = new Float64Array(count);
  const alphas: number[] = [];
  for (let b = 0; b < samples; b++) {
    weights.fill(0);
    for (let i = 0; i < count; i++) weights[Math.floor(random() * count)]! += 1;
    const { observed, expected } = units.disagreement(weights);
    // A unit drawn several times weighs its disagreements up: near the overflow limit of the
    // point estimate, a sample's sums can overflow where the data's did not.
    finiteResult(observed + expected, "data", "the disagreements of a bootstrap sample");
    if (expected > 0) alphas.push(1 - observed / expected);
  }
  if (alphas.length < samples) {
    warnings.push({
      code: "BOOTSTRAP_NO_VARIATION",
      path: "ci",
      message: `${samples - alphas.length} of ${samples} bootstrap samples had no variation and were left out`,
    });
  }
  alphas.sort((a, b) => a - b);
  const tail = (1 - coverage) / 2;
  const ci: ConfidenceInterval = {
    lower: alphas.length > 0 ? quantileSorted(alphas, tail) : Number.NaN,
    upper: alphas.length > 0 ? quantileSorted(alphas, 1 - tail) : Number.NaN,
    level: coverage,
    method: "bootstrap-units-percentile",
  };
  return { ci, bootstrap: { samples, seed, used: alphas.length } };
}

function bootstrapSettings(settings: unknown): { seed: number; samples: number } {
  const { seed, samples = 1000 } = (settings ?? {}) as { seed?: unknown; samples?: unknown };
  if (typeof seed !== "number" || !Number.isSafeInteger(seed)) {
    throw new AllianceError({
      code: "INVALID_OPTION",
      path: "options.bootstrap.seed",
      message: `expected an integer seed, got ${describeValue(seed)}`,
    });
  }
  if (
    typeof samples !== "number" ||
    !Number.isSafeInteger(samples) ||
    samples < 1 ||
    samples > MAX_BOOTSTRAP_SAMPLES
  ) {
    throw new AllianceError({
      code: "INVALID_OPTION",
      path: "options.bootstrap.samples",
      message: `expected a whole number of samples from 1 to ${MAX_BOOTSTRAP_SAMPLES}, got ${describeValue(samples)}`,
    });
  }
  return { seed, samples };
}
