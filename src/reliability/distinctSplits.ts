import { binomial } from "./binomial.js";

/**
 * Number of distinct splits of k items into ⌊k/2⌋ and ⌈k/2⌉ items: choose(k, ⌊k/2⌋), halved
 * for even k (where each split would otherwise be counted from both halves).
 *
 * @internal
 */
export function distinctSplits(k: number): number {
  const combinations = binomial(k, Math.floor(k / 2));
  return k % 2 === 0 ? combinations / 2 : combinations;
}
