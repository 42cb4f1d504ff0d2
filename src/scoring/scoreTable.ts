import {
  AllianceError,
  type AllianceErrorDetails,
  type AllianceWarning,
  describeValue,
} from "../errors.js";
import { isRecord, optionsRecord } from "../guards.js";
import type { KeySource } from "../instruments/model.js";
import type { NumericMatrix } from "../math/numericMatrix.js";
import { keySourceWarnings } from "./keySourceWarnings.js";
import { type InstrumentOrId, resolveInstrument } from "./resolveInstrument.js";
import {
  allocateRowScores,
  compileScoringPlan,
  type RowScores,
  rowProblemError,
  type ScoringPlan,
  scoreRowInto,
} from "./scoringPlan.js";
import type { Answer, ScoreOptions } from "./types.js";

/**
 * Options of `scoreTable`: the missing-data limits of `scoreResponses`, and what to do with a
 * row that cannot be scored: throw its `AllianceError` (default) or collect it in `errors`
 * and leave the row's scores `NaN`.
 *
 * @category Scoring
 */
export interface ScoreTableOptions extends ScoreOptions {
  onError?: "throw" | "collect";
}

/**
 * A row that could not be scored, with the error it would have thrown.
 *
 * @category Scoring
 */
export interface RowError extends AllianceErrorDetails {
  /** 0-based row index. */
  row: number;
}

/**
 * Columnar scores of many response sets: one Float64Array per score and statistic, one entry
 * per row. A row in `errors` has `valid[row] = 0` and `NaN` scores; every other score is finite.
 *
 * @category Scoring
 */
export interface ScoreTableResult {
  instrumentId: string;
  /** Number of rows. */
  rows: number;
  /** `"total"` then the subscale ids, in definition order. */
  scoreIds: string[];
  /** Per score id: the sum (prorated where items are missing) and the mean of each row. */
  scores: Record<string, { sum: Float64Array; mean: Float64Array }>;
  /** Items answered in each row. */
  answered: Int32Array;
  /** Items missing in each row. */
  missing: Int32Array;
  /** 1 where any score of the row was prorated. */
  prorated: Uint8Array;
  /** 1 where the row was scored, 0 where it is in `errors`. */
  valid: Uint8Array;
  /** Rows that could not be scored (only with `onError: "collect"`). */
  errors: RowError[];
  keySource: KeySource;
  /** `KEY_NOT_PRIMARY` when the key is below confirmed-primary; `PRORATED` with the count of prorated rows. */
  warnings: AllianceWarning[];
}

/**
 * Scores many response sets at once, row for row the same numbers as `scoreResponses`.
 * Rows are arrays in item order (`null` = missing) or a {@link NumericMatrix} with one column
 * per item (`NaN` = missing), the fast path: no object is allocated per row.
 *
 * @category Scoring
 * @throws AllianceError for a row, with the row in its path (`rows[3][7]`), unless
 *   `onError: "collect"`: OUT_OF_RANGE, NOT_A_NUMBER, TOO_MANY_MISSING, WRONG_LENGTH (a row
 *   of the wrong length), INVALID_INPUT (a row that is not an array)
 * @throws AllianceError for the table: INVALID_INPUT (neither rows nor a NumericMatrix),
 *   WRONG_LENGTH (a NumericMatrix whose column count is not the item count)
 * @throws AllianceError for the instrument: UNKNOWN_INSTRUMENT (an unknown id), INVALID_INPUT
 *   (neither an id nor an object), INVALID_DEFINITION or UNSAFE_KEY (a definition
 *   `defineInstrument` rejects)
 * @throws AllianceError INVALID_OPTION for options that are not an object, a missing-data
 *   limit as `scoreResponses`, or an `onError` other than "throw" or "collect"
 * @example
 * const table = scoreTable("wai-sr", [[4, 5, 4, 3, 5, 4, 4, 4, 5, 4, 3, 4], [1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2]]);
 * table.scores.total.sum; // => Float64Array [49, 18]
 */
export function scoreTable(
  instrumentOrId: InstrumentOrId,
  rows: ReadonlyArray<ReadonlyArray<Answer>> | NumericMatrix,
  options: ScoreTableOptions = {},
): ScoreTableResult {
  const instrument = resolveInstrument(instrumentOrId);
  const plan = compileScoringPlan(instrument, options);
  const collect = collectErrors(optionsRecord(options).onError);
  const input = tableInput(plan, rows);
  const result = emptyResult(plan, input.rows);
  const out = allocateRowScores(plan);
  const scratch = new Float64Array(plan.itemCount);
  for (let r = 0; r < input.rows; r++) {
    const error = scoreOneRow(plan, input, r, scratch, out, result);
    if (error === null) continue;
    if (!collect) throw error;
    result.errors.push({ row: r, ...error.toJSON() });
  }
  const proratedRows = result.prorated.reduce((count, flag) => count + flag, 0);
  if (proratedRows > 0) {
    result.warnings.push({
      code: "PRORATED",
      path: "prorated",
      message: `${proratedRows} of ${input.rows} rows had missing items and prorated scores (see prorated[])`,
    });
  }
  return result;
}

interface TableInput {
  rows: number;
  /** Writes row r's values into `target` and returns it, or the typed matrix's own values with an offset. */
  read: (r: number, target: Float64Array) => { values: ArrayLike<number>; offset: number };
}

function tableInput(
  plan: ScoringPlan,
  rows: ReadonlyArray<ReadonlyArray<Answer>> | NumericMatrix,
): TableInput {
  const cols = plan.itemCount;
  if (Array.isArray(rows)) {
    return {
      rows: rows.length,
      read: (r, target) => ({ values: arrayRow(rows[r], r, cols, target), offset: 0 }),
    };
  }
  if (isRecord(rows) && rows.values instanceof Float64Array) {
    const matrix = rows as NumericMatrix;
    if (
      matrix.cols !== cols ||
      !Number.isSafeInteger(matrix.rows) ||
      matrix.rows < 0 ||
      matrix.values.length !== matrix.rows * cols
    ) {
      throw new AllianceError({
        code: "WRONG_LENGTH",
        path: "rows",
        message: `expected ${cols} columns (one per item of ${plan.instrument.id}) and values.length = rows × cols, got cols ${describeValue(matrix.cols)}, rows ${describeValue(matrix.rows)}, ${matrix.values.length} values`,
      });
    }
    return { rows: matrix.rows, read: (r) => ({ values: matrix.values, offset: r * cols }) };
  }
  throw new AllianceError({
    code: "INVALID_INPUT",
    path: "rows",
    message: `expected an array of rows or { values: Float64Array, rows, cols }, got ${describeValue(rows)}`,
  });
}

function arrayRow(row: unknown, r: number, cols: number, target: Float64Array): Float64Array {
  if (!Array.isArray(row))
    throw new AllianceError({
      code: "INVALID_INPUT",
      path: `rows[${r}]`,
      message: `expected an array of ${cols} answers, got ${describeValue(row)}`,
    });
  if (row.length !== cols)
    throw new AllianceError({
      code: "WRONG_LENGTH",
      path: `rows[${r}]`,
      message: `expected ${cols} answers, got ${row.length}`,
    });
  for (let c = 0; c < cols; c++) {
    const answer: unknown = row[c];
    if (answer === null || answer === undefined) target[c] = Number.NaN;
    else if (typeof answer === "number" && Number.isFinite(answer)) target[c] = answer;
    else
      throw new AllianceError({
        code: "NOT_A_NUMBER",
        path: `rows[${r}][${c}]`,
        message: `expected a finite number, or null for a missing answer, got ${describeValue(answer)}`,
      });
  }
  return target;
}

function scoreOneRow(
  plan: ScoringPlan,
  input: TableInput,
  r: number,
  scratch: Float64Array,
  out: RowScores,
  result: ScoreTableResult,
): AllianceError | null {
  let read: { values: ArrayLike<number>; offset: number };
  try {
    read = input.read(r, scratch);
  } catch (error) {
    markInvalid(plan, result, r);
    if (error instanceof AllianceError) return error;
    throw error;
  }
  const problem =
    infiniteCell(read, r, plan.itemCount) ?? scoreRowInto(plan, read.values, read.offset, out);
  if (problem !== null) {
    markInvalid(plan, result, r);
    return problem instanceof AllianceError
      ? problem
      : rowProblemError(plan, problem, out, (c) => `rows[${r}][${c}]`, `rows[${r}]`);
  }
  writeRow(plan, result, r, out);
  return null;
}

/** ±Infinity is not a missing marker: name the cell (arrays were checked cell by cell already). */
function infiniteCell(
  read: { values: ArrayLike<number>; offset: number },
  r: number,
  cols: number,
): AllianceError | null {
  for (let c = 0; c < cols; c++) {
    const value = read.values[read.offset + c]!;
    if (value === Number.POSITIVE_INFINITY || value === Number.NEGATIVE_INFINITY) {
      return new AllianceError({
        code: "NOT_A_NUMBER",
        path: `rows[${r}][${c}]`,
        message: `expected a finite number or NaN for missing, got ${value}`,
      });
    }
  }
  return null;
}

function writeRow(plan: ScoringPlan, result: ScoreTableResult, r: number, out: RowScores): void {
  let prorated = 0;
  for (let s = 0; s < plan.scores.length; s++) {
    const score = plan.scores[s]!;
    const column = result.scores[score.id]!;
    column.sum[r] = out.sums[s]!;
    column.mean[r] = out.means[s]!;
    if (out.answered[s]! < score.items.length) prorated = 1;
  }
  result.answered[r] = out.answered[0]!;
  result.missing[r] = plan.itemCount - out.answered[0]!;
  result.prorated[r] = prorated;
  result.valid[r] = 1;
}

function markInvalid(plan: ScoringPlan, result: ScoreTableResult, r: number): void {
  for (const score of plan.scores) {
    const column = result.scores[score.id]!;
    column.sum[r] = Number.NaN;
    column.mean[r] = Number.NaN;
  }
  result.valid[r] = 0;
}

function emptyResult(plan: ScoringPlan, rows: number): ScoreTableResult {
  const scores: Record<string, { sum: Float64Array; mean: Float64Array }> = {};
  for (const score of plan.scores)
    scores[score.id] = { sum: new Float64Array(rows), mean: new Float64Array(rows) };
  return {
    instrumentId: plan.instrument.id,
    rows,
    scoreIds: plan.scores.map((score) => score.id),
    scores,
    answered: new Int32Array(rows),
    missing: new Int32Array(rows),
    prorated: new Uint8Array(rows),
    valid: new Uint8Array(rows),
    errors: [],
    keySource: plan.instrument.keySource,
    warnings: keySourceWarnings(plan.instrument),
  };
}

function collectErrors(onError: unknown): boolean {
  if (onError === undefined || onError === "throw") return false;
  if (onError === "collect") return true;
  throw new AllianceError({
    code: "INVALID_OPTION",
    path: "options.onError",
    message: `expected "throw" or "collect", got ${describeValue(onError)}`,
  });
}
