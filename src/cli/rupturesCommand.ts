import { parseArgs } from "node:util";
import { getInstrument } from "../instruments/registry.js";
import { csvField } from "../interop/csvRecords.js";
import { detectRuptures } from "../ruptures/detectRuptures.js";
import { groupSeries } from "../ruptures/groupSeries.js";
import { plotSeries } from "../ruptures/plotSeries.js";
import { summarizeRuptures } from "../ruptures/summarizeRuptures.js";
import type { RuptureEvent, RuptureResult, SessionSeries } from "../ruptures/types.js";
import type { CliIo } from "./io.js";
import { columnIndices, numericCell, readTable } from "./readTable.js";
import { parseFormat } from "./rowWriter.js";
import { cell, textTable } from "./textTable.js";
import { UsageError } from "./usageError.js";

export const RUPTURES_HELP = `Usage: alliance ruptures --method METHOD [options] [FILE|-]

Finds ruptures in session-by-session scores. The CSV is long format: one row per client and
session, with a client id, a session number and a score (empty or NA = missing).

Methods (--method):
  v-shape        a dip of k SDs below the client's reference, and whether it is repaired
                 (Stiles et al. 2004; Strauss et al. 2006; Gumz et al. 2012)
  sudden-change  Tang & DeRubeis (1999) sudden losses (or gains), as R suddengains
  reliable-drop  session-to-session drops beyond the reliable change index (Jacobson & Truax 1991)

Options:
  -m, --method METHOD        the method (default v-shape)
      --id COLUMN            client id column (default id)
      --session COLUMN       session column (default session)
      --score COLUMN         score column (default score)
  -i, --instrument ID        check scores against this instrument's total range
      --k N                  v-shape: threshold in SDs (default 2)
      --direction loss|gain  sudden-change: default loss
      --cutoff N             sudden-change: criterion 1 cut-off in score points (required)
      --sd N --reliability R reliable-drop: the SD and reliability for the reliable change index
      --plot DIR             write one SVG plot per client into DIR
  -f, --format table|csv|json  output (default: table on a terminal, json otherwise)
  -h, --help                 this help

Examples:
  alliance ruptures --method v-shape --k 1 --id client --session session --score total scores.csv
  alliance ruptures -m sudden-change --cutoff 7 --plot plots/ scores.csv
  alliance ruptures -m reliable-drop --sd 6.5 --reliability 0.9 --format csv scores.csv`;

const METHODS = ["v-shape", "sudden-change", "reliable-drop"] as const;
type Method = (typeof METHODS)[number];

/** Runs `alliance ruptures`; returns the exit code. */
export async function rupturesCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      method: { type: "string", short: "m", default: "v-shape" },
      id: { type: "string", default: "id" },
      session: { type: "string", default: "session" },
      score: { type: "string", default: "score" },
      instrument: { type: "string", short: "i" },
      k: { type: "string" },
      direction: { type: "string" },
      cutoff: { type: "string" },
      sd: { type: "string" },
      reliability: { type: "string" },
      plot: { type: "string" },
      format: { type: "string", short: "f" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    await io.stdout(`${RUPTURES_HELP}\n`);
    return 0;
  }
  const method = METHODS.find((candidate) => candidate === values.method);
  if (method === undefined)
    throw new UsageError(
      `--method takes ${METHODS.join(", ")}, got ${JSON.stringify(values.method)}`,
    );
  if (positionals.length > 1)
    throw new UsageError(`ruptures reads one file, got ${positionals.length}`);
  const format = parseFormat(values.format, io.stdoutIsTTY);
  const table = await readTable(io, positionals[0] ?? "-");
  const [idColumn, sessionColumn, scoreColumn] = columnIndices(table, [
    values.id,
    values.session,
    values.score,
  ]) as [number, number, number];
  const rows = table.records.map((record) => {
    const score = numericCell(table, record, scoreColumn);
    return {
      id: record.fields[idColumn]!.trim(),
      session: numericCell(table, record, sessionColumn),
      score: Number.isNaN(score) ? null : score,
    };
  });
  const clients = groupSeries(rows, { id: "id", session: "session", score: "score" });
  const range = values.instrument === undefined ? undefined : totalRange(values.instrument);
  const results = new Map<string, RuptureResult>();
  for (const client of clients)
    results.set(client.id, runMethod(method, client.series, values, range));
  const summary = summarizeRuptures(results);
  if (values.plot !== undefined) await writePlots(io, values.plot, clients, results);
  await io.stdout(render(format, results, summary));
  io.stderr(
    `${summary.n} clients: ${summary.counts.repairedRupture} with a repaired rupture, ${summary.counts.unrepairedRupture} with an unrepaired rupture, ${summary.counts.noRupture} without\n`,
  );
  return 0;
}

function runMethod(
  method: Method,
  series: SessionSeries,
  values: Record<string, string | boolean | undefined>,
  range: { min: number; max: number } | undefined,
): RuptureResult {
  const common = range === undefined ? {} : { range };
  switch (method) {
    case "v-shape":
      return detectRuptures(series, {
        method,
        ...common,
        ...(values.k === undefined ? {} : { k: numberFlag(values.k, "--k") }),
      });
    case "sudden-change": {
      if (values.cutoff === undefined)
        throw new UsageError("sudden-change needs --cutoff N (criterion 1, in score points)");
      const direction = values.direction ?? "loss";
      if (direction !== "loss" && direction !== "gain")
        throw new UsageError(`--direction takes loss or gain, got ${JSON.stringify(direction)}`);
      return detectRuptures(series, {
        method,
        ...common,
        direction,
        cutoff: numberFlag(values.cutoff, "--cutoff"),
      });
    }
    case "reliable-drop":
      if (values.sd === undefined || values.reliability === undefined)
        throw new UsageError("reliable-drop needs --sd N and --reliability R");
      return detectRuptures(series, {
        method,
        ...common,
        sd: numberFlag(values.sd, "--sd"),
        reliability: numberFlag(values.reliability, "--reliability"),
      });
  }
}

/** The range of an instrument's total sum: items × scale ends. */
function totalRange(id: string): { min: number; max: number } {
  const instrument = getInstrument(id);
  return {
    min: instrument.scale.min * instrument.items.length,
    max: instrument.scale.max * instrument.items.length,
  };
}

const EVENT_COLUMNS = [
  "client",
  "method",
  "kind",
  "start",
  "trough",
  "repair",
  "start_score",
  "trough_score",
  "repair_score",
  "magnitude",
  "length",
  "resolved",
  "rule",
];

function eventCells(client: string, event: RuptureEvent, decimals: number | null): string[] {
  const number = (value: number | null) =>
    value === null ? "" : decimals === null ? String(value) : cell(value, decimals);
  return [
    client,
    event.method,
    event.kind,
    String(event.sessions.start),
    String(event.sessions.trough),
    event.sessions.repair === null ? "" : String(event.sessions.repair),
    number(event.scores.start),
    number(event.scores.trough),
    number(event.scores.repair),
    number(event.magnitude),
    String(event.length),
    event.resolved === null ? "" : String(event.resolved),
    event.evidence.rule,
  ];
}

function render(
  format: "table" | "csv" | "json",
  results: Map<string, RuptureResult>,
  summary: ReturnType<typeof summarizeRuptures>,
): string {
  const events = [...results].flatMap(([client, result]) =>
    result.events.map((event) => ({ client, event })),
  );
  if (format === "json")
    return `${JSON.stringify({ events: events.map(({ client, event }) => ({ client, ...event })), summary }, null, 2)}\n`;
  if (format === "csv")
    return `${[EVENT_COLUMNS, ...events.map(({ client, event }) => eventCells(client, event, null))].map((row) => row.map(csvField).join(",")).join("\n")}\n`;
  if (events.length === 0) return "No ruptures found.\n";
  return textTable(
    EVENT_COLUMNS.slice(0, -1),
    events.map(({ client, event }) => eventCells(client, event, 2).slice(0, -1)),
    3,
  );
}

async function writePlots(
  io: CliIo,
  directory: string,
  clients: { id: string; series: SessionSeries }[],
  results: Map<string, RuptureResult>,
): Promise<void> {
  if (io.writeFile === undefined) throw new UsageError("--plot cannot write files here");
  for (const client of clients) {
    const svg = plotSeries(client.series, results.get(client.id)?.events ?? [], {
      title: `Client ${client.id}`,
    });
    await io.writeFile(`${directory.replace(/\/+$/, "")}/${safeFileName(client.id)}.svg`, svg);
  }
}

/** A client id as a file name: letters, digits, `.`, `_` and `-` kept, anything else `_`; never a path. */
export function safeFileName(id: string): string {
  const name = id.replace(/[^A-Za-z0-9._-]/g, "_").replace(/^\.+/, "_");
  return name === "" ? "_" : name.slice(0, 100);
}

function numberFlag(text: string | boolean, flag: string): number {
  const value = Number(text);
  if (typeof text !== "string" || text.trim() === "" || !Number.isFinite(value))
    throw new UsageError(`${flag} takes a number, got ${JSON.stringify(text)}`);
  return value;
}
