import type { ResponseScale } from "./model.js";

/**
 * True when `value` is a point of the scale: min, min + step, …, max (to 1e-9 of a step, so
 * that 0.1-steps survive floating-point rounding). A value between points is off the scale.
 *
 * @category Instruments
 * @example
 * isOnScale(3, { kind: "likert", min: 1, max: 5, step: 1, labels }); // => true
 * isOnScale(9.95, { kind: "vas", min: 0, max: 10, step: 0.1, endLabels }); // => false
 */
export function isOnScale(
  value: number,
  scale: Pick<ResponseScale, "min" | "max" | "step">,
): boolean {
  if (!(value >= scale.min && value <= scale.max)) return false;
  const steps = (value - scale.min) / scale.step;
  return Math.abs(steps - Math.round(steps)) < 1e-9;
}
