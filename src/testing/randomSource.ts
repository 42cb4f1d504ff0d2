import { AllianceError, describeValue } from "../errors.js";
import { seededRandom } from "../math/seededRandom.js";

/**
 * A seeded source of random choices for the test-data generators, built on the library's
 * xorshift generator (`seededRandom`, Marsaglia 2003, doi:10.18637/jss.v008.i14).
 * A small seed starts xorshift from a state with few bits set, so its first outputs are
 * close to 0; the first 16 are discarded (a library choice) so that seeds 1, 2, 3 … give
 * unrelated sequences.
 *
 * @internal
 * @throws AllianceError INVALID_OPTION when the seed is not a whole number
 */
export function randomSource(seed: unknown, path = "options.seed"): RandomSource {
  if (typeof seed !== "number" || !Number.isSafeInteger(seed)) {
    throw new AllianceError({
      code: "INVALID_OPTION",
      path,
      message: `expected a whole number, got ${describeValue(seed)}`,
    });
  }
  const next = seededRandom(seed);
  for (let i = 0; i < 16; i++) next();
  return {
    next,
    index: (length) => Math.floor(next() * length),
    pick: (values) => values[Math.floor(next() * values.length)]!,
  };
}

/**
 * Seeded random choices: a uniform number in [0, 1), an index below `length`, one element.
 *
 * @internal
 */
export interface RandomSource {
  next: () => number;
  index: (length: number) => number;
  pick: <T>(values: readonly T[]) => T;
}
