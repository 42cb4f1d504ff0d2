import { AllianceError, describeValue } from "../errors.js";
import { optionsRecord } from "../guards.js";
import type { Instrument } from "../instruments/model.js";
import type { ScoreOptions } from "./types.js";

/** One score of the plan: the total (index 0) or a subscale. */
export interface PlannedScore {
  /** `"total"` or the subscale id. */
  readonly id: string;
  /** 0-based item indices. */
  readonly items: Int32Array;
  /** Most items that may be missing before the score is withheld. */
  readonly maxMissing: number;
}

/**
 * An instrument compiled for fast scoring: typed arrays of reverse flags and item indices,
 * shared by `scoreResponses` and `scoreTable` so the two cannot disagree.
 *
 * @internal
 */
export interface ScoringPlan {
  readonly instrument: Instrument;
  readonly itemCount: number;
  readonly min: number;
  readonly max: number;
  readonly step: number;
  /** Decimals of `step`, for rounding a visual-analogue value to its step. */
  readonly stepDecimals: number;
  /** Round a value between steps to the nearest step (VAS `offStep: "round"`), else reject it. */
  readonly roundOffStep: boolean;
  /** 1 where the item is reverse-keyed. */
  readonly reverse: Uint8Array;
  /** The total first, then the subscales in definition order. */
  readonly scores: readonly PlannedScore[];
}

/**
 * Compiles an instrument and the caller's (stricter) missing-data limits into a plan.
 *
 * @internal
 * @throws AllianceError INVALID_OPTION when a limit is not a whole number or is looser than the instrument's
 */
export function compileScoringPlan(
  instrument: Instrument,
  givenOptions: ScoreOptions | undefined,
): ScoringPlan {
  const options = optionsRecord(givenOptions);
  const { scale, missing } = instrument;
  const perSubscale = missingLimit(
    options.maxMissingPerSubscale,
    missing.maxMissingPerSubscale,
    "maxMissingPerSubscale",
  );
  const total = missingLimit(options.maxMissingTotal, missing.maxMissingTotal, "maxMissingTotal");
  const scores: PlannedScore[] = [
    {
      id: "total",
      items: Int32Array.from(instrument.items, (item) => item.number - 1),
      maxMissing: total,
    },
    ...instrument.subscales.map((subscale) => ({
      id: subscale.id,
      items: Int32Array.from(subscale.items, (number) => number - 1),
      maxMissing: perSubscale,
    })),
  ];
  return {
    instrument,
    itemCount: instrument.items.length,
    min: scale.min,
    max: scale.max,
    step: scale.step,
    stepDecimals: decimalsOf(scale.step),
    roundOffStep: scale.kind === "vas" && scale.offStep === "round",
    reverse: Uint8Array.from(instrument.items, (item) => (item.reverse ? 1 : 0)),
    scores,
  };
}

function missingLimit(requested: unknown, instrumentMax: number, name: string): number {
  if (requested === undefined) return instrumentMax;
  if (
    typeof requested !== "number" ||
    !Number.isInteger(requested) ||
    requested < 0 ||
    requested > instrumentMax
  ) {
    throw new AllianceError({
      code: "INVALID_OPTION",
      path: `options.${name}`,
      message: `expected a whole number from 0 to the instrument's ${instrumentMax} (a caller may only be stricter), got ${describeValue(requested)}`,
    });
  }
  return requested;
}

function decimalsOf(step: number): number {
  let decimals = 0;
  while (
    decimals < 12 &&
    Math.abs(Math.round(step * 10 ** decimals) - step * 10 ** decimals) > 1e-9
  )
    decimals++;
  return decimals;
}

/**
 * Where the row kernel writes one response set's scores: per planned score, the sum (prorated
 * where items are missing), the mean and the count answered. Reused across rows.
 *
 * @internal
 */
export interface RowScores {
  readonly sums: Float64Array;
  readonly means: Float64Array;
  readonly answered: Int32Array;
  /** Reverse-keyed, validated item values of the row; NaN = missing. */
  readonly keyed: Float64Array;
}

/** @internal */
export function allocateRowScores(plan: ScoringPlan): RowScores {
  const n = plan.scores.length;
  return {
    sums: new Float64Array(n),
    means: new Float64Array(n),
    answered: new Int32Array(n),
    keyed: new Float64Array(plan.itemCount),
  };
}

/**
 * What went wrong in a row: an item off the scale (`item` = its 0-based index) or a score
 * with too many missing items (`score` = its plan index).
 *
 * @internal
 */
export type RowProblem =
  | { kind: "off-scale"; item: number; value: number }
  | { kind: "too-many-missing"; score: number };

/**
 * Scores one row of `plan.itemCount` values starting at `offset` (NaN = missing) into `out`.
 * Returns `null` when the row scored, or the first problem found. Allocates nothing on success.
 *
 * @internal
 */
export function scoreRowInto(
  plan: ScoringPlan,
  values: ArrayLike<number>,
  offset: number,
  out: RowScores,
): RowProblem | null {
  const { min, max, step, reverse } = plan;
  const { keyed } = out;
  for (let i = 0; i < plan.itemCount; i++) {
    let value = values[offset + i]!;
    if (Number.isNaN(value)) {
      keyed[i] = Number.NaN;
      continue;
    }
    if (plan.roundOffStep) value = roundToStep(value, plan);
    const steps = (value - min) / step;
    if (!(value >= min && value <= max) || Math.abs(steps - Math.round(steps)) > 1e-9)
      return { kind: "off-scale", item: i, value };
    keyed[i] = reverse[i] === 1 ? min + max - value : value;
  }
  for (let s = 0; s < plan.scores.length; s++) {
    const { items, maxMissing } = plan.scores[s]!;
    let sum = 0;
    let answered = 0;
    for (let j = 0; j < items.length; j++) {
      const value = keyed[items[j]!]!;
      if (!Number.isNaN(value)) {
        sum += value;
        answered++;
      }
    }
    if (items.length - answered > maxMissing) return { kind: "too-many-missing", score: s };
    const mean = sum / answered;
    out.sums[s] = answered === items.length ? exactSum(sum, plan) : mean * items.length;
    out.means[s] = mean;
    out.answered[s] = answered;
  }
  return null;
}

/**
 * A complete sum of values on a scale of step 0.1 (or 0.01 …) is a multiple of that step, but
 * adding binary floats leaves noise (9.3 + 9.9 + 9.1 + 7.7 = 36.00000000000001), which would
 * flip a cut-off such as "total < 36". Rounding to the step's decimals restores the exact sum.
 */
function exactSum(sum: number, plan: ScoringPlan): number {
  if (plan.stepDecimals === 0) return sum;
  const scaleFactor = 10 ** plan.stepDecimals;
  return Math.round(sum * scaleFactor) / scaleFactor;
}

function roundToStep(value: number, plan: ScoringPlan): number {
  const scaleFactor = 10 ** plan.stepDecimals;
  const stepped = plan.min + Math.round((value - plan.min) / plan.step) * plan.step;
  return Math.round(stepped * scaleFactor) / scaleFactor;
}

/**
 * The AllianceError for a row problem found by `scoreRowInto` into `out`. `itemPath(i)` names
 * item i in the caller's input; `rowPath` names the whole response set.
 *
 * @internal
 */
export function rowProblemError(
  plan: ScoringPlan,
  problem: RowProblem,
  out: RowScores,
  itemPath: (index: number) => string,
  rowPath: string,
): AllianceError {
  if (problem.kind === "off-scale") {
    return new AllianceError({
      code: "OUT_OF_RANGE",
      path: itemPath(problem.item),
      message: `expected ${describeScale(plan)}, got ${describeValue(problem.value)}`,
    });
  }
  const score = plan.scores[problem.score]!;
  const missingItems = Array.from(score.items)
    .filter((index) => Number.isNaN(out.keyed[index]!))
    .map((index) => index + 1);
  return new AllianceError({
    code: "TOO_MANY_MISSING",
    path: rowPath,
    message: `${score.id === "total" ? "the total" : `subscale ${score.id}`} has ${missingItems.length} of ${score.items.length} items missing (items ${missingItems.join(", ")}); at most ${score.maxMissing} may be`,
  });
}

/** "an integer from 1 to 7" or "a number from 0 to 10 in steps of 0.1". */
export function describeScale(plan: Pick<ScoringPlan, "min" | "max" | "step">): string {
  return plan.step === 1 && Number.isInteger(plan.min)
    ? `an integer from ${plan.min} to ${plan.max}`
    : `a number from ${plan.min} to ${plan.max} in steps of ${plan.step}`;
}
