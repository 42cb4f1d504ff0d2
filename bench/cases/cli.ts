import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  closeSync,
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  writeSync,
} from "node:fs";
import { performance } from "node:perf_hooks";
import { getInstrument } from "../../src/instruments/registry.js";
import type { NumericMatrix } from "../../src/math/numericMatrix.js";
import { waiSrResponses } from "../data.js";
import { type CaseResult, describeTarget, judge, median, type Target } from "../measure.js";

const TIME = "/usr/bin/time";
const TARGET: Target = { kind: "rss", maxMb: 200 };

/** Writes the responses as the CSV `alliance score` reads: an id column, then items 1…12. */
export function writeResponsesCsv(matrix: NumericMatrix, path: string): void {
  const fd = openSync(path, "w");
  const header = ["id", ...Array.from({ length: matrix.cols }, (_, c) => String(c + 1))];
  let chunk = `${header.join(",")}\n`;
  for (let r = 0; r < matrix.rows; r++) {
    let line = `c${r}`;
    for (let c = 0; c < matrix.cols; c++) {
      const value = matrix.values[r * matrix.cols + c]!;
      line += Number.isNaN(value) ? "," : `,${value}`;
    }
    chunk += `${line}\n`;
    if (chunk.length > 1 << 20) {
      writeSync(fd, chunk);
      chunk = "";
    }
  }
  writeSync(fd, chunk);
  closeSync(fd);
}

/** One process run: wall time, CPU time and peak RSS (from GNU time, when present), exit status. */
interface ProcessRun {
  wallMs: number;
  cpuMs: number | null;
  peakRssMb: number | null;
  status: number | null;
  stderr: string;
}

/** Runs `node …args` with standard output sent to `outputPath`, under /usr/bin/time -v if it exists. */
function runNode(args: string[], outputPath: string): ProcessRun {
  const timed = existsSync(TIME);
  const command = timed ? TIME : process.execPath;
  const commandArgs = timed ? ["-v", process.execPath, ...args] : args;
  const out = openSync(outputPath, "w");
  const start = performance.now();
  const child = spawnSync(command, commandArgs, {
    stdio: ["ignore", out, "pipe"],
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const wallMs = performance.now() - start;
  closeSync(out);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(child.stderr);
  const user = /User time \(seconds\): ([\d.]+)/.exec(child.stderr);
  const system = /System time \(seconds\): ([\d.]+)/.exec(child.stderr);
  return {
    wallMs,
    cpuMs: user === null || system === null ? null : 1000 * (Number(user[1]) + Number(system[1])),
    peakRssMb: rss === null ? null : Number(rss[1]) / 1024,
    status: child.status,
    stderr: child.stderr,
  };
}

function fileHash(path: string): string {
  return createHash("sha256").update(readFileSync(path)).digest("hex").slice(0, 12);
}

/**
 * Copies dist/ (cli.js imports the library's shared ES module chunks beside it) and
 * package.json, which the CLI reads for its version, under `directory`, so that a rebuild of
 * dist/ during the run cannot pull the files away. Returns the path of the copied cli.js.
 */
function snapshotCli(directory: string): string {
  mkdirSync(`${directory}/cli`, { recursive: true });
  cpSync("dist", `${directory}/cli/dist`, { recursive: true });
  copyFileSync("package.json", `${directory}/cli/package.json`);
  return `${directory}/cli/dist/cli.js`;
}

/**
 * CLI `score` on a generated CSV: `node dist/cli.js score -i wai-sr --format csv FILE > /dev/null`
 * (run from a copy of dist/cli.js, see {@link snapshotCli})
 * against `node bench/cli-baseline.mjs` (a plain streaming loop writing the same CSV). One
 * untimed run of each writes its output to .tmp to check the two are byte for byte the same;
 * then `runs` timed runs of each go to /dev/null. Reports the median wall time and the largest
 * peak RSS of the CLI runs.
 */
export function cliScoreCase(rows: number, runs: number, directory: string): CaseResult {
  const name = "CLI score --format csv";
  const size = `${rows.toLocaleString("en")}-row CSV`;
  const base = { name, size, target: describeTarget(TARGET) };
  if (!existsSync("dist/cli.js")) {
    return {
      ...base,
      libraryMs: null,
      baselineMs: null,
      ratio: null,
      libraryCpuMs: null,
      baselineCpuMs: null,
      peakRssMb: null,
      status: "-",
      cpuStatus: "-",
      note: "not available: dist/cli.js is missing (npm run build)",
    };
  }
  const instrument = getInstrument("wai-sr");
  const csv = `${directory}/wai-sr-${rows}.csv`;
  writeResponsesCsv(waiSrResponses(instrument, rows, 6008), csv);
  const plan = JSON.stringify({
    min: instrument.scale.min,
    max: instrument.scale.max,
    scores: [
      {
        id: "total",
        items: instrument.items.map((item) => item.number - 1),
        maxMissing: instrument.missing.maxMissingTotal,
      },
      ...instrument.subscales.map((subscale) => ({
        id: subscale.id,
        items: subscale.items.map((number) => number - 1),
        maxMissing: instrument.missing.maxMissingPerSubscale,
      })),
    ],
  });
  const cli = snapshotCli(directory);
  const cliArgs = [cli, "score", "-i", "wai-sr", "--format", "csv", csv];
  const baselineArgs = ["bench/cli-baseline.mjs", csv, plan];
  const cliCheck = runNode(cliArgs, `${directory}/cli-out.csv`);
  const baselineCheck = runNode(baselineArgs, `${directory}/baseline-out.csv`);
  if (cliCheck.status !== 0 || baselineCheck.status !== 0) {
    throw new Error(
      `CLI case failed: cli exit ${cliCheck.status}, baseline exit ${baselineCheck.status}\n${cliCheck.stderr}\n${baselineCheck.stderr}`,
    );
  }
  const same = fileHash(`${directory}/cli-out.csv`) === fileHash(`${directory}/baseline-out.csv`);
  const cliRuns: ProcessRun[] = [];
  const baselineRuns: ProcessRun[] = [];
  for (let run = 0; run < runs; run++) {
    cliRuns.push(runNode(cliArgs, "/dev/null"));
    baselineRuns.push(runNode(baselineArgs, "/dev/null"));
  }
  const libraryMs = median(cliRuns.map((run) => run.wallMs));
  const baselineMs = median(baselineRuns.map((run) => run.wallMs));
  const cpu = (runs: ProcessRun[]) =>
    runs.every((run) => run.cpuMs !== null) ? median(runs.map((run) => run.cpuMs!)) : null;
  const rss = cliRuns.map((run) => run.peakRssMb).filter((value) => value !== null);
  const peakRssMb = rss.length > 0 ? Math.max(...rss) : null;
  const baselineRss = baselineRuns.map((run) => run.peakRssMb ?? 0);
  return {
    ...base,
    libraryMs,
    baselineMs,
    ratio: libraryMs / baselineMs,
    libraryCpuMs: cpu(cliRuns),
    baselineCpuMs: cpu(baselineRuns),
    peakRssMb,
    status: judge(TARGET, { ms: libraryMs, ratio: null, rssMb: peakRssMb }),
    cpuStatus: "-",
    note: `${same ? "output identical to baseline" : "MISMATCH: output differs from baseline"}; wall time of whole process; baseline peak RSS ${Math.max(...baselineRss).toFixed(0)} MB${existsSync(TIME) ? "" : " (no /usr/bin/time: RSS not measured)"}`,
  };
}
