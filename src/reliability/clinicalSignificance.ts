import { AllianceError, type AllianceWarning, describeValue } from "../errors.js";
import { optionsRecord } from "../guards.js";
import { finiteNumber, finiteResult, oneOf, positiveNumber } from "./checkOptions.js";
import { type ReliableChangeIndexResult, reliableChangeIndex } from "./reliableChangeIndex.js";

/**
 * Mean and standard deviation of a reference population on the measure.
 *
 * @category Reliability
 */
export interface PopulationNorms {
  /** Population mean. */
  mean: number;
  /** Population standard deviation (> 0). */
  sd: number;
}

/**
 * Options of {@link clinicalSignificance}.
 *
 * @category Reliability
 */
export interface ClinicalSignificanceOptions {
  /** Whether a higher score means better functioning (e.g. the WAI) or worse (symptoms). */
  direction: "higher-is-better" | "lower-is-better";
  /** Reliability of the measure, in [0, 1), for the reliable change index. */
  reliability: number;
  /** Norms of the dysfunctional (clinical) population; needed for every cut-off. */
  dysfunctional: PopulationNorms;
  /** Norms of the functional (non-clinical) population; needed for cut-offs b and c. */
  functional?: PopulationNorms;
  /**
   * Which cut-off decides "recovered": `"a"`, `"b"` or `"c"`. Default: `"c"` when functional
   * norms are given, else `"a"` (a library choice; Jacobson & Truax 1991 discuss when each fits).
   */
  cutoff?: "a" | "b" | "c";
  /**
   * Standard deviation for the reliable change index; default the dysfunctional sd (Jacobson &
   * Truax used the pre-treatment sd of the clinical sample).
   */
  sd?: number;
  /** Two-sided level of the reliable change decision; default 0.95. */
  level?: number;
  /** Critical value instead of the normal quantile (e.g. the literal 1.96). */
  z?: number;
}

/**
 * Jacobson & Truax's classification of one person's change.
 *
 * @category Reliability
 */
export type ChangeCategory = "recovered" | "improved" | "unchanged" | "deteriorated";

/**
 * What {@link clinicalSignificance} returns.
 *
 * @category Reliability
 */
export interface ClinicalSignificanceResult {
  /** The person's category. */
  category: ChangeCategory;
  /** The three cut-offs; b and c are `null` without functional norms. */
  cutoffs: { a: number; b: number | null; c: number | null };
  /** Which cut-off was used. */
  cutoffUsed: "a" | "b" | "c";
  /** Its value. */
  cutoff: number;
  /** Whether the pre score lies on the dysfunctional side of the cut-off. */
  startedDysfunctional: boolean;
  /** Whether the post score lies strictly on the functional side of the cut-off. */
  endedFunctional: boolean;
  /** Whether the change is reliable and in the better direction. */
  reliableImprovement: boolean;
  /** Whether the change is reliable and in the worse direction. */
  reliableDeterioration: boolean;
  /** The reliable change index (Jacobson & Truax). */
  rci: ReliableChangeIndexResult;
  /** Odd input: norms that contradict `direction`, a start already in the functional range. */
  warnings: AllianceWarning[];
}

/**
 * Clinically significant change after Jacobson & Truax (1991): did a person change reliably,
 * and did they move from the dysfunctional into the functional range?
 *
 * Cut-offs (higher-is-better; signs flip for lower-is-better):
 * a = M_dys + 2 SD_dys (beyond the dysfunctional range); b = M_func - 2 SD_func (within the
 * functional range); c = (SD_func M_dys + SD_dys M_func)/(SD_func + SD_dys) (nearer the
 * functional mean, weighting by the spreads). Reliable change: |RCI| > z with
 * RCI = (post - pre)/(sqrt(2) SD sqrt(1 - r)).
 * Categories: recovered = reliable improvement, starting on the dysfunctional side and ending
 * strictly on the functional side of the cut-off; improved = reliable improvement otherwise;
 * deteriorated = reliable change for the worse; unchanged = no reliable change. Ending exactly
 * on the cut-off does not count as passing it (a library choice).
 *
 * Reference: Jacobson, N. S. & Truax, P. (1991). Clinical significance: a statistical approach
 * to defining meaningful change in psychotherapy research. J Consult Clin Psychol 59, 12–19.
 * doi:10.1037/0022-006X.59.1.12. R: no psych function.
 *
 * @category Reliability
 * @throws AllianceError NOT_A_NUMBER for a non-numeric score or norm; OUT_OF_RANGE for an sd
 * <= 0, a reliability outside [0, 1), norms so large that a cut-off overflows, or scores and
 * sd for which the reliable change index overflows or its sdiff underflows (as
 * {@link reliableChangeIndex}); INVALID_OPTION for options that are not an object, an unknown
 * direction or cut-off, or cut-off b or c without functional norms
 * @example
 * clinicalSignificance(40, 25, {
 *   direction: "lower-is-better", reliability: 0.9,
 *   dysfunctional: { mean: 40, sd: 8 }, functional: { mean: 15, sd: 6 },
 * }).category; // => "recovered" (c = 25.71, RCI = -4.19)
 */
export function clinicalSignificance(
  pre: number,
  post: number,
  options: Readonly<ClinicalSignificanceOptions>,
): ClinicalSignificanceResult {
  const checked = optionsRecord(options);
  const direction = checked.direction;
  if (direction !== "higher-is-better" && direction !== "lower-is-better") {
    throw new AllianceError({
      code: "INVALID_OPTION",
      path: "options.direction",
      message: `expected "higher-is-better" or "lower-is-better", got ${describeValue(direction)}`,
    });
  }
  const dysfunctional = norms(checked.dysfunctional, "options.dysfunctional");
  const functional =
    checked.functional === undefined ? undefined : norms(checked.functional, "options.functional");
  const cutoffs = jacobsonTruaxCutoffs(dysfunctional, functional, direction);
  const cutoffUsed = oneOf(
    checked.cutoff,
    ["a", "b", "c"],
    functional ? "c" : "a",
    "options.cutoff",
  );
  const cutoff = cutoffs[cutoffUsed];
  if (cutoff === null) {
    throw new AllianceError({
      code: "INVALID_OPTION",
      path: "options.functional",
      message: `cut-off ${cutoffUsed} needs functional norms { mean, sd }, got undefined`,
    });
  }
  const rci = changeOf(pre, post, checked, dysfunctional.sd);
  const better = direction === "higher-is-better" ? 1 : -1;
  const startedDysfunctional = better * (pre - cutoff) <= 0;
  const endedFunctional = better * (post - cutoff) > 0;
  const reliableImprovement = rci.reliable && better * rci.change > 0;
  const reliableDeterioration = rci.reliable && better * rci.change < 0;
  return {
    category: categorize(
      reliableImprovement,
      reliableDeterioration,
      startedDysfunctional,
      endedFunctional,
    ),
    cutoffs,
    cutoffUsed,
    cutoff,
    startedDysfunctional,
    endedFunctional,
    reliableImprovement,
    reliableDeterioration,
    rci,
    warnings: clinicalWarnings(dysfunctional, functional, better, startedDysfunctional),
  };
}

/**
 * The reliable change index with the sd given, or the dysfunctional sd; an error about the sd
 * then names the option the caller gave (`options.dysfunctional.sd`).
 */
function changeOf(
  pre: number,
  post: number,
  options: Readonly<ClinicalSignificanceOptions>,
  dysfunctionalSd: number,
): ReliableChangeIndexResult {
  const rciOptions = {
    sd: options.sd ?? dysfunctionalSd,
    reliability: options.reliability,
    level: options.level,
    z: options.z,
  };
  try {
    return reliableChangeIndex(pre, post, rciOptions);
  } catch (error) {
    if (options.sd === undefined && error instanceof AllianceError && error.path === "options.sd") {
      throw new AllianceError({ ...error.toJSON(), path: "options.dysfunctional.sd" });
    }
    throw error;
  }
}

function norms(value: unknown, path: string): PopulationNorms {
  if (typeof value !== "object" || value === null) {
    throw new AllianceError({
      code: "INVALID_OPTION",
      path,
      message: `expected { mean, sd }, got ${describeValue(value)}`,
    });
  }
  const { mean, sd } = value as { mean?: unknown; sd?: unknown };
  return { mean: finiteNumber(mean, `${path}.mean`), sd: positiveNumber(sd, `${path}.sd`) };
}

/** Jacobson & Truax (1991), p. 13: cut-offs a, b and c. */
function jacobsonTruaxCutoffs(
  dysfunctional: PopulationNorms,
  functional: PopulationNorms | undefined,
  direction: "higher-is-better" | "lower-is-better",
): ClinicalSignificanceResult["cutoffs"] {
  const better = direction === "higher-is-better" ? 1 : -1;
  const a = finiteResult(
    dysfunctional.mean + better * 2 * dysfunctional.sd,
    "options.dysfunctional",
    "cut-off a",
  );
  if (functional === undefined) return { a, b: null, c: null };
  const b = finiteResult(
    functional.mean - better * 2 * functional.sd,
    "options.functional",
    "cut-off b",
  );
  // The weights sd_func/(sd_func + sd_dys) and sd_dys/(sd_func + sd_dys), written as ratios of
  // the two sds so that neither a sum of sds nor a product of a mean and an sd can overflow.
  const weightOfDysfunctionalMean = 1 / (1 + dysfunctional.sd / functional.sd);
  const weightOfFunctionalMean = 1 / (1 + functional.sd / dysfunctional.sd);
  const c = finiteResult(
    weightOfDysfunctionalMean * dysfunctional.mean + weightOfFunctionalMean * functional.mean,
    "options.functional",
    "cut-off c",
  );
  return { a, b, c };
}

function categorize(
  improved: boolean,
  deteriorated: boolean,
  startedDysfunctional: boolean,
  endedFunctional: boolean,
): ChangeCategory {
  if (improved) return startedDysfunctional && endedFunctional ? "recovered" : "improved";
  return deteriorated ? "deteriorated" : "unchanged";
}

function clinicalWarnings(
  dysfunctional: PopulationNorms,
  functional: PopulationNorms | undefined,
  better: number,
  startedDysfunctional: boolean,
): AllianceWarning[] {
  const warnings: AllianceWarning[] = [];
  if (functional !== undefined && better * (functional.mean - dysfunctional.mean) <= 0) {
    warnings.push({
      code: "NORMS_CONTRADICT_DIRECTION",
      path: "options.functional.mean",
      message:
        "the functional mean is not on the better side of the dysfunctional mean for this direction",
    });
  }
  if (!startedDysfunctional) {
    warnings.push({
      code: "STARTED_FUNCTIONAL",
      path: "pre",
      message:
        "the pre score is already on the functional side of the cut-off, so the person cannot be classed as recovered",
    });
  }
  return warnings;
}
