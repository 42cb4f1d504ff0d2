import { AllianceError, describeValue } from "../errors.js";
import { assertSafeKey, isRecord } from "../guards.js";
import type { SessionPoint } from "./types.js";

/**
 * Column names {@link groupSeries} reads from each long-format row.
 *
 * @category Ruptures
 */
export interface GroupSeriesColumns {
  /** Client id column (string or number values). */
  id: string;
  /** Session number column. */
  session: string;
  /** Score column (number, or null/absent when missing). */
  score: string;
  /** Optional pre-session score column. */
  preScore?: string;
  /** Optional date column (ISO 8601 strings). */
  date?: string;
}

/**
 * One client's series as produced by {@link groupSeries}.
 *
 * @category Ruptures
 */
export interface ClientSeries {
  /** Client id, as a string. */
  id: string;
  /** The client's sessions in increasing order. */
  series: SessionPoint[];
}

function readId(value: unknown, path: string): string {
  if (typeof value === "string" && value !== "") return value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  throw new AllianceError({
    code: "INVALID_INPUT",
    path,
    message: `expected a client id (non-empty string or number), got ${describeValue(value)}`,
  });
}

function readNumber(value: unknown, path: string, optional: boolean): number | null {
  if (optional && (value === null || value === undefined)) return null;
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new AllianceError({
      code: "NOT_A_NUMBER",
      path,
      message: `expected a finite number${optional ? " or null" : ""}, got ${describeValue(value)}`,
    });
  }
  return value;
}

function readPoint(
  row: Readonly<Record<string, unknown>>,
  index: number,
  columns: GroupSeriesColumns,
): SessionPoint {
  const path = (column: string): string => `rows[${index}][${JSON.stringify(column)}]`;
  const point: SessionPoint = {
    session: readNumber(row[columns.session], path(columns.session), false)!,
    score: readNumber(row[columns.score], path(columns.score), true),
  };
  if (columns.preScore !== undefined)
    point.preScore = readNumber(row[columns.preScore], path(columns.preScore), true);
  if (columns.date !== undefined) {
    const date = row[columns.date];
    if (typeof date === "string") point.date = date;
    else if (date !== null && date !== undefined) {
      throw new AllianceError({
        code: "INVALID_INPUT",
        path: path(columns.date),
        message: `expected an ISO 8601 date string, got ${describeValue(date)}`,
      });
    }
  }
  return point;
}

function checkColumns(columns: unknown): GroupSeriesColumns {
  if (!isRecord(columns)) {
    throw new AllianceError({
      code: "INVALID_OPTION",
      path: "columns",
      message: `expected { id, session, score }, got ${describeValue(columns)}`,
    });
  }
  for (const name of ["id", "session", "score", "preScore", "date"] as const) {
    const key = columns[name];
    const required = name === "id" || name === "session" || name === "score";
    if (key === undefined && !required) continue;
    if (typeof key !== "string" || key === "") {
      throw new AllianceError({
        code: "INVALID_OPTION",
        path: `columns.${name}`,
        message: `expected a column name, got ${describeValue(key)}`,
      });
    }
    assertSafeKey(key, `columns.${name}`);
  }
  return columns as unknown as GroupSeriesColumns;
}

/**
 * Turns long-format rows (one row per client and session, e.g. read from a CSV) into one
 * series per client, sessions sorted in increasing order. Clients keep the order of their first
 * row. Scores are numbers or `null`/absent (missing); a duplicate session for one client throws.
 * Column names are checked with `assertSafeKey`, and clients are grouped in a `Map`, so no id
 * can reach an object prototype.
 *
 * Reference: none (data reshaping; R: `split(df, df$id)` then `order()`).
 *
 * @category Ruptures
 * @throws AllianceError INVALID_INPUT (rows not an array, a row not an object, a bad id or
 * date), NOT_A_NUMBER, INVALID_SERIES (a duplicate session for one client), INVALID_OPTION,
 * UNSAFE_KEY
 * @example
 * groupSeries(
 *   [{ client: "a", s: 2, wai: 5 }, { client: "a", s: 1, wai: 6 }, { client: "b", s: 1, wai: null }],
 *   { id: "client", session: "s", score: "wai" },
 * );
 * // => [{ id: "a", series: [{ session: 1, score: 6 }, { session: 2, score: 5 }] },
 * //     { id: "b", series: [{ session: 1, score: null }] }]
 */
export function groupSeries(
  rows: readonly Readonly<Record<string, unknown>>[],
  columns: GroupSeriesColumns,
): ClientSeries[] {
  const names = checkColumns(columns);
  if (!Array.isArray(rows)) {
    throw new AllianceError({
      code: "INVALID_INPUT",
      path: "rows",
      message: `expected an array of records, got ${describeValue(rows)}`,
    });
  }
  const byClient = new Map<string, { point: SessionPoint; index: number }[]>();
  rows.forEach((row: unknown, index) => {
    if (!isRecord(row)) {
      throw new AllianceError({
        code: "INVALID_INPUT",
        path: `rows[${index}]`,
        message: `expected a record, got ${describeValue(row)}`,
      });
    }
    const id = readId(row[names.id], `rows[${index}][${JSON.stringify(names.id)}]`);
    const entries = byClient.get(id) ?? [];
    entries.push({ point: readPoint(row, index, names), index });
    byClient.set(id, entries);
  });
  return [...byClient].map(([id, entries]) => {
    entries.sort((a, b) => a.point.session - b.point.session || a.index - b.index);
    for (let position = 1; position < entries.length; position++) {
      if (entries[position]!.point.session === entries[position - 1]!.point.session) {
        throw new AllianceError({
          code: "INVALID_SERIES",
          path: `rows[${entries[position]!.index}]`,
          message: `expected one row per client and session, got session ${entries[position]!.point.session} twice for client ${JSON.stringify(id)} (also rows[${entries[position - 1]!.index}])`,
        });
      }
    }
    return { id, series: entries.map((entry) => entry.point) };
  });
}
