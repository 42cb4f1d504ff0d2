import { AllianceError, describeValue } from "../errors.js";
import { isRecord, optionsRecord } from "../guards.js";
import type { ResponseScale } from "../instruments/model.js";

/** A visual-analogue response scale, as the instrument model defines it. */
type VasScale = Extract<ResponseScale, { kind: "vas" }>;

/**
 * Options for {@link vasFromMillimetres}.
 *
 * @category Scoring
 */
export interface VasFromMillimetresOptions {
  /**
   * Length of the printed line in millimetres. Default 100: the SRS, ORS and their child and
   * group versions print 10 cm lines (CORC, Session Rating Scale and ORS/CORS pages).
   */
  lineLengthMm?: number;
  /** Where the value sits in the caller's input, for error messages. Default `""`. */
  path?: string;
}

/**
 * Converts the distance of a mark from the left end of a printed visual-analogue line, in
 * millimetres, to the item score of a VAS scale.
 *
 * score = min + (millimetres / lineLengthMm) × (max − min)
 *
 * On the SRS and ORS (0–10 on a 10 cm line) this is millimetres / 10: a mark at 57 mm scores
 * 5.7. The result must then be a point of the scale (min, min + step, …, max). A value between
 * two points is rejected or rounded to the nearest point, as the scale's `offStep` says; on the
 * built-in SRS/ORS definitions a step is 1 mm (0.1), so whole millimetres always fit.
 *
 * Sources: CORC, "Outcome Rating Scale (ORS) & Child Outcome Rating Scale (CORS)" and
 * "Session Rating Scale (SRS)" pages (four 10 cm visual analogue lines, low to the left, high to
 * the right); hiboop SRS scoring guide (each item scored 0–10 by measuring the mark from the
 * left end). Both secondary: the manuals were not available.
 *
 * @category Scoring
 * @throws AllianceError NOT_A_NUMBER when `millimetres` is not a finite number
 * @throws AllianceError OUT_OF_RANGE when the mark lies before 0 or beyond the line's end, or
 *   between two scale points on a scale whose `offStep` is `"reject"`
 * @throws AllianceError INVALID_OPTION when the options are not an object, `lineLengthMm` is
 *   not a positive finite number, or `path` is not a string
 * @throws AllianceError INVALID_INPUT when `scale` is not a visual-analogue scale
 * @example
 * vasFromMillimetres(57, getInstrument("ors").scale); // => 5.7
 * vasFromMillimetres(100, getInstrument("srs").scale); // => 10
 */
export function vasFromMillimetres(
  millimetres: number,
  scale: Readonly<ResponseScale>,
  givenOptions?: Readonly<VasFromMillimetresOptions>,
): number {
  const options = optionsRecord(givenOptions);
  const path = options.path ?? "";
  if (typeof path !== "string") {
    throw new AllianceError({
      code: "INVALID_OPTION",
      path: "options.path",
      message: `expected a string (where the value sits in your input), got ${describeValue(path)}`,
    });
  }
  if (!isVasScale(scale)) {
    throw new AllianceError({
      code: "INVALID_INPUT",
      path: "scale",
      message: `expected a visual-analogue scale (kind "vas", finite min < max, step > 0), got ${isRecord(scale) ? `a scale of kind ${describeValue(scale.kind)}` : describeValue(scale)}`,
    });
  }
  const lineLengthMm = options.lineLengthMm ?? 100;
  if (typeof lineLengthMm !== "number" || !Number.isFinite(lineLengthMm) || lineLengthMm <= 0) {
    throw new AllianceError({
      code: "INVALID_OPTION",
      path: "options.lineLengthMm",
      message: `expected a positive number of millimetres, got ${describeValue(lineLengthMm)}`,
    });
  }
  if (typeof millimetres !== "number" || !Number.isFinite(millimetres)) {
    throw new AllianceError({
      code: "NOT_A_NUMBER",
      path,
      message: `expected a distance in millimetres, got ${describeValue(millimetres)}`,
    });
  }
  if (millimetres < 0 || millimetres > lineLengthMm) {
    throw new AllianceError({
      code: "OUT_OF_RANGE",
      path,
      message: `expected a distance from 0 to ${lineLengthMm} mm along the line, got ${millimetres}`,
    });
  }
  const stepsFromMin = ((millimetres / lineLengthMm) * (scale.max - scale.min)) / scale.step;
  const nearestStep = Math.round(stepsFromMin);
  if (Math.abs(stepsFromMin - nearestStep) >= 1e-9 && scale.offStep === "reject") {
    throw new AllianceError({
      code: "OUT_OF_RANGE",
      path,
      message: `expected a mark that falls on a step of ${scale.step} (${stepLengthMm(scale, lineLengthMm)} mm), got ${millimetres} mm`,
    });
  }
  return pointOfScale(scale, nearestStep);
}

/** The length of one scale step along the line, in millimetres. */
function stepLengthMm(scale: Readonly<VasScale>, lineLengthMm: number): number {
  return (scale.step / (scale.max - scale.min)) * lineLengthMm;
}

/**
 * min + steps × step, with the binary rounding noise of the product removed (3 × 0.1 would
 * otherwise give 0.30000000000000004): 12 significant digits are far finer than any VAS step.
 */
function pointOfScale(scale: Readonly<VasScale>, steps: number): number {
  return Number((scale.min + steps * scale.step).toPrecision(12));
}

/** A VAS scale whose numbers can be computed with: finite, min < max, positive step. */
function isVasScale(scale: unknown): scale is VasScale {
  if (!isRecord(scale) || scale.kind !== "vas") return false;
  const { min, max, step } = scale;
  return (
    typeof min === "number" &&
    typeof max === "number" &&
    typeof step === "number" &&
    Number.isFinite(min) &&
    Number.isFinite(max) &&
    Number.isFinite(step) &&
    min < max &&
    step > 0 &&
    Number.isFinite((max - min) / step)
  );
}
