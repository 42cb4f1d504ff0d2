import fQuantile from "@stdlib/stats-base-dists-f-quantile";
import { AllianceError, type AllianceWarning } from "../errors.js";
import { optionsRecord } from "../guards.js";
import { type MatrixInput, type NumericMatrix, toNumericMatrix } from "../math/numericMatrix.js";
import { confidenceLevel, finiteResult, oneOf } from "./checkOptions.js";
import { completeRows } from "./completeRows.js";
import { fUpperTail } from "./fUpperTail.js";
import type { ConfidenceInterval } from "./types.js";

/**
 * Options of {@link intraclassCorrelation}.
 *
 * @category Reliability
 */
export interface IntraclassCorrelationOptions {
  /** Confidence level of the bounds; default 0.95 (psych's `alpha = .05`). */
  level?: number;
  /**
   * How missing cells are handled. Only `"listwise"` (the default) exists: a row with any
   * missing cell is left out, as `psych::ICC(x, lmer = FALSE)` requires complete data. psych's
   * default mixed-model path (`lmer = TRUE`), which keeps incomplete rows, is not implemented.
   */
  missing?: "listwise";
}

/** Shrout & Fleiss (1979) names of the six forms, as psych's `type` column. */
export type IccType = "ICC1" | "ICC2" | "ICC3" | "ICC1k" | "ICC2k" | "ICC3k";

/**
 * One of the six intraclass correlations, with both names and its F test.
 *
 * @category Reliability
 */
export interface IccForm {
  /** Shrout & Fleiss (1979) name, psych's `type`: `"ICC2"`. */
  type: IccType;
  /** McGraw & Wong (1996) name: `"ICC(A,1)"` for ICC2, `"ICC(C,k)"` for ICC3k, … */
  mcGrawWong: string;
  /** psych's row name, e.g. `"Single_random_raters"`. */
  psychName: string;
  /** The intraclass correlation. */
  icc: number;
  /** F statistic: MSB/MSW for ICC1 and ICC1k, MSB/MSE for the others. */
  F: number;
  /** Numerator degrees of freedom, n - 1. */
  df1: number;
  /** Denominator degrees of freedom: n(k - 1) for ICC1/ICC1k, (n - 1)(k - 1) otherwise. */
  df2: number;
  /** Upper-tail p-value of F. */
  p: number;
  /**
   * Confidence bounds as psych reports them: `"f-exact"` (Shrout & Fleiss 1979, from F
   * quantiles) for ICC1, ICC3, ICC1k, ICC3k; `"satterthwaite"` (McGraw & Wong 1996, approximate
   * df) for ICC2 and ICC2k.
   */
  ci: ConfidenceInterval;
}

/**
 * One line of the two-way ANOVA table (psych's `stats`).
 *
 * @category Reliability
 */
export interface IccAnovaLine {
  /** Degrees of freedom. */
  df: number;
  /** Sum of squares. */
  sumSq: number;
  /** Mean square, sumSq / df. */
  meanSq: number;
}

/**
 * What {@link intraclassCorrelation} returns.
 *
 * @category Reliability
 */
export interface IntraclassCorrelationResult {
  /** The six forms in psych's order: ICC1, ICC2, ICC3, ICC1k, ICC2k, ICC3k. */
  results: IccForm[];
  /** Two-way ANOVA without interaction: targets (subjects), judges and residual. */
  anova: {
    subjects: IccAnovaLine & { F: number; p: number };
    judges: IccAnovaLine & { F: number; p: number };
    residual: IccAnovaLine;
  };
  /** One-way within-target mean square, (SS judges + SS residual) / (df judges + df residual). */
  msw: number;
  /** Targets used (complete rows); psych `n.obs`. */
  n: number;
  /** Judges (columns); psych `n.judge`. */
  k: number;
  /** Rows left out because of a missing cell. */
  nDropped: number;
  /** Confidence level of the bounds. */
  level: number;
  /** Degenerate input: rows dropped, zero variance, negative ICCs. */
  warnings: AllianceWarning[];
}

/**
 * Intraclass correlations: the six Shrout–Fleiss forms from a two-way ANOVA of targets (rows)
 * by judges (columns), with F tests and confidence bounds, as `psych::ICC(x, lmer = FALSE)`.
 *
 * With n targets, k judges and the mean squares MSB (targets), MSJ (judges), MSE (residual)
 * and MSW = (SSJ + SSE)/(n(k - 1)):
 * - ICC1 = (MSB - MSW)/(MSB + (k-1)MSW), ICC1k = (MSB - MSW)/MSB (one-way random; McGraw &
 *   Wong ICC(1), ICC(k));
 * - ICC2 = (MSB - MSE)/(MSB + (k-1)MSE + k(MSJ - MSE)/n), ICC2k = (MSB - MSE)/(MSB + (MSJ -
 *   MSE)/n) (two-way random, absolute agreement; ICC(A,1), ICC(A,k));
 * - ICC3 = (MSB - MSE)/(MSB + (k-1)MSE), ICC3k = (MSB - MSE)/MSB (two-way mixed, consistency;
 *   ICC(C,1), ICC(C,k)). ICC3k equals Cronbach's alpha of the judges.
 *
 * Bounds follow psych 2.2.9 (alpha/2 in each tail; Satterthwaite degrees of freedom for ICC2
 * and ICC2k). Rows with a missing cell are dropped (listwise) and counted in `nDropped`.
 *
 * References: Shrout, P. E. & Fleiss, J. L. (1979). Intraclass correlations: uses in assessing
 * rater reliability. Psychol Bull 86, 420–428. doi:10.1037/0033-2909.86.2.420. McGraw, K. O. &
 * Wong, S. P. (1996). Forming inferences about some intraclass correlation coefficients.
 * Psychol Methods 1, 30–46. doi:10.1037/1082-989X.1.1.30.
 * R: `psych::ICC(na.omit(x), lmer = FALSE)`.
 *
 * @category Reliability
 * @throws AllianceError INVALID_INPUT / WRONG_LENGTH / NOT_A_NUMBER for malformed matrices;
 * NOT_ENOUGH_DATA with fewer than 2 judges or fewer than 2 complete rows; OUT_OF_RANGE when
 * values are so large that the sums of squares overflow; INVALID_OPTION for options that are
 * not an object, a bad level or missing-data policy
 * @example
 * const sf = [[9, 2, 5, 8], [6, 1, 3, 2], [8, 4, 6, 8], [7, 1, 2, 6], [10, 5, 6, 9], [6, 2, 4, 7]];
 * intraclassCorrelation(sf).results[1].icc; // => 0.2898 (ICC2 = ICC(A,1), Shrout & Fleiss .29)
 */
export function intraclassCorrelation(
  data: MatrixInput,
  options: Readonly<IntraclassCorrelationOptions> = {},
): IntraclassCorrelationResult {
  const checked = optionsRecord(options);
  const level = confidenceLevel(checked.level, "options.level");
  oneOf(checked.missing, ["listwise"], "listwise", "options.missing");
  const { matrix, nDropped } = completeRows(toNumericMatrix(data));
  checkSize(matrix, nDropped);
  const squares = twoWaySquares(matrix);
  finiteResult(squares.ssb + squares.ssj + squares.sse, "data", "the sums of squares");
  const results = iccForms(squares, matrix.rows, matrix.cols, level);
  return {
    results,
    anova: anovaTable(squares, matrix.rows, matrix.cols),
    msw: squares.msw,
    n: matrix.rows,
    k: matrix.cols,
    nDropped,
    level,
    warnings: iccWarnings(squares, results, nDropped),
  };
}

interface MeanSquares {
  ssb: number;
  ssj: number;
  sse: number;
  msb: number;
  msj: number;
  mse: number;
  msw: number;
}

function checkSize(matrix: NumericMatrix, nDropped: number): void {
  if (matrix.cols < 2) {
    throw new AllianceError({
      code: "NOT_ENOUGH_DATA",
      path: "data",
      message: `expected at least 2 judges (columns), got ${matrix.cols}`,
    });
  }
  if (matrix.rows < 2) {
    throw new AllianceError({
      code: "NOT_ENOUGH_DATA",
      path: "data",
      message: `expected at least 2 complete rows (targets), got ${matrix.rows} (${nDropped} rows had a missing value)`,
    });
  }
}

/** Sums of squares of the additive two-way model values ~ target + judge (Shrout & Fleiss). */
function twoWaySquares({ values, rows: n, cols: k }: NumericMatrix): MeanSquares {
  const rowMeans = new Float64Array(n);
  const colMeans = new Float64Array(k);
  // Work on values centred on their mean: sums of squares are shift-invariant, and centring
  // keeps ratings like 1e9 + small differences from losing those differences to rounding.
  let centre = 0;
  for (let i = 0; i < values.length; i++) centre += values[i]! / values.length;
  let grand = 0;
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < k; c++) {
      const v = values[r * k + c]! - centre;
      rowMeans[r]! += v / k;
      colMeans[c]! += v / n;
      grand += v / (n * k);
    }
  }
  let ssb = 0;
  let ssj = 0;
  let sse = 0;
  for (let r = 0; r < n; r++) ssb += k * (rowMeans[r]! - grand) ** 2;
  for (let c = 0; c < k; c++) ssj += n * (colMeans[c]! - grand) ** 2;
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < k; c++)
      sse += (values[r * k + c]! - centre - rowMeans[r]! - colMeans[c]! + grand) ** 2;
  }
  // A sum of squares that is zero in exact arithmetic comes out as rounding noise (1e-30 of the
  // total); read literally it would turn ICC1k = (MSB - MSW) / MSB into -1e31. Snap it to 0.
  const noise = 1e-12 * (ssb + ssj + sse);
  if (ssb < noise) ssb = 0;
  if (ssj < noise) ssj = 0;
  if (sse < noise) sse = 0;
  return {
    ssb,
    ssj,
    sse,
    msb: ssb / (n - 1),
    msj: ssj / (k - 1),
    mse: sse / ((n - 1) * (k - 1)),
    msw: (ssj + sse) / (n * (k - 1)),
  };
}

function anovaTable(s: MeanSquares, n: number, k: number): IntraclassCorrelationResult["anova"] {
  const dfE = (n - 1) * (k - 1);
  const subjects = fTest(s.msb / s.mse, n - 1, dfE);
  const judges = fTest(s.msj / s.mse, k - 1, dfE);
  return {
    subjects: { df: subjects.df1, sumSq: s.ssb, meanSq: s.msb, F: subjects.F, p: subjects.p },
    judges: { df: judges.df1, sumSq: s.ssj, meanSq: s.msj, F: judges.F, p: judges.p },
    residual: { df: dfE, sumSq: s.sse, meanSq: s.mse },
  };
}

interface FTest {
  F: number;
  df1: number;
  df2: number;
  p: number;
}

function fTest(F: number, df1: number, df2: number): FTest {
  return { F, df1, df2, p: fUpperTail(F, df1, df2) };
}

/**
 * Exact bounds of the F ratio (Shrout & Fleiss 1979, Table 3), as psych codes them:
 * F / F(tail; df1, df2) and F * F(tail; df2, df1).
 */
function fRatioBounds(test: FTest, tail: number): { lower: number; upper: number } {
  return {
    lower: test.F / fQuantile(tail, test.df1, test.df2),
    upper: test.F * fQuantile(tail, test.df2, test.df1),
  };
}

function iccForms(s: MeanSquares, n: number, k: number, level: number): IccForm[] {
  const tail = 1 - (1 - level) / 2;
  const { msb, msj, mse, msw } = s;
  const oneWay = fTest(msb / msw, n - 1, n * (k - 1));
  const twoWay = fTest(msb / mse, n - 1, (n - 1) * (k - 1));
  const oneWayF = fRatioBounds(oneWay, tail);
  const twoWayF = fRatioBounds(twoWay, tail);
  // Near-zero denominators (and numerators) are rounding noise of an exact 0: snap them, so that
  // a form that divides by 0 is ±Infinity or NaN with a warning, never a silent -1e16.
  const scale = msb + msj + mse + msw;
  const ratio = (numerator: number, denominator: number): number =>
    snap(numerator, scale) / snap(denominator, scale);
  const icc2 = ratio(msb - mse, msb + (k - 1) * mse + (k * (msj - mse)) / n);
  const icc2Bounds = satterthwaiteBounds(s, n, k, icc2, tail);
  const single = (f: number): number => (f - 1) / (f + k - 1);
  const average = (f: number): number => 1 - 1 / f;
  const exact = (toIcc: (f: number) => number, f: { lower: number; upper: number }) =>
    interval(toIcc(f.lower), toIcc(f.upper), level, "f-exact");
  const approx = (toIcc: (icc: number) => number) =>
    interval(toIcc(icc2Bounds.lower), toIcc(icc2Bounds.upper), level, "satterthwaite");
  const forms: [IccType, string, string, number, FTest, ConfidenceInterval][] = [
    [
      "ICC1",
      "ICC(1)",
      "Single_raters_absolute",
      ratio(msb - msw, msb + (k - 1) * msw),
      oneWay,
      exact(single, oneWayF),
    ],
    ["ICC2", "ICC(A,1)", "Single_random_raters", icc2, twoWay, approx((icc) => icc)],
    [
      "ICC3",
      "ICC(C,1)",
      "Single_fixed_raters",
      ratio(msb - mse, msb + (k - 1) * mse),
      twoWay,
      exact(single, twoWayF),
    ],
    [
      "ICC1k",
      "ICC(k)",
      "Average_raters_absolute",
      ratio(msb - msw, msb),
      oneWay,
      exact(average, oneWayF),
    ],
    [
      "ICC2k",
      "ICC(A,k)",
      "Average_random_raters",
      ratio(msb - mse, msb + (msj - mse) / n),
      twoWay,
      approx((icc) => averageOf(icc, k)),
    ],
    [
      "ICC3k",
      "ICC(C,k)",
      "Average_fixed_raters",
      ratio(msb - mse, msb),
      twoWay,
      exact(average, twoWayF),
    ],
  ];
  return forms.map(([type, mcGrawWong, psychName, icc, test, ci]) => ({
    type,
    mcGrawWong,
    psychName,
    icc,
    ...test,
    ci,
  }));
}

function interval(lower: number, upper: number, level: number, method: string): ConfidenceInterval {
  return { lower, upper, level, method };
}

/**
 * Bounds of ICC2 with Satterthwaite's approximate denominator degrees of freedom v
 * (McGraw & Wong 1996, Table 7; Shrout & Fleiss 1979, eq. for Case 2), as psych 2.2.9 codes it.
 */
function satterthwaiteBounds(
  s: MeanSquares,
  n: number,
  k: number,
  icc2: number,
  tail: number,
): { lower: number; upper: number } {
  // The bounds are ratios of mean squares: scaled to at most 1 so that products such as
  // F × k × MSJ stay finite for ratings near 1e153 (unscaled they overflowed to NaN bounds).
  const scale = Math.max(s.msb, s.msj, s.mse) || 1;
  const [msb, msj, mse] = [s.msb / scale, s.msj / scale, s.mse / scale];
  const fj = msj / mse;
  const spread = n * (1 + (k - 1) * icc2) - k * icc2;
  const v =
    ((k - 1) * (n - 1) * (k * icc2 * fj + spread) ** 2) /
    ((n - 1) * k ** 2 * icc2 ** 2 * fj ** 2 + spread ** 2);
  const fUpper = fQuantile(tail, n - 1, v);
  const fLower = fQuantile(tail, v, n - 1);
  const judgeTerm = k * msj + (k * n - k - n) * mse;
  return {
    lower: (n * (msb - fUpper * mse)) / (fUpper * judgeTerm + n * msb),
    upper: (n * (fLower * msb - mse)) / (judgeTerm + n * fLower * msb),
  };
}

/** Spearman–Brown step-up of a single-rater bound to the mean of k raters. */
function averageOf(single: number, k: number): number {
  return (single * k) / (1 + single * (k - 1));
}

/** 0 when |value| is rounding noise against `scale` (1e-12 of it), else the value. */
function snap(value: number, scale: number): number {
  return Math.abs(value) <= 1e-12 * scale ? 0 : value;
}

function iccWarnings(
  s: MeanSquares,
  results: readonly IccForm[],
  nDropped: number,
): AllianceWarning[] {
  const warnings: AllianceWarning[] = [];
  if (nDropped > 0) {
    warnings.push({
      code: "ROWS_DROPPED",
      path: "data",
      message: `${nDropped} row(s) with a missing value were left out (listwise), as psych::ICC(lmer = FALSE) requires`,
    });
  }
  if (s.ssb + s.ssj + s.sse === 0) {
    warnings.push({
      code: "ZERO_VARIANCE",
      path: "data",
      message: "every rating is the same: the ICCs, F tests and bounds are undefined (NaN)",
    });
  } else if (s.sse === 0) {
    warnings.push({
      code: "ZERO_RESIDUAL_VARIANCE",
      path: "data",
      message:
        "the residual variance is 0 (judges differ by constants only): F is infinite and some bounds are undefined",
    });
  }
  const undefinedForms = results
    .filter((form) => !Number.isFinite(form.icc))
    .map((form) => form.type);
  if (undefinedForms.length > 0 && s.ssb + s.ssj + s.sse > 0) {
    warnings.push({
      code: "UNDEFINED_ICC",
      path: "results",
      message: `${undefinedForms.join(", ")} divide by 0 on these data (e.g. the targets' mean ratings are all equal) and are reported as -Infinity, Infinity or NaN: no reliability can be read from them`,
    });
  }
  const negative = results.filter((form) => form.icc < 0).map((form) => form.type);
  if (negative.length > 0) {
    warnings.push({
      code: "NEGATIVE_ICC",
      path: "results",
      message: `${negative.join(", ")} below 0: targets vary less than the error; read as no reliability`,
    });
  }
  return warnings;
}
