/**
 * Sample quantile by linear interpolation between order statistics, Hyndman & Fan's
 * type 7 (R's default `quantile(x, p)`): h = (n - 1) p, Q = x_(⌊h⌋) + (h - ⌊h⌋)(x_(⌊h⌋+1) - x_(⌊h⌋)),
 * with x sorted ascending and zero-based order statistics.
 *
 * Reference: Hyndman & Fan (1996), The American Statistician 50, 361–365,
 * doi:10.1080/00031305.1996.10473566.
 *
 * @category Math
 * @example
 * quantileType7([1, 2, 3, 4], 0.5); // => 2.5
 */
export function quantileType7(sorted: readonly number[], probability: number): number {
  const h = (sorted.length - 1) * probability;
  const below = Math.floor(h);
  const lower = sorted[below]!;
  const upper = sorted[Math.min(below + 1, sorted.length - 1)]!;
  return lower + (h - below) * (upper - lower);
}
