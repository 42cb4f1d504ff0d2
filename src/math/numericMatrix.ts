import { AllianceError, describeValue } from "../errors.js";
import { isRecord } from "../guards.js";

/**
 * A dense row-major matrix of float64 values with `NaN` marking a missing cell. It is the
 * one numeric form every statistic works on; JSON-shaped input is converted once, at the edge.
 *
 * @category Data
 */
export interface NumericMatrix {
  /** `rows * cols` values, row after row; `NaN` = missing. */
  readonly values: Float64Array;
  /** Number of rows (respondents, targets, units). */
  readonly rows: number;
  /** Number of columns (items, raters, coders). */
  readonly cols: number;
}

/**
 * Matrix input accepted by the statistics: an array of rows (`null` or `NaN` = missing) or a
 * {@link NumericMatrix}.
 *
 * @category Data
 */
export type MatrixInput = ReadonlyArray<ReadonlyArray<number | null>> | NumericMatrix;

/**
 * Converts matrix input into a validated {@link NumericMatrix} without touching the input.
 * Rows must all have the same length; cells must be finite numbers, `null` or `NaN`.
 * A typed-array input is copied so that later work can never write into the caller's array.
 *
 * @category Data
 * @throws AllianceError INVALID_INPUT, WRONG_LENGTH or NOT_A_NUMBER, with the cell's path;
 *   INVALID_OPTION when `path` is not a string
 * @example
 * toNumericMatrix([[1, null], [3, 4]]).values; // => Float64Array [1, NaN, 3, 4]
 */
export function toNumericMatrix(data: MatrixInput, path = "data"): NumericMatrix {
  if (typeof path !== "string") {
    throw new AllianceError({
      code: "INVALID_OPTION",
      path: "path",
      message: `expected a string naming the input, got ${describeValue(path)}`,
    });
  }
  if (Array.isArray(data)) return fromRows(data, path);
  if (isRecord(data) && data.values instanceof Float64Array)
    return fromTyped(data as NumericMatrix, path);
  throw new AllianceError({
    code: "INVALID_INPUT",
    path,
    message: `expected an array of rows or { values: Float64Array, rows, cols }, got ${describeValue(data)}`,
  });
}

function fromRows(rows: ReadonlyArray<ReadonlyArray<number | null>>, path: string): NumericMatrix {
  const first = rows[0];
  const cols = Array.isArray(first) ? first.length : 0;
  const values = new Float64Array(rows.length * cols);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!Array.isArray(row)) {
      throw new AllianceError({
        code: "INVALID_INPUT",
        path: `${path}[${r}]`,
        message: `expected an array (a row), got ${describeValue(row)}`,
      });
    }
    if (row.length !== cols) {
      throw new AllianceError({
        code: "WRONG_LENGTH",
        path: `${path}[${r}]`,
        message: `expected ${cols} values like row 0, got ${row.length}`,
      });
    }
    for (let c = 0; c < cols; c++) values[r * cols + c] = cellValue(row[c], `${path}[${r}][${c}]`);
  }
  return { values, rows: rows.length, cols };
}

function cellValue(cell: unknown, path: string): number {
  if (cell === null || cell === undefined) return Number.NaN;
  if (typeof cell === "number" && (Number.isFinite(cell) || Number.isNaN(cell))) return cell;
  throw new AllianceError({
    code: "NOT_A_NUMBER",
    path,
    message: `expected a finite number or null, got ${describeValue(cell)}`,
  });
}

function fromTyped(matrix: NumericMatrix, path: string): NumericMatrix {
  const { values, rows, cols } = matrix;
  if (
    !Number.isSafeInteger(rows) ||
    !Number.isSafeInteger(cols) ||
    rows < 0 ||
    cols < 0 ||
    rows * cols !== values.length
  ) {
    throw new AllianceError({
      code: "WRONG_LENGTH",
      path,
      message: `expected values.length = rows * cols, got ${values.length} values for rows = ${describeValue(rows)}, cols = ${describeValue(cols)}`,
    });
  }
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v === Number.POSITIVE_INFINITY || v === Number.NEGATIVE_INFINITY) {
      throw new AllianceError({
        code: "NOT_A_NUMBER",
        path: `${path}.values[${i}]`,
        message: `expected a finite number or NaN, got ${v}`,
      });
    }
  }
  return { values: Float64Array.from(values), rows, cols };
}
