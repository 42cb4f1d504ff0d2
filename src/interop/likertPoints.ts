import type { Instrument } from "../instruments/model.js";

/**
 * One point of a Likert scale: its value and its label (the value itself where the
 * instrument labels only some points, e.g. the WAI-O's 1, 4 and 7).
 *
 * @internal
 */
export interface LikertPoint {
  value: number;
  label: string;
}

/**
 * Every point of a Likert scale, `min`, `min + step`, …, `max`, with its label. Empty for a
 * visual-analogue scale.
 *
 * @internal
 */
export function likertPoints(instrument: Instrument): LikertPoint[] {
  const { scale } = instrument;
  if (scale.kind !== "likert") return [];
  const count = Math.round((scale.max - scale.min) / scale.step);
  const points: LikertPoint[] = [];
  for (let k = 0; k <= count; k++) {
    // Rounded to 1e-9 so that steps such as 0.5 give exact decimal values.
    const value = Math.round((scale.min + k * scale.step) * 1e9) / 1e9;
    const label = scale.labels.find((entry) => Math.abs(entry.value - value) < 1e-9)?.label;
    points.push({ value, label: label ?? String(value) });
  }
  return points;
}
