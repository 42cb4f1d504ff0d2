import { median, sampleVariance } from "simple-statistics";

/**
 * The scale-level statistics psych::alpha computes from one covariance matrix.
 *
 * @internal
 */
export interface AlphaStatistics {
  rawAlpha: number;
  stdAlpha: number;
  g6: number;
  averageR: number;
  medianR: number;
  /** var() of the correlations; null with fewer than two (R gives NA). */
  varR: number | null;
  signalNoise: number;
  /** Duhachek & Iacobucci's Q; the asymptotic standard error is sqrt(Q / n). */
  q: number;
  /** Mean of the off-diagonal covariances. */
  averageCovariance: number;
}

/**
 * Alpha and its companions from a k x k covariance matrix C, R = cov2cor(C) and smc(R), as
 * psych 2.2.9's internal `alpha.1` computes them (see docs/reliability.md):
 * raw alpha = (1 - tr C / ΣC) k/(k-1); std alpha = (1 - k/ΣR) k/(k-1);
 * G6 = 1 - (k - Σ smc(R)) / ΣR; average r = (ΣR - k) / (k(k-1)); S/N = k r̄/(1 - r̄);
 * Q = 2k²/((k-1)² (ΣC)³) · (ΣC (tr C² + (tr C)²) - 2 tr C · Σ(C²)).
 *
 * @internal
 */
export function alphaStatistics(
  covariance: Float64Array,
  correlation: Float64Array,
  smc: readonly number[],
  k: number,
): AlphaStatistics {
  let sumC = 0;
  let traceC = 0;
  let sumR = 0;
  let traceCC = 0;
  let sumCC = 0;
  const offDiagonal: number[] = [];
  for (let i = 0; i < k; i++) {
    let columnSum = 0;
    for (let j = 0; j < k; j++) {
      const c = covariance[i * k + j]!;
      sumC += c;
      columnSum += c;
      traceCC += c * c;
      sumR += correlation[i * k + j]!;
      if (j < i) offDiagonal.push(correlation[i * k + j]!);
    }
    sumCC += columnSum * columnSum;
    traceC += covariance[i * k + i]!;
  }
  const factor = k / (k - 1);
  const averageR = (sumR - k) / (k * (k - 1));
  const smcSum = smc.reduce((total, value) => total + value, 0);
  return {
    rawAlpha: (1 - traceC / sumC) * factor,
    stdAlpha: (1 - k / sumR) * factor,
    g6: 1 - (k - smcSum) / sumR,
    averageR,
    medianR: median(offDiagonal),
    varR: offDiagonal.length > 1 ? sampleVariance(offDiagonal) : null,
    signalNoise: (k * averageR) / (1 - averageR),
    q:
      ((2 * k * k) / ((k - 1) ** 2 * sumC ** 3)) *
      (sumC * (traceCC + traceC * traceC) - 2 * traceC * sumCC),
    averageCovariance: (sumC - traceC) / (k * (k - 1)),
  };
}
