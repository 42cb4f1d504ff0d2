import type { NumericMatrix } from "../math/numericMatrix.js";

/**
 * Reliability data reduced to what Krippendorff's interval alpha needs: for every pairable
 * unit (two or more values) its number of values m_u, mean and sum of squared deviations from
 * that mean. One pass over the data, no sorting.
 *
 * @internal
 */
export interface IntervalUnits {
  /** m_u, values in each pairable unit. */
  sizes: Float64Array;
  /**
   * Mean of each pairable unit, less the data's first present value: disagreements depend on
   * differences only, and the shift keeps ratings such as 1e9 + k exact in the unit sums.
   */
  means: Float64Array;
  /** Sum of squared deviations from the unit mean. */
  squares: Float64Array;
  /** Units with fewer than two values, left out. */
  unitsDropped: number;
}

/**
 * Summarizes a units x coders (`unitsAreRows`) or coders x units matrix for the interval level.
 *
 * @internal
 */
export function intervalUnits(matrix: NumericMatrix, unitsAreRows: boolean): IntervalUnits {
  const { values, rows, cols } = matrix;
  const unitCount = unitsAreRows ? rows : cols;
  const coderCount = unitsAreRows ? cols : rows;
  const step = unitsAreRows ? 1 : cols;
  const sizes: number[] = [];
  const means: number[] = [];
  const squares: number[] = [];
  const reference = values.find((value) => !Number.isNaN(value)) ?? 0;
  for (let u = 0; u < unitCount; u++) {
    const first = unitsAreRows ? u * cols : u;
    let m = 0;
    let sum = 0;
    for (let c = 0, i = first; c < coderCount; c++, i += step) {
      const v = values[i]!;
      if (Number.isNaN(v)) continue;
      m += 1;
      sum += v - reference;
    }
    if (m < 2) continue;
    const mean = sum / m;
    let deviations = 0;
    for (let c = 0, i = first; c < coderCount; c++, i += step) {
      const v = values[i]!;
      if (!Number.isNaN(v)) deviations += (v - reference - mean) ** 2;
    }
    sizes.push(m);
    means.push(mean);
    squares.push(deviations);
  }
  return {
    sizes: Float64Array.from(sizes),
    means: Float64Array.from(means),
    squares: Float64Array.from(squares),
    unitsDropped: unitCount - sizes.length,
  };
}

/**
 * Observed and expected disagreement at the interval level, optionally with a weight (a
 * bootstrap multiplicity) per unit. With δ² = (c - k)², the pair sums of Krippendorff (2011)
 * reduce to moments: a unit adds 2 m_u SS_u / (m_u - 1) to n D_o, and
 * D_e = 2 SS_total / (n - 1), where SS_total = sum_u (SS_u + m_u (mean_u - mean)²) is split
 * into within- and between-unit parts for numerical stability.
 *
 * @internal
 */
export function intervalDisagreement(
  units: IntervalUnits,
  unitWeights?: Float64Array,
): { observed: number; expected: number; pairable: number } {
  let pairable = 0;
  let weightedSum = 0;
  let observedSum = 0;
  for (let u = 0; u < units.sizes.length; u++) {
    const weight = unitWeights === undefined ? 1 : unitWeights[u]!;
    const m = units.sizes[u]!;
    pairable += weight * m;
    weightedSum += weight * m * units.means[u]!;
    observedSum += (weight * 2 * m * units.squares[u]!) / (m - 1);
  }
  const mean = weightedSum / pairable;
  let totalSquares = 0;
  for (let u = 0; u < units.sizes.length; u++) {
    const weight = unitWeights === undefined ? 1 : unitWeights[u]!;
    totalSquares += weight * (units.squares[u]! + units.sizes[u]! * (units.means[u]! - mean) ** 2);
  }
  return {
    observed: observedSum / pairable,
    expected: (2 * totalSquares) / (pairable - 1),
    pairable,
  };
}
