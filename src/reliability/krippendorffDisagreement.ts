import type { MeasurementLevel } from "./krippendorffAlpha.js";
import type { CodedUnits } from "./krippendorffUnits.js";

/**
 * Observed and expected disagreement of Krippendorff's alpha at the nominal, ordinal and ratio
 * levels from coded units, optionally with a weight (a bootstrap multiplicity) per unit. The
 * interval level has its own one-pass form (`krippendorffIntervalUnits.ts`).
 *
 * In coincidence-matrix terms (Krippendorff 2011), o_ck = sum_u n_uc n_uk / (m_u - 1) for
 * c != k, n_c = sum_k o_ck, D_o = sum o_ck δ²_ck / n and D_e = sum n_c n_k δ²_ck / (n(n-1)).
 * The sums are taken over the distinct values of each unit, without building the full
 * coincidence matrix:
 * - nominal: a unit adds (m_u² - sum_c n_uc²)/(m_u - 1); D_e = (n² - sum n_c²)/(n(n-1));
 * - ordinal: Krippendorff's δ² = (sum_{g=c..k} n_g - (n_c + n_k)/2)² equals (a_k - a_c)² with
 *   a_c = sum_{g<c} n_g + n_c/2, the mid-rank of value c among all pairable values, so the
 *   squared-difference sums apply to the a_c: sum_{c,k} n_uc n_uk (a_c - a_k)² =
 *   2 m_u sum_c n_uc (a_c - mean_u)², and D_e = 2 sum_c n_c (a_c - mean)² / (n - 1);
 * - ratio: δ² = ((c - k)/(c + k))² (0 when c = k = 0) is summed over pairs of distinct values.
 *
 * @internal
 */
export function disagreement(
  units: CodedUnits,
  level: Exclude<MeasurementLevel, "interval">,
  unitWeights?: Float64Array,
): { observed: number; expected: number; pairable: number } {
  const marginals = valueMarginals(units, unitWeights);
  const pairable = marginals.reduce((sum, n) => sum + n, 0);
  const weightOf = (u: number): number => (unitWeights === undefined ? 1 : unitWeights[u]!);
  if (level === "nominal") {
    const squares = marginals.reduce((sum, n) => sum + n * n, 0);
    return {
      observed: sumOverUnits(units, weightOf, (u) => nominalUnit(units, u)) / pairable,
      expected: (pairable * pairable - squares) / (pairable * (pairable - 1)),
      pairable,
    };
  }
  if (level === "ratio") {
    return {
      observed: sumOverUnits(units, weightOf, (u) => ratioUnit(units, u)) / pairable,
      expected: ratioExpected(units.values, marginals) / (pairable * (pairable - 1)),
      pairable,
    };
  }
  const scores = midRanks(marginals);
  return {
    observed: sumOverUnits(units, weightOf, (u) => squaredUnit(units, u, scores)) / pairable,
    expected: (2 * weightedSquares(scores, marginals)) / (pairable - 1),
    pairable,
  };
}

function valueMarginals(units: CodedUnits, unitWeights?: Float64Array): Float64Array {
  const marginals = new Float64Array(units.values.length);
  for (let u = 0; u + 1 < units.offsets.length; u++) {
    const weight = unitWeights === undefined ? 1 : unitWeights[u]!;
    if (weight === 0) continue;
    for (let e = units.offsets[u]!; e < units.offsets[u + 1]!; e++) {
      marginals[units.valueIndex[e]!]! += weight * units.counts[e]!;
    }
  }
  return marginals;
}

function sumOverUnits(
  units: CodedUnits,
  weightOf: (u: number) => number,
  unitSum: (u: number) => number,
): number {
  let total = 0;
  for (let u = 0; u < units.sizes.length; u++) {
    const weight = weightOf(u);
    if (weight !== 0) total += (weight * unitSum(u)) / (units.sizes[u]! - 1);
  }
  return total;
}

/** sum_{c != k in u} n_uc n_uk = m_u² - sum_c n_uc². */
function nominalUnit(units: CodedUnits, u: number): number {
  let squares = 0;
  for (let e = units.offsets[u]!; e < units.offsets[u + 1]!; e++) squares += units.counts[e]! ** 2;
  return units.sizes[u]! ** 2 - squares;
}

/** sum_{c,k in u} n_uc n_uk (x_c - x_k)² = 2 m_u sum_c n_uc (x_c - mean_u)². */
function squaredUnit(units: CodedUnits, u: number, scores: Float64Array): number {
  const m = units.sizes[u]!;
  let mean = 0;
  for (let e = units.offsets[u]!; e < units.offsets[u + 1]!; e++) {
    mean += (units.counts[e]! * scores[units.valueIndex[e]!]!) / m;
  }
  let squares = 0;
  for (let e = units.offsets[u]!; e < units.offsets[u + 1]!; e++) {
    squares += units.counts[e]! * (scores[units.valueIndex[e]!]! - mean) ** 2;
  }
  return 2 * m * squares;
}

/** ((c - k)/(c + k))², computed on halves so that c + k cannot overflow (the ratio is scale-free). */
function ratioDistance(c: number, k: number): number {
  const sum = c / 2 + k / 2;
  return sum === 0 ? 0 : ((c / 2 - k / 2) / sum) ** 2;
}

function ratioUnit(units: CodedUnits, u: number): number {
  let total = 0;
  const end = units.offsets[u + 1]!;
  for (let e = units.offsets[u]!; e < end; e++) {
    for (let f = e + 1; f < end; f++) {
      const c = units.values[units.valueIndex[e]!]!;
      const k = units.values[units.valueIndex[f]!]!;
      total += 2 * units.counts[e]! * units.counts[f]! * ratioDistance(c, k);
    }
  }
  return total;
}

function ratioExpected(values: Float64Array, marginals: Float64Array): number {
  let total = 0;
  for (let c = 0; c < values.length; c++) {
    if (marginals[c] === 0) continue;
    for (let k = c + 1; k < values.length; k++) {
      total += 2 * marginals[c]! * marginals[k]! * ratioDistance(values[c]!, values[k]!);
    }
  }
  return total;
}

/** a_c = sum_{g<c} n_g + n_c / 2. */
function midRanks(marginals: Float64Array): Float64Array {
  const ranks = new Float64Array(marginals.length);
  let before = 0;
  for (let c = 0; c < marginals.length; c++) {
    ranks[c] = before + marginals[c]! / 2;
    before += marginals[c]!;
  }
  return ranks;
}

/** sum_c n_c (x_c - mean)², with mean = sum_c n_c x_c / sum_c n_c. */
function weightedSquares(scores: Float64Array, marginals: Float64Array): number {
  let total = 0;
  let weighted = 0;
  for (let c = 0; c < scores.length; c++) {
    total += marginals[c]!;
    weighted += marginals[c]! * scores[c]!;
  }
  const mean = weighted / total;
  let squares = 0;
  for (let c = 0; c < scores.length; c++) squares += marginals[c]! * (scores[c]! - mean) ** 2;
  return squares;
}
