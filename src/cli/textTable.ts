/**
 * Formats rows as an aligned text table: the first `leftColumns` columns padded on the right
 * (labels), the others on the left (numbers), two spaces apart.
 */
export function textTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  leftColumns = 1,
): string {
  const widths = headers.map((header, index) =>
    Math.max(header.length, ...rows.map((row) => (row[index] ?? "").length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, index) =>
        index < leftColumns ? cell.padEnd(widths[index]!) : cell.padStart(widths[index]!),
      )
      .join("  ")
      .trimEnd();
  return `${[headers, ...rows].map(line).join("\n")}\n`;
}

/** A number for a table: fixed decimals, or "NA" when absent. */
export function cell(value: number | null | undefined, decimals = 3): string {
  return value === null || value === undefined || Number.isNaN(value)
    ? "NA"
    : value.toFixed(decimals);
}
