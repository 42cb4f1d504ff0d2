#!/usr/bin/env node
// Runs the fuzz suite (test/robustness/) with 100,000 runs per public function (FUZZ_RUNS to
// change it, FUZZ_SEED for another seed) and prints, per function, the runs, the failed
// properties and the time. The CI runs the same suite with 10,000 runs per function.
//
//   node scripts/fuzz.mjs                 # 100,000 runs per function
//   FUZZ_RUNS=20000 node scripts/fuzz.mjs # fewer
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const runs = process.env.FUZZ_RUNS ?? "100000";
const directory = mkdtempSync(join(tmpdir(), "alliance-fuzz-"));
const report = join(directory, "report.jsonl");

const vitest = spawnSync(
  "npx",
  ["vitest", "run", "test/robustness", "--reporter=dot", "--testTimeout=3600000"],
  { stdio: "inherit", env: { ...process.env, FUZZ_RUNS: runs, FUZZ_REPORT: report } },
);

/** Sums the property lines of each function: runs, failed properties, milliseconds. */
function summarize(lines) {
  const byTarget = new Map();
  for (const line of lines) {
    const { target, runs: count, failed, ms } = JSON.parse(line);
    const entry = byTarget.get(target) ?? { runs: 0, failed: 0, ms: 0, properties: 0 };
    entry.runs += count;
    entry.failed += failed;
    entry.ms += ms;
    entry.properties += 1;
    byTarget.set(target, entry);
  }
  return [...byTarget.entries()].sort(([a], [b]) => a.localeCompare(b));
}

let lines = [];
try {
  lines = readFileSync(report, "utf8")
    .split("\n")
    .filter((line) => line !== "");
} catch {
  console.error("fuzz: no report was written (did the suite start?)");
}
rmSync(directory, { recursive: true, force: true });

const rows = summarize(lines);
const width = Math.max(8, ...rows.map(([target]) => target.length));
console.log(`\nFuzz report (FUZZ_RUNS=${runs} per function, split over valid / hostile / purity)`);
console.log(`${"function".padEnd(width)}  ${"runs".padStart(9)}  failures  ${"time".padStart(9)}`);
for (const [target, { runs: count, failed, ms }] of rows) {
  const time = `${(ms / 1000).toFixed(1)} s`;
  console.log(
    `${target.padEnd(width)}  ${String(count).padStart(9)}  ${String(failed).padStart(8)}  ${time.padStart(9)}`,
  );
}
const failures = rows.reduce((sum, [, entry]) => sum + entry.failed, 0);
console.log(`${rows.length} functions, ${failures} failed properties`);
process.exit(vitest.status === 0 && failures === 0 ? 0 : 1);
