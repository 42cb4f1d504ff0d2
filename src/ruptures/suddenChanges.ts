import tQuantile from "@stdlib/stats-base-dists-t-quantile";
import { AllianceError, type AllianceWarning, describeValue } from "../errors.js";
import { isRecord } from "../guards.js";
import {
  type ReliableChangeThresholdResult,
  reliableChangeThreshold,
} from "../reliability/reliableChangeThreshold.js";
import { RUPTURE_SOURCES } from "./citations.js";
import { notFinite } from "./notFinite.js";
import {
  copyCitations,
  readBooleanOption,
  readChoiceOption,
  readNumberOption,
} from "./readOptions.js";
import { type SessionGrid, toSessionGrid } from "./sessionGrid.js";
import type {
  CriterionResult,
  RuptureCitation,
  RuptureEvent,
  RuptureResult,
  SeriesOptions,
  SessionSeries,
} from "./types.js";

/**
 * Criterion 1 from the Reliable Change Index (Jacobson & Truax 1991), as
 * `suddengains::define_crit1_cutoff` builds it: cutoff = z * sqrt(2) * sd * sqrt(1 - reliability).
 * Pass `z: 1.96` to match suddengains exactly (its literal 1.96); by default the exact normal
 * quantile for `level` (0.95) is used.
 *
 * @category Ruptures
 */
export interface ReliableChangeCutoff {
  /** Standard deviation (baseline or normative sample). */
  sd: number;
  /** Reliability (test-retest, or alpha as Martinovich et al. 1996 allow), in [0, 1). */
  reliability: number;
  /** Two-sided level; default 0.95. */
  level?: number;
  /** Critical value instead of the quantile for `level`. */
  z?: number;
}

/**
 * Options of {@link suddenChanges}. Defaults are those of R suddengains 0.7.2 `identify_sg`
 * unless marked as a library choice.
 *
 * @category Ruptures
 */
export interface SuddenChangeOptions extends SeriesOptions {
  /**
   * `"loss"`: a sudden worsening; `"gain"`: a sudden improvement. With `higherIsBetter` (default
   * true, alliance) a loss is a drop in score; with `higherIsBetter: false` (symptom scales, as in
   * suddengains) a gain is a drop in score.
   */
  direction: "loss" | "gain";
  /**
   * Criterion 1: smallest change (in score units, positive for both directions), or `null` to
   * switch the criterion off, or a reliable change specification. Required, as in suddengains
   * (`sg_crit1_cutoff` has no default; Tang & DeRubeis used 7 BDI points).
   */
  cutoff: number | null | ReliableChangeCutoff;
  /** Criterion 2: change >= pct x pre-change score; `null` switches it off. Default 0.25 (suddengains `sg_crit2_pct`). */
  pct?: number | null;
  /** Criterion 3 on or off. Default `true` (suddengains `sg_crit3`). */
  crit3?: boolean;
  /**
   * Which criterion 3: `"tang-derubeis"` (default; pre/post t test as in suddengains),
   * `"gaynor-2003"` (at least 50 % of the change kept over the next two scores) or
   * `"kelly-2005"` (change >= 1.5 x SD of the whole series).
   */
  stability?: "tang-derubeis" | "gaynor-2003" | "kelly-2005";
  /** Two-tailed alpha of the criterion-3 t critical value. Default 0.05 (suddengains `sg_crit3_alpha`). */
  alpha?: number;
  /** Adjust the critical value to the number of available scores. Default `true` (suddengains `sg_crit3_adjust`, Lutz et al. 2013). */
  adjust?: boolean;
  /** Critical value when `adjust` is false. Default 2.776 (suddengains `sg_crit3_critical_value`). */
  criticalValue?: number;
  /**
   * The first point is a baseline (suddengains `identify_sg_1to2`). Default `false`. As in
   * suddengains it changes the interval labels and where the reversal check starts, not which
   * intervals are tested.
   */
  firstIsBaseline?: boolean;
  /**
   * Gaynor variant: whether the "next two scores" start at the post-change session (`"post-change"`)
   * or the one after it (`"after-post-change"`, default; library choice, the source is silent).
   */
  gaynorWindowStart?: "post-change" | "after-post-change";
  /** Kelly variant multiplier of the series SD. Default 1.5 (Kelly et al. 2005 via PMC4606893). */
  kellyMultiplier?: number;
  /**
   * Where the reversal check starts: `"suddengains"` (default; exactly as `create_bysg`: two
   * points after the post-change point, or one with `firstIsBaseline`) or `"next"` (the point
   * right after the post-change point; library choice).
   */
  reversalFrom?: "suddengains" | "next";
  /** Also return every tested interval with its criteria. Default `false`. */
  details?: boolean;
}

/**
 * One tested interval (only with `details: true`), named as suddengains names it.
 *
 * @category Ruptures
 */
export interface SuddenChangeInterval {
  /** suddengains interval label without prefix, e.g. `"4to5"` (`sg_4to5` / `sl_4to5`). */
  label: string;
  /** Session before and after the change. */
  fromSession: number;
  toSession: number;
  /** Each switched-on criterion. */
  criteria: CriterionResult[];
  /** All switched-on criteria met (`null`: one could not be evaluated, as R's `NA`). */
  flagged: boolean | null;
}

/**
 * Result of {@link suddenChanges}.
 *
 * @category Ruptures
 */
export interface SuddenChangeResult extends RuptureResult {
  method: "sudden-change";
  /** The direction asked for. */
  direction: "loss" | "gain";
  /** `"decrease"` when the change tested is a drop in score, else `"increase"`. */
  scoreChange: "decrease" | "increase";
  /** Criterion 1 cut-off used, or `null` when switched off. */
  cutoff: number | null;
  /** The reliable change numbers when the cut-off came from them, else `null`. */
  cutoffFromReliableChange: {
    sd: number;
    reliability: number;
    sem: number;
    sdiff: number;
    z: number;
  } | null;
  /** Every tested interval, when `details` was asked for. */
  intervals?: SuddenChangeInterval[];
}

/** Settings read once per call. */
interface Settings {
  sign: number;
  cutoff: number | null;
  pct: number | null;
  crit3: boolean;
  stability: "tang-derubeis" | "gaynor-2003" | "kelly-2005";
  adjust: boolean;
  criticalValue: number;
  alpha: number;
  /** t critical values by df (2, 3, 4), filled on first use; NaN until then. */
  tCritical: number[];
  firstIsBaseline: boolean;
  gaynorOffset: number;
  kellyMultiplier: number;
  reversalOffset: number;
  fromReliableChange: boolean;
}

const STABILITY = ["tang-derubeis", "gaynor-2003", "kelly-2005"] as const;

/** reliableChangeThreshold on the cutoff record, with error paths under `options.cutoff`. */
function cutoffThreshold(cutoff: ReliableChangeCutoff): ReliableChangeThresholdResult {
  try {
    return reliableChangeThreshold(cutoff);
  } catch (error) {
    if (!(error instanceof AllianceError)) throw error;
    throw new AllianceError({
      code: error.code,
      path: error.path.replace(/^options/, "options.cutoff"),
      message: error.reason,
    });
  }
}

function readCutoff(value: unknown): {
  cutoff: number | null;
  rci: SuddenChangeResult["cutoffFromReliableChange"];
} {
  if (value === null) return { cutoff: null, rci: null };
  if (isRecord(value)) {
    const rc = cutoffThreshold(value as unknown as ReliableChangeCutoff);
    return {
      cutoff: rc.threshold,
      rci: { sd: rc.sd, reliability: rc.reliability, sem: rc.sem, sdiff: rc.sdiff, z: rc.z },
    };
  }
  if (value === undefined) {
    throw new AllianceError({
      code: "INVALID_OPTION",
      path: "options.cutoff",
      message:
        "expected a cut-off (a number >= 0, null to switch criterion 1 off, or { sd, reliability }), got undefined",
    });
  }
  return { cutoff: readNumberOption(value, "cutoff", 0, { min: 0 }), rci: null };
}

function readSettings(
  options: SuddenChangeOptions,
): Settings & Pick<SuddenChangeResult, "cutoffFromReliableChange"> {
  if (options.direction === undefined) {
    throw new AllianceError({
      code: "INVALID_OPTION",
      path: "options.direction",
      message: 'expected "loss" or "gain", got undefined',
    });
  }
  const direction = readChoiceOption(options.direction, "direction", ["loss", "gain"], "loss");
  const higherIsBetter = readBooleanOption(options.higherIsBetter, "higherIsBetter", true);
  const { cutoff, rci } = readCutoff(options.cutoff);
  const pct = options.pct === null ? null : readNumberOption(options.pct, "pct", 0.25, { min: 0 });
  const crit3 = readBooleanOption(options.crit3, "crit3", true);
  if (cutoff === null && pct === null && !crit3) {
    throw new AllianceError({
      code: "INVALID_OPTION",
      path: "options",
      message: "expected at least one criterion switched on (cutoff, pct or crit3), got none",
    });
  }
  const alpha = readNumberOption(options.alpha, "alpha", 0.05, {
    min: 0,
    max: 1,
    exclusiveMin: true,
  });
  const firstIsBaseline = readBooleanOption(options.firstIsBaseline, "firstIsBaseline", false);
  const reversalFrom = readChoiceOption(
    options.reversalFrom,
    "reversalFrom",
    ["suddengains", "next"],
    "suddengains",
  );
  const gaynorStart = readChoiceOption(
    options.gaynorWindowStart,
    "gaynorWindowStart",
    ["post-change", "after-post-change"],
    "after-post-change",
  );
  return {
    sign: (direction === "loss") === higherIsBetter ? 1 : -1,
    cutoff,
    cutoffFromReliableChange: rci,
    fromReliableChange: rci !== null,
    pct,
    crit3,
    stability: readChoiceOption(options.stability, "stability", STABILITY, "tang-derubeis"),
    adjust: readBooleanOption(options.adjust, "adjust", true),
    criticalValue: readNumberOption(options.criticalValue, "criticalValue", 2.776, { min: 0 }),
    alpha,
    tCritical: [Number.NaN, Number.NaN, Number.NaN, Number.NaN, Number.NaN],
    firstIsBaseline,
    gaynorOffset: gaynorStart === "post-change" ? 0 : 1,
    kellyMultiplier: readNumberOption(options.kellyMultiplier, "kellyMultiplier", 1.5, { min: 0 }),
    reversalOffset: reversalFrom === "next" || firstIsBaseline ? 1 : 2,
  };
}

/** Mean, sum of squared deviations and count of the non-missing scores in a window. */
interface WindowStats {
  mean: number;
  sumSquares: number;
  n: number;
}

/** Reused per call so the interval loop allocates nothing for its statistics. */
interface Scratch {
  pre: WindowStats;
  post: WindowStats;
  all: WindowStats;
  /** SD behind the last criterion 3 (pooled SD or series SD), or NaN. */
  sdUsed: number;
}

function windowStats(scores: readonly number[], from: number, to: number, out: WindowStats): void {
  let sum = 0;
  let n = 0;
  for (let index = from; index <= to; index++) {
    const value = scores[index]!;
    if (!Number.isNaN(value)) {
      sum += value;
      n++;
    }
  }
  const mean = n === 0 ? Number.NaN : sum / n;
  let sumSquares = 0;
  for (let index = from; index <= to; index++) {
    const value = scores[index]!;
    if (!Number.isNaN(value)) sumSquares += (value - mean) * (value - mean);
  }
  out.mean = mean;
  out.sumSquares = sumSquares;
  out.n = n;
}

/** The interval into point `post`, in words, for error messages. */
function intervalName(grid: SessionGrid, post: number): string {
  return `session ${grid.sessions[post - 1]} to ${grid.sessions[post]}`;
}

/** Sets a reused criterion's outcome (the interval loop allocates no criterion objects). */
function record(
  target: CriterionResult,
  passed: boolean | null,
  value: number | null,
  threshold: number | null,
): void {
  target.passed = passed;
  target.value = value;
  target.threshold = threshold;
}

/** t critical value for `df`, computed the first time it is needed in this call. */
function tCritical(settings: Settings, df: number): number {
  if (Number.isNaN(settings.tCritical[df]!))
    settings.tCritical[df] = Math.abs(tQuantile(settings.alpha / 2, df));
  return settings.tCritical[df]!;
}

/** Criterion 3 as Tang & DeRubeis / suddengains: sign*(mean pre - mean post) > t * pooled SD. */
function tangDeRubeis(
  grid: SessionGrid,
  post: number,
  settings: Settings,
  scratch: Scratch,
  target: CriterionResult,
): void {
  const scores = grid.scores;
  const { pre, post: after } = scratch;
  windowStats(scores, Math.max(0, post - 3), post - 1, pre);
  windowStats(scores, post, Math.min(scores.length - 1, post + 2), after);
  if (pre.n < 2 || after.n < 2) {
    record(target, null, null, null);
    return;
  }
  const df = pre.n + after.n - 2;
  const critical = settings.adjust ? tCritical(settings, df) : settings.criticalValue;
  const pooledSd = Math.sqrt((pre.sumSquares + after.sumSquares) / df);
  scratch.sdUsed = pooledSd;
  const difference = settings.sign * (pre.mean - after.mean);
  const threshold = critical * pooledSd;
  // A finite pooled SD needs finite window sums, so each mean is at most about 0.9e308 in size
  // and their difference is finite too.
  if (!Number.isFinite(pooledSd)) {
    throw notFinite(
      "series",
      "scores small enough (about 1e154 in size at most) that the pre and post means and their pooled SD are finite",
      `a pooled SD for ${intervalName(grid, post)}`,
      pooledSd,
    );
  }
  if (!Number.isFinite(threshold)) {
    // the pooled SD is finite here, so the critical value is too large (or, from alpha, infinite)
    throw notFinite(
      settings.adjust ? "options.alpha" : "options.criticalValue",
      settings.adjust
        ? "an alpha large enough that the t critical value x pooled SD is finite"
        : "a criticalValue small enough that criticalValue x pooled SD is finite",
      `a criterion 3 threshold for ${intervalName(grid, post)}`,
      threshold,
    );
  }
  record(target, difference > threshold, difference, threshold);
}

/** Gaynor et al. (2003): the next two scores keep at least half of the change. */
function gaynor(
  grid: SessionGrid,
  post: number,
  settings: Settings,
  target: CriterionResult,
): void {
  const scores = grid.scores;
  const keepLevel = scores[post]! + (scores[post - 1]! - scores[post]!) / 2;
  const first = post + settings.gaynorOffset;
  const a = scores[first];
  const b = scores[first + 1];
  if (Number.isNaN(keepLevel)) {
    record(target, null, null, null);
    return;
  }
  if (a === undefined || b === undefined || Number.isNaN(a) || Number.isNaN(b)) {
    record(target, null, null, keepLevel);
    return;
  }
  const worst = settings.sign > 0 ? Math.max(a, b) : Math.min(a, b);
  record(target, settings.sign * (worst - keepLevel) <= 0, worst, keepLevel);
}

/** Kelly et al. (2005): change >= multiplier x SD (n - 1) of all the client's scores. */
function kelly(
  grid: SessionGrid,
  post: number,
  settings: Settings,
  scratch: Scratch,
  target: CriterionResult,
): void {
  const all = scratch.all;
  const change = settings.sign * (grid.scores[post - 1]! - grid.scores[post]!);
  if (all.n < 2 || Number.isNaN(change)) {
    record(target, null, null, null);
    return;
  }
  scratch.sdUsed = Math.sqrt(all.sumSquares / (all.n - 1));
  const threshold = settings.kellyMultiplier * scratch.sdUsed;
  if (!Number.isFinite(scratch.sdUsed)) {
    throw notFinite(
      "series",
      "scores small enough (about 1e154 in size at most) that the SD of all the client's scores is finite",
      "an SD",
      scratch.sdUsed,
    );
  }
  if (!Number.isFinite(threshold)) {
    throw notFinite(
      "options.kellyMultiplier",
      "a kellyMultiplier small enough that kellyMultiplier x SD is finite",
      `a criterion 3 threshold for ${intervalName(grid, post)}`,
      threshold,
    );
  }
  record(target, change >= threshold, change, threshold);
}

/** The switched-on criteria, created once per call and refilled for every interval. */
function criterionSlots(settings: Settings): {
  change: CriterionResult[];
  stability: CriterionResult | null;
} {
  const slot = (name: string, rule: string): CriterionResult => ({
    name,
    passed: null,
    value: null,
    threshold: null,
    rule,
  });
  const change: CriterionResult[] = [];
  if (settings.cutoff !== null) change.push(slot("criterion1", "change >= cutoff"));
  if (settings.pct !== null)
    change.push(slot("criterion2", `change >= ${settings.pct} x pre-change score`));
  if (!settings.crit3) return { change, stability: null };
  if (settings.stability === "gaynor-2003") {
    return {
      change,
      stability: slot(
        "criterion3Gaynor2003",
        "each of the next two scores keeps >= 50 % of the change (not beyond the pre/post midpoint)",
      ),
    };
  }
  if (settings.stability === "kelly-2005") {
    return {
      change,
      stability: slot(
        "criterion3Kelly2005",
        `change >= ${settings.kellyMultiplier} x SD of all the client's scores`,
      ),
    };
  }
  return {
    change,
    stability: slot(
      "criterion3",
      "sign * (mean of up to 3 pre scores - mean of up to 3 post scores) > t critical * pooled SD",
    ),
  };
}

function fillChangeCriteria(
  grid: SessionGrid,
  post: number,
  settings: Settings,
  slots: readonly CriterionResult[],
): void {
  const before = grid.scores[post - 1]!;
  const change = settings.sign * (before - grid.scores[post]!);
  const known = !Number.isNaN(change);
  if (known && !Number.isFinite(change)) {
    // checked here for every method: Gaynor's midpoint, Kelly's change, the reversal value and
    // the magnitude all rest on this difference
    throw notFinite(
      "series",
      "scores close enough that their differences are finite (about 1.8e308 apart at most)",
      `a change from ${intervalName(grid, post)}`,
      change,
    );
  }
  for (const slot of slots) {
    const threshold = slot.name === "criterion1" ? settings.cutoff! : settings.pct! * before;
    if (known && !Number.isFinite(threshold)) {
      throw notFinite(
        "options.pct",
        "a pct small enough that pct x pre-change score is finite",
        `a criterion 2 threshold for ${intervalName(grid, post)}`,
        threshold,
      );
    }
    record(
      slot,
      known ? change >= threshold : null,
      known ? change : null,
      known || slot.name === "criterion1" ? threshold : null,
    );
  }
}

function fillStability(
  grid: SessionGrid,
  post: number,
  settings: Settings,
  scratch: Scratch,
  slot: CriterionResult,
): void {
  if (settings.stability === "gaynor-2003") gaynor(grid, post, settings, slot);
  else if (settings.stability === "kelly-2005") kelly(grid, post, settings, scratch, slot);
  else tangDeRubeis(grid, post, settings, scratch, slot);
}

function combine(criteria: readonly CriterionResult[]): boolean | null {
  let flagged: boolean | null = true;
  for (const criterion of criteria) {
    if (criterion.passed === null) return null;
    if (!criterion.passed) flagged = false;
  }
  return flagged;
}

function citationsFor(settings: Settings): RuptureCitation[] {
  const sources: RuptureCitation[] = [
    RUPTURE_SOURCES.tangDeRubeis1999,
    RUPTURE_SOURCES.suddengains,
  ];
  if (settings.sign < 0 || (settings.crit3 && settings.adjust))
    sources.push(RUPTURE_SOURCES.lutz2013);
  if (settings.crit3 && settings.stability === "gaynor-2003")
    sources.push(RUPTURE_SOURCES.gaynor2003);
  if (settings.crit3 && settings.stability === "kelly-2005")
    sources.push(RUPTURE_SOURCES.kelly2005);
  if (settings.fromReliableChange) sources.push(RUPTURE_SOURCES.jacobsonTruax1991);
  if (settings.sign < 0 && settings.pct !== null) sources.push(RUPTURE_SOURCES.libraryChoice);
  return copyCitations(...sources);
}

/** First point from `from` on whose score is beyond the reversal value; -1 when none. */
function findReversal(
  scores: readonly number[],
  from: number,
  reversalValue: number,
  sign: number,
): { index: number; checked: boolean } {
  let checked = false;
  for (let index = from; index < scores.length; index++) {
    const value = scores[index]!;
    if (Number.isNaN(value)) continue;
    checked = true;
    if (sign * (value - reversalValue) > 0) return { index, checked };
  }
  return { index: -1, checked };
}

function makeEvent(
  grid: SessionGrid,
  post: number,
  criteria: CriterionResult[],
  settings: Settings,
  direction: "loss" | "gain",
  sdUsed: number,
): RuptureEvent {
  const { sessions, scores } = grid;
  const before = scores[post - 1]!;
  const after = scores[post]!;
  const reversalValue = after + (before - after) / 2;
  const reversal = findReversal(
    scores,
    post + settings.reversalOffset,
    reversalValue,
    settings.sign,
  );
  const repaired = reversal.index >= 0;
  criteria.push({
    name: "reversal",
    passed: repaired,
    value: repaired ? scores[reversal.index]! : null,
    threshold: reversalValue,
    rule: "a later score goes back beyond post score + magnitude / 2 (create_bysg)",
  });
  return {
    method: "sudden-change",
    kind: direction === "loss" ? "sudden-loss" : "sudden-gain",
    sessions: {
      start: sessions[post - 1]!,
      trough: sessions[post]!,
      repair: repaired ? sessions[reversal.index]! : null,
    },
    scores: { start: before, trough: after, repair: repaired ? scores[reversal.index]! : null },
    magnitude: Math.abs(before - after),
    length: (repaired ? sessions[reversal.index]! : sessions[post]!) - sessions[post - 1]!,
    resolved: repaired ? true : reversal.checked ? false : null,
    evidence: {
      rule: `sudden ${direction} (Tang & DeRubeis 1999 criteria as in suddengains${settings.crit3 ? `, stability ${settings.stability}` : ""})`,
      threshold: settings.cutoff,
      referenceValue: before,
      sdUsed: Number.isNaN(sdUsed) ? null : sdUsed,
      criteria,
    },
    citations: citationsFor(settings),
  };
}

function intervalLabel(post: number, firstIsBaseline: boolean): string {
  // suddengains names the interval into 1-based column N = post + 1 "sg_{N-1}to{N}", or one
  // lower with identify_sg_1to2 (column 1 is then session 0).
  return firstIsBaseline ? `${post - 1}to${post}` : `${post}to${post + 1}`;
}

/**
 * Sudden gains and sudden losses (Tang & DeRubeis 1999), exactly as R `suddengains` 0.7.2
 * `identify_sg` / `identify_sl` and `create_bysg` compute them, for either scale direction.
 *
 * For each interval from point N-1 to N (N = 3 .. n-1, 1-based: the first interval tested is
 * 2 to 3, the last (n-2) to (n-1)), with change = x[N-1] - x[N] for a drop (or x[N] - x[N-1]
 * for a rise):
 * - criterion 1: change >= cutoff;
 * - criterion 2: change >= pct * x[N-1] (for rises this library uses the same symmetric rule;
 *   suddengains' `identify_sl` tests `x[N-1] - x[N] <= pct * x[N-1]`, which any rise passes);
 * - criterion 3 (Tang & DeRubeis): mean(pre) - mean(post) > t * pooled SD (mirrored for rises),
 *   pre = up to 3 scores ending at N-1, post = up to 3 scores starting at N, missing scores
 *   dropped, at least 2 on each side (else `null`, R's NA); t = |qt(alpha / 2, n1 + n2 - 2)|
 *   when `adjust` (2.776, 3.182, 4.303 at alpha .05), else `criticalValue`. Criteria 1 and 2 use
 *   `>=`, criterion 3 a strict `>`. Gaynor et al. (2003) and Kelly et al. (2005) variants replace
 *   criterion 3 (see options).
 * - An interval is flagged when every switched-on criterion is met; one `null` makes the
 *   interval `null` (not enough data), as R's NA propagates through the product of criteria.
 * - Reversal (create_bysg): reversal value = x[N] + (x[N-1] - x[N]) / 2; reversed when any
 *   later score is beyond it (strictly), checked from point N+2 (1-based; N+1 with
 *   `firstIsBaseline`), as create_bysg's 0-based renumbering does. A reversal is the event's repair.
 *
 * One deliberate difference besides the loss percentage: when criteria 1 and 2 are both off and
 * x[N-1] or x[N] is missing, the interval is `null` here (suddengains may flag it without a
 * magnitude).
 *
 * References: Tang & DeRubeis (1999) doi:10.1037/0022-006X.67.6.894; Lutz et al. (2013)
 * doi:10.1080/10503307.2012.693837; Wiedemann et al. (2020) doi:10.1371/journal.pone.0230276.
 * R: `suddengains::identify_sg()`, `identify_sl()`, `create_bysg()`.
 *
 * Every number in the result is finite (see docs/ruptures.md, "Extreme values"): a change, a
 * mean, an SD or a threshold that overflows double precision throws `OUT_OF_RANGE` at the
 * input it came from rather than being returned as Infinity or NaN.
 *
 * @category Ruptures
 * @throws AllianceError INVALID_OPTION for a missing or bad option; NOT_A_NUMBER or
 * OUT_OF_RANGE for a bad `{ sd, reliability, z }` cut-off (path `options.cutoff.*`, as
 * reliableChangeThreshold); OUT_OF_RANGE when a computed value is not finite: scores so far
 * apart or so large that a change, a mean or an SD overflows (path `series`), or a pct,
 * criticalValue, kellyMultiplier or alpha that makes a threshold overflow (path of that
 * option); plus the series errors of {@link validateSeries} (INVALID_INPUT, INVALID_SERIES,
 * NOT_A_NUMBER, OUT_OF_RANGE, INVALID_OPTION)
 * @example
 * // Symptom series (lower is better): a sudden gain from session 4 to 5
 * suddenChanges(
 *   [30, 28, 29, 27, 15, 14, 13, 12].map((score, i) => ({ session: i + 1, score })),
 *   { direction: "gain", cutoff: 7, higherIsBetter: false },
 * ).events[0].sessions; // => { start: 4, trough: 5, repair: null }
 */
export function suddenChanges(
  series: SessionSeries,
  options: SuddenChangeOptions,
): SuddenChangeResult {
  if (!isRecord(options)) {
    throw new AllianceError({
      code: "INVALID_OPTION",
      path: "options",
      message: `expected an options object with direction and cutoff, got ${describeValue(options)}`,
    });
  }
  const settings = readSettings(options);
  const details = readBooleanOption(options.details, "details", false);
  const grid = toSessionGrid(series, options);
  const warnings: AllianceWarning[] = [];
  const events: RuptureEvent[] = [];
  const intervals: SuddenChangeInterval[] = [];
  const points = grid.scores.length;
  if (points < 4) {
    warnings.push({
      code: "NOT_ENOUGH_DATA",
      path: "series",
      message: `no interval can be tested: the first tested interval is 2 to 3 and the last (n-2) to (n-1), so at least 4 points are needed, got ${points}`,
    });
  }
  const empty = (): WindowStats => ({ mean: Number.NaN, sumSquares: 0, n: 0 });
  const scratch: Scratch = { pre: empty(), post: empty(), all: empty(), sdUsed: Number.NaN };
  windowStats(grid.scores, 0, points - 1, scratch.all);
  const slots = criterionSlots(settings);
  const criteria = slots.stability === null ? slots.change : [...slots.change, slots.stability];
  for (let post = 2; post <= points - 2; post++) {
    fillChangeCriteria(grid, post, settings, slots.change);
    scratch.sdUsed = Number.NaN;
    if (slots.stability !== null) fillStability(grid, post, settings, scratch, slots.stability);
    let flagged = combine(criteria);
    if (Number.isNaN(grid.scores[post - 1]! - grid.scores[post]!) && flagged === true)
      flagged = null;
    if (details) {
      intervals.push({
        label: intervalLabel(post, settings.firstIsBaseline),
        fromSession: grid.sessions[post - 1]!,
        toSession: grid.sessions[post]!,
        criteria: criteria.map((criterion) => ({ ...criterion })),
        flagged,
      });
    }
    if (flagged === true) {
      const copies = criteria.map((criterion) => ({ ...criterion }));
      events.push(makeEvent(grid, post, copies, settings, options.direction, scratch.sdUsed));
    }
  }
  const result: SuddenChangeResult = {
    method: "sudden-change",
    higherIsBetter: options.higherIsBetter ?? true,
    direction: options.direction,
    scoreChange: settings.sign > 0 ? "decrease" : "increase",
    cutoff: settings.cutoff,
    cutoffFromReliableChange: settings.cutoffFromReliableChange,
    events,
    warnings,
  };
  if (details) result.intervals = intervals;
  return result;
}
