import { Bench } from "tinybench";

/** What a case promises (issue 6): a ratio to its baseline, a time, or a peak memory. */
export type Target =
  | { kind: "ratio"; max: number }
  | { kind: "time"; maxMs: number }
  | { kind: "rss"; maxMb: number };

/** The two functions a case times, and a check that they computed the same thing. */
export interface PreparedCase {
  /** The package function on the generated data. */
  library: () => unknown;
  /** A plain typed-array loop doing the same arithmetic: the practical floor. */
  baseline: () => unknown;
  /** Runs both once and says how far their results agree (e.g. "alpha equal to 3e-15"). */
  agreement: () => string;
}

/** One benchmark case: data are generated in `prepare`, outside the timed runs. */
export interface BenchCase {
  name: string;
  size: string;
  /** Timed runs of each function (after one warm-up run). */
  iterations: number;
  target: Target | null;
  prepare: () => PreparedCase;
}

/** One printed line of the report. */
export interface CaseResult {
  name: string;
  size: string;
  /** Median time of the package function, milliseconds (null when the case could not run). */
  libraryMs: number | null;
  /** Median time of the baseline, milliseconds. */
  baselineMs: number | null;
  /** libraryMs / baselineMs. */
  ratio: number | null;
  /** Median CPU time (user + system) of the package function's runs, milliseconds. */
  libraryCpuMs: number | null;
  /** Median CPU time of the baseline's runs, milliseconds. */
  baselineCpuMs: number | null;
  /** Peak resident set size in MB (CLI case only). */
  peakRssMb: number | null;
  target: string;
  /** The target checked on the wall-time medians (or the peak RSS). */
  status: "PASS" | "MISS" | "-";
  /** The same check on the CPU-time medians, which shared cores inflate less. */
  cpuStatus: "PASS" | "MISS" | "-";
  note: string;
}

/** "within 3x of the baseline", "under 300 ms", "peak RSS under 200 MB". */
export function describeTarget(target: Target | null): string {
  if (target === null) return "-";
  if (target.kind === "ratio") return `<= ${target.max}x baseline`;
  if (target.kind === "time") return `< ${target.maxMs} ms`;
  return `peak RSS < ${target.maxMb} MB`;
}

/** PASS or MISS against the target, "-" when the case has none. */
export function judge(
  target: Target | null,
  measured: { ms: number | null; ratio: number | null; rssMb: number | null },
): "PASS" | "MISS" | "-" {
  if (target === null) return "-";
  const value =
    target.kind === "ratio"
      ? measured.ratio
      : target.kind === "time"
        ? measured.ms
        : measured.rssMb;
  const limit =
    target.kind === "ratio" ? target.max : target.kind === "time" ? target.maxMs : target.maxMb;
  if (value === null) return "MISS";
  return value <= limit ? "PASS" : "MISS";
}

/** Wall time (tinybench's latency) and process CPU time of one timed run, milliseconds. */
interface RunTimes {
  wallMs: number;
  cpuMs: number;
}

/**
 * One tinybench run of each named task, in the given order (after one warm-up run each when
 * `warmup`). CPU time (user + system, all threads of the process) is read around the timed
 * run with process.cpuUsage in the task hooks, outside tinybench's timed window.
 */
function oneRound(tasks: [string, () => unknown][], warmup: boolean): Map<string, RunTimes> {
  const bench = new Bench({
    iterations: 1,
    time: 0,
    warmup,
    warmupIterations: 1,
    warmupTime: 0,
    throws: true,
  });
  const cpu = new Map<string, number>();
  for (const [name, fn] of tasks) {
    let start = process.cpuUsage();
    bench.add(name, fn, {
      beforeEach: () => {
        start = process.cpuUsage();
      },
      afterEach: () => {
        const used = process.cpuUsage(start);
        cpu.set(name, (used.user + used.system) / 1000);
      },
    });
  }
  bench.runSync();
  const times = new Map<string, RunTimes>();
  for (const [name] of tasks) {
    const result = bench.getTask(name)?.result;
    if (result === undefined || !("latency" in result))
      throw new Error(`task ${name} did not complete`);
    times.set(name, { wallMs: result.latency.p50, cpuMs: cpu.get(name)! });
  }
  return times;
}

/** Median of a list of numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Medians of a function's and its baseline's timed runs, wall and CPU time, milliseconds. */
export interface PairTimes {
  libraryMs: number;
  baselineMs: number;
  libraryCpuMs: number;
  baselineCpuMs: number;
}

/**
 * Times the package function and its baseline in the same process with tinybench, interleaved
 * so that a change in machine load hits both alike: a first round with one warm-up run of
 * each, then `iterations` rounds of one timed run of each, alternating which goes first.
 */
export function timePair(prepared: PreparedCase, iterations: number): PairTimes {
  const library: RunTimes[] = [];
  const baseline: RunTimes[] = [];
  for (let round = 0; round < iterations; round++) {
    const tasks: [string, () => unknown][] = [
      ["library", prepared.library],
      ["baseline", prepared.baseline],
    ];
    const times = oneRound(round % 2 === 0 ? tasks : tasks.reverse(), round === 0);
    library.push(times.get("library")!);
    baseline.push(times.get("baseline")!);
  }
  return {
    libraryMs: median(library.map((run) => run.wallMs)),
    baselineMs: median(baseline.map((run) => run.wallMs)),
    libraryCpuMs: median(library.map((run) => run.cpuMs)),
    baselineCpuMs: median(baseline.map((run) => run.cpuMs)),
  };
}

/** Median wall time of one function alone: one warm-up run, then `iterations` timed runs. */
export function timeOne(fn: () => unknown, iterations: number): number {
  const runs: number[] = [];
  for (let round = 0; round < iterations; round++)
    runs.push(oneRound([["library", fn]], round === 0).get("library")!.wallMs);
  return median(runs);
}

/** Runs one case and turns its medians into a report line. */
export function runCase(benchCase: BenchCase): CaseResult {
  const prepared = benchCase.prepare();
  const note = prepared.agreement();
  const { libraryMs, baselineMs, libraryCpuMs, baselineCpuMs } = timePair(
    prepared,
    benchCase.iterations,
  );
  const ratio = libraryMs / baselineMs;
  return {
    name: benchCase.name,
    size: benchCase.size,
    libraryMs,
    baselineMs,
    ratio,
    libraryCpuMs,
    baselineCpuMs,
    peakRssMb: null,
    target: describeTarget(benchCase.target),
    status: judge(benchCase.target, { ms: libraryMs, ratio, rssMb: null }),
    cpuStatus: judge(benchCase.target, {
      ms: libraryCpuMs,
      ratio: libraryCpuMs / baselineCpuMs,
      rssMb: null,
    }),
    note,
  };
}

/** Largest relative difference between two equally long lists of numbers (NaN equals NaN). */
export function largestRelativeDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Number.POSITIVE_INFINITY;
  let largest = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (Number.isNaN(x) && Number.isNaN(y)) continue;
    const difference = Math.abs(x - y) / Math.max(Math.abs(x), Math.abs(y), 1e-300);
    largest = Math.max(largest, Number.isNaN(difference) ? Number.POSITIVE_INFINITY : difference);
  }
  return largest;
}

/** "same values (largest relative difference 2.1e-16)" or a loud mismatch. */
export function describeAgreement(what: string, difference: number, tolerance = 1e-9): string {
  const shown = difference === 0 ? "0" : difference.toExponential(1);
  return difference <= tolerance
    ? `${what} agree (max rel. diff ${shown})`
    : `MISMATCH: ${what} differ (max rel. diff ${shown})`;
}
