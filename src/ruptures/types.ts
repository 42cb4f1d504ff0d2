import type { AllianceWarning } from "../errors.js";

/**
 * One session of a client's series. `score` is `null` when the session was held but not
 * rated (or the rating is missing); `preScore` is an optional rating taken at the start of
 * the session (Zlotnick et al. 2020 show that alliance changes between and within sessions
 * differ, so a pre-session rating is kept apart from the post-session `score`).
 *
 * @category Ruptures
 */
export interface SessionPoint {
  /** Session number (or any increasing time index). */
  session: number;
  /** The (post-session) score; `null` when missing. */
  score: number | null;
  /** Optional pre-session score; `null` or absent when not taken. */
  preScore?: number | null;
  /** Optional date, as an ISO 8601 string. Carried along, never interpreted. */
  date?: string;
}

/**
 * A client's session series, ordered by strictly increasing `session`.
 *
 * @category Ruptures
 */
export type SessionSeries = ReadonlyArray<Readonly<SessionPoint>>;

/**
 * How absent session numbers are read.
 * - `"missing"` (default, library choice): session numbers are integers and an absent number
 *   is a missing measurement (as an `NA` column in R `suddengains`' wide data).
 * - `"ignore"`: the listed entries are consecutive measurement points, whatever their numbers.
 *
 * @category Ruptures
 */
export type SessionGapPolicy = "missing" | "ignore";

/**
 * Options every series-based method shares.
 *
 * @category Ruptures
 */
export interface SeriesOptions {
  /** Allowed score range (e.g. an instrument's `scale`); scores outside it throw `OUT_OF_RANGE`. */
  range?: { readonly min: number; readonly max: number };
  /** Whether a higher score is better. Default `true`: alliance scales (WAI, SRS, CALPAS, HAq). */
  higherIsBetter?: boolean;
  /** How absent session numbers are read; default `"missing"`. */
  sessionGaps?: SessionGapPolicy;
}

/**
 * How far a rule is established at its source.
 * - `CONFIRMED`: stated in code or in an available text of the source.
 * - `PARTLY CONFIRMED`: part of the rule is stated; the rest is filled in and documented.
 * - `UNCONFIRMED`: attributed in secondary material only.
 * - `LIBRARY CHOICE`: a default of this library, not attributed to any author.
 *
 * @category Ruptures
 */
export type ConfirmationStatus =
  | "CONFIRMED"
  | "PARTLY CONFIRMED"
  | "UNCONFIRMED"
  | "LIBRARY CHOICE";

/**
 * A source a rule rests on, with how far the rule is confirmed there.
 *
 * @category Ruptures
 */
export interface RuptureCitation {
  /** Authors as cited, e.g. `"Tang & DeRubeis"`. */
  authors: string;
  /** Publication year; `null` for software or web pages without one. */
  year: number | null;
  /** Title or short description of the source. */
  title: string;
  /** DOI when known, else `null`. */
  doi: string | null;
  /** How far the rule used here is confirmed at this source. */
  status: ConfirmationStatus;
  /** What this source contributes to the rule, and what is open. */
  note: string;
}

/**
 * One criterion a rule checked, with its outcome (`null`: not enough data to decide).
 *
 * @category Ruptures
 */
export interface CriterionResult {
  /** Criterion name, e.g. `"criterion1"`, `"belowThreshold"`. */
  name: string;
  /** Whether it was met; `null` when it could not be evaluated. */
  passed: boolean | null;
  /** The value tested (a change, a mean difference, a rating), or `null`. */
  value: number | null;
  /** The value it was compared with, or `null`. */
  threshold: number | null;
  /** The comparison in words, e.g. `"change >= cutoff"`. */
  rule: string;
}

/**
 * Why an event was flagged: the rule, the numbers it used and each criterion's outcome.
 *
 * @category Ruptures
 */
export interface RuptureEvidence {
  /** The rule in words. */
  rule: string;
  /**
   * The rule's threshold in score units, or `null` when it has none: a score level for
   * `"v-shape"` and `"srs"` (total or item), a change size for `"sudden-change"` (criterion 1
   * cut-off) and `"reliable-drop"` (reliable change threshold), an intensity for `"post-session"`.
   */
  threshold: number | null;
  /** The reference value the change was measured from (a mean, the previous score), or `null`. */
  referenceValue: number | null;
  /** The standard deviation the threshold was built from, or `null`. */
  sdUsed: number | null;
  /** Each criterion checked. */
  criteria: CriterionResult[];
}

/**
 * The five detection methods {@link detectRuptures} dispatches to.
 *
 * @category Ruptures
 */
export type RuptureMethod = "sudden-change" | "v-shape" | "reliable-drop" | "srs" | "post-session";

/**
 * One flagged rupture (or sudden change), as plain data.
 *
 * `sessions.start` is the last session before the change, `sessions.trough` the session at the
 * far end of it (the lowest point of a drop; for a sudden gain, the post-gain session), and
 * `sessions.repair` the session where the change was undone (`null` when it was not).
 *
 * @category Ruptures
 */
export interface RuptureEvent {
  /** The method that flagged the event. */
  method: RuptureMethod;
  /** What kind of event, e.g. `"sudden-loss"`, `"v-shape"`, `"srs-total"`. */
  kind: string;
  /** Sessions involved. */
  sessions: { start: number; trough: number; repair: number | null };
  /** Scores at those sessions (`null` where there is none). */
  scores: { start: number | null; trough: number | null; repair: number | null };
  /** Size of the change in score units (positive), or `null` when the method has none. */
  magnitude: number | null;
  /** Sessions from `start` to `repair` (or to `trough` when not repaired). */
  length: number;
  /** Repaired (`true`), not repaired (`false`), or not decidable from the data (`null`). */
  resolved: boolean | null;
  /** Why the event was flagged. */
  evidence: RuptureEvidence;
  /** The sources of the rule, with their confirmation status. */
  citations: RuptureCitation[];
}

/**
 * What every detection method returns.
 *
 * @category Ruptures
 */
export interface RuptureResult {
  /** The method used. */
  method: RuptureMethod;
  /** Whether higher scores were read as better. */
  higherIsBetter: boolean;
  /** Flagged events, in session order. */
  events: RuptureEvent[];
  /** Notes about degenerate but legal input. */
  warnings: AllianceWarning[];
}
