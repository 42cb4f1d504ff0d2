import { parseArgs } from "node:util";
import type { Instrument } from "../instruments/model.js";
import { getInstrument, listInstruments } from "../instruments/registry.js";
import type { CliIo } from "./io.js";
import { parseFormat } from "./rowWriter.js";

export const INSTRUMENTS_HELP = `Usage: alliance instruments [ID] [--format table|json]

Without ID, lists the built-in instruments with their key status. With ID, describes one:
its scale, subscales, reverse-keyed items, sources, licence and notes.

Examples:
  alliance instruments
  alliance instruments wai-sr
  alliance instruments --format json`;

/** Runs `alliance instruments`; returns the exit code. */
export async function instrumentsCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { format: { type: "string", short: "f" }, help: { type: "boolean", short: "h" } },
  });
  if (values.help) {
    await io.stdout(`${INSTRUMENTS_HELP}\n`);
    return 0;
  }
  const format = parseFormat(values.format, io.stdoutIsTTY);
  const id = positionals[0];
  if (id !== undefined) {
    const instrument = getInstrument(id);
    await io.stdout(
      format === "json" ? `${JSON.stringify(instrument, null, 2)}\n` : describe(instrument),
    );
    return 0;
  }
  const instruments = listInstruments();
  if (format === "json") {
    await io.stdout(`${JSON.stringify(instruments.map(summary), null, 2)}\n`);
    return 0;
  }
  const rows = instruments.map((instrument) => Object.values(summary(instrument)).map(String));
  const headers = ["id", "abbreviation", "rater", "items", "scale", "key status", "item text"];
  const widths = headers.map((header, index) =>
    Math.max(header.length, ...rows.map((row) => row[index]!.length)),
  );
  for (const row of [headers, ...rows])
    await io.stdout(
      `${row
        .map((cell, index) => cell.padEnd(widths[index]!))
        .join("  ")
        .trimEnd()}\n`,
    );
  return 0;
}

function summary(instrument: Instrument) {
  const { scale } = instrument;
  return {
    id: instrument.id,
    abbreviation: instrument.abbreviation,
    rater: instrument.rater,
    items: instrument.items.length,
    scale: `${scale.kind} ${scale.min}–${scale.max}${scale.step === 1 ? "" : ` by ${scale.step}`}`,
    keyStatus: instrument.keySource.status,
    itemText: instrument.licence.itemText,
  };
}

function describe(instrument: Instrument): string {
  const { scale, citation } = instrument;
  const labels =
    scale.kind === "likert"
      ? scale.labels.map((label) => `${label.value} ${label.label}`).join(", ")
      : `${scale.min} ${scale.endLabels.min} … ${scale.max} ${scale.endLabels.max}, in steps of ${scale.step}`;
  const reverse = instrument.items.filter((item) => item.reverse).map((item) => item.number);
  const lines = [
    `${instrument.abbreviation}: ${instrument.name} (${instrument.id}, ${instrument.rater})`,
    `Citation: ${citation.authors} (${citation.year}). ${citation.title}. ${citation.source}.${citation.doi === undefined ? "" : ` doi:${citation.doi}`}`,
    `Scale: ${labels}`,
    `Items: ${instrument.items.length}; reverse-keyed: ${reverse.length === 0 ? "none" : reverse.join(", ")}`,
    ...instrument.subscales.map(
      (subscale) =>
        `Subscale ${subscale.label} (${subscale.id}): items ${subscale.items.join(", ")}`,
    ),
    `Total: ${instrument.total.method} of all items`,
    `Missing items: at most ${instrument.missing.maxMissingPerSubscale} per subscale and ${instrument.missing.maxMissingTotal} in all, ${instrument.missing.method === "prorate" ? "prorated" : "not allowed"}. ${instrument.missing.source}`,
    `Key: ${instrument.keySource.status}. ${instrument.keySource.note}`,
    `Key sources: ${instrument.keySource.sources.join("; ")}`,
    `Item wording: ${instrument.licence.itemText}. ${instrument.licence.holder}. ${instrument.licence.note}`,
    `Norms: ${instrument.norms.note} (${instrument.norms.source})`,
    ...instrument.bands.map(
      (band) =>
        `Band ${band.label} on ${band.score} (${band.metric}): ${band.meaning} [${band.status}; ${band.source}]`,
    ),
    ...instrument.notes.map((note) => `Note: ${note}`),
  ];
  return `${lines.join("\n")}\n`;
}
