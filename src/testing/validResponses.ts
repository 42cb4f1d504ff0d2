import type { Instrument } from "../instruments/model.js";
import { type InstrumentOrId, resolveInstrument } from "../scoring/resolveInstrument.js";
import { missingBudget } from "./missingBudget.js";
import type { RandomSource } from "./randomSource.js";
import { readGeneratorOptions } from "./readGeneratorOptions.js";
import { scalePoints } from "./scalePoints.js";
import { shuffledIndices } from "./shuffledIndices.js";

/**
 * Options of {@link validResponses} and {@link validResponseRecords}.
 *
 * @category Testing
 */
export interface ValidResponsesOptions {
  /** Seed of the generator: the same seed gives the same sets on every runtime (default 1, a library choice). */
  seed?: number;
  /** How many response sets (default 10, a library choice). */
  count?: number;
  /**
   * Chance that an answer is left missing (`null`), from 0 (default) to 1. An answer is left
   * missing only while the instrument's missing-data rule still allows it, so every set
   * scores; the share actually missing is therefore at most this rate.
   */
  missingRate?: number;
}

/**
 * Seeded response sets that every scorer of the instrument must accept: arrays in item order
 * (index 0 = item 1), each answer a point of the scale ({@link scalePoints}) or `null` where
 * the missing-data rule allows it. The first set answers every item at the scale's minimum,
 * the second at its maximum (the boundaries a scorer most often gets wrong); the others draw
 * each answer uniformly from the scale. Pass them to `scoreResponses` one by one or to
 * `scoreTable` all at once.
 *
 * Generator: xorshift (Marsaglia 2003, doi:10.18637/jss.v008.i14) seeded with `seed`, so a
 * failing case is reproduced by its seed.
 *
 * @category Testing
 * @throws AllianceError INVALID_OPTION for options that are not an object, a seed that is not a
 *   whole number, a count that is not a whole number from 0 to 1,000,000, or a missingRate
 *   outside 0–1
 * @throws AllianceError for the instrument: UNKNOWN_INSTRUMENT (an unknown id), INVALID_INPUT
 *   (neither an id nor an object), INVALID_DEFINITION or UNSAFE_KEY (a definition
 *   `defineInstrument` rejects)
 * @example
 * const sets = validResponses("wai-sr", { seed: 7, count: 50, missingRate: 0.1 });
 * sets.length;                           // => 50
 * scoreTable("wai-sr", sets).errors;     // => []
 */
export function validResponses(
  instrumentOrId: InstrumentOrId,
  options: ValidResponsesOptions = {},
): (number | null)[][] {
  const instrument = resolveInstrument(instrumentOrId);
  const { random, count, missingRate } = readGeneratorOptions(options, 10);
  const points = scalePoints(instrument);
  return Array.from({ length: count }, (_, index) => {
    const answers: (number | null)[] = instrument.items.map(() =>
      index === 0 ? points[0]! : index === 1 ? points[points.length - 1]! : random.pick(points),
    );
    leaveMissing(instrument, answers, missingRate, random);
    return answers;
  });
}

/**
 * Sets answers to `null`, each with chance `missingRate`, visiting the items in a random order
 * and only while the instrument's missing-data rule allows it.
 */
function leaveMissing(
  instrument: Instrument,
  answers: (number | null)[],
  missingRate: number,
  random: RandomSource,
): void {
  if (missingRate === 0) return;
  const allowMissing = missingBudget(instrument);
  for (const index of shuffledIndices(answers.length, random)) {
    if (random.next() < missingRate && allowMissing(index)) answers[index] = null;
  }
}
