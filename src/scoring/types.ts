import type { AllianceWarning } from "../errors.js";
import type { KeySource } from "../instruments/model.js";

/**
 * One answer: a number on the instrument's scale, or `null` / `undefined` when missing.
 *
 * @category Scoring
 */
export type Answer = number | null | undefined;

/**
 * One response set: an array in item order (index 0 = item 1), or a record keyed by item
 * number (`"7"`) or item id (`"waisr_7"`).
 *
 * @category Scoring
 */
export type Answers = ReadonlyArray<Answer> | Readonly<Record<string, Answer>>;

/**
 * Options of `scoreResponses` and `scoreTable`. A caller may make the instrument's
 * missing-data rule stricter, never looser.
 *
 * @category Scoring
 */
export interface ScoreOptions {
  /** At most this many missing items per subscale (default: the instrument's maximum). */
  maxMissingPerSubscale?: number;
  /** At most this many missing items in the total (default: the instrument's maximum). */
  maxMissingTotal?: number;
}

/**
 * One score (the total or a subscale). `sum` is prorated when items are missing: the mean of
 * the answered items times the number of items.
 *
 * @category Scoring
 */
export interface ScoreValue {
  /** Sum of the (reverse-keyed) item values, prorated when `prorated` is true. */
  sum: number;
  /** Mean of the answered (reverse-keyed) item values. */
  mean: number;
  /** Items answered. */
  answered: number;
  /** Items missing. */
  missing: number;
  /** True when items were missing and `sum` was prorated. */
  prorated: boolean;
}

/**
 * The scores of one response set.
 *
 * @category Scoring
 */
export interface ScoreResult {
  /** Id of the instrument scored. */
  instrumentId: string;
  /** Score of all items. */
  total: ScoreValue;
  /** Score of each subscale, keyed by subscale id. */
  subscales: Record<string, ScoreValue>;
  /** Items answered. */
  answered: number;
  /** Items missing. */
  missing: number;
  /** Numbers of the missing items, ascending. */
  missingItems: number[];
  /** True when any score was prorated. */
  prorated: boolean;
  /** Where the scoring key comes from and how sure the project is of it. */
  keySource: KeySource;
  /** `PRORATED` for each prorated score; `KEY_NOT_PRIMARY` when the key is below confirmed-primary. */
  warnings: AllianceWarning[];
}
