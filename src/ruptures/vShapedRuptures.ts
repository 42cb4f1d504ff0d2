import { AllianceError, type AllianceWarning, describeValue } from "../errors.js";
import { isRecord } from "../guards.js";
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
 * Options of {@link vShapedRuptures}. Every default is a library choice: the exact rules of
 * Stiles et al. (2004) and Strauss et al. (2006) are not confirmed (see docs/ruptures.md).
 *
 * @category Ruptures
 */
export interface VShapeOptions extends SeriesOptions {
  /** Threshold in SDs below the reference. Default 2 (Gumz et al. 2012 report 2 SD "strict" and 1 SD "lenient"; the default is a library choice). */
  k?: number;
  /**
   * Which SD: `"client"` (default; the client's own scores, see `reference`), `"between"`
   * (`betweenSd`, e.g. the SD between clients of a sample) or `"stricter"` (the larger of the
   * two, as Gumz et al. 2012 propose).
   */
  sdSource?: "client" | "between" | "stricter";
  /** SD between clients, required for `"between"` and `"stricter"`. */
  betweenSd?: number;
  /**
   * Reference the dip is measured from: `"mean-others"` (default; mean of the client's other
   * sessions, SD of those sessions), `"mean-all"` (mean and SD of all sessions) or `"previous"`
   * (previous observed score; SD of all sessions).
   */
  reference?: "mean-others" | "mean-all" | "previous";
  /** Sessions after the flagged one within which a repair counts. Default 3 (library choice). */
  repairWindow?: number;
  /** Level a repair must reach: `"reference"` (default) or `"pre-drop"` (the score before the decline began). */
  repairTo?: "reference" | "pre-drop";
}

/**
 * A V-shaped rupture: a {@link RuptureEvent} with its Gumz et al. (2012) pattern.
 *
 * @category Ruptures
 */
export interface VShapeEvent extends RuptureEvent {
  method: "v-shape";
  /** `"simple-v"` (one-step decline, repaired), `"multi-session-decline"` (decline over more than one step, repaired) or `"unrepaired"`. */
  pattern: "simple-v" | "multi-session-decline" | "unrepaired";
  /** Observed steps from the start of the decline to the trough. */
  declineSteps: number;
  /** Session whose score crossed the threshold. */
  flaggedSession: number;
  /** Pre-to-post change within the flagged session (score - preScore), when a pre-session score exists. */
  withinSessionChange: number | null;
  /** Change from the previous post-session score to the flagged session's pre-session score, when it exists. */
  betweenSessionChange: number | null;
}

/**
 * Result of {@link vShapedRuptures}.
 *
 * @category Ruptures
 */
export interface VShapeResult extends RuptureResult {
  method: "v-shape";
  events: VShapeEvent[];
  /** The settings used, defaults filled in. */
  settings: {
    k: number;
    sdSource: "client" | "between" | "stricter";
    betweenSd: number | null;
    reference: "mean-others" | "mean-all" | "previous";
    repairWindow: number;
    repairTo: "reference" | "pre-drop";
  };
}

interface Settings extends Readonly<VShapeResult["settings"]> {
  sign: number;
}

/** Oriented scores (adverse = lower) with their mean and sum of squared deviations. */
interface Oriented {
  values: number[];
  mean: number;
  sumSquares: number;
  n: number;
}

function readSettings(options: VShapeOptions): Settings {
  const sdSource = readChoiceOption(
    options.sdSource,
    "sdSource",
    ["client", "between", "stricter"],
    "client",
  );
  const needsBetween = sdSource !== "client";
  if (needsBetween && options.betweenSd === undefined) {
    throw new AllianceError({
      code: "INVALID_OPTION",
      path: "options.betweenSd",
      message: `expected a between-clients SD > 0 for sdSource "${sdSource}", got undefined`,
    });
  }
  return {
    sign: readBooleanOption(options.higherIsBetter, "higherIsBetter", true) ? 1 : -1,
    k: readNumberOption(options.k, "k", 2, { min: 0, exclusiveMin: true }),
    sdSource,
    betweenSd:
      needsBetween || options.betweenSd !== undefined
        ? readNumberOption(options.betweenSd, "betweenSd", Number.NaN, {
            min: 0,
            exclusiveMin: true,
          })
        : null,
    reference: readChoiceOption(
      options.reference,
      "reference",
      ["mean-others", "mean-all", "previous"],
      "mean-others",
    ),
    repairWindow: readNumberOption(options.repairWindow, "repairWindow", 3, {
      min: 1,
      integer: true,
    }),
    repairTo: readChoiceOption(
      options.repairTo,
      "repairTo",
      ["reference", "pre-drop"],
      "reference",
    ),
  };
}

function orient(grid: SessionGrid, sign: number): Oriented {
  const values: number[] = new Array(grid.scores.length);
  let sum = 0;
  let n = 0;
  for (let index = 0; index < values.length; index++) {
    values[index] = sign * grid.scores[index]!;
    if (!Number.isNaN(values[index]!)) {
      sum += values[index]!;
      n++;
    }
  }
  const mean = n === 0 ? Number.NaN : sum / n;
  let sumSquares = 0;
  for (const value of values)
    if (!Number.isNaN(value)) sumSquares += (value - mean) * (value - mean);
  return { values, mean, sumSquares, n };
}

/** Reference value and client SD for point `index` (previous observed point `previous`). */
function referenceFor(
  data: Oriented,
  index: number,
  previous: number,
  reference: Settings["reference"],
): { value: number; clientSd: number } {
  const value = data.values[index]!;
  if (reference === "mean-others") {
    // remove one point from the running mean and sum of squares (a stable downdate)
    const others = data.n - 1;
    const mean = (data.n * data.mean - value) / others;
    let sumSquares = data.sumSquares - (value - data.mean) * (value - mean);
    // rounding can leave a tiny positive (or negative) rest where the other scores are all equal
    if (sumSquares <= 1e-12 * (data.sumSquares + mean * mean)) sumSquares = 0;
    return { value: mean, clientSd: Math.sqrt(sumSquares / (others - 1)) };
  }
  const allSd = Math.sqrt(data.sumSquares / (data.n - 1));
  if (reference === "mean-all") return { value: data.mean, clientSd: allSd };
  return { value: data.values[previous]!, clientSd: allSd };
}

function chooseSd(clientSd: number, settings: Settings): number {
  if (settings.sdSource === "client") return clientSd;
  const between = settings.betweenSd!;
  return settings.sdSource === "between" ? between : Math.max(clientSd, between);
}

function previousObserved(values: readonly number[], index: number): number {
  for (let earlier = index - 1; earlier >= 0; earlier--)
    if (!Number.isNaN(values[earlier]!)) return earlier;
  return -1;
}

/** Walks back from `previous` while the scores keep rising backwards (the decline's start). */
function declineStart(values: readonly number[], previous: number, floor: number): number {
  let start = previous;
  for (
    let earlier = previousObserved(values, start);
    earlier > floor;
    earlier = previousObserved(values, start)
  ) {
    if (!(values[earlier]! > values[start]!)) break;
    start = earlier;
  }
  return start;
}

interface Episode {
  start: number;
  trough: number;
  repair: number;
  windowEnd: number;
}

function followEpisode(
  grid: SessionGrid,
  data: Oriented,
  flagged: number,
  repairLevel: number,
  window: number,
): Episode {
  const limit = grid.sessions[flagged]! + window;
  let trough = flagged;
  let repair = -1;
  let windowEnd = flagged;
  for (
    let index = flagged + 1;
    index < grid.sessions.length && grid.sessions[index]! <= limit;
    index++
  ) {
    windowEnd = index;
    const value = data.values[index]!;
    if (Number.isNaN(value)) continue;
    if (value >= repairLevel) {
      repair = index;
      break;
    }
    if (value < data.values[trough]!) trough = index;
  }
  return { start: flagged, trough, repair, windowEnd };
}

function countSteps(values: readonly number[], from: number, to: number): number {
  let steps = 0;
  for (let index = from + 1; index <= to; index++) if (!Number.isNaN(values[index]!)) steps++;
  return steps;
}

/**
 * later - earlier, `null` when either is missing. It cannot overflow for a flagged session:
 * that session's score lies below an earlier one and the sum of squared deviations is finite,
 * so both differ from the mean by under about 1.3e154 and, being distinct doubles, lie within
 * about 1e170 of 0; a pre-session score of any finite size is then less than 1.8e308 away.
 */
function difference(later: number, earlier: number): number | null {
  const change = later - earlier;
  return Number.isNaN(change) ? null : change;
}

/**
 * V-shaped rupture-repair episodes in a session-by-session alliance series (the family of
 * Stiles et al. 2004, Strauss et al. 2006 and Gumz et al. 2012), with every rule a parameter.
 *
 * Rule (scores oriented so that worse is lower): a session t is a rupture when
 * score[t] <= reference[t] - k * SD and score[t] < the previous observed score. The reference
 * is the mean of the client's other sessions (default), the mean of all sessions, or the
 * previous score; SD is the client's own (of the same sessions as the mean), a given
 * between-clients SD, or the larger of the two (Gumz et al.'s "stricter"). The decline starts
 * at the last score before an uninterrupted fall to t; the repair is the first session within
 * `repairWindow` sessions after t at or above the repair level (the reference, or the pre-drop
 * score). magnitude = reference - lowest score up to the repair; length = repair (or trough) -
 * start. Gumz et al.'s patterns: a one-step decline that is repaired is a "simple V"; a longer
 * decline that is repaired is a "multi-session decline". A new episode is searched for after the
 * repair (or after the window). Post-to-post drops may be between-session artefacts (Zlotnick
 * et al. 2020), so the event also reports within- and between-session change when pre-session
 * scores are given.
 *
 * References: Gumz, Brähler, Geyer & Erices (2012) doi:10.1186/1471-2288-12-10 (PARTLY
 * CONFIRMED); Stiles et al. (2004) and Strauss et al. (2006) (exact rules UNCONFIRMED). No R
 * equivalent.
 *
 * Every number in the result is finite (see docs/ruptures.md, "Extreme values"): scores so
 * large that their mean or SD overflows throw `OUT_OF_RANGE` (path `series`) rather than
 * giving Infinity or NaN.
 *
 * @category Ruptures
 * @throws AllianceError INVALID_OPTION for a bad option (or a missing `betweenSd`);
 * OUT_OF_RANGE when the mean or SD of the scores is not finite; plus the
 * series errors of {@link validateSeries} (INVALID_INPUT, INVALID_SERIES, NOT_A_NUMBER,
 * OUT_OF_RANGE, INVALID_OPTION)
 * @example
 * const scores = [38, 39, 38, 37, 38, 30, 38, 39, 38, 39];
 * vShapedRuptures(scores.map((score, i) => ({ session: i + 1, score }))).events[0].sessions;
 * // => { start: 5, trough: 6, repair: 8 }
 */
export function vShapedRuptures(series: SessionSeries, options: VShapeOptions = {}): VShapeResult {
  if (!isRecord(options)) {
    throw new AllianceError({
      code: "INVALID_OPTION",
      path: "options",
      message: `expected an options object, got ${describeValue(options)}`,
    });
  }
  const settings = readSettings(options);
  const grid = toSessionGrid(series, options);
  const data = orient(grid, settings.sign);
  const { sign, ...publicSettings } = settings;
  const result: VShapeResult = {
    method: "v-shape",
    higherIsBetter: sign > 0,
    events: [],
    warnings: [],
    settings: publicSettings,
  };
  const needed = settings.reference === "mean-others" ? 3 : 2;
  if (data.n < needed) {
    result.warnings.push({
      code: "NOT_ENOUGH_DATA",
      path: "series",
      message: `expected at least ${needed} observed scores for an SD of the ${settings.reference === "mean-others" ? "other" : ""} sessions, got ${data.n}; no rupture can be flagged`,
    });
    return result;
  }
  if (!Number.isFinite(data.sumSquares)) {
    // a sum that overflows makes the mean infinite and the sum of squares NaN: one check
    throw notFinite(
      "series",
      "scores small enough (about 1e154 in size at most) that the mean and SD of the client's scores are finite",
      "a sum of squared deviations",
      data.sumSquares,
    );
  }
  findEpisodes(grid, data, settings, result);
  return result;
}

function findEpisodes(
  grid: SessionGrid,
  data: Oriented,
  settings: Settings,
  result: VShapeResult,
): void {
  const values = data.values;
  let floor = -1;
  let zeroSdWarned = false;
  for (let index = 0; index < values.length; index++) {
    const previous = previousObserved(values, index);
    if (Number.isNaN(values[index]!) || previous <= floor || !(values[index]! < values[previous]!))
      continue;
    const reference = referenceFor(data, index, previous, settings.reference);
    const sd = chooseSd(reference.clientSd, settings);
    if (sd === 0 && !zeroSdWarned) {
      zeroSdWarned = true;
      result.warnings.push(zeroSdWarning(grid.sessions[index]!));
    }
    const threshold = reference.value - settings.k * sd;
    if (!(values[index]! <= threshold)) continue;
    const start = declineStart(values, previous, floor);
    const repairLevel = settings.repairTo === "reference" ? reference.value : values[start]!;
    const episode = followEpisode(grid, data, index, repairLevel, settings.repairWindow);
    episode.start = start;
    result.events.push(
      makeEvent(grid, data, settings, episode, {
        index,
        previous,
        reference: reference.value,
        sd,
        threshold,
        repairLevel,
      }),
    );
    floor = episode.repair >= 0 ? episode.repair - 1 : episode.windowEnd;
    index = floor;
  }
}

function zeroSdWarning(session: number): AllianceWarning {
  return {
    code: "ZERO_VARIANCE",
    path: "series",
    message: `the SD used at session ${session} is 0, so any drop below the reference is flagged; consider sdSource "stricter" with a between-clients SD (Gumz et al. 2012)`,
  };
}

interface Crossing {
  index: number;
  previous: number;
  reference: number;
  sd: number;
  threshold: number;
  repairLevel: number;
}

function makeEvent(
  grid: SessionGrid,
  data: Oriented,
  settings: Settings,
  episode: Episode,
  crossing: Crossing,
): VShapeEvent {
  const { sessions, scores, preScores } = grid;
  const { sign } = settings;
  const repaired = episode.repair >= 0;
  const declineSteps = countSteps(data.values, episode.start, episode.trough);
  const lastSession = sessions[sessions.length - 1]!;
  const censored = sessions[crossing.index]! + settings.repairWindow > lastSession;
  return {
    method: "v-shape",
    kind: "v-shape",
    pattern: !repaired ? "unrepaired" : declineSteps === 1 ? "simple-v" : "multi-session-decline",
    declineSteps,
    flaggedSession: sessions[crossing.index]!,
    sessions: {
      start: sessions[episode.start]!,
      trough: sessions[episode.trough]!,
      repair: repaired ? sessions[episode.repair]! : null,
    },
    scores: {
      start: scores[episode.start]!,
      trough: scores[episode.trough]!,
      repair: repaired ? scores[episode.repair]! : null,
    },
    magnitude: crossing.reference - data.values[episode.trough]!,
    length:
      (repaired ? sessions[episode.repair]! : sessions[episode.trough]!) - sessions[episode.start]!,
    resolved: repaired ? true : censored ? null : false,
    withinSessionChange: difference(scores[crossing.index]!, preScores[crossing.index]!),
    betweenSessionChange: difference(preScores[crossing.index]!, scores[crossing.previous]!),
    evidence: {
      rule: `score <= ${settings.reference} reference ${sign > 0 ? "-" : "+"} ${settings.k} x SD (${settings.sdSource}) and below the previous score; repair: back to the ${settings.repairTo === "reference" ? "reference" : "pre-drop score"} within ${settings.repairWindow} sessions`,
      threshold: sign * crossing.threshold,
      referenceValue: sign * crossing.reference,
      sdUsed: crossing.sd,
      criteria: [
        {
          name: "belowThreshold",
          passed: true,
          value: scores[crossing.index]!,
          threshold: sign * crossing.threshold,
          rule: `score ${sign > 0 ? "<=" : ">="} reference ${sign > 0 ? "-" : "+"} k x SD`,
        },
        {
          name: "dropFromPrevious",
          passed: true,
          value: scores[crossing.index]!,
          threshold: scores[crossing.previous]!,
          rule: "worse than the previous observed score",
        },
        {
          name: "repair",
          passed: repaired ? true : censored ? null : false,
          value: repaired ? scores[episode.repair]! : null,
          threshold: sign * crossing.repairLevel,
          rule: `back to ${sign > 0 ? ">=" : "<="} the repair level within the window`,
        },
      ],
    },
    citations: copyCitations(
      RUPTURE_SOURCES.gumz2012,
      RUPTURE_SOURCES.stiles2004,
      RUPTURE_SOURCES.strauss2006,
      RUPTURE_SOURCES.libraryChoice,
    ),
  };
}
