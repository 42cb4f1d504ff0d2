/**
 * A seeded source of uniform numbers in [0, 1): Marsaglia's xorshift128 generator (period
 * 2^128 - 1). The seed is mixed into the first state word of the paper's example state, and
 * the first outputs are discarded so that nearby seeds diverge. Not for cryptography.
 *
 * Reference: Marsaglia, G. (2003). Xorshift RNGs. J Stat Softw 8(14), 1–6.
 * doi:10.18637/jss.v008.i14 (the `xor128` example).
 *
 * @category Math
 * @example
 * const random = seededRandom(42);
 * random() === seededRandom(42)(); // => true
 */
export function seededRandom(seed: number): () => number {
  let x = (123456789 ^ seed) >>> 0;
  let y = 362436069;
  let z = 521288629;
  let w = 88675123 ^ Math.floor(seed / 2 ** 32);
  if ((x | y | z | w) === 0) x = 1;
  const next = (): number => {
    const t = x ^ (x << 11);
    x = y;
    y = z;
    z = w;
    w = (w ^ (w >>> 19) ^ (t ^ (t >>> 8))) >>> 0;
    return w / 2 ** 32;
  };
  for (let i = 0; i < 32; i++) next();
  return next;
}
