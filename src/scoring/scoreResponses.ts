import type { AllianceWarning } from "../errors.js";
import { answersToRow } from "./answersToRow.js";
import { keySourceWarnings } from "./keySourceWarnings.js";
import { type InstrumentOrId, resolveInstrument } from "./resolveInstrument.js";
import {
  allocateRowScores,
  compileScoringPlan,
  rowProblemError,
  scoreRowInto,
} from "./scoringPlan.js";
import type { Answers, ScoreOptions, ScoreResult, ScoreValue } from "./types.js";

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
 * @throws AllianceError OUT_OF_RANGE (off the scale or its step), UNKNOWN_ITEM, NOT_A_NUMBER,
 *   TOO_MANY_MISSING (which score, which items), WRONG_LENGTH, UNSAFE_KEY, UNKNOWN_INSTRUMENT
 * @example
 * const result = scoreResponses("wai-sr", [4, 5, 4, 3, 5, 4, 4, null, 5, 4, 3, 4]);
 * result.subscales.goal.sum;      // => 13.33… (items 4, 6, 11 = 3 + 4 + 3, mean 3.33 × 4)
 * result.subscales.goal.prorated; // => true
 * result.total.mean;              // => 4.09… (45 / 11 answered)
 */
export function scoreResponses(
  instrumentOrId: InstrumentOrId,
  answers: Answers,
  options: ScoreOptions = {},
): ScoreResult {
  const instrument = resolveInstrument(instrumentOrId);
  const plan = compileScoringPlan(instrument, options);
  const { row, itemPath } = answersToRow(instrument, answers);
  const out = allocateRowScores(plan);
  const problem = scoreRowInto(plan, row, 0, out);
  if (problem !== null) throw rowProblemError(plan, problem, out, itemPath, "answers");

  const warnings: AllianceWarning[] = keySourceWarnings(instrument);
  const values: ScoreValue[] = plan.scores.map((score, s) => {
    const answered = out.answered[s]!;
    const missing = score.items.length - answered;
    const value: ScoreValue = {
      sum: out.sums[s]!,
      mean: out.means[s]!,
      answered,
      missing,
      prorated: missing > 0,
    };
    if (value.prorated) warnings.push(proratedWarning(score.id, value, score.items.length));
    return value;
  });
  const [total, ...subscaleValues] = values as [ScoreValue, ...ScoreValue[]];
  const subscales: Record<string, ScoreValue> = {};
  subscaleValues.forEach((value, index) => {
    subscales[instrument.subscales[index]!.id] = value;
  });
  const missingItems: number[] = [];
  row.forEach((value, index) => {
    if (Number.isNaN(value)) missingItems.push(index + 1);
  });
  return {
    instrumentId: instrument.id,
    total,
    subscales,
    answered: total.answered,
    missing: total.missing,
    missingItems,
    prorated: values.some((value) => value.prorated),
    keySource: instrument.keySource,
    warnings,
  };
}

function proratedWarning(scoreId: string, value: ScoreValue, itemCount: number): AllianceWarning {
  return {
    code: "PRORATED",
    path: scoreId === "total" ? "total" : `subscales.${scoreId}`,
    message: `${value.missing} of ${itemCount} items missing: the sum is prorated as the mean of the ${value.answered} answered items times ${itemCount} (${value.mean} × ${itemCount} = ${value.sum})`,
  };
}
