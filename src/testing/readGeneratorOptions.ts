import { AllianceError, describeValue } from "../errors.js";
import { optionsRecord } from "../guards.js";
import { type RandomSource, randomSource } from "./randomSource.js";

/** Most response sets one call generates (a library choice that keeps a typo from exhausting memory). */
const MAX_COUNT = 1_000_000;

/**
 * The options every generator of `./testing` shares, checked: a seed (default 1), a count
 * (default 10 sets, or 1 case per kind), and a missing-answer rate from 0 to 1 (default 0).
 * The defaults are library choices.
 *
 * @internal
 * @throws AllianceError INVALID_OPTION naming the option
 */
export function readGeneratorOptions(
  givenOptions: object | undefined,
  defaultCount: number,
): { random: RandomSource; count: number; missingRate: number } {
  const options = optionsRecord(givenOptions) as Record<string, unknown>;
  const count = options["count"] ?? defaultCount;
  if (typeof count !== "number" || !Number.isSafeInteger(count) || count < 0 || count > MAX_COUNT) {
    throw new AllianceError({
      code: "INVALID_OPTION",
      path: "options.count",
      message: `expected a whole number from 0 to ${MAX_COUNT}, got ${describeValue(count)}`,
    });
  }
  const missingRate = options["missingRate"] ?? 0;
  if (typeof missingRate !== "number" || !(missingRate >= 0 && missingRate <= 1)) {
    throw new AllianceError({
      code: "INVALID_OPTION",
      path: "options.missingRate",
      message: `expected a number from 0 to 1, got ${describeValue(missingRate)}`,
    });
  }
  return { random: randomSource(options["seed"] ?? 1), count, missingRate };
}
