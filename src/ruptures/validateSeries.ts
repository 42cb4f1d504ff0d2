import { toSessionGrid } from "./sessionGrid.js";
import type { SeriesOptions, SessionSeries } from "./types.js";

/**
 * What {@link validateSeries} found in a valid series.
 *
 * @category Ruptures
 */
export interface SeriesSummary {
  /** Measurement points (with `sessionGaps: "missing"`, every session number from first to last). */
  points: number;
  /** Points with a score. */
  observed: number;
  /** Points without a score (absent sessions or `score: null`). */
  missing: number;
  /** First and last session number, or `null` for an empty series. */
  firstSession: number | null;
  lastSession: number | null;
}

/**
 * Checks a client's session series and reports its shape. Sessions must be finite numbers in
 * strictly increasing order (integers under the default `sessionGaps: "missing"`, where an
 * absent session number counts as a missing measurement); scores and pre-session scores are
 * finite numbers or `null`, inside `options.range` when one is given (pass an instrument's
 * `scale`). Every detection method runs the same checks.
 *
 * Reference: the series model of this library (no published source; library choice).
 *
 * @category Ruptures
 * @throws AllianceError INVALID_INPUT (not an array, an entry not an object, a non-string
 * date), INVALID_SERIES (duplicate, unordered or non-integer sessions, or, with the default
 * `sessionGaps: "missing"`, more than 100,000 session numbers from first to last), NOT_A_NUMBER (a session, score or pre-session score that is not a
 * finite number), OUT_OF_RANGE (a score outside `range`, or, with `sessionGaps: "ignore"`,
 * session numbers so far apart that the last minus the first overflows), INVALID_OPTION
 * @example
 * validateSeries([{ session: 1, score: 5 }, { session: 3, score: 6 }]);
 * // => { points: 3, observed: 2, missing: 1, firstSession: 1, lastSession: 3 }
 */
export function validateSeries(series: SessionSeries, options: SeriesOptions = {}): SeriesSummary {
  const grid = toSessionGrid(series, options);
  const points = grid.sessions.length;
  return {
    points,
    observed: grid.observed,
    missing: points - grid.observed,
    firstSession: points === 0 ? null : grid.sessions[0]!,
    lastSession: points === 0 ? null : grid.sessions[points - 1]!,
  };
}
