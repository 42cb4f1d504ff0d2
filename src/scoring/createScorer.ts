import type { AllianceWarning } from "../errors.js";
import type { Instrument } from "../instruments/model.js";
import { answersToRow } from "./answersToRow.js";
import { keySourceWarnings } from "./keySourceWarnings.js";
import { type InstrumentOrId, resolveInstrument } from "./resolveInstrument.js";
import {
  allocateRowScores,
  compileScoringPlan,
  type RowScores,
  rowProblemError,
  type ScoringPlan,
  scoreRowInto,
} from "./scoringPlan.js";
import type { Answers, ScoreOptions, ScoreResult, ScoreValue } from "./types.js";

/**
 * Compiles an instrument (and stricter missing-data limits) once and returns a function that
 * scores one response set, exactly as `scoreResponses` does. Use it to score many response
 * objects in a loop: the instrument is resolved, validated and compiled only once.
 *
 * @category Scoring
 * @throws AllianceError at once, for the instrument: UNKNOWN_INSTRUMENT (an unknown id),
 *   INVALID_INPUT (neither an id nor an object), INVALID_DEFINITION or UNSAFE_KEY (a definition
 *   `defineInstrument` rejects); for the options: INVALID_OPTION (as `scoreResponses`)
 * @throws AllianceError from the returned function, for the answers: OUT_OF_RANGE,
 *   UNKNOWN_ITEM, NOT_A_NUMBER, TOO_MANY_MISSING, WRONG_LENGTH, UNSAFE_KEY, INVALID_INPUT (as
 *   `scoreResponses`)
 * @example
 * const scoreWaiSr = createScorer("wai-sr");
 * scoreWaiSr([4, 5, 4, 3, 5, 4, 4, 4, 5, 4, 3, 4]).total.sum; // => 49
 */
export function createScorer(
  instrumentOrId: InstrumentOrId,
  options?: ScoreOptions,
): (answers: Answers) => ScoreResult {
  const instrument = resolveInstrument(instrumentOrId);
  const plan = compileScoringPlan(instrument, options);
  const out = allocateRowScores(plan);
  return (answers) => {
    const { row, itemPath } = answersToRow(instrument, answers);
    const problem = scoreRowInto(plan, row, 0, out);
    if (problem !== null) throw rowProblemError(plan, problem, out, itemPath, "answers");
    return scoreResult(instrument, plan, out, row);
  };
}

/** The plain-data result of one scored row. */
function scoreResult(
  instrument: Instrument,
  plan: ScoringPlan,
  out: RowScores,
  row: Float64Array,
): ScoreResult {
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
