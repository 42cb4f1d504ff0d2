import { AllianceError, describeValue } from "../errors.js";
import type { RuptureCitation } from "./types.js";

/** Limits for {@link readNumberOption}. */
interface NumberLimits {
  /** Smallest allowed value (inclusive unless `exclusiveMin`). */
  min?: number;
  /** Largest allowed value (inclusive). */
  max?: number;
  exclusiveMin?: boolean;
  integer?: boolean;
}

/**
 * Reads a numeric option, returning `fallback` when it is undefined.
 *
 * @internal
 */
export function readNumberOption(
  value: unknown,
  name: string,
  fallback: number,
  limits: NumberLimits = {},
): number {
  if (value === undefined) return fallback;
  const { min = Number.NEGATIVE_INFINITY, max = Number.POSITIVE_INFINITY } = limits;
  // The type first: comparing a Symbol or a null-prototype object with a number throws.
  const tooSmall =
    typeof value === "number" && (limits.exclusiveMin === true ? value <= min : value < min);
  if (
    typeof value !== "number" ||
    !Number.isFinite(value) ||
    tooSmall ||
    value > max ||
    (limits.integer === true && !Number.isInteger(value))
  ) {
    const kind = limits.integer === true ? "an integer" : "a finite number";
    const lower = limits.exclusiveMin === true ? `> ${min}` : `>= ${min}`;
    throw new AllianceError({
      code: "INVALID_OPTION",
      path: `options.${name}`,
      message: `expected ${kind} (${lower}, <= ${max}), got ${describeValue(value)}`,
    });
  }
  return value;
}

/**
 * Reads a boolean option, returning `fallback` when it is undefined.
 *
 * @internal
 */
export function readBooleanOption(value: unknown, name: string, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== "boolean") {
    throw new AllianceError({
      code: "INVALID_OPTION",
      path: `options.${name}`,
      message: `expected true or false, got ${describeValue(value)}`,
    });
  }
  return value;
}

/**
 * Reads an option that must be one of `choices`, returning `fallback` when it is undefined.
 *
 * @internal
 */
export function readChoiceOption<T extends string>(
  value: unknown,
  name: string,
  choices: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if (typeof value !== "string" || !(choices as readonly string[]).includes(value)) {
    throw new AllianceError({
      code: "INVALID_OPTION",
      path: `options.${name}`,
      message: `expected one of ${choices.map((choice) => `"${choice}"`).join(", ")}, got ${describeValue(value)}`,
    });
  }
  return value as T;
}

/**
 * Copies citations so that no event shares an object with the constants (or another event).
 *
 * @internal
 */
export function copyCitations(...citations: readonly RuptureCitation[]): RuptureCitation[] {
  return citations.map((citation) => ({ ...citation }));
}

/**
 * A rating that may be absent: `null` for null or undefined, the number when it is finite and
 * within `scale` (when one is given).
 *
 * @internal
 * @throws AllianceError NOT_A_NUMBER or OUT_OF_RANGE at `path`
 */
export function readOptionalRating(
  value: unknown,
  path: string,
  scale: { readonly min: number; readonly max: number } | undefined,
): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new AllianceError({
      code: "NOT_A_NUMBER",
      path,
      message: `expected a finite rating or null, got ${describeValue(value)}`,
    });
  }
  if (scale !== undefined && (value < scale.min || value > scale.max)) {
    throw new AllianceError({
      code: "OUT_OF_RANGE",
      path,
      message: `expected a rating from ${scale.min} to ${scale.max}, got ${value}`,
    });
  }
  return value;
}
