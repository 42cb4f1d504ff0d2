import { AllianceError } from "../errors.js";
import type { CsvRecord } from "../interop/csvRecords.js";
import { type CsvTable, columnIndices } from "./readTable.js";

/**
 * Turns a long-format table (one row per response set and item: id columns, an item column
 * naming the item by number or id, a value column) into wide records: a header of the id
 * columns and the item names met, then one record per response set, in order of first
 * appearance, carrying the line of its first row. An item given twice for one response set is
 * an error naming both lines.
 *
 * @throws AllianceError PARSE_ERROR for absent columns, an empty item name or a repeated item
 */
export function longToWide(
  table: CsvTable,
  idNames: readonly string[],
  itemColumn: string,
  valueColumn: string,
): CsvRecord[] {
  const idColumns = columnIndices(table, idNames);
  const [itemIndex, valueIndex] = columnIndices(table, [itemColumn, valueColumn]) as [
    number,
    number,
  ];
  const items: string[] = [];
  const sets = new Map<
    string,
    { ids: string[]; line: number; values: Map<string, { value: string; line: number }> }
  >();
  for (const record of table.records) {
    const ids = idColumns.map((column) => record.fields[column]!);
    const key = JSON.stringify(ids);
    const item = record.fields[itemIndex]!.trim();
    if (item === "")
      throw new AllianceError({
        code: "PARSE_ERROR",
        path: `line ${record.line}`,
        message: `the ${itemColumn} column is empty`,
      });
    const set = sets.get(key) ?? { ids, line: record.line, values: new Map() };
    sets.set(key, set);
    const earlier = set.values.get(item);
    if (earlier !== undefined) {
      throw new AllianceError({
        code: "PARSE_ERROR",
        path: `line ${record.line}`,
        message: `item ${item} of ${ids.join(" ")} is given twice (lines ${earlier.line} and ${record.line})`,
      });
    }
    if (!items.includes(item)) items.push(item);
    set.values.set(item, { value: record.fields[valueIndex]!, line: record.line });
  }
  const header: CsvRecord = { fields: [...idNames, ...items], line: 1 };
  const rows = [...sets.values()].map((set) => ({
    fields: [...set.ids, ...items.map((item) => set.values.get(item)?.value ?? "")],
    line: set.line,
  }));
  return [header, ...rows];
}
