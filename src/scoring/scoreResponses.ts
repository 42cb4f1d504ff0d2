import { createScorer } from "./createScorer.js";
import type { InstrumentOrId } from "./resolveInstrument.js";
import type { Answers, ScoreOptions, ScoreResult } from "./types.js";

/**
 * Scores one response set: every subscale and the total, each as a sum and a mean.
 *
 * Reverse-keyed items are scored `min + max - x` (8 - x on a 1–7 scale). A missing answer
 * (`null` or `undefined`) is allowed up to the instrument's limit, or a stricter one the
 * caller sets; a score with missing items is prorated: the mean of the answered items times
 * the number of items, flagged `prorated` with a `PRORATED` warning. A key below
 * `confirmed-primary` adds a `KEY_NOT_PRIMARY` warning to every result.
 *
 * @category Scoring
 * @throws AllianceError for the answers: OUT_OF_RANGE (off the scale or its step), UNKNOWN_ITEM,
 *   NOT_A_NUMBER, TOO_MANY_MISSING (which score, which items), WRONG_LENGTH, UNSAFE_KEY,
 *   INVALID_INPUT (not an array or a record, or an item given twice)
 * @throws AllianceError for the instrument: UNKNOWN_INSTRUMENT (an unknown id), INVALID_INPUT
 *   (neither an id nor an object), INVALID_DEFINITION or UNSAFE_KEY (a definition
 *   `defineInstrument` rejects)
 * @throws AllianceError INVALID_OPTION for options that are not an object or a missing-data
 *   limit that is not a whole number from 0 to the instrument's
 * @example
 * const result = scoreResponses("wai-sr", [4, 5, 4, 3, 5, 4, 4, null, 5, 4, 3, 4]);
 * result.subscales.goal.sum;      // => 13.33… (items 4, 6, 11 = 3 + 4 + 3, mean 3.33 × 4)
 * result.subscales.goal.prorated; // => true
 * result.total.mean;              // => 4.09… (45 / 11 answered)
 */
export function scoreResponses(
  instrumentOrId: InstrumentOrId,
  answers: Answers,
  options?: ScoreOptions,
): ScoreResult {
  return createScorer(instrumentOrId, options)(answers);
}
