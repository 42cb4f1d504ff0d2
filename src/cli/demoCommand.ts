import { parseArgs } from "node:util";
import { sampleStandardDeviation } from "simple-statistics";
import { getInstrument } from "../instruments/registry.js";
import { cronbachAlpha } from "../reliability/cronbachAlpha.js";
import { detectRuptures } from "../ruptures/detectRuptures.js";
import { summarizeRuptures } from "../ruptures/summarizeRuptures.js";
import type { RuptureResult, SessionPoint } from "../ruptures/types.js";
import { scoreTable } from "../scoring/scoreTable.js";
import type { CliIo } from "./io.js";
import { columnIndices, numericCell, readTable } from "./readTable.js";
import { scoreCommand } from "./scoreCommand.js";
import { cell, textTable } from "./textTable.js";
import { UsageError } from "./usageError.js";

export const DEMO_HELP = `Usage: alliance demo [FILE]

The README's main job: scores the bundled SIMULATED caseload (examples/data/wai-sr-simulated.csv:
WAI-SR answers of 10 made-up clients over 6 sessions, columns client, session, 1..12), reports
the items' reliability, and flags ruptures in each client's total. Give FILE to run it on your
own file of the same shape.`;

/**
 * The demo's v-shape rule: a dip of 1 SD (the lenient threshold Gumz et al. 2012 report), where
 * the SD is the stricter (larger) of the client's own and the SD of all clients' totals, as
 * Gumz et al. propose, so that tiny dips in very stable series are not flagged.
 */
const DEMO_K = 1;

/** Runs `alliance demo`; returns the exit code. */
export async function demoCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { help: { type: "boolean", short: "h" } },
  });
  if (values.help) {
    await io.stdout(`${DEMO_HELP}\n`);
    return 0;
  }
  const file = positionals[0] ?? io.bundledExample;
  if (file === undefined)
    throw new UsageError("demo needs FILE here (no bundled example is known)");
  const instrument = getInstrument("wai-sr");
  await io.stdout(
    `therapeutic-alliance demo on ${positionals[0] === undefined ? "the bundled SIMULATED caseload (no real client)" : file}\n\n`,
  );

  await io.stdout("1. WAI-SR scores per client and session (alliance score)\n\n");
  const scored = await scoreCommand(
    ["--instrument", "wai-sr", "--id", "client", "--id", "session", "--format", "table", file],
    { ...io, stderr: () => undefined },
  );
  if (scored !== 0) return scored;

  const table = await readTable(io, file);
  const [clientColumn, sessionColumn, ...itemColumns] = columnIndices(table, [
    "client",
    "session",
    ...instrument.items.map((item) => String(item.number)),
  ]);
  const items = table.records.map((record) =>
    itemColumns.map((column) => numericCell(table, record, column)),
  );

  const alpha = cronbachAlpha(
    items.map((row) => row.map((value) => (Number.isNaN(value) ? null : value))),
    { itemNames: instrument.items.map((item) => `item ${item.number}`) },
  );
  await io.stdout(
    `\n2. Reliability of the 12 items over ${alpha.n} response sets (alliance reliability --stat alpha)\n\n`,
  );
  await io.stdout(
    textTable(
      ["raw alpha", "std alpha", "G6(smc)", "average r", `Feldt ${alpha.feldt.level * 100}% CI`],
      [
        [
          cell(alpha.rawAlpha),
          cell(alpha.stdAlpha),
          cell(alpha.g6),
          cell(alpha.averageR),
          `${cell(alpha.feldt.lower)}–${cell(alpha.feldt.upper)}`,
        ],
      ],
      0,
    ),
  );

  const totals = scoreTable(instrument, items, { onError: "collect" }).scores.total!.sum;
  const seriesByClient = new Map<string, SessionPoint[]>();
  table.records.forEach((record, row) => {
    const client = record.fields[clientColumn!]!.trim();
    const points = seriesByClient.get(client) ?? [];
    points.push({
      session: numericCell(table, record, sessionColumn!),
      score: Number.isNaN(totals[row]!) ? null : totals[row]!,
    });
    seriesByClient.set(client, points);
  });
  const betweenSd = sampleStandardDeviation(
    Array.from(totals).filter((total) => !Number.isNaN(total)),
  );
  const results = new Map<string, RuptureResult>();
  for (const [client, series] of seriesByClient) {
    results.set(
      client,
      detectRuptures(series, { method: "v-shape", k: DEMO_K, sdSource: "stricter", betweenSd }),
    );
  }
  const summary = summarizeRuptures(results);
  await io.stdout(
    `\n3. Ruptures: dips of ${DEMO_K} SD (the stricter of the client's own SD and the SD of all totals, ${cell(betweenSd, 2)}) below the client's other sessions\n\n`,
  );
  const rows = [...results].flatMap(([client, result]) =>
    result.events.map((event) => [
      client,
      String(event.sessions.start),
      String(event.sessions.trough),
      event.sessions.repair === null ? "" : String(event.sessions.repair),
      cell(event.magnitude, 2),
      event.resolved === true
        ? "repaired"
        : event.resolved === false
          ? "not repaired"
          : "no repair seen yet",
    ]),
  );
  await io.stdout(
    rows.length === 0
      ? "No ruptures found.\n"
      : textTable(["client", "start", "trough", "repair", "drop", "outcome"], rows, 1),
  );
  await io.stdout(
    `\n${summary.n} clients: ${summary.counts.repairedRupture} with a repaired rupture, ${summary.counts.unrepairedRupture} with an unrepaired rupture, ${summary.counts.noRupture} without.\n`,
  );
  return 0;
}
