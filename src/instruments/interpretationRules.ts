/**
 * Interpretation rules that the instrument model does not hold yet: alternative readings of
 * one cut-off where sources disagree, and reliable-change thresholds (a rule on the difference
 * between two scores, not a band on one). Each rule names its instrument, its source and the
 * confidence in that source; `interpret` applies them.
 *
 * @module
 */
import type { KeyStatus } from "./model.js";
import { orsBandAlternatives, orsChangeThresholds } from "./ors.js";
import { srsBandAlternatives } from "./srs.js";

/**
 * Bands of one instrument that are alternative readings of the same cut-off (e.g. SRS "< 36"
 * versus "≤ 36"). `interpret` applies only one of them: the caller's choice, else the default.
 *
 * @category Instruments
 */
export interface BandAlternatives {
  /** Instrument the bands belong to. */
  instrumentId: string;
  /** Name of the choice, used as the key of `InterpretOptions.choices`. */
  group: string;
  /** Ids of the alternative bands, each with its own source. */
  bandIds: readonly string[];
  /** The band applied when the caller does not choose, and why it is the default. */
  defaultBandId: string;
  /** Why there is a choice and why the default is the default. */
  note: string;
}

/**
 * A reliable-change threshold: a change of at least `value` between two scores of the same
 * person is read as reliable improvement (up) or deterioration (down). Thresholds of one
 * instrument that share a `group` are alternatives; one of them is the default.
 *
 * @category Instruments
 */
export interface ChangeThreshold {
  /** Instrument the threshold belongs to. */
  instrumentId: string;
  /** Stable id, unique within the instrument. */
  id: string;
  /** The score compared: `total` or a subscale id. */
  score: string;
  /** Whether the sums or the means are compared. */
  metric: "sum" | "mean";
  /** The smallest change counted as reliable. */
  value: number;
  /** What a change of this size means, in the source's words (paraphrased). */
  meaning: string;
  /** Where the value comes from. */
  source: string;
  /** Confidence in that source. */
  status: KeyStatus;
  /** Thresholds sharing a group are alternative readings; one is `isDefault`. */
  group: string;
  /** True for the threshold applied when the caller does not choose. */
  isDefault: boolean;
}

/**
 * Every alternative-cut-off group of the built-in instruments.
 *
 * @category Instruments
 */
export const BAND_ALTERNATIVES: readonly BandAlternatives[] = [
  ...srsBandAlternatives,
  ...orsBandAlternatives,
];

/**
 * Every reliable-change threshold of the built-in instruments.
 *
 * @category Instruments
 */
export const CHANGE_THRESHOLDS: readonly ChangeThreshold[] = [...orsChangeThresholds];
