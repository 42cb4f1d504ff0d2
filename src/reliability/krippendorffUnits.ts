import type { NumericMatrix } from "../math/numericMatrix.js";

/**
 * Reliability data reduced to what Krippendorff's alpha needs: for every pairable unit (one
 * with at least two values), which distinct values it holds and how often. Units are stored
 * flat: unit u owns entries `offsets[u]` to `offsets[u + 1] - 1` of `valueIndex` and `counts`.
 *
 * @internal
 */
export interface CodedUnits {
  /** Distinct values found in pairable units, ascending. */
  values: Float64Array;
  /** Start of each unit's entries; length = units + 1. */
  offsets: Int32Array;
  /** Index into `values` of each entry. */
  valueIndex: Int32Array;
  /** How many coders gave that value in that unit (n_uc). */
  counts: Float64Array;
  /** Number of values in each unit (m_u). */
  sizes: Float64Array;
  /** Units with fewer than two values, left out. */
  unitsDropped: number;
}

/**
 * Groups a units x coders matrix (`unitsAreRows`) or a coders x units matrix into
 * {@link CodedUnits}, leaving out missing cells and units with fewer than two values.
 *
 * @internal
 */
export function codedUnits(matrix: NumericMatrix, unitsAreRows: boolean): CodedUnits {
  const { values, rows, cols } = matrix;
  const unitCount = unitsAreRows ? rows : cols;
  const coderCount = unitsAreRows ? cols : rows;
  const cell = (unit: number, coder: number): number =>
    unitsAreRows ? values[unit * cols + coder]! : values[coder * cols + unit]!;
  const units: Float64Array[] = [];
  for (let u = 0; u < unitCount; u++) {
    const present: number[] = [];
    for (let c = 0; c < coderCount; c++) {
      const v = cell(u, c);
      if (!Number.isNaN(v)) present.push(v);
    }
    if (present.length >= 2) units.push(Float64Array.from(present).sort());
  }
  const distinct = distinctSorted(units);
  return {
    ...runLengths(units, distinct),
    values: distinct,
    unitsDropped: unitCount - units.length,
  };
}

function distinctSorted(units: readonly Float64Array[]): Float64Array {
  let total = 0;
  for (const unit of units) total += unit.length;
  const all = new Float64Array(total);
  let at = 0;
  for (const unit of units) {
    all.set(unit, at);
    at += unit.length;
  }
  all.sort();
  let distinct = 0;
  for (let i = 0; i < all.length; i++)
    if (i === 0 || all[i] !== all[i - 1]) all[distinct++] = all[i]!;
  return all.slice(0, distinct);
}

function runLengths(
  units: readonly Float64Array[],
  distinct: Float64Array,
): Omit<CodedUnits, "values" | "unitsDropped"> {
  const offsets = new Int32Array(units.length + 1);
  const sizes = new Float64Array(units.length);
  const valueIndex: number[] = [];
  const counts: number[] = [];
  units.forEach((unit, u) => {
    for (let i = 0; i < unit.length; i++) {
      if (i > 0 && unit[i] === unit[i - 1]) counts[counts.length - 1]! += 1;
      else {
        valueIndex.push(indexOf(distinct, unit[i]!));
        counts.push(1);
      }
    }
    sizes[u] = unit.length;
    offsets[u + 1] = valueIndex.length;
  });
  return {
    offsets,
    sizes,
    valueIndex: Int32Array.from(valueIndex),
    counts: Float64Array.from(counts),
  };
}

/** Binary search for a value known to be in the sorted array. */
function indexOf(sorted: Float64Array, value: number): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}
