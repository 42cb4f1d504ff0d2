import { AllianceError, type AllianceWarning, describeValue } from "../errors.js";
import { optionsRecord } from "../guards.js";
import {
  type CategoryLabel,
  categoryLabel,
  givenLevels,
  isCategoryLabel,
  isMissingLabel,
  levelIndex,
  sortedLevels,
} from "./categoryLevels.js";
import { confidenceLevel, criticalValue } from "./checkOptions.js";
import type { ConfidenceInterval } from "./types.js";

/**
 * Options of {@link cohenKappa}.
 *
 * @category Reliability
 */
export interface CohenKappaOptions {
  /**
   * Agreement weights for the weighted kappa (1 = full agreement):
   * - `"quadratic"` (default, as psych): 1 - (i - j)^2 / (k - 1)^2 on category index;
   * - `"linear"`: 1 - |i - j| / (k - 1);
   * - `"none"`: the identity (weighted kappa = kappa);
   * - a k x k matrix in the order of `levels`. A matrix with a zero diagonal is read as
   *   disagreement weights and gives 1 - sum(w p_o) / sum(w p_c), as psych does.
   */
  weights?: "none" | "linear" | "quadratic" | ReadonlyArray<ReadonlyArray<number>>;
  /**
   * The categories in order. By default the distinct values either rater used, sorted
   * (numbers ascending, strings in code-unit order), as psych's
   * `levels(as.factor(cbind(x1, x2)))`. A rating outside `levels` is an error here, where psych
   * would drop it silently.
   */
  levels?: ReadonlyArray<CategoryLabel>;
  /** Confidence level; default 0.95 (psych's `alpha = .05`). */
  level?: number;
}

/**
 * What {@link cohenKappa} returns. Variances, standard errors and intervals are the large-sample
 * (non-null) ones of Fleiss, Cohen & Everitt (1969), coded as psych codes them; the textbook
 * weighted variance, which psych's code does not reproduce, is under `fleissCohenEveritt`.
 *
 * @category Reliability
 */
export interface CohenKappaResult {
  /** Unweighted kappa, (po - pc)/(1 - pc). psych `kappa`. */
  kappa: number;
  /** Weighted kappa, (wpo - wpc)/(1 - wpc). psych `weighted.kappa`. */
  weightedKappa: number;
  /** Variance of kappa (Fleiss, Cohen & Everitt 1969). psych `var.kappa`. */
  varKappa: number;
  /** Variance of weighted kappa as psych computes it. psych `var.weighted`. */
  varWeighted: number;
  /** sqrt(varKappa). */
  seKappa: number;
  /** sqrt(varWeighted). */
  seWeighted: number;
  /** kappa ± z * seKappa, clipped to [-1, 1] (psych `confid[1, ]`). */
  ciKappa: ConfidenceInterval;
  /** weightedKappa ± z * seWeighted, clipped to [-1, 1] (psych `confid[2, ]`). */
  ciWeighted: ConfidenceInterval;
  /** Weighted kappa's large-sample variance as published by Fleiss, Cohen & Everitt (1969). */
  fleissCohenEveritt: {
    varWeighted: number;
    seWeighted: number;
    ciWeighted: ConfidenceInterval;
  };
  /** Observed proportion of agreement, trace of `agreement`. */
  observedAgreement: number;
  /** Proportion of agreement expected by chance from the margins. */
  expectedAgreement: number;
  /** Pairs used (both ratings present). psych `n.obs`. */
  n: number;
  /** Pairs left out because a rating was missing. */
  nDropped: number;
  /** The categories, in the order of the rows and columns of `agreement` and `weights`. */
  levels: CategoryLabel[];
  /** Cell proportions, rater 1 in rows and rater 2 in columns. psych `agree`. */
  agreement: number[][];
  /** The agreement weights used. psych `weight`. */
  weights: number[][];
  /** Confidence level. */
  level: number;
  /** Degenerate input: one category only, clipped bounds, a negative variance set to 0. */
  warnings: AllianceWarning[];
}

/**
 * Cohen's kappa and weighted kappa for two raters who sort the same subjects into categories,
 * with large-sample variances and normal intervals, matching `psych::cohen.kappa`.
 *
 * kappa = (po - pc)/(1 - pc), with po = sum_i p_ii and pc = sum_i p_i. p_.i.
 * Weighted: kw = (sum w_ij p_ij - sum w_ij p_i. p_.j)/(1 - sum w_ij p_i. p_.j).
 * var(kappa) (Fleiss, Cohen & Everitt 1969) = [sum_i p_ii((1 - pc) - (p_i. + p_.i)(1 - po))^2
 * + (1 - po)^2 sum_{i != j} p_ij (p_.i + p_j.)^2 - (po pc - 2 pc + po)^2] / (N (1 - pc)^4).
 * var(kw), textbook (same paper): sum_ij p_ij [w_ij(1 - pc) - (w_i. + w_.j)(1 - po)]^2
 * - (po pc - 2 pc + po)^2, over N (1 - pc)^4, with weighted po, pc and w_i. = sum_j w_ij p_.j,
 * w_.j = sum_i w_ij p_i.. psych 2.2.9 builds the two weighted means differently (R recycling in
 * `colSums(w * cs)`, `rowSums(w * rs)`): its mean for row i is p_i. sum_j w_ij, and for column
 * j it is sum_i w_ij p_.i. `varWeighted` copies psych; `fleissCohenEveritt.varWeighted` is the
 * textbook one. They agree for the identity weights.
 *
 * References: Cohen, J. (1960). Educ Psychol Meas 20, 37–46. doi:10.1177/001316446002000104.
 * Cohen, J. (1968). Psychol Bull 70, 213–220. doi:10.1037/h0026256. Fleiss, J. L., Cohen, J. &
 * Everitt, B. S. (1969). Large sample standard errors of kappa and weighted kappa. Psychol Bull
 * 72, 323–327. doi:10.1037/h0028106. R: `psych::cohen.kappa(cbind(rater1, rater2), w)`.
 *
 * @category Reliability
 * @throws AllianceError WRONG_LENGTH when the raters' arrays differ in length; INVALID_INPUT for
 * a label that is not a number or string, or mixed numbers and strings; OUT_OF_RANGE for a
 * rating outside `levels`; NOT_ENOUGH_DATA with no complete pair; INVALID_OPTION for bad
 * weights, levels or level
 * @example
 * cohenKappa([1, 2, 3, 1], [1, 2, 2, 1], { weights: "none" }).kappa; // => 0.6
 */
export function cohenKappa(
  rater1: ReadonlyArray<CategoryLabel | null>,
  rater2: ReadonlyArray<CategoryLabel | null>,
  options: Readonly<CohenKappaOptions> = {},
): CohenKappaResult {
  const checked = optionsRecord(options);
  const level = confidenceLevel(checked.level, "options.level");
  const pairs = completePairs(rater1, rater2);
  const levels =
    checked.levels === undefined
      ? sortedLevels([...pairs.first, ...pairs.second], "rater1")
      : givenLevels(checked.levels, "options.levels");
  const agreement = proportionTable(pairs, levels);
  const weights = weightMatrix(checked.weights, levels.length);
  const warnings: AllianceWarning[] = [];
  const n = pairs.first.length;
  const table = marginals(agreement);
  const unweighted = kappaAndVariance(agreement, table, identity(levels.length), n, psychMeans);
  const weighted = kappaAndVariance(agreement, table, weights, n, psychMeans);
  const textbook = kappaAndVariance(agreement, table, weights, n, textbookMeans);
  if (levels.length < 2) {
    warnings.push({
      code: "ONE_CATEGORY",
      path: "",
      message: "both raters used a single category: kappa is undefined (NaN)",
    });
  }
  const z = criticalValue(undefined, level, "options.level");
  const interval = (estimate: number, variance: number, name: string): ConfidenceInterval =>
    normalInterval(estimate, variance, z, level, name, warnings);
  const varKappa = usableVariance(unweighted.variance, "varKappa", warnings);
  const varWeighted = usableVariance(weighted.variance, "varWeighted", warnings);
  const textbookVariance = usableVariance(textbook.variance, "fleissCohenEveritt", warnings);
  return {
    kappa: unweighted.kappa,
    weightedKappa: weighted.kappa,
    varKappa,
    varWeighted,
    seKappa: Math.sqrt(varKappa),
    seWeighted: Math.sqrt(varWeighted),
    ciKappa: interval(unweighted.kappa, varKappa, "ciKappa"),
    ciWeighted: interval(weighted.kappa, varWeighted, "ciWeighted"),
    fleissCohenEveritt: {
      varWeighted: textbookVariance,
      seWeighted: Math.sqrt(textbookVariance),
      ciWeighted: interval(weighted.kappa, textbookVariance, "fleissCohenEveritt.ciWeighted"),
    },
    observedAgreement: unweighted.observed,
    expectedAgreement: unweighted.expected,
    n,
    nDropped: rater1.length - n,
    levels,
    agreement,
    weights,
    level,
    warnings,
  };
}

/** The ratings of subjects rated by both raters, with each subject's position in the input. */
interface CompletePairs {
  first: CategoryLabel[];
  second: CategoryLabel[];
  positions: number[];
}

function completePairs(
  rater1: ReadonlyArray<CategoryLabel | null>,
  rater2: ReadonlyArray<CategoryLabel | null>,
): CompletePairs {
  for (const [rater, path] of [
    [rater1, "rater1"],
    [rater2, "rater2"],
  ] as const) {
    if (!Array.isArray(rater)) {
      throw new AllianceError({
        code: "INVALID_INPUT",
        path,
        message: `expected an array of ratings, got ${describeValue(rater)}`,
      });
    }
  }
  if (rater1.length !== rater2.length) {
    throw new AllianceError({
      code: "WRONG_LENGTH",
      path: "rater2",
      message: `expected ${rater1.length} ratings like rater1, got ${rater2.length}`,
    });
  }
  const pairs: CompletePairs = { first: [], second: [], positions: [] };
  for (let i = 0; i < rater1.length; i++) {
    const a = rater1[i];
    const b = rater2[i];
    if (isMissingLabel(a) || isMissingLabel(b)) continue;
    pairs.first.push(isCategoryLabel(a) ? a : categoryLabel(a, `rater1[${i}]`));
    pairs.second.push(isCategoryLabel(b) ? b : categoryLabel(b, `rater2[${i}]`));
    pairs.positions.push(i);
  }
  if (pairs.positions.length === 0) {
    throw new AllianceError({
      code: "NOT_ENOUGH_DATA",
      path: "rater1",
      message: "expected at least one subject rated by both raters, got none",
    });
  }
  return pairs;
}

/** Cell counts of rater 1 (rows) by rater 2 (columns), divided by the number of pairs. */
function proportionTable(pairs: CompletePairs, levels: readonly CategoryLabel[]): number[][] {
  const index = new Map(levels.map((label, i) => [label, i]));
  const counts = levels.map(() => levels.map(() => 0));
  const n = pairs.positions.length;
  for (let p = 0; p < n; p++) {
    const first = pairs.first[p]!;
    const second = pairs.second[p]!;
    const row = index.get(first) ?? levelIndex(index, first, `rater1[${pairs.positions[p]}]`);
    const col = index.get(second) ?? levelIndex(index, second, `rater2[${pairs.positions[p]}]`);
    counts[row]![col]! += 1;
  }
  return counts.map((cells) => cells.map((count) => count / n));
}

function weightMatrix(weights: CohenKappaOptions["weights"], k: number): number[][] {
  const spread = Math.max(k - 1, 1);
  if (weights === undefined || weights === "quadratic") {
    return byIndex(k, (i, j) => 1 - (i - j) ** 2 / spread ** 2);
  }
  if (weights === "linear") return byIndex(k, (i, j) => 1 - Math.abs(i - j) / spread);
  if (weights === "none") return identity(k);
  if (Array.isArray(weights) && weights.length === k) {
    // Array.from turns holes of sparse arrays into undefined, which the check then refuses.
    const matrix: unknown[][] = Array.from(weights, (row) =>
      Array.isArray(row) ? Array.from(row) : [],
    );
    const valid = matrix.every(
      (row) => row.length === k && row.every((w) => typeof w === "number" && Number.isFinite(w)),
    );
    if (valid) return matrix as number[][];
  }
  throw new AllianceError({
    code: "INVALID_OPTION",
    path: "options.weights",
    message: `expected "none", "linear", "quadratic" or a ${k} x ${k} matrix of finite numbers (one row and column per level), got ${describeValue(weights)}`,
  });
}

function byIndex(k: number, weight: (i: number, j: number) => number): number[][] {
  return Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => weight(i, j)));
}

function identity(k: number): number[][] {
  return byIndex(k, (i, j) => (i === j ? 1 : 0));
}

interface Marginals {
  rows: number[];
  cols: number[];
}

function marginals(p: readonly number[][]): Marginals {
  const rows = p.map((row) => row.reduce((sum, v) => sum + v, 0));
  const cols = p.map((_, j) => p.reduce((sum, row) => sum + row[j]!, 0));
  return { rows, cols };
}

/** The two weighted marginal means that enter the variance, for row i and for column j. */
type WeightedMeans = (w: readonly number[][], m: Marginals) => { row: number[]; col: number[] };

/** psych 2.2.9: colw <- colSums(w * cs) is used for rows, roww <- rowSums(w * rs) for columns. */
const psychMeans: WeightedMeans = (w, m) => ({
  row: w.map((_, i) => w.reduce((sum, wRow, r) => sum + wRow[i]! * m.cols[r]!, 0)),
  col: w.map((wRow, j) => m.rows[j]! * wRow.reduce((sum, v) => sum + v, 0)),
});

/** Fleiss, Cohen & Everitt (1969): w_i. = sum_j w_ij p_.j and w_.j = sum_i w_ij p_i.. */
const textbookMeans: WeightedMeans = (w, m) => ({
  row: w.map((wRow) => wRow.reduce((sum, v, j) => sum + v * m.cols[j]!, 0)),
  col: w.map((_, j) => w.reduce((sum, wRow, i) => sum + wRow[j]! * m.rows[i]!, 0)),
});

function kappaAndVariance(
  p: readonly number[][],
  m: Marginals,
  w: readonly number[][],
  n: number,
  means: WeightedMeans,
): { kappa: number; variance: number; observed: number; expected: number } {
  let observed = 0;
  let expected = 0;
  let trace = 0;
  p.forEach((row, i) => {
    trace += w[i]![i]!;
    row.forEach((cell, j) => {
      observed += w[i]![j]! * cell;
      expected += w[i]![j]! * m.rows[i]! * m.cols[j]!;
    });
  });
  const kappa = trace > 0 ? (observed - expected) / (1 - expected) : 1 - observed / expected;
  const { row, col } = means(w, m);
  let core = 0;
  p.forEach((cells, i) => {
    cells.forEach((cell, j) => {
      core += cell * (w[i]![j]! * (1 - expected) - (row[i]! + col[j]!) * (1 - observed)) ** 2;
    });
  });
  const correction = (observed * expected - 2 * expected + observed) ** 2;
  const variance = (core - correction) / (n * (1 - expected) ** 4);
  return { kappa, variance, observed, expected };
}

/** psych sets a negative or undefined variance to 0 and flags the result as `bad`. */
function usableVariance(variance: number, path: string, warnings: AllianceWarning[]): number {
  if (variance >= 0) return variance;
  warnings.push({
    code: "NEGATIVE_VARIANCE",
    path,
    message: `the variance came out ${describeValue(variance)} (no variance in the table); set to 0 as psych does`,
  });
  return 0;
}

function normalInterval(
  estimate: number,
  variance: number,
  z: number,
  level: number,
  path: string,
  warnings: AllianceWarning[],
): ConfidenceInterval {
  const halfWidth = z * Math.sqrt(variance);
  let lower = estimate - halfWidth;
  let upper = estimate + halfWidth;
  if (lower < -1 || upper > 1) {
    lower = Math.max(lower, -1);
    upper = Math.min(upper, 1);
    warnings.push({
      code: "BOUND_CLIPPED",
      path,
      message: "a confidence bound went past ±1 and was set to ±1, as psych does",
    });
  }
  return { lower, upper, level, method: "normal" };
}
