import type { RandomSource } from "./randomSource.js";

/**
 * 0 … length - 1 in a random order: the Fisher–Yates shuffle (Knuth, The Art of Computer
 * Programming, vol. 2, Algorithm P).
 *
 * @internal
 */
export function shuffledIndices(length: number, random: RandomSource): number[] {
  const indices = Array.from({ length }, (_, index) => index);
  for (let i = length - 1; i > 0; i--) {
    const j = random.index(i + 1);
    [indices[i], indices[j]] = [indices[j]!, indices[i]!];
  }
  return indices;
}
