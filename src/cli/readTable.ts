import { AllianceError } from "../errors.js";
import { UNSAFE_KEYS } from "../guards.js";
import { CsvReader, type CsvRecord } from "../interop/csvRecords.js";
import { type CliIo, decodeUtf8 } from "./io.js";

/** A whole CSV file: its header names and its records (header excluded). */
export interface CsvTable {
  header: string[];
  records: CsvRecord[];
  /** The file as named on the command line, for messages. */
  file: string;
}

/**
 * Reads a whole CSV file (or standard input for `-`), checking the header: no empty, repeated or
 * prototype-reaching names, and every record as wide as the header.
 *
 * @throws AllianceError PARSE_ERROR or UNSAFE_KEY naming the line and column
 */
export async function readTable(io: CliIo, file: string): Promise<CsvTable> {
  const reader = new CsvReader();
  const records: CsvRecord[] = [];
  for await (const text of decodeUtf8(io.open(file))) {
    for (const record of reader.push(text)) records.push(record);
  }
  for (const record of reader.end()) records.push(record);
  const [first, ...rest] = records;
  if (first === undefined)
    throw new AllianceError({
      code: "PARSE_ERROR",
      path: "line 1",
      message: "the input is empty: expected a header row",
    });
  const header = checkHeader(first);
  for (const record of rest) {
    if (record.fields.length !== header.length) {
      throw new AllianceError({
        code: "PARSE_ERROR",
        path: `line ${record.line}`,
        message: `expected ${header.length} fields like the header, got ${record.fields.length}`,
      });
    }
  }
  return { header, records: rest, file };
}

/**
 * The header's column names, trimmed, after checking that none is empty, repeated, or a name
 * that could reach an object's prototype.
 *
 * @throws AllianceError PARSE_ERROR or UNSAFE_KEY naming the line and column
 */
export function checkHeader(header: CsvRecord): string[] {
  const names = header.fields.map((name) => name.trim());
  const seen = new Set<string>();
  names.forEach((name, index) => {
    const where = `line ${header.line}, column ${index + 1}`;
    if (UNSAFE_KEYS.has(name))
      throw new AllianceError({
        code: "UNSAFE_KEY",
        path: where,
        message: `the column name ${JSON.stringify(name)} is not allowed`,
      });
    if (name === "")
      throw new AllianceError({
        code: "PARSE_ERROR",
        path: where,
        message: "a column has no name",
      });
    if (seen.has(name))
      throw new AllianceError({
        code: "PARSE_ERROR",
        path: where,
        message: `the column ${JSON.stringify(name)} appears twice in the header`,
      });
    seen.add(name);
  });
  return names;
}

/** A CSV cell as a number: NaN for an empty cell or NA (missing), null when it is not a number. */
export function parseNumberCell(cell: string): number | null {
  const text = cell.trim();
  if (text === "" || text === "NA") return Number.NaN;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) return null;
  return Number(text);
}

/** The index of each named column, or a PARSE_ERROR naming the columns the header lacks. */
export function columnIndices(table: CsvTable, names: readonly string[]): number[] {
  const absent = names.filter((name) => !table.header.includes(name));
  if (absent.length > 0) {
    throw new AllianceError({
      code: "PARSE_ERROR",
      path: "line 1",
      message: `the header has no column ${absent.map((name) => JSON.stringify(name)).join(", ")}; it has ${table.header.join(", ")}`,
    });
  }
  return names.map((name) => table.header.indexOf(name));
}

/**
 * A cell as a number: NaN for an empty cell or NA (missing); a PARSE_ERROR naming the line and
 * column for anything else that is not a number.
 */
export function numericCell(table: CsvTable, record: CsvRecord, column: number): number {
  const value = parseNumberCell(record.fields[column]!);
  if (value !== null) return value;
  throw new AllianceError({
    code: "NOT_A_NUMBER",
    path: `${table.file === "-" ? "stdin" : table.file}:${record.line}, column ${column + 1} (${table.header[column]})`,
    message: `expected a number, or an empty cell or NA for missing, got ${JSON.stringify(record.fields[column]!.trim().slice(0, 40))}`,
  });
}
