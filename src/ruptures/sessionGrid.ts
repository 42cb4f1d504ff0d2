import { AllianceError, describeValue } from "../errors.js";
import { isRecord } from "../guards.js";
import { notFinite } from "./notFinite.js";
import type { SeriesOptions, SessionGapPolicy, SessionSeries } from "./types.js";

/**
 * A validated series laid out as measurement points: `sessions[i]` is the session number of
 * point i, `scores[i]` its score (`NaN` when missing), `preScores[i]` its pre-session score
 * (`NaN` when missing). With the `"missing"` gap policy every session number from the first to
 * the last is a point.
 *
 * @internal
 */
export interface SessionGrid {
  sessions: number[];
  scores: number[];
  preScores: number[];
  /** Number of points with a score. */
  observed: number;
}

/** Largest number of points a series may span (library choice: guards against a typo like session 1e9). */
const MAX_POINTS = 100_000;

/**
 * Reads an optional score: `null`/`undefined` -> NaN, finite number -> itself, else throws.
 * The error path is built only when throwing (this runs once per point).
 */
function readScore(
  value: unknown,
  index: number,
  field: "score" | "preScore",
  range: SeriesOptions["range"],
): number {
  if (value === null || value === undefined) return Number.NaN;
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new AllianceError({
      code: "NOT_A_NUMBER",
      path: `series[${index}].${field}`,
      message: `expected a finite number or null, got ${describeValue(value)}`,
    });
  }
  if (range !== undefined && (value < range.min || value > range.max)) {
    throw new AllianceError({
      code: "OUT_OF_RANGE",
      path: `series[${index}].${field}`,
      message: `expected a score from ${range.min} to ${range.max}, got ${value}`,
    });
  }
  return value;
}

/** Checks the `range` option. */
function checkRange(range: unknown): void {
  if (range === undefined) return;
  if (
    !isRecord(range) ||
    typeof range.min !== "number" ||
    typeof range.max !== "number" ||
    !Number.isFinite(range.min) ||
    !Number.isFinite(range.max) ||
    range.min >= range.max
  ) {
    throw new AllianceError({
      code: "INVALID_OPTION",
      path: "options.range",
      message: `expected { min, max } with finite min < max, got ${describeValue(range)}`,
    });
  }
}

/** Reads and checks one session number, in strictly increasing order. */
function readSession(
  value: unknown,
  previous: number,
  index: number,
  gaps: SessionGapPolicy,
): number {
  const path = `series[${index}].session`;
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new AllianceError({
      code: "NOT_A_NUMBER",
      path,
      message: `expected a finite session number, got ${describeValue(value)}`,
    });
  }
  if (gaps === "missing" && !Number.isSafeInteger(value)) {
    throw new AllianceError({
      code: "INVALID_SERIES",
      path,
      message: `expected a whole session number of at most 2^53 - 1 in size (sessionGaps "missing"), got ${value}`,
    });
  }
  if (value <= previous) {
    const what = value === previous ? "a duplicate session" : "sessions out of order";
    throw new AllianceError({
      code: "INVALID_SERIES",
      path,
      message: `expected sessions in strictly increasing order, got ${what} (${value} after ${previous})`,
    });
  }
  return value;
}

/**
 * Validates a series and lays it out as measurement points.
 *
 * @internal
 * @throws AllianceError INVALID_INPUT (not an array / entry not an object), INVALID_SERIES
 * (duplicate, unordered or non-integer sessions), NOT_A_NUMBER, OUT_OF_RANGE (a score outside
 * `range`, or sessions so far apart that their span overflows), INVALID_OPTION
 */
export function toSessionGrid(series: SessionSeries, options: SeriesOptions = {}): SessionGrid {
  if (!Array.isArray(series)) {
    throw new AllianceError({
      code: "INVALID_INPUT",
      path: "series",
      message: `expected an array of { session, score }, got ${describeValue(series)}`,
    });
  }
  if (!isRecord(options)) {
    throw new AllianceError({
      code: "INVALID_OPTION",
      path: "options",
      message: `expected an options object, got ${describeValue(options)}`,
    });
  }
  const range = (options as SeriesOptions).range;
  checkRange(range);
  const gaps = options.sessionGaps ?? "missing";
  if (gaps !== "missing" && gaps !== "ignore") {
    throw new AllianceError({
      code: "INVALID_OPTION",
      path: "options.sessionGaps",
      message: `expected "missing" or "ignore", got ${describeValue(gaps)}`,
    });
  }
  const count = series.length;
  // plain arrays: far cheaper to allocate than small typed arrays, and this runs once per client
  const listed: number[] = new Array(count);
  const scores: number[] = new Array(count);
  const preScores: number[] = new Array(count);
  let previous = Number.NEGATIVE_INFINITY;
  let observed = 0;
  for (let index = 0; index < count; index++) {
    const point: unknown = series[index];
    if (!isRecord(point)) {
      throw new AllianceError({
        code: "INVALID_INPUT",
        path: `series[${index}]`,
        message: `expected an object { session, score }, got ${describeValue(point)}`,
      });
    }
    previous = readSession(point.session, previous, index, gaps);
    listed[index] = previous;
    scores[index] = readScore(point.score, index, "score", range);
    preScores[index] = readScore(point.preScore, index, "preScore", range);
    if (point.date !== undefined && typeof point.date !== "string") {
      throw new AllianceError({
        code: "INVALID_INPUT",
        path: `series[${index}].date`,
        message: `expected an ISO 8601 date string, got ${describeValue(point.date)}`,
      });
    }
    if (!Number.isNaN(scores[index]!)) observed++;
  }
  checkSpan(listed);
  if (gaps === "ignore" || count === 0) return { sessions: listed, scores, preScores, observed };
  return fillGaps(listed, scores, preScores, observed);
}

/**
 * Checks that the last session minus the first is finite, so that every episode length (a
 * difference of two session numbers) is. Only `sessionGaps: "ignore"` admits session numbers
 * large enough to fail (near ±1.8e308); `"missing"` requires safe integers.
 */
function checkSpan(listed: readonly number[]): void {
  if (listed.length < 2) return;
  const last = listed.length - 1;
  const span = listed[last]! - listed[0]!;
  if (!Number.isFinite(span)) {
    throw notFinite(
      `series[${last}].session`,
      "session numbers close enough that the last minus the first is finite",
      `a span from session ${listed[0]} to ${listed[last]}`,
      span,
    );
  }
}

/** Spreads the listed points over every session number from the first to the last. */
function fillGaps(
  listed: number[],
  scores: number[],
  preScores: number[],
  observed: number,
): SessionGrid {
  const first = listed[0]!;
  const span = listed[listed.length - 1]! - first + 1;
  if (span === listed.length) return { sessions: listed, scores, preScores, observed };
  if (span > MAX_POINTS) {
    throw new AllianceError({
      code: "INVALID_SERIES",
      path: "series",
      message: `expected sessions to span at most ${MAX_POINTS} session numbers, got ${span}`,
    });
  }
  const sessions: number[] = new Array(span);
  const filledScores: number[] = new Array(span).fill(Number.NaN);
  const filledPre: number[] = new Array(span).fill(Number.NaN);
  for (let position = 0; position < span; position++) sessions[position] = first + position;
  for (let index = 0; index < listed.length; index++) {
    const position = listed[index]! - first;
    filledScores[position] = scores[index]!;
    filledPre[position] = preScores[index]!;
  }
  return { sessions, scores: filledScores, preScores: filledPre, observed };
}
