import { AllianceError, describeValue } from "../errors.js";
import { isRecord } from "../guards.js";
import { reliableChangeThreshold } from "../reliability/reliableChangeThreshold.js";
import { RUPTURE_SOURCES } from "./citations.js";
import { notFinite } from "./notFinite.js";
import {
  copyCitations,
  readBooleanOption,
  readChoiceOption,
  readNumberOption,
} from "./readOptions.js";
import { type SessionGrid, toSessionGrid } from "./sessionGrid.js";
import type { RuptureEvent, RuptureResult, SeriesOptions, SessionSeries } from "./types.js";

/**
 * Options of {@link reliableDrops}.
 *
 * @category Ruptures
 */
export interface ReliableDropOptions extends SeriesOptions {
  /** SD of the scores (a baseline or norm sample), for the reliable change threshold. Required. */
  sd: number;
  /** Reliability of the scores (test-retest or alpha), in [0, 1). Required. */
  reliability: number;
  /** Two-sided level of the threshold; default 0.95 (Jacobson & Truax 1991). */
  level?: number;
  /** Critical value instead of the normal quantile (pass 1.96 to match suddengains). */
  z?: number;
  /**
   * When a drop counts as recovered: `"pre-drop"` (default; library choice) when a later score is
   * back at the score before the drop, `"reliable-rise"` when a later score is reliably above the
   * lowest score since the drop.
   */
  recovery?: "pre-drop" | "reliable-rise";
  /** Sessions after the drop within which recovery counts; `null` (default, library choice): the rest of the series. */
  recoveryWindow?: number | null;
}

/**
 * Result of {@link reliableDrops}.
 *
 * @category Ruptures
 */
export interface ReliableDropResult extends RuptureResult {
  method: "reliable-drop";
  /** The reliable change threshold and its parts. */
  threshold: { threshold: number; sem: number; sdiff: number; z: number; level: number };
}

interface Settings {
  sign: number;
  threshold: number;
  sdiff: number;
  sd: number;
  z: number;
  recovery: "pre-drop" | "reliable-rise";
  window: number;
}

function readSettings(
  options: ReliableDropOptions,
): Settings & { result: ReliableDropResult["threshold"] } {
  const threshold = reliableChangeThreshold({
    sd: options.sd,
    reliability: options.reliability,
    ...(options.level === undefined ? {} : { level: options.level }),
    ...(options.z === undefined ? {} : { z: options.z }),
  });
  const window = options.recoveryWindow ?? null;
  return {
    sign: readBooleanOption(options.higherIsBetter, "higherIsBetter", true) ? 1 : -1,
    threshold: threshold.threshold,
    sdiff: threshold.sdiff,
    sd: threshold.sd,
    z: threshold.z,
    recovery: readChoiceOption(
      options.recovery,
      "recovery",
      ["pre-drop", "reliable-rise"],
      "pre-drop",
    ),
    window:
      window === null
        ? Number.POSITIVE_INFINITY
        : readNumberOption(window, "recoveryWindow", 1, { min: 1 }),
    result: {
      threshold: threshold.threshold,
      sem: threshold.sem,
      sdiff: threshold.sdiff,
      z: threshold.z,
      level: threshold.level,
    },
  };
}

/** Follows a drop into point `index` until recovery; returns trough, recovery (-1) and whether any later score was seen. */
function follow(
  grid: SessionGrid,
  index: number,
  before: number,
  settings: Settings,
): { trough: number; recovery: number; seen: boolean } {
  const { sessions, scores } = grid;
  const { sign } = settings;
  const limit = sessions[index]! + settings.window;
  let trough = index;
  let seen = false;
  for (let later = index + 1; later < scores.length && sessions[later]! <= limit; later++) {
    const value = scores[later]!;
    if (Number.isNaN(value)) continue;
    seen = true;
    const recovered =
      settings.recovery === "pre-drop"
        ? sign * (value - scores[before]!) >= 0
        : sign * (value - scores[trough]!) > settings.threshold;
    if (recovered) return { trough, recovery: later, seen };
    if (sign * (value - scores[trough]!) < 0) trough = later;
  }
  return { trough, recovery: -1, seen };
}

function makeEvent(
  grid: SessionGrid,
  before: number,
  index: number,
  settings: Settings,
): RuptureEvent {
  const { sessions, scores } = grid;
  const drop = settings.sign * (scores[before]! - scores[index]!);
  const { trough, recovery, seen } = follow(grid, index, before, settings);
  const magnitude = Math.abs(scores[before]! - scores[trough]!);
  const changeIndex = drop / settings.sdiff;
  if (!Number.isFinite(magnitude)) {
    // the drop to the trough is at least the drop to `index`: one check covers both
    throw notFinite(
      "series",
      "scores close enough that their differences are finite (about 1.8e308 apart at most)",
      `a drop from session ${sessions[before]} to ${sessions[index]} (or on to the lowest score after it)`,
      magnitude,
    );
  }
  if (!Number.isFinite(changeIndex)) {
    throw notFinite(
      "options.sd",
      "an sd large enough that the reliable change index (drop / sdiff) is finite",
      `an index for the drop from session ${sessions[before]} to ${sessions[index]}`,
      changeIndex,
    );
  }
  const recovered = recovery >= 0;
  const windowOpen = sessions[index]! + settings.window > sessions[sessions.length - 1]!;
  const resolved = recovered
    ? true
    : !seen || (windowOpen && Number.isFinite(settings.window))
      ? null
      : false;
  return {
    method: "reliable-drop",
    kind: "reliable-drop",
    sessions: {
      start: sessions[before]!,
      trough: sessions[trough]!,
      repair: recovered ? sessions[recovery]! : null,
    },
    scores: {
      start: scores[before]!,
      trough: scores[trough]!,
      repair: recovered ? scores[recovery]! : null,
    },
    magnitude,
    length: (recovered ? sessions[recovery]! : sessions[trough]!) - sessions[before]!,
    resolved,
    evidence: {
      rule: `drop from the previous observed score > reliable change threshold; recovery: ${settings.recovery === "pre-drop" ? "back to the pre-drop score" : "a reliable rise from the lowest score"}`,
      threshold: settings.threshold,
      referenceValue: scores[before]!,
      sdUsed: settings.sd,
      criteria: [
        {
          name: "reliableDrop",
          passed: true,
          value: drop,
          threshold: settings.threshold,
          rule: "drop > z x sdiff",
        },
        {
          name: "reliableChangeIndex",
          passed: true,
          value: changeIndex,
          threshold: settings.z,
          rule: "drop / sdiff > z",
        },
        {
          name: "recovery",
          passed: resolved,
          value: recovered ? scores[recovery]! : null,
          threshold: settings.recovery === "pre-drop" ? scores[before]! : settings.threshold,
          rule:
            settings.recovery === "pre-drop"
              ? "later score back at the pre-drop score"
              : "later rise from the lowest score > threshold",
        },
      ],
    },
    citations: copyCitations(RUPTURE_SOURCES.jacobsonTruax1991, RUPTURE_SOURCES.libraryChoice),
  };
}

/**
 * Reliable drops: session-to-session changes for the worse larger than the reliable change
 * threshold of Jacobson & Truax (1991), and whether and when each recovers.
 *
 * threshold = z * sqrt(2) * sd * sqrt(1 - reliability) (from `reliableChangeThreshold`); a drop
 * from the previous observed score to this one counts when drop > threshold (strictly, as
 * |RCI| > z). Recovery (library choice): the first later score back at the pre-drop score
 * (default) or reliably above the lowest score since the drop, within `recoveryWindow` sessions
 * (default: the rest of the series). `resolved` is `null` when no later score was observed (or
 * the window runs past the end). Using the RCI on alliance series is not an established
 * published practice (ruptures.md section 2); it is the natural threshold for measurement error.
 *
 * Reference: Jacobson & Truax (1991) doi:10.1037/0022-006X.59.1.12. R: the cut-off equals
 * `suddengains::define_crit1_cutoff(sd, reliability)$reliable_change_value` with `z: 1.96`.
 *
 * Every number in the result is finite (see docs/ruptures.md, "Extreme values"): a drop whose
 * size or reliable change index overflows double precision throws `OUT_OF_RANGE` rather than
 * being returned as Infinity.
 *
 * @category Ruptures
 * @throws AllianceError NOT_A_NUMBER for an sd, reliability or z that is not a finite number;
 * OUT_OF_RANGE for sd <= 0, reliability outside [0, 1), z <= 0, an sem that underflows or a
 * threshold that overflows (as reliableChangeThreshold), for an sd so small that a drop's
 * reliable change index drop / sdiff is not finite (path `options.sd`), and for scores so far
 * apart that a drop is not finite (path `series`); INVALID_OPTION for options that are not an
 * object, a bad level, recovery, recoveryWindow or higherIsBetter; plus the series errors of
 * {@link validateSeries} (INVALID_INPUT, INVALID_SERIES, NOT_A_NUMBER, OUT_OF_RANGE,
 * INVALID_OPTION)
 * @example
 * // threshold 1.96 * sqrt(2) * 10.5 * sqrt(1 - .931) = 7.645
 * reliableDrops(
 *   [{ session: 1, score: 30 }, { session: 2, score: 20 }, { session: 3, score: 31 }],
 *   { sd: 10.5, reliability: 0.931, z: 1.96 },
 * ).events[0].sessions; // => { start: 1, trough: 2, repair: 3 }
 */
export function reliableDrops(
  series: SessionSeries,
  options: ReliableDropOptions,
): ReliableDropResult {
  if (!isRecord(options)) {
    throw new AllianceError({
      code: "INVALID_OPTION",
      path: "options",
      message: `expected an options object with sd and reliability, got ${describeValue(options)}`,
    });
  }
  const settings = readSettings(options);
  const grid = toSessionGrid(series, options);
  const events: RuptureEvent[] = [];
  let before = -1;
  for (let index = 0; index < grid.scores.length; index++) {
    if (Number.isNaN(grid.scores[index]!)) continue;
    if (
      before >= 0 &&
      settings.sign * (grid.scores[before]! - grid.scores[index]!) > settings.threshold
    ) {
      events.push(makeEvent(grid, before, index, settings));
    }
    before = index;
  }
  return {
    method: "reliable-drop",
    higherIsBetter: settings.sign > 0,
    threshold: settings.result,
    events,
    warnings:
      grid.observed < 2
        ? [
            {
              code: "NOT_ENOUGH_DATA",
              path: "series",
              message: `expected at least 2 observed scores, got ${grid.observed}`,
            },
          ]
        : [],
  };
}
