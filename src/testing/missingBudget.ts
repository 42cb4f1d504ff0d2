import type { Instrument } from "../instruments/model.js";

/**
 * Keeps count of the answers left missing so far and says whether one more, at item index
 * `index` (0-based), keeps the total and every subscale holding that item within the
 * instrument's missing-data rule. When it does, it is counted.
 *
 * @internal
 */
export function missingBudget(instrument: Instrument): (index: number) => boolean {
  const { maxMissingTotal, maxMissingPerSubscale } = instrument.missing;
  const missingPerSubscale = instrument.subscales.map(() => 0);
  let missingTotal = 0;
  return (index) => {
    if (missingTotal >= maxMissingTotal) return false;
    const holding = instrument.subscales
      .map((subscale, s) => (subscale.items.includes(index + 1) ? s : -1))
      .filter((s) => s >= 0);
    if (holding.some((s) => missingPerSubscale[s]! >= maxMissingPerSubscale)) return false;
    missingTotal++;
    for (const s of holding) missingPerSubscale[s] = missingPerSubscale[s]! + 1;
    return true;
  };
}
