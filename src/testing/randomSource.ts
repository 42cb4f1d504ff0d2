import { AllianceError, describeValue } from "../errors.js";
import { seededRandom } from "../math/seededRandom.js";

/**
 * A seeded source of random choices for the test-data generators, built on the library's
 * xorshift128 generator (`seededRandom`, Marsaglia 2003, doi:10.18637/jss.v008.i14), which
 * already discards its first outputs so that seeds 1, 2, 3 … give unrelated sequences.
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
