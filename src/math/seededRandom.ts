/**
 * A seeded pseudo-random generator of uniform numbers in [0, 1): Marsaglia's 32-bit
 * xorshift (shifts 13, 17, 5). The same seed always gives the same sequence, on every
 * runtime. It is for reproducible sampling (random split-halves), not for cryptography.
 *
 * Reference: Marsaglia (2003), Xorshift RNGs, Journal of Statistical Software 8(14),
 * doi:10.18637/jss.v008.i14. Seeding (the seed's low 32 bits, 0 replaced by a fixed odd
 * constant because xorshift cannot leave the all-zero state) is a library choice.
 *
 * @category Math
 * @example
 * const random = seededRandom(42);
 * random() === seededRandom(42)(); // => true
 */
export function seededRandom(seed: number): () => number {
  let state = Math.trunc(seed) >>> 0;
  if (state === 0) state = 0x9e3779b9;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 4294967296;
  };
}
