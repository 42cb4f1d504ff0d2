import { AllianceError, describeValue } from "../errors.js";

/**
 * The error for the rupture functions' one rule on extreme input: every number they return or
 * draw is finite. Scores, sessions and options are legal finite numbers one by one, but a value
 * computed from them (a change between scores near ±1e308, a sum of squares of scores beyond
 * about 1e154, a reliable change index over a tiny sd, a span of session numbers) can
 * overflow double precision; the caller then throws this `OUT_OF_RANGE` error at the input the
 * value came from, instead of returning it (or using it in a comparison) as ±Infinity or NaN.
 * Callers test `Number.isFinite` first, so the message is built only when throwing.
 *
 * @internal
 * @param path Where in the input the cause lies, e.g. `"series"` or `"options.sd"`.
 * @param expected What the input must allow, e.g. `"an sd large enough that ... is finite"`.
 * @param what The computed value that overflowed, in words.
 * @param value Its (non-finite) value.
 */
export function notFinite(
  path: string,
  expected: string,
  what: string,
  value: number,
): AllianceError {
  return new AllianceError({
    code: "OUT_OF_RANGE",
    path,
    message: `expected ${expected}, got ${what} of ${describeValue(value)}`,
  });
}
