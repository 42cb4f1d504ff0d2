import fCdf from "@stdlib/stats-base-dists-f-cdf";

/**
 * Upper-tail probability P(F > f) of an F(df1, df2) variable, computed as the lower tail of
 * 1/f under F(df2, df1) so that very small p-values keep their precision (R computes
 * `-expm1(pf(f, df1, df2, log.p = TRUE))` for the same reason).
 *
 * @internal
 */
export function fUpperTail(f: number, df1: number, df2: number): number {
  if (Number.isNaN(f)) return Number.NaN;
  if (f <= 0) return 1;
  return fCdf(1 / f, df2, df1);
}
