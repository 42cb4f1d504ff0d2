import { AllianceError, describeValue } from "../errors.js";

/**
 * A category label given by a rater: a number or a string. `null`, `undefined` and `NaN` mean
 * "not rated".
 *
 * @category Reliability
 */
export type CategoryLabel = string | number;

/**
 * True for a cell that holds no rating: `null`, `undefined` or `NaN`.
 *
 * @internal
 */
export function isMissingLabel(value: unknown): value is null | undefined {
  return (
    value === null || value === undefined || (typeof value === "number" && Number.isNaN(value))
  );
}

/**
 * True for a finite number or a non-empty string: a rating (a loop can test this and build an
 * error path only when it fails).
 *
 * @internal
 */
export function isCategoryLabel(value: unknown): value is CategoryLabel {
  return (
    (typeof value === "number" && Number.isFinite(value)) ||
    (typeof value === "string" && value !== "")
  );
}

/**
 * Checks that a rating is a finite number or a non-empty string and returns it.
 *
 * @internal
 */
export function categoryLabel(value: unknown, path: string): CategoryLabel {
  if (isCategoryLabel(value)) return value;
  throw new AllianceError({
    code: "INVALID_INPUT",
    path,
    message: `expected a category label (a finite number or a non-empty string) or null, got ${describeValue(value)}`,
  });
}

/**
 * The sorted distinct labels: numbers ascending, or strings in code-unit order (R sorts strings
 * by the locale's collation, which can order mixed-case labels differently; pass `levels` to
 * fix the order). Mixing numbers and strings is refused.
 *
 * @internal
 */
export function sortedLevels(labels: Iterable<CategoryLabel>, path: string): CategoryLabel[] {
  const distinct = [...new Set(labels)];
  const numbers = distinct.filter((label) => typeof label === "number");
  if (numbers.length > 0 && numbers.length < distinct.length) {
    throw new AllianceError({
      code: "INVALID_INPUT",
      path,
      message: "expected the labels to be all numbers or all strings, got a mix of both",
    });
  }
  if (numbers.length > 0) return (numbers as number[]).sort((a, b) => a - b);
  return (distinct as string[]).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Checks user-given levels (distinct labels, at least one) and returns a copy.
 *
 * @internal
 */
export function givenLevels(levels: unknown, path: string): CategoryLabel[] {
  if (!Array.isArray(levels) || levels.length === 0) {
    throw new AllianceError({
      code: "INVALID_OPTION",
      path,
      message: `expected a non-empty array of category labels, got ${describeValue(levels)}`,
    });
  }
  const checked = Array.from(levels, (level, i) => categoryLabel(level, `${path}[${i}]`));
  if (new Set(checked).size !== checked.length) {
    throw new AllianceError({
      code: "INVALID_OPTION",
      path,
      message: "expected distinct labels, got a repeated label",
    });
  }
  return checked;
}

/**
 * The position of `label` among the levels (given as a label-to-index map), or `OUT_OF_RANGE`
 * at `path` when it is not one of them.
 *
 * @internal
 */
export function levelIndex(
  index: ReadonlyMap<CategoryLabel, number>,
  label: CategoryLabel,
  path: string,
): number {
  const found = index.get(label);
  if (found !== undefined) return found;
  throw new AllianceError({
    code: "OUT_OF_RANGE",
    path,
    message: `expected one of the levels, got ${describeValue(label)}`,
  });
}
