import { AllianceError, describeValue } from "../errors.js";
import { optionsRecord } from "../guards.js";

/** One line of a flattened result: where the value sits and the value. */
export interface ResultRow {
  /** Path to the value, e.g. `feldt.lower` or `items[2].rDrop`. */
  field: string;
  /** The value; a list of numbers or strings is one text cell, e.g. `"4, 5, 3"`. */
  value: number | string | boolean | null;
}

/** Options of {@link resultRows}. */
export interface ResultRowsOptions {
  /** How many entries of a list of numbers or strings to show before `… (n values)`. Default 10. */
  maxListValues?: number;
}

/**
 * Flattens a result object (of `cronbachAlpha`, `scoreResponses`, `detectRuptures`, …) into
 * rows of `{ field, value }`, one per number, string or boolean in it, in the order of its
 * fields: nested objects and lists of objects give dotted paths (`feldt.lower`,
 * `items[0].rDrop`); a list of numbers or strings (a typed array too) is one row. Fields that
 * are `undefined` are left out. The input is not changed.
 *
 * @category Notebook
 * @throws AllianceError INVALID_INPUT when `result` is not an object or array, or refers to itself
 * @throws AllianceError INVALID_OPTION when `maxListValues` is not a positive integer
 * @example
 * resultRows({ alpha: 0.8, feldt: { lower: 0.7, upper: 0.9 } });
 * // => [{ field: "alpha", value: 0.8 }, { field: "feldt.lower", value: 0.7 }, { field: "feldt.upper", value: 0.9 }]
 */
export function resultRows(result: unknown, options?: ResultRowsOptions): ResultRow[] {
  const maxListValues = readMaxListValues(optionsRecord(options));
  if (typeof result !== "object" || result === null) {
    throw new AllianceError({
      code: "INVALID_INPUT",
      path: "result",
      message: `expected a result object or array, got ${describeValue(result)}`,
    });
  }
  const rows: ResultRow[] = [];
  collect(result, "", { rows, maxListValues, ancestors: new Set() });
  return rows;
}

interface Walk {
  rows: ResultRow[];
  maxListValues: number;
  ancestors: Set<object>;
}

function readMaxListValues(options: ResultRowsOptions): number {
  const value = options.maxListValues ?? 10;
  if (Number.isSafeInteger(value) && value > 0) return value;
  throw new AllianceError({
    code: "INVALID_OPTION",
    path: "options.maxListValues",
    message: `expected a positive integer, got ${describeValue(value)}`,
  });
}

function collect(value: unknown, path: string, walk: Walk): void {
  if (value === undefined || typeof value === "function" || typeof value === "symbol") return;
  if (typeof value === "bigint") {
    walk.rows.push({ field: path, value: String(value) });
    return;
  }
  if (typeof value !== "object" || value === null) {
    walk.rows.push({ field: path, value: value as ResultRow["value"] });
    return;
  }
  if (isList(value)) {
    walk.rows.push({ field: path, value: listText(value, walk.maxListValues) });
    return;
  }
  if (walk.ancestors.has(value)) {
    throw new AllianceError({
      code: "INVALID_INPUT",
      path: path === "" ? "result" : `result.${path}`,
      message: "expected a tree of plain data, got an object that contains itself",
    });
  }
  walk.ancestors.add(value);
  for (const [key, child] of entriesOf(value)) {
    collect(child, joinPath(path, key, Array.isArray(value)), walk);
  }
  walk.ancestors.delete(value);
}

/** A typed array, or an array with no object in it (empty arrays included). */
function isList(value: object): value is ArrayLike<unknown> {
  if (ArrayBuffer.isView(value)) return true;
  return (
    Array.isArray(value) && value.every((entry) => typeof entry !== "object" || entry === null)
  );
}

function listText(list: ArrayLike<unknown>, maxValues: number): string {
  const shown = Array.from({ length: Math.min(list.length, maxValues) }, (_, index) =>
    String(list[index] ?? "NA"),
  );
  if (list.length > maxValues) shown.push(`… (${list.length} values)`);
  return shown.join(", ");
}

function entriesOf(value: object): [string, unknown][] {
  if (value instanceof Map) return [...value.entries()].map(([key, entry]) => [String(key), entry]);
  return Object.entries(value);
}

function joinPath(path: string, key: string, inArray: boolean): string {
  if (inArray) return `${path}[${key}]`;
  return path === "" ? key : `${path}.${key}`;
}
