import type { Instrument } from "../instruments/model.js";
import { csvField } from "../interop/csvRecords.js";
import type { ScoreTableResult } from "../scoring/scoreTable.js";
import { formatNumber } from "./formatNumber.js";
import type { CliIo } from "./io.js";
import { UsageError } from "./usageError.js";

/** The CLI's output formats. */
export type OutputFormat = "table" | "csv" | "json";

/** `--format`, defaulting to a table on a terminal and JSON otherwise. */
export function parseFormat(format: string | undefined, stdoutIsTTY: boolean): OutputFormat {
  if (format === undefined) return stdoutIsTTY ? "table" : "json";
  if (format === "table" || format === "csv" || format === "json") return format;
  throw new UsageError(`--format takes table, csv or json, got ${JSON.stringify(format)}`);
}

/** Writes scored rows one at a time, in one format, streaming. */
export interface RowWriter {
  row(ids: string[], table: ScoreTableResult, r: number): Promise<void>;
  end(): Promise<void>;
}

/** A writer for `alliance score` output. */
export function createRowWriter(
  instrument: Instrument,
  format: OutputFormat,
  idNames: string[],
  io: CliIo,
): RowWriter {
  const scoreIds = ["total", ...instrument.subscales.map((subscale) => subscale.id)];
  if (format === "csv") return csvWriter(scoreIds, idNames, io);
  if (format === "json") return jsonWriter(scoreIds, idNames, io);
  return tableWriter(instrument, scoreIds, idNames, io);
}

/** Characters gathered before one write to standard output: one write per row is slow. */
const OUTPUT_CHUNK = 1 << 16;

/** Buffers small writes into chunks of about 64 KiB, so memory stays bounded. */
function chunkedOutput(io: CliIo): { write(text: string): Promise<void>; flush(): Promise<void> } {
  let pending: string[] = [];
  let size = 0;
  const flush = async () => {
    if (pending.length === 0) return;
    const text = pending.join("");
    pending = [];
    size = 0;
    await io.stdout(text);
  };
  return {
    async write(text) {
      pending.push(text);
      size += text.length;
      if (size >= OUTPUT_CHUNK) await flush();
    },
    flush,
  };
}

function csvWriter(scoreIds: string[], idNames: string[], io: CliIo): RowWriter {
  const output = chunkedOutput(io);
  let started = false;
  const header = [
    ...idNames,
    ...scoreIds.flatMap((id) => [`${id}_sum`, `${id}_mean`]),
    "answered",
    "missing",
    "prorated",
  ];
  const start = async () => {
    if (!started) await output.write(`${header.map(csvField).join(",")}\n`);
    started = true;
  };
  return {
    async row(ids, table, r) {
      await start();
      const scores = scoreIds.flatMap((id) => [
        formatNumber(table.scores[id]!.sum[r]!, null),
        formatNumber(table.scores[id]!.mean[r]!, null),
      ]);
      await output.write(
        `${[...ids.map(csvField), ...scores, table.answered[r], table.missing[r], table.prorated[r] === 1].join(",")}\n`,
      );
    },
    async end() {
      await start();
      await output.flush();
    },
  };
}

function jsonWriter(scoreIds: string[], idNames: string[], io: CliIo): RowWriter {
  const output = chunkedOutput(io);
  let count = 0;
  return {
    async row(ids, table, r) {
      // No prototype: id column names come from the CSV header (already refused when unsafe).
      const record: Record<string, unknown> = Object.create(null);
      idNames.forEach((name, index) => {
        record[name] = ids[index];
      });
      for (const id of scoreIds)
        record[id] = { sum: table.scores[id]!.sum[r], mean: table.scores[id]!.mean[r] };
      record.answered = table.answered[r];
      record.missing = table.missing[r];
      record.prorated = table.prorated[r] === 1;
      await output.write(`${count === 0 ? "[\n" : ",\n"}  ${JSON.stringify(record)}`);
      count++;
    },
    async end() {
      await output.write(count === 0 ? "[]\n" : "\n]\n");
      await output.flush();
    },
  };
}

/** Rows buffered before the table's column widths are fixed. */
const TABLE_SAMPLE_ROWS = 200;

function tableWriter(
  instrument: Instrument,
  scoreIds: string[],
  idNames: string[],
  io: CliIo,
): RowWriter {
  const headers = [...idNames, ...scoreIds, "mean", "missing", "prorated"];
  const numberWidth = formatNumber(instrument.scale.max * instrument.items.length, 2).length;
  let buffered: string[][] = [];
  let widths: number[] | null = null;
  const line = (cells: string[], columnWidths: number[]) =>
    `${cells.map((cell, index) => (index < idNames.length ? cell.padEnd(columnWidths[index]!) : cell.padStart(columnWidths[index]!))).join("  ")}\n`;
  const fixWidths = async () => {
    widths = headers.map((header, index) =>
      Math.max(
        header.length,
        index < idNames.length
          ? Math.max(0, ...buffered.map((cells) => cells[index]!.length))
          : numberWidth,
      ),
    );
    await io.stdout(line(headers, widths));
    for (const cells of buffered) await io.stdout(line(cells, widths));
    buffered = [];
  };
  return {
    async row(ids, table, r) {
      const cells = [
        ...ids,
        ...scoreIds.map((id) => formatNumber(table.scores[id]!.sum[r]!, 2)),
        formatNumber(table.scores.total!.mean[r]!, 2),
        String(table.missing[r]),
        table.prorated[r] === 1 ? "yes" : "",
      ];
      if (widths !== null) return io.stdout(line(cells, widths));
      buffered.push(cells);
      if (buffered.length === TABLE_SAMPLE_ROWS) await fixWidths();
    },
    async end() {
      if (widths === null) await fixWidths();
    },
  };
}
