import { textTable } from "../cli/textTable.js";
import { AllianceError, describeValue } from "../errors.js";
import { isRecord, optionsRecord } from "../guards.js";
import { escapeHtml } from "./escapeHtml.js";
import { JUPYTER_DISPLAY, type JupyterBundle } from "./jupyterDisplay.js";
import { resultRows } from "./resultRows.js";

/** Options of {@link notebookTable}. */
export interface NotebookTableOptions {
  /** A caption above the table. */
  caption?: string;
  /** Decimals of numbers that are not integers. Default 3. */
  digits?: number;
}

/** A table that Jupyter shows as HTML and a terminal as aligned text. */
export interface NotebookTable {
  readonly caption: string;
  /** Column names: the union of the rows' keys, in order of first appearance. */
  readonly columns: readonly string[];
  /** Each row's cells as text (numbers rounded to `digits`). */
  readonly cells: readonly (readonly string[])[];
  /** The Deno Jupyter kernel calls this to display the table (`text/html` and `text/plain`). */
  [JUPYTER_DISPLAY](): JupyterBundle;
  /** The table as aligned plain text. */
  toString(): string;
}

/**
 * Wraps rows of plain objects (or one result object, flattened by {@link resultRows} into
 * `field`/`value` rows) as a table that the Deno Jupyter kernel displays as HTML: a cell's
 * last expression that has a `Symbol.for("Jupyter.display")` method is rendered from the MIME
 * bundle it returns. Outside a notebook, `String(table)` is the same table as aligned text.
 * Numbers that are not integers are rounded to `digits` decimals, `null` is `NA`, and `NaN` or
 * `Infinity` is printed as such, never hidden.
 *
 * @category Notebook
 * @throws AllianceError INVALID_INPUT when `rows` is neither an array of objects nor an object
 * @throws AllianceError INVALID_OPTION when `caption` is not a string or `digits` not an integer from 0 to 10
 * @example
 * String(notebookTable([{ scale: "bond", alpha: 0.8764 }]));
 * // => "scale  alpha\nbond   0.876\n"
 */
export function notebookTable(rows: unknown, options?: NotebookTableOptions): NotebookTable {
  const { caption, digits } = readOptions(optionsRecord(options));
  const records = tableRecords(rows);
  const columns = [...new Set(records.flatMap((record) => Object.keys(record)))];
  const cells = records.map((record) => columns.map((column) => cellText(record[column], digits)));
  const plain = `${caption === "" ? "" : `${caption}\n`}${textTable(columns, cells)}`;
  return Object.freeze({
    caption,
    columns: Object.freeze(columns),
    cells: Object.freeze(cells.map((row) => Object.freeze(row))),
    [JUPYTER_DISPLAY]: () => ({ "text/html": html(caption, columns, cells), "text/plain": plain }),
    toString: () => plain,
  });
}

function readOptions(options: NotebookTableOptions): Required<NotebookTableOptions> {
  const caption = options.caption ?? "";
  if (typeof caption !== "string") {
    throw new AllianceError({
      code: "INVALID_OPTION",
      path: "options.caption",
      message: `expected a string, got ${describeValue(caption)}`,
    });
  }
  const digits = options.digits ?? 3;
  if (!Number.isInteger(digits) || digits < 0 || digits > 10) {
    throw new AllianceError({
      code: "INVALID_OPTION",
      path: "options.digits",
      message: `expected an integer from 0 to 10, got ${describeValue(digits)}`,
    });
  }
  return { caption, digits };
}

/** The rows as records: an array of objects as it is, one object flattened to field/value rows. */
function tableRecords(rows: unknown): readonly Readonly<Record<string, unknown>>[] {
  if (!Array.isArray(rows)) {
    if (isRecord(rows)) return resultRows(rows).map((row) => ({ ...row }));
    throw new AllianceError({
      code: "INVALID_INPUT",
      path: "rows",
      message: `expected an array of row objects or a result object, got ${describeValue(rows)}`,
    });
  }
  for (let index = 0; index < rows.length; index += 1) {
    if (!isRecord(rows[index])) {
      throw new AllianceError({
        code: "INVALID_INPUT",
        path: `rows[${index}]`,
        message: `expected a row object, got ${describeValue(rows[index])}`,
      });
    }
  }
  return rows as readonly Readonly<Record<string, unknown>>[];
}

function cellText(value: unknown, digits: number): string {
  if (value === null || value === undefined) return value === null ? "NA" : "";
  if (typeof value === "number") {
    return Number.isInteger(value) || !Number.isFinite(value)
      ? String(value)
      : value.toFixed(digits);
  }
  if (typeof value === "string") return value;
  if (typeof value === "object") {
    return resultRows(value)
      .map(({ field, value: entry }) => `${field}: ${cellText(entry, digits)}`)
      .join(", ");
  }
  return String(value);
}

function html(
  caption: string,
  columns: readonly string[],
  cells: readonly (readonly string[])[],
): string {
  const head = columns.map((column) => `<th>${escapeHtml(column)}</th>`).join("");
  const body = cells
    .map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(cell)}</td>`).join("")}</tr>`)
    .join("");
  const title = caption === "" ? "" : `<caption>${escapeHtml(caption)}</caption>`;
  return `<table>${title}<thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}
