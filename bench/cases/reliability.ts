import type { NumericMatrix } from "../../src/math/numericMatrix.js";
import { cohenKappa } from "../../src/reliability/cohenKappa.js";
import { cronbachAlpha } from "../../src/reliability/cronbachAlpha.js";
import { intraclassCorrelation } from "../../src/reliability/intraclassCorrelation.js";
import { krippendorffAlpha } from "../../src/reliability/krippendorffAlpha.js";
import { codedUnits, judgeRatings, likertItems, ratingPairs } from "../data.js";
import { type BenchCase, describeAgreement, largestRelativeDifference } from "../measure.js";

/**
 * Baseline of cronbachAlpha: one pass over the rows accumulating column sums and the upper
 * triangle of cross-products, then the covariance matrix and raw alpha
 * k/(k-1) (1 - tr C / ΣC). Complete data only (the generated data have no missing cell).
 */
export function rawAlpha({ values, rows, cols: k }: NumericMatrix): number {
  const sums = new Float64Array(k);
  const products = new Float64Array(k * k);
  for (let r = 0; r < rows; r++) {
    const offset = r * k;
    for (let i = 0; i < k; i++) {
      const x = values[offset + i]!;
      sums[i]! += x;
      const base = i * k;
      for (let j = i; j < k; j++) products[base + j]! += x * values[offset + j]!;
    }
  }
  let trace = 0;
  let total = 0;
  for (let i = 0; i < k; i++) {
    for (let j = i; j < k; j++) {
      const covariance = (products[i * k + j]! - (sums[i]! * sums[j]!) / rows) / (rows - 1);
      if (i === j) trace += covariance;
      total += i === j ? covariance : 2 * covariance;
    }
  }
  return (k / (k - 1)) * (1 - trace / total);
}

export function cronbachAlphaCase(rows: number, cols: number, iterations: number): BenchCase {
  return {
    name: "cronbachAlpha (full output)",
    size: `${rows.toLocaleString("en")} x ${cols}`,
    iterations,
    target: { kind: "time", maxMs: 300 },
    prepare: () => {
      const matrix = likertItems(rows, cols, 7, 6003);
      return {
        library: () => cronbachAlpha(matrix),
        baseline: () => rawAlpha(matrix),
        agreement: () =>
          describeAgreement(
            "raw alpha",
            largestRelativeDifference([cronbachAlpha(matrix).rawAlpha], [rawAlpha(matrix)]),
          ),
      };
    },
  };
}

/**
 * Baseline of intraclassCorrelation: row, column and grand means in one pass, the two-way sums
 * of squares in a second, then the six Shrout–Fleiss point estimates (no F bounds).
 */
export function rawIcc({ values, rows: n, cols: k }: NumericMatrix): number[] {
  const rowSums = new Float64Array(n);
  const colSums = new Float64Array(k);
  let grandSum = 0;
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < k; c++) {
      const v = values[r * k + c]!;
      rowSums[r]! += v;
      colSums[c]! += v;
      grandSum += v;
    }
  }
  const grand = grandSum / (n * k);
  let ssb = 0;
  let ssj = 0;
  let sse = 0;
  for (let r = 0; r < n; r++) ssb += k * (rowSums[r]! / k - grand) ** 2;
  for (let c = 0; c < k; c++) ssj += n * (colSums[c]! / n - grand) ** 2;
  for (let r = 0; r < n; r++) {
    const rowMean = rowSums[r]! / k;
    for (let c = 0; c < k; c++)
      sse += (values[r * k + c]! - rowMean - colSums[c]! / n + grand) ** 2;
  }
  const msb = ssb / (n - 1);
  const msj = ssj / (k - 1);
  const mse = sse / ((n - 1) * (k - 1));
  const msw = (ssj + sse) / (n * (k - 1));
  return [
    (msb - msw) / (msb + (k - 1) * msw),
    (msb - mse) / (msb + (k - 1) * mse + (k * (msj - mse)) / n),
    (msb - mse) / (msb + (k - 1) * mse),
    (msb - msw) / msb,
    (msb - mse) / (msb + (msj - mse) / n),
    (msb - mse) / msb,
  ];
}

export function intraclassCorrelationCase(
  rows: number,
  cols: number,
  iterations: number,
): BenchCase {
  return {
    name: "intraclassCorrelation",
    size: `${rows.toLocaleString("en")} x ${cols}`,
    iterations,
    target: { kind: "time", maxMs: 200 },
    prepare: () => {
      const matrix = judgeRatings(rows, cols, 6004);
      return {
        library: () => intraclassCorrelation(matrix),
        baseline: () => rawIcc(matrix),
        agreement: () => {
          const forms = intraclassCorrelation(matrix).results.map((form) => form.icc);
          return describeAgreement("six ICCs", largestRelativeDifference(forms, rawIcc(matrix)));
        },
      };
    },
  };
}

/**
 * Baseline of cohenKappa: one pass filling a 5 × 5 table from integer codes 1–5, then kappa and
 * quadratic-weighted kappa from the proportions (no variances).
 */
export function rawKappa(rater1: Float64Array, rater2: Float64Array): number[] {
  const k = 5;
  const counts = new Float64Array(k * k);
  for (let i = 0; i < rater1.length; i++) counts[(rater1[i]! - 1) * k + (rater2[i]! - 1)]! += 1;
  const n = rater1.length;
  const rowMargins = new Float64Array(k);
  const colMargins = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      rowMargins[i]! += counts[i * k + j]! / n;
      colMargins[j]! += counts[i * k + j]! / n;
    }
  }
  let observed = 0;
  let expected = 0;
  let weightedObserved = 0;
  let weightedExpected = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const weight = 1 - (i - j) ** 2 / (k - 1) ** 2;
      const p = counts[i * k + j]! / n;
      const chance = rowMargins[i]! * colMargins[j]!;
      if (i === j) {
        observed += p;
        expected += chance;
      }
      weightedObserved += weight * p;
      weightedExpected += weight * chance;
    }
  }
  return [
    (observed - expected) / (1 - expected),
    (weightedObserved - weightedExpected) / (1 - weightedExpected),
  ];
}

export function cohenKappaCase(pairs: number, iterations: number): BenchCase {
  return {
    name: "cohenKappa (quadratic weights)",
    size: `${pairs.toLocaleString("en")} pairs, 5 categories`,
    iterations,
    target: null,
    prepare: () => {
      const { rater1, rater2 } = ratingPairs(pairs, 6005);
      const codes1 = Float64Array.from(rater1);
      const codes2 = Float64Array.from(rater2);
      return {
        library: () => cohenKappa(rater1, rater2),
        baseline: () => rawKappa(codes1, codes2),
        agreement: () => {
          const result = cohenKappa(rater1, rater2);
          return describeAgreement(
            "kappa and weighted kappa",
            largestRelativeDifference(
              [result.kappa, result.weightedKappa],
              rawKappa(codes1, codes2),
            ),
          );
        },
      };
    },
  };
}

/**
 * Baseline of krippendorffAlpha at the interval level: per unit with m ≥ 2 values, Σx and Σx²
 * give Σ over value pairs of (x_i - x_j)² = 2(mΣx² - (Σx)²); D_o sums those over m - 1, D_e
 * takes the same sum over all pairable values, and alpha = 1 - (n - 1) D_o / D_e-sum.
 */
export function rawKrippendorffInterval({
  values,
  rows: units,
  cols: coders,
}: NumericMatrix): number {
  let observed = 0;
  let pairable = 0;
  let allSum = 0;
  let allSquares = 0;
  for (let u = 0; u < units; u++) {
    let m = 0;
    let sum = 0;
    let squares = 0;
    for (let c = 0; c < coders; c++) {
      const x = values[u * coders + c]!;
      if (Number.isNaN(x)) continue;
      m++;
      sum += x;
      squares += x * x;
    }
    if (m < 2) continue;
    observed += (2 * (m * squares - sum * sum)) / (m - 1);
    pairable += m;
    allSum += sum;
    allSquares += squares;
  }
  const disagreementObserved = observed / pairable;
  const disagreementExpected =
    (2 * (pairable * allSquares - allSum * allSum)) / (pairable * (pairable - 1));
  return 1 - disagreementObserved / disagreementExpected;
}

export function krippendorffAlphaCase(
  units: number,
  coders: number,
  iterations: number,
): BenchCase {
  return {
    name: "krippendorffAlpha (interval)",
    size: `${units.toLocaleString("en")} units x ${coders} coders, 5% missing`,
    iterations,
    target: { kind: "time", maxMs: 500 },
    prepare: () => {
      const matrix = codedUnits(units, coders, 6006);
      const run = () => krippendorffAlpha(matrix, { level: "interval" });
      return {
        library: run,
        baseline: () => rawKrippendorffInterval(matrix),
        agreement: () =>
          describeAgreement(
            "alpha",
            largestRelativeDifference([run().alpha], [rawKrippendorffInterval(matrix)]),
          ),
      };
    },
  };
}
