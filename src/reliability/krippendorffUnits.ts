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
  const cellIndex = (unit: number, coder: number): number =>
    unitsAreRows ? unit * cols + coder : coder * cols + unit;
  const present = new Int32Array(unitCount);
  for (let u = 0; u < unitCount; u++) {
    for (let c = 0; c < coderCount; c++)
      if (!Number.isNaN(values[cellIndex(u, c)]!)) present[u]! += 1;
  }
  let pairableUnits = 0;
  let total = 0;
  for (let u = 0; u < unitCount; u++) {
    if (present[u]! >= 2) {
      pairableUnits += 1;
      total += present[u]!;
    }
  }
  // Every pairable unit's values, unit after unit, each unit's run sorted ascending.
  const flat = new Float64Array(total);
  const starts = new Int32Array(pairableUnits + 1);
  let at = 0;
  let unit = 0;
  for (let u = 0; u < unitCount; u++) {
    if (present[u]! < 2) continue;
    for (let c = 0; c < coderCount; c++) {
      const v = values[cellIndex(u, c)]!;
      if (!Number.isNaN(v)) flat[at++] = v;
    }
    flat.subarray(starts[unit]!, at).sort();
    starts[++unit] = at;
  }
  const distinct = distinctSorted(flat);
  return {
    ...runLengths(flat, starts, distinct),
    values: distinct,
    unitsDropped: unitCount - pairableUnits,
  };
}

function distinctSorted(flat: Float64Array): Float64Array {
  const all = Float64Array.from(flat).sort();
  let distinct = 0;
  for (let i = 0; i < all.length; i++)
    if (i === 0 || all[i] !== all[i - 1]) all[distinct++] = all[i]!;
  return all.slice(0, distinct);
}

/** Turns each unit's sorted run of values into (distinct value index, count) entries. */
function runLengths(
  flat: Float64Array,
  starts: Int32Array,
  distinct: Float64Array,
): Omit<CodedUnits, "values" | "unitsDropped"> {
  const units = starts.length - 1;
  const offsets = new Int32Array(units + 1);
  const sizes = new Float64Array(units);
  const valueIndex = new Int32Array(flat.length);
  const counts = new Float64Array(flat.length);
  let entries = 0;
  for (let u = 0; u < units; u++) {
    for (let i = starts[u]!; i < starts[u + 1]!; i++) {
      if (i > starts[u]! && flat[i] === flat[i - 1]) counts[entries - 1]! += 1;
      else {
        valueIndex[entries] = indexOf(distinct, flat[i]!);
        counts[entries++] = 1;
      }
    }
    sizes[u] = starts[u + 1]! - starts[u]!;
    offsets[u + 1] = entries;
  }
  return {
    offsets,
    sizes,
    valueIndex: valueIndex.slice(0, entries),
    counts: counts.slice(0, entries),
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
