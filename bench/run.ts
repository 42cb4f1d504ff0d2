import { mkdirSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg } from "node:os";
import { cliScoreCase } from "./cases/cli.js";
import {
  cohenKappaCase,
  cronbachAlphaCase,
  intraclassCorrelationCase,
  krippendorffAlphaCase,
} from "./cases/reliability.js";
import { detectRupturesCase } from "./cases/ruptures.js";
import { scoreResponsesCase, scoreTableCase } from "./cases/scoring.js";
import { exportForR } from "./exportForR.js";
import { type BenchCase, type CaseResult, describeTarget, runCase } from "./measure.js";

/**
 * `npm run bench`: times each package function and a plain typed-array baseline in the same
 * process on seeded data and prints the medians, the ratio and the target check.
 *
 * Flags: `--quick` (a tenth of the sizes, for trying the harness), `--only WORD` (cases whose
 * name contains WORD, any case), `--r-export DIR` (write the R comparison data and our timings, then exit).
 */
const DIRECTORY = ".tmp/bench";

function flag(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index < 0 ? undefined : process.argv[index + 1];
}

function cases(scale: number): BenchCase[] {
  const n = (size: number) => Math.max(100, Math.round(size * scale));
  return [
    scoreTableCase(n(1_000_000), 7),
    scoreResponsesCase(n(100_000), 5),
    cronbachAlphaCase(n(100_000), 36, 7),
    intraclassCorrelationCase(n(10_000), 10, 15),
    cohenKappaCase(n(1_000_000), 7),
    krippendorffAlphaCase(n(10_000), 20, 7),
    detectRupturesCase(n(100_000), 30, 3),
  ];
}

/** Runs a case; a case that throws is reported on its line instead of ending the suite. */
function runOrReport(benchCase: BenchCase): CaseResult {
  try {
    return runCase(benchCase);
  } catch (error) {
    return {
      name: benchCase.name,
      size: benchCase.size,
      libraryMs: null,
      baselineMs: null,
      ratio: null,
      libraryCpuMs: null,
      baselineCpuMs: null,
      peakRssMb: null,
      target: describeTarget(benchCase.target),
      status: benchCase.target === null ? "-" : "MISS",
      cpuStatus: "-",
      note: `failed: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

/** The CLI case, or its failure on its line. */
function cliOrReport(rows: number): CaseResult {
  try {
    return cliScoreCase(rows, 2, DIRECTORY);
  } catch (error) {
    return {
      name: "CLI score --format csv",
      size: `${rows.toLocaleString("en")}-row CSV`,
      libraryMs: null,
      baselineMs: null,
      ratio: null,
      libraryCpuMs: null,
      baselineCpuMs: null,
      peakRssMb: null,
      target: "peak RSS < 200 MB",
      status: "MISS",
      cpuStatus: "-",
      note: `failed: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`,
    };
  }
}

function formatMs(ms: number | null): string {
  if (ms === null) return "-";
  return ms >= 100 ? ms.toFixed(0) : ms >= 1 ? ms.toFixed(1) : ms.toFixed(3);
}

function printTable(results: CaseResult[]): void {
  const header = [
    "case",
    "size",
    "median ms",
    "baseline ms",
    "ratio",
    "cpu ms",
    "baseline cpu",
    "cpu ratio",
    "target",
    "check",
    "cpu check",
    "note",
  ];
  const ratio = (a: number | null, b: number | null) =>
    a === null || b === null ? "-" : `${(a / b).toFixed(2)}x`;
  const rows = results.map((result) => [
    result.name,
    result.size,
    formatMs(result.libraryMs),
    formatMs(result.baselineMs),
    ratio(result.libraryMs, result.baselineMs),
    formatMs(result.libraryCpuMs),
    formatMs(result.baselineCpuMs),
    ratio(result.libraryCpuMs, result.baselineCpuMs),
    result.peakRssMb === null
      ? result.target
      : `${result.target} (${result.peakRssMb.toFixed(0)} MB)`,
    result.status,
    result.cpuStatus,
    result.note,
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]!.length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) =>
        column < 2 || column > 5 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!),
      )
      .join("  ")
      .trimEnd();
  console.log(line(header));
  console.log(line(widths.map((width) => "-".repeat(width))));
  for (const row of rows) console.log(line(row));
}

interface Machine {
  node: string;
  cpu: string;
  cores: number;
  platform: string;
  date: string;
}

function machine(): Machine {
  return {
    node: process.version,
    cpu: cpus()[0]?.model ?? "unknown",
    cores: availableParallelism(),
    platform: `${process.platform} ${process.arch}`,
    date: new Date().toISOString(),
  };
}

function main(): void {
  mkdirSync(DIRECTORY, { recursive: true });
  const exportDirectory = flag("--r-export");
  if (exportDirectory !== undefined) {
    exportForR(exportDirectory);
    return;
  }
  const scale = process.argv.includes("--quick") ? 0.1 : 1;
  const only = flag("--only");
  const info = machine();
  console.log(
    `therapeutic-alliance bench: node ${info.node}, ${info.cpu}, ${info.cores} cores${scale === 1 ? "" : ", --quick (a tenth of the sizes)"}`,
  );
  console.log(
    "tinybench 6: per case 1 warm-up run, then N rounds of one timed run of the function and one of its baseline (order alternating); medians of wall time (tinybench) and of process CPU time, in ms.",
  );
  const loadBefore = loadavg()[0]!;
  console.log(`load average before: ${loadBefore.toFixed(2)} on ${info.cores} cores\n`);
  const matches = (name: string) =>
    only === undefined || name.toLowerCase().includes(only.toLowerCase());
  const selected = cases(scale).filter((c) => matches(c.name));
  const results: CaseResult[] = [];
  for (const benchCase of selected) {
    process.stderr.write(`running ${benchCase.name} on ${benchCase.size} ...\n`);
    results.push(runOrReport(benchCase));
  }
  if (matches("CLI score")) {
    process.stderr.write("running CLI score ...\n");
    results.push(cliOrReport(Math.round(1_000_000 * scale)));
  }
  printTable(results);
  const loadAfter = loadavg()[0]!;
  console.log(
    `\nload average after: ${loadAfter.toFixed(2)}${loadAfter > info.cores ? ` (above ${info.cores}: other work shared the cores)` : ""}`,
  );
  writeFileSync(
    `${DIRECTORY}/results.json`,
    `${JSON.stringify({ machine: info, scale, loadBefore, loadAfter, results }, null, 2)}\n`,
  );
  console.log(`\nresults written to ${DIRECTORY}/results.json`);
}

main();
