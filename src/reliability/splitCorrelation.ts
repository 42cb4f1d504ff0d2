import type { AllianceWarning } from "../errors.js";
import { negativeFirstComponentItems } from "./firstComponentSigns.js";
import type { PreparedItems } from "./prepareItems.js";

/**
 * The correlation matrix splitHalf works on, with psych's automatic reversal applied.
 *
 * @internal
 */
export interface SplitCorrelation {
  /** Keyed cov2cor(pairwise covariance), k x k. */
  r: Float64Array;
  /** Final key of each item (given keys, or those found by checkKeys). */
  keys: number[];
  /** Names of the items reversed automatically. */
  reversed: string[];
  warnings: AllianceWarning[];
}

/**
 * psych::splitHalf reverses items automatically when no key is given (`check.keys = TRUE`):
 * items with a negative loading on the first principal component of r are reversed, with a
 * warning. Given keys are used as they are.
 *
 * @internal
 */
export function splitCorrelation(items: PreparedItems, checkKeys: boolean): SplitCorrelation {
  const k = items.columns.length;
  if (items.keysGiven || !checkKeys) {
    return { r: items.correlation, keys: items.keys, reversed: [], warnings: [] };
  }
  const negative = new Set(negativeFirstComponentItems(items.correlation, k));
  if (negative.size === 0) {
    return { r: items.correlation, keys: items.keys, reversed: [], warnings: [] };
  }
  const keys = items.keys.map((key, i) => (negative.has(i) ? -key : key));
  const r = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) r[i * k + j] = keys[i]! * keys[j]! * items.correlation[i * k + j]!;
  }
  const reversed = [...negative].map((i) => items.names[i]!);
  return {
    r,
    keys,
    reversed,
    warnings: [
      {
        code: "ITEMS_REVERSED",
        path: "reversed",
        message: `items ${reversed.join(", ")} correlated negatively with the first principal component and were reversed (psych::splitHalf check.keys); pass options.keys to choose yourself`,
      },
    ],
  };
}
