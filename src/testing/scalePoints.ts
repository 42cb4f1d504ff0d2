import type { Instrument } from "../instruments/model.js";
import { type InstrumentOrId, resolveInstrument } from "../scoring/resolveInstrument.js";

/**
 * Every answer an instrument's response scale accepts, ascending: `min`, `min + step`, …,
 * `max`. Each point is rounded to the step's decimals, so a 0–10 scale in steps of 0.1 gives
 * `0.3`, not `0.30000000000000004`. The generators of `./testing` draw their answers from
 * this list.
 *
 * @category Testing
 * @throws AllianceError for the instrument: UNKNOWN_INSTRUMENT (an unknown id), INVALID_INPUT
 *   (neither an id nor an object), INVALID_DEFINITION or UNSAFE_KEY (a definition
 *   `defineInstrument` rejects)
 * @example
 * scalePoints("wai-sr"); // => [1, 2, 3, 4, 5]
 * scalePoints("srs").length; // => 101 (0, 0.1, …, 10)
 */
export function scalePoints(instrumentOrId: InstrumentOrId): number[] {
  const instrument: Instrument = resolveInstrument(instrumentOrId);
  const { min, max, step } = instrument.scale;
  const scaleFactor = 10 ** decimalsOf(step);
  const count = Math.round((max - min) / step) + 1;
  return Array.from(
    { length: count },
    (_, index) => Math.round((min + index * step) * scaleFactor) / scaleFactor,
  );
}

/** Decimals needed to write `step` exactly (0.1 → 1, 0.25 → 2, 1 → 0), at most 12. */
function decimalsOf(step: number): number {
  let decimals = 0;
  while (
    decimals < 12 &&
    Math.abs(Math.round(step * 10 ** decimals) - step * 10 ** decimals) > 1e-9
  )
    decimals++;
  return decimals;
}
