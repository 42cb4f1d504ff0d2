/**
 * The stable codes an {@link AllianceError} carries. Codes are API: a code is never renamed
 * or reused within a major version; the human-readable message may improve.
 *
 * @category Errors
 */
export type AllianceErrorCode =
  /** A value lies outside the response scale, or off its step. */
  | "OUT_OF_RANGE"
  /** An answer names an item the instrument does not have. */
  | "UNKNOWN_ITEM"
  /** A value that should be a finite number is a string, NaN, Infinity, an object, … */
  | "NOT_A_NUMBER"
  /** More answers are missing than the missing-data rule allows. */
  | "TOO_MANY_MISSING"
  /** An array has the wrong number of entries. */
  | "WRONG_LENGTH"
  /** Too few cases, items, raters or sessions for the statistic. */
  | "NOT_ENOUGH_DATA"
  /** No instrument is registered under that id. */
  | "UNKNOWN_INSTRUMENT"
  /** An instrument definition is not coherent (see `defineInstrument`). */
  | "INVALID_DEFINITION"
  /** The input has the wrong shape or type. */
  | "INVALID_INPUT"
  /** An option has an invalid value. */
  | "INVALID_OPTION"
  /** A record key such as `__proto__`, `constructor` or `prototype` was given. */
  | "UNSAFE_KEY"
  /** A session series is malformed (duplicate or unordered sessions, …). */
  | "INVALID_SERIES"
  /** A text input (CSV, JSON) could not be parsed. */
  | "PARSE_ERROR";

/**
 * What an {@link AllianceError} is built from.
 *
 * @category Errors
 */
export interface AllianceErrorDetails {
  /** Stable machine-readable code. */
  code: AllianceErrorCode;
  /** Where in the input the problem is, e.g. `responses[3].items["7"]`; `""` for the whole input. */
  path: string;
  /** What was expected and what was found, e.g. `expected an integer from 1 to 7, got 9`. */
  message: string;
}

/**
 * The one error class the library throws for bad input. It carries a stable `code`, a `path`
 * into the input, and a message saying what was expected.
 *
 * @category Errors
 * @example
 * try {
 *   scoreResponses("wai-sr", [9, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
 * } catch (error) {
 *   if (error instanceof AllianceError) error.code; // => "OUT_OF_RANGE"
 * }
 */
export class AllianceError extends Error {
  override readonly name = "AllianceError";
  /** Stable machine-readable code. */
  readonly code: AllianceErrorCode;
  /** Where in the input the problem is. */
  readonly path: string;
  /** What was expected and what was found, without the path (`message` is `path: reason`). */
  readonly reason: string;

  constructor(details: AllianceErrorDetails) {
    super(details.path === "" ? details.message : `${details.path}: ${details.message}`);
    this.code = details.code;
    this.path = details.path;
    this.reason = details.message;
  }

  /** The error as plain data (`message` without the path), for logs and JSON output. */
  toJSON(): AllianceErrorDetails {
    return { code: this.code, path: this.path, message: this.reason };
  }
}

/**
 * A note attached to a result when the input was legal but degenerate (a constant item, a
 * prorated score, a key below primary confidence). Results carry warnings instead of NaN.
 *
 * @category Errors
 */
export interface AllianceWarning {
  /** Stable machine-readable code, e.g. `ZERO_VARIANCE_ITEM`, `PRORATED`, `KEY_NOT_PRIMARY`. */
  code: string;
  /** Where in the input or result the warning applies; `""` for the whole. */
  path: string;
  /** What happened and what the library did about it. */
  message: string;
}

/**
 * Describes a value for an error message: `"abc"` (a string), `NaN`, `object`, …
 *
 * @internal
 */
export function describeValue(value: unknown): string {
  if (typeof value === "string")
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") {
    return Object.is(value, -0) ? "-0" : String(value);
  }
  if (value === null) return "null";
  if (value === undefined) return "undefined";
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  return `a value of type ${typeof value}`;
}
