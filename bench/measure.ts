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
  /** Peak resident set size in MB (CLI case only). */
  peakRssMb: number | null;
  target: string;
  status: "PASS" | "MISS" | "-";
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

/** One tinybench run of each named task, in the given order, without warm-up: the latencies. */
function oneRound(tasks: [string, () => unknown][], warmup: boolean): Map<string, number> {
  const bench = new Bench({
    iterations: 1,
    time: 0,
    warmup,
    warmupIterations: 1,
    warmupTime: 0,
    throws: true,
  });
  for (const [name, fn] of tasks) bench.add(name, fn);
  bench.runSync();
  const latencies = new Map<string, number>();
  for (const [name] of tasks) {
    const result = bench.getTask(name)?.result;
    if (result === undefined || !("latency" in result))
      throw new Error(`task ${name} did not complete`);
    latencies.set(name, result.latency.p50);
  }
  return latencies;
}

/** Median of a list of numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Times the package function and its baseline in the same process with tinybench, interleaved
 * so that a change in machine load hits both alike: a first round with one warm-up run of
 * each, then `iterations` rounds of one timed run of each, alternating which goes first.
 * Returns the median of each function's timed runs.
 */
export function timePair(
  prepared: PreparedCase,
  iterations: number,
): { libraryMs: number; baselineMs: number } {
  const library: number[] = [];
  const baseline: number[] = [];
  for (let round = 0; round < iterations; round++) {
    const tasks: [string, () => unknown][] = [
      ["library", prepared.library],
      ["baseline", prepared.baseline],
    ];
    const latencies = oneRound(round % 2 === 0 ? tasks : tasks.reverse(), round === 0);
    library.push(latencies.get("library")!);
    baseline.push(latencies.get("baseline")!);
  }
  return { libraryMs: median(library), baselineMs: median(baseline) };
}

/** Median time of one function alone: one warm-up run, then `iterations` timed runs. */
export function timeOne(fn: () => unknown, iterations: number): number {
  const runs: number[] = [];
  for (let round = 0; round < iterations; round++)
    runs.push(oneRound([["library", fn]], round === 0).get("library")!);
  return median(runs);
}

/** Runs one case and turns its medians into a report line. */
export function runCase(benchCase: BenchCase): CaseResult {
  const prepared = benchCase.prepare();
  const note = prepared.agreement();
  const { libraryMs, baselineMs } = timePair(prepared, benchCase.iterations);
  const ratio = libraryMs / baselineMs;
  return {
    name: benchCase.name,
    size: benchCase.size,
    libraryMs,
    baselineMs,
    ratio,
    peakRssMb: null,
    target: describeTarget(benchCase.target),
    status: judge(benchCase.target, { ms: libraryMs, ratio, rssMb: null }),
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
