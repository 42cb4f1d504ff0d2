/** Deterministic sample response sets for the interop tests (no randomness, no scoring code). */
import type { Instrument } from "../../src/instruments/model.js";

/**
 * Complete response sets on the instrument's scale: all at the minimum, all at the maximum,
 * and three patterns that walk the scale item by item.
 */
export function completeSamples(instrument: Instrument): number[][] {
  const { min, max, step } = instrument.scale;
  const points = Math.round((max - min) / step) + 1;
  const at = (k: number): number => Math.round((min + (k % points) * step) * 1e9) / 1e9;
  const count = instrument.items.length;
  const pattern = (seed: number, stride: number): number[] =>
    Array.from({ length: count }, (_, index) => at(seed + index * stride));
  return [
    Array.from({ length: count }, () => min),
    Array.from({ length: count }, () => max),
    pattern(0, 1),
    pattern(3, 2),
    pattern(5, 37),
  ];
}

/** `answers` with the items at these 0-based indices set to null. */
export function withMissing(
  answers: readonly number[],
  indices: readonly number[],
): (number | null)[] {
  return answers.map((value, index) => (indices.includes(index) ? null : value));
}
