import { parseArgs } from "node:util";
import { AllianceError } from "../errors.js";
import type { Instrument } from "../instruments/model.js";
import { getInstrument } from "../instruments/registry.js";
import { CsvReader, type CsvRecord } from "../interop/csvRecords.js";
import { scoreTable } from "../scoring/scoreTable.js";
import { type CliIo, decodeUtf8 } from "./io.js";
import { longToWide } from "./longToWide.js";
import { checkHeader, parseNumberCell, readTable } from "./readTable.js";
import { createRowWriter, type OutputFormat, parseFormat, type RowWriter } from "./rowWriter.js";
import { UsageError } from "./usageError.js";

export const SCORE_HELP = `Usage: alliance score --instrument ID [options] [FILE|-]

Scores a CSV of responses. Wide input (the default) has one response set per row and a header
naming the items by number (1, 2, …) or by id (waisr_1, …); a column named "id", or each
column given with --id, is carried through. Long input (--long) has one row per response set
and item; it is read whole, not streamed. An empty cell or NA is a missing answer. Reads
standard input when FILE is - or absent.

Options:
  -i, --instrument ID             instrument id (see: alliance instruments)
  -f, --format table|csv|json     output format (default: table on a terminal, json otherwise)
      --id COLUMN                 a column to carry through (repeatable)
      --long                      long input: one row per response set and item, with the
                                  --id columns (default id), an item column and a value column
      --item-column NAME          long input: the column naming the item (default item)
      --value-column NAME         long input: the column holding the answer (default value)
      --skip-invalid              skip rows that cannot be scored (counted on stderr), exit 0
      --max-missing-per-subscale N  be stricter than the instrument's missing-item rule
      --max-missing-total N
  -h, --help                      this help

Exit codes: 0 scored; 1 a row could not be scored (or the file is malformed); 2 usage error.

Examples:
  alliance score --instrument wai-sr examples/data/wai-sr-simulated.csv
  alliance score -i wai-sr --id client --id session --format csv responses.csv > scores.csv
  cat responses.csv | alliance score -i wai-c --format json -
  alliance score -i wai-sr --long --id client --id session --item-column item --value-column answer long.csv`;

const BATCH_ROWS = 8192;

/** Inputs longer than this show a progress line when standard error is a terminal. */
const PROGRESS_FROM_ROWS = 100_000;

/** Runs `alliance score`; returns the exit code. */
export async function scoreCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      instrument: { type: "string", short: "i" },
      format: { type: "string", short: "f" },
      id: { type: "string", multiple: true },
      "skip-invalid": { type: "boolean" },
      long: { type: "boolean" },
      "item-column": { type: "string", default: "item" },
      "value-column": { type: "string", default: "value" },
      "max-missing-per-subscale": { type: "string" },
      "max-missing-total": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    await io.stdout(`${SCORE_HELP}\n`);
    return 0;
  }
  if (values.instrument === undefined)
    throw new UsageError("score needs --instrument ID (see: alliance instruments)");
  if (positionals.length > 1)
    throw new UsageError(
      `score reads one file, got ${positionals.length}: ${positionals.join(" ")}`,
    );
  const instrument = getInstrument(values.instrument);
  const format = parseFormat(values.format, io.stdoutIsTTY);
  const options = {
    onError: "collect" as const,
    maxMissingPerSubscale: wholeNumber(
      values["max-missing-per-subscale"],
      "--max-missing-per-subscale",
    ),
    maxMissingTotal: wholeNumber(values["max-missing-total"], "--max-missing-total"),
  };
  const file = positionals[0] ?? "-";
  const run = new ScoreRun(instrument, format, values.id ?? [], io, options, file);
  if (values.long === true) {
    const ids = values.id ?? ["id"];
    await run.records(
      longToWide(await readTable(io, file), ids, values["item-column"], values["value-column"]),
    );
    return run.finish(values["skip-invalid"] === true);
  }
  const reader = new CsvReader();
  for await (const text of decodeUtf8(io.open(file))) await run.records(reader.push(text));
  await run.records(reader.end());
  return run.finish(values["skip-invalid"] === true);
}

function wholeNumber(text: string | undefined, flag: string): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text))
    throw new UsageError(`${flag} takes a whole number, got ${JSON.stringify(text)}`);
  return Number(text);
}

/** The column layout read from the header: which CSV column holds each item, and the id columns. */
interface Layout {
  /** CSV column of item i (0-based item index). */
  itemColumns: Int32Array;
  /** CSV columns carried through, with their names. */
  idColumns: { column: number; name: string }[];
  width: number;
}

/** One `alliance score` run: reads records, scores them in batches, writes rows as they come. */
class ScoreRun {
  private layout: Layout | null = null;
  private writer: RowWriter | null = null;
  private readonly values: Float64Array;
  private ids: string[][] = [];
  private lines: number[] = [];
  private pending: { line: number; message: string }[] = [];
  private scored = 0;
  private prorated = 0;
  private invalid = 0;
  private progressShown = false;

  constructor(
    private readonly instrument: Instrument,
    private readonly format: OutputFormat,
    private readonly idNames: string[],
    private readonly io: CliIo,
    private readonly options: {
      onError: "collect";
      maxMissingPerSubscale: number | undefined;
      maxMissingTotal: number | undefined;
    },
    private readonly file: string,
  ) {
    this.values = new Float64Array(BATCH_ROWS * instrument.items.length);
  }

  async records(records: CsvRecord[]): Promise<void> {
    for (const record of records) {
      if (this.layout === null) {
        this.layout = readHeader(this.instrument, record, this.idNames);
        continue;
      }
      this.addRow(this.layout, record);
      if (this.lines.length === BATCH_ROWS) await this.flush();
    }
  }

  async finish(skipInvalid: boolean): Promise<number> {
    if (this.layout === null)
      throw new AllianceError({
        code: "PARSE_ERROR",
        path: "line 1",
        message: "the input is empty: expected a header naming the items",
      });
    await this.flush();
    await this.writerFor(this.layout).end();
    if (this.progressShown) this.io.stderr("\n");
    const source = this.file === "-" ? "standard input" : this.file;
    this.io.stderr(
      `${this.instrument.id}: scored ${this.scored} response sets from ${source} (${this.prorated} prorated, ${this.invalid} not scored); key ${this.instrument.keySource.status}\n`,
    );
    if (this.instrument.keySource.status !== "confirmed-primary") {
      this.io.stderr(
        `note: the ${this.instrument.id} key is ${this.instrument.keySource.status}, not confirmed at a primary source (alliance instruments ${this.instrument.id})\n`,
      );
    }
    if (this.invalid > 0 && skipInvalid)
      this.io.stderr(`${this.invalid} invalid rows skipped (--skip-invalid)\n`);
    return this.invalid > 0 && !skipInvalid ? 1 : 0;
  }

  private addRow(layout: Layout, record: CsvRecord): void {
    const row = this.lines.length;
    const items = this.instrument.items.length;
    this.lines.push(record.line);
    this.ids.push(layout.idColumns.map(({ column }) => record.fields[column] ?? ""));
    if (record.fields.length !== layout.width) {
      this.values.fill(Number.NaN, row * items, (row + 1) * items);
      this.pending.push({
        line: record.line,
        message: `expected ${layout.width} fields like the header, got ${record.fields.length}`,
      });
      return;
    }
    for (let i = 0; i < items; i++) {
      const column = layout.itemColumns[i]!;
      const value = parseNumberCell(record.fields[column]!);
      if (value === null) {
        this.pending.push({
          line: record.line,
          message: `column ${column + 1} (item ${i + 1}): expected a number, or an empty cell or NA for a missing answer, got ${JSON.stringify(record.fields[column]!.slice(0, 40))}`,
        });
        this.values.fill(Number.NaN, row * items, (row + 1) * items);
        return;
      }
      this.values[row * items + i] = value;
    }
  }

  private async flush(): Promise<void> {
    const rows = this.lines.length;
    if (rows === 0 || this.layout === null) return;
    const items = this.instrument.items.length;
    const table = scoreTable(
      this.instrument,
      { values: this.values.subarray(0, rows * items), rows, cols: items },
      this.options,
    );
    const problems = new Map<number, string>();
    for (const problem of this.pending) problems.set(problem.line, problem.message);
    for (const error of table.errors) {
      const line = this.lines[error.row]!;
      if (!problems.has(line))
        problems.set(line, describeRowError(error.path, error.message, this.layout));
    }
    const writer = this.writerFor(this.layout);
    for (let r = 0; r < rows; r++) {
      const line = this.lines[r]!;
      const problem = problems.get(line);
      if (problem !== undefined) {
        this.invalid++;
        this.io.stderr(`${this.file === "-" ? "stdin" : this.file}:${line}: ${problem}\n`);
        continue;
      }
      this.scored++;
      this.prorated += table.prorated[r]!;
      await writer.row(this.ids[r]!, table, r);
    }
    this.lines = [];
    this.ids = [];
    this.pending = [];
    this.showProgress();
  }

  /** On a terminal, past 100,000 rows, one self-overwriting progress line on standard error. */
  private showProgress(): void {
    const rows = this.scored + this.invalid;
    if (!this.io.stderrIsTTY || rows < PROGRESS_FROM_ROWS) return;
    this.io.stderr(`\r${rows.toLocaleString("en-US")} rows read…`);
    this.progressShown = true;
  }

  private writerFor(layout: Layout): RowWriter {
    this.writer ??= createRowWriter(
      this.instrument,
      this.format,
      layout.idColumns.map(({ name }) => name),
      this.io,
    );
    return this.writer;
  }
}

/** "rows[3][7]: expected …" becomes "column 9 (item 8): expected …". */
function describeRowError(path: string, message: string, layout: Layout): string {
  const match = /^rows\[\d+\]\[(\d+)\]$/.exec(path);
  if (match === null) return message;
  const item = Number(match[1]);
  return `column ${layout.itemColumns[item]! + 1} (item ${item + 1}): ${message}`;
}

/** Maps header cells to items and id columns, rejecting unknown, duplicate and unsafe names. */
function readHeader(instrument: Instrument, header: CsvRecord, idNames: string[]): Layout {
  const itemColumns = new Int32Array(instrument.items.length).fill(-1);
  const idColumns: { column: number; name: string }[] = [];
  const wantedIds =
    idNames.length > 0
      ? idNames
      : header.fields.map((name) => name.trim()).filter((name) => name === "id");
  checkHeader(header).forEach((name, column) => {
    const where = `line ${header.line}, column ${column + 1}`;
    if (wantedIds.includes(name)) {
      idColumns.push({ column, name });
      return;
    }
    const item = instrument.items.find(
      (candidate) => String(candidate.number) === name || candidate.id === name,
    );
    if (item === undefined) {
      throw new AllianceError({
        code: "UNKNOWN_ITEM",
        path: where,
        message: `unknown column ${JSON.stringify(name)}: expected item numbers 1 to ${instrument.items.length}, item ids such as ${instrument.items[0]!.id}, or a column named with --id`,
      });
    }
    itemColumns[item.number - 1] = column;
  });
  const absentIds = wantedIds.filter(
    (name) => !idColumns.some((idColumn) => idColumn.name === name),
  );
  if (absentIds.length > 0)
    throw new UsageError(`--id names columns the header does not have: ${absentIds.join(", ")}`);
  const absentItems = instrument.items
    .filter((item) => itemColumns[item.number - 1] === -1)
    .map((item) => item.number);
  if (absentItems.length > 0) {
    throw new AllianceError({
      code: "WRONG_LENGTH",
      path: `line ${header.line}`,
      message: `the header has no column for item${absentItems.length > 1 ? "s" : ""} ${absentItems.join(", ")} of ${instrument.id}`,
    });
  }
  return { itemColumns, idColumns, width: header.fields.length };
}
