/** Fixed decimals for tables; full precision (shortest round-trip form) for CSV and JSON. */
export function formatNumber(value: number, decimals: number | null): string {
  if (Number.isNaN(value)) return "";
  return decimals === null ? String(value) : value.toFixed(decimals);
}
