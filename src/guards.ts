import { AllianceError, describeValue } from "./errors.js";

/**
 * Keys that would reach or replace an object's prototype if assigned.
 *
 * @internal
 */
export const UNSAFE_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

/**
 * Throws `UNSAFE_KEY` when `key` is `__proto__`, `constructor` or `prototype`. `path` may be a
 * function, so that a hot loop builds the path string only when it throws. Every record
 * keyed by user input (answers, CSV headers) passes through this before it is read.
 *
 * @internal
 */
export function assertSafeKey(key: string, path: string | (() => string)): void {
  if (UNSAFE_KEYS.has(key)) {
    throw new AllianceError({
      code: "UNSAFE_KEY",
      path: typeof path === "string" ? path : path(),
      message: `the key ${JSON.stringify(key)} is not allowed (it could reach the object prototype)`,
    });
  }
}

/**
 * True for a non-null, non-array object: the shape of a JSON record.
 *
 * @internal
 */
export function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The options argument as a record: `undefined` becomes `{}`, anything else that is not a
 * plain record (null, an array, a string) throws `INVALID_OPTION`.
 *
 * @internal
 */
export function optionsRecord<T extends object>(options: T | undefined, path = "options"): T {
  if (options === undefined) return {} as T;
  if (isRecord(options)) return options;
  throw new AllianceError({
    code: "INVALID_OPTION",
    path,
    message: `expected an options object, got ${describeValue(options)}`,
  });
}
