import { AllianceError, describeValue } from "../errors.js";
import { isRecord } from "../guards.js";
import type { ResponseScale } from "./model.js";

/**
 * True when `value` is a point of the scale: min, min + step, …, max (to 1e-9 of a step, so
 * that 0.1-steps survive floating-point rounding). A value between points is off the scale.
 *
 * @category Instruments
 * @throws AllianceError INVALID_INPUT when `scale` is not an object with numeric min, max and step
 * @example
 * isOnScale(3, { kind: "likert", min: 1, max: 5, step: 1, labels }); // => true
 * isOnScale(9.95, { kind: "vas", min: 0, max: 10, step: 0.1, endLabels }); // => false
 */
export function isOnScale(
  value: number,
  scale: Pick<ResponseScale, "min" | "max" | "step">,
): boolean {
  if (
    !isRecord(scale) ||
    typeof scale.min !== "number" ||
    typeof scale.max !== "number" ||
    typeof scale.step !== "number"
  ) {
    throw new AllianceError({
      code: "INVALID_INPUT",
      path: "scale",
      message: `expected a scale with numeric min, max and step, got ${describeValue(scale)}`,
    });
  }
  if (typeof value !== "number" || !(value >= scale.min && value <= scale.max)) return false;
  const steps = (value - scale.min) / scale.step;
  return Math.abs(steps - Math.round(steps)) < 1e-9;
}
