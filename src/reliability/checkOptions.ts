import normalQuantile from "@stdlib/stats-base-dists-normal-quantile";
import { AllianceError, describeValue } from "../errors.js";

/**
 * Returns `value` when it is a finite number, else throws `NOT_A_NUMBER` at `path`.
 *
 * @internal
 */
export function finiteNumber(value: unknown, path: string): number {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  throw new AllianceError({
    code: "NOT_A_NUMBER",
    path,
    message: `expected a finite number, got ${describeValue(value)}`,
  });
}

/**
 * Returns `value` when it is a finite number above zero (a standard deviation), else throws.
 *
 * @internal
 */
export function positiveNumber(value: unknown, path: string): number {
  const number = finiteNumber(value, path);
  if (number > 0) return number;
  throw new AllianceError({
    code: "OUT_OF_RANGE",
    path,
    message: `expected a number above 0, got ${describeValue(number)}`,
  });
}

/**
 * Returns `value` when it is a reliability coefficient in [0, 1), else throws. A reliability of
 * 1 would make the standard error of measurement 0 and every change "reliable".
 *
 * @internal
 */
export function reliabilityCoefficient(value: unknown, path: string): number {
  const number = finiteNumber(value, path);
  if (number >= 0 && number < 1) return number;
  throw new AllianceError({
    code: "OUT_OF_RANGE",
    path,
    message: `expected a reliability from 0 up to (not including) 1, got ${describeValue(number)}`,
  });
}

/**
 * Returns the confidence level (default 0.95, a library choice following the convention of
 * psych and most software) when it lies strictly between 0 and 1, else throws `INVALID_OPTION`.
 *
 * @internal
 */
export function confidenceLevel(value: unknown, path: string): number {
  if (value === undefined) return 0.95;
  if (typeof value === "number" && value > 0 && value < 1) return value;
  throw new AllianceError({
    code: "INVALID_OPTION",
    path,
    message: `expected a confidence level between 0 and 1 (e.g. 0.95), got ${describeValue(value)}`,
  });
}

/**
 * Returns `value` when it is one of `allowed` (or `fallback` when undefined), else throws
 * `INVALID_OPTION` listing the allowed values.
 *
 * @internal
 */
export function oneOf<T extends string>(
  value: unknown,
  allowed: readonly T[],
  fallback: T,
  path: string,
): T {
  if (value === undefined) return fallback;
  if (typeof value === "string" && (allowed as readonly string[]).includes(value)) {
    return value as T;
  }
  throw new AllianceError({
    code: "INVALID_OPTION",
    path,
    message: `expected one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}, got ${describeValue(value)}`,
  });
}

/**
 * The critical value of a two-sided normal test: `given` when it is a number above 0 (e.g. the
 * literal 1.96 some software uses), else the standard normal quantile at 1 - (1 - level)/2.
 *
 * @internal
 */
export function criticalValue(given: unknown, level: number, path: string): number {
  if (given === undefined) return normalQuantile(1 - (1 - level) / 2, 0, 1);
  const z = finiteNumber(given, path);
  if (z > 0) return z;
  throw new AllianceError({
    code: "OUT_OF_RANGE",
    path,
    message: `expected a critical value above 0 (e.g. 1.96), got ${describeValue(z)}`,
  });
}

/**
 * Returns `value` when it is finite; else throws `OUT_OF_RANGE` at `path`: the inputs were
 * legal numbers, but too large for `what` to be computed in double precision (e.g. squares of
 * values near 1e308).
 *
 * @internal
 */
export function finiteResult(value: number, path: string, what: string): number {
  if (Number.isFinite(value)) return value;
  throw new AllianceError({
    code: "OUT_OF_RANGE",
    path,
    message: `expected values small enough for ${what} to stay finite in double precision, got ${describeValue(value)}`,
  });
}

/** The smallest normal double, 2^-1022 (about 2.2e-308): below it a number keeps few digits. */
const SMALLEST_NORMAL = 2 ** -1022;

/**
 * Returns `value` when it is finite and at least 2^-1022, the smallest normal double; else
 * throws `OUT_OF_RANGE` at `path`. For a standard error that is positive in exact arithmetic
 * (an sd above 0, a reliability below 1) but underflows to 0 or to a subnormal number with a
 * tiny sd such as 7e-323, which would turn an index into ±Infinity.
 *
 * @internal
 */
export function normalPositiveResult(value: number, path: string, what: string): number {
  if (Number.isFinite(value) && value >= SMALLEST_NORMAL) return value;
  throw new AllianceError({
    code: "OUT_OF_RANGE",
    path,
    message: `expected values for which ${what} is a finite number of at least 2.2e-308 in double precision, got ${describeValue(value)}`,
  });
}
