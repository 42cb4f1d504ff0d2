import { seededRandom } from "../math/seededRandom.js";
import { binomial } from "./binomial.js";

/**
 * Which splits to evaluate.
 *
 * @internal
 */
export type SplitPlan =
  | { kind: "psych" }
  | { kind: "all" }
  | { kind: "random"; sampleSize: number; seed: number };

/**
 * The outcome of evaluating a set of splits.
 *
 * @internal
 */
export interface SplitSearch {
  max: number;
  min: number;
  mean: number;
  /** Splits actually evaluated. */
  evaluated: number;
  /** The smaller half (first in psych's order) of the best and the worst split. */
  best: number[];
  worst: number[];
  /** Every evaluated value, ascending. */
  sortedValues: number[];
}

/**
 * Evaluates split-halves of a keyed k x k correlation matrix r. A split into halves A and B
 * scores 4 r_AB / Σr (the Flanagan–Rulon form, Guttman's λ4 for that split), where r_AB is
 * the sum of the correlations between the halves. The smaller half has ⌊k/2⌋ items.
 *
 * - "psych": the first ⌈C/2⌉ halves in lexicographic order, C = choose(k, ⌊k/2⌋), with the
 *   mean taken over C/2, exactly as psych::splitHalf. For even k this is every distinct
 *   split once; for odd k only about half of them.
 * - "all": every distinct split once (all C halves for odd k, the C/2 containing item 1 for
 *   even k).
 * - "random": `sampleSize` halves drawn without replacement within a split, with a seeded
 *   generator (psych draws 10,000 with R's `sample` when C/2 exceeds 10,000).
 *
 * @internal
 */
export function searchSplits(r: Float64Array, k: number, plan: SplitPlan): SplitSearch {
  const half = Math.floor(k / 2);
  const rowSums = new Float64Array(k);
  let total = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) rowSums[i]! += r[i * k + j]!;
    total += rowSums[i]!;
  }
  const search = new SplitTracker();
  const evaluate = (members: readonly number[]): void => {
    let within = 0;
    let rows = 0;
    for (const i of members) {
      rows += rowSums[i]!;
      for (const j of members) within += r[i * k + j]!;
    }
    search.add((4 * (rows - within)) / total, members);
  };
  if (plan.kind === "random") {
    const random = seededRandom(plan.seed);
    for (let s = 0; s < plan.sampleSize; s++) evaluate(sampleHalf(k, half, random));
    return search.result(plan.sampleSize);
  }
  const combinations = binomial(k, half);
  const limit =
    plan.kind === "psych"
      ? Math.ceil(combinations / 2)
      : k % 2 === 0
        ? combinations / 2
        : combinations;
  const members = Array.from({ length: half }, (_, i) => i);
  for (let s = 0; s < limit; s++) {
    evaluate(members);
    nextCombination(members, k);
  }
  return search.result(plan.kind === "psych" ? combinations / 2 : limit);
}

/** Keeps the running sum, the first maximum and the first minimum, and every value. */
class SplitTracker {
  private sum = 0;
  private max = Number.NEGATIVE_INFINITY;
  private min = Number.POSITIVE_INFINITY;
  private best: number[] = [];
  private worst: number[] = [];
  private readonly values: number[] = [];

  add(value: number, members: readonly number[]): void {
    this.sum += value;
    this.values.push(value);
    if (value > this.max) {
      this.max = value;
      this.best = [...members].sort((a, b) => a - b);
    }
    if (value < this.min) {
      this.min = value;
      this.worst = [...members].sort((a, b) => a - b);
    }
  }

  result(divisor: number): SplitSearch {
    return {
      max: this.max,
      min: this.min,
      mean: this.sum / divisor,
      evaluated: this.values.length,
      best: this.best,
      worst: this.worst,
      sortedValues: [...this.values].sort((a, b) => a - b),
    };
  }
}

/** The next combination in lexicographic order (in place); the last one wraps harmlessly. */
function nextCombination(members: number[], k: number): void {
  const size = members.length;
  let i = size - 1;
  while (i >= 0 && members[i] === k - size + i) i--;
  if (i < 0) return;
  members[i]!++;
  for (let j = i + 1; j < size; j++) members[j] = members[j - 1]! + 1;
}

/** `half` distinct items out of k by a partial Fisher–Yates shuffle. */
function sampleHalf(k: number, half: number, random: () => number): number[] {
  const pool = Array.from({ length: k }, (_, i) => i);
  for (let i = 0; i < half; i++) {
    const pick = i + Math.floor(random() * (k - i));
    const chosen = pool[pick]!;
    pool[pick] = pool[i]!;
    pool[i] = chosen;
  }
  return pool.slice(0, half);
}
