/**
 * The binomial coefficient choose(n, k) by the multiplicative formula, rounded to the nearest
 * integer (exact for the item counts a scale has).
 *
 * @internal
 */
export function binomial(n: number, k: number): number {
  let result = 1;
  for (let i = 1; i <= k; i++) result = (result * (n - k + i)) / i;
  return Math.round(result);
}
