// Baseline of the CLI case: the least a streaming scorer must do. It reads the CSV in chunks,
// splits lines and fields (no quoting: the generated file has none), scores each row with a
// plain loop (range check, NaN skipping, prorating within the missing-item limits) and writes
// the same CSV as `alliance score --format csv`, 8192 rows per write.
//
// Usage: node bench/cli-baseline.mjs FILE '<plan JSON>' > out.csv
// plan: { min, max, scores: [{ id, items: [0-based item index…], maxMissing }] } (total first)
import { once } from "node:events";
import { createReadStream } from "node:fs";

const [file, planText] = process.argv.slice(2);
const plan = JSON.parse(planText);
const itemCount = plan.scores[0].items.length;
const row = new Float64Array(itemCount);
const sums = new Float64Array(plan.scores.length);
const means = new Float64Array(plan.scores.length);
let lines = [];
let header = true;

function scoreLine(line) {
  const fields = line.split(",");
  for (let i = 0; i < itemCount; i++) {
    const text = fields[i + 1];
    const value = text === "" || text === "NA" ? Number.NaN : Number(text);
    if (!Number.isNaN(value) && !(value >= plan.min && value <= plan.max))
      throw new Error(`off the scale: ${line}`);
    row[i] = value;
  }
  let answeredAll = 0;
  let prorated = false;
  for (let s = 0; s < plan.scores.length; s++) {
    const { items, maxMissing } = plan.scores[s];
    let sum = 0;
    let answered = 0;
    for (const item of items) {
      const value = row[item];
      if (!Number.isNaN(value)) {
        sum += value;
        answered++;
      }
    }
    if (items.length - answered > maxMissing) throw new Error(`too many missing: ${line}`);
    const mean = sum / answered;
    sums[s] = answered === items.length ? sum : mean * items.length;
    means[s] = mean;
    if (answered < items.length) prorated = true;
    if (s === 0) answeredAll = answered;
  }
  let out = fields[0];
  for (let s = 0; s < plan.scores.length; s++) out += `,${sums[s]},${means[s]}`;
  return `${out},${answeredAll},${itemCount - answeredAll},${prorated}`;
}

async function write(text) {
  if (!process.stdout.write(text)) await once(process.stdout, "drain");
}

async function flush() {
  if (lines.length === 0) return;
  await write(`${lines.join("\n")}\n`);
  lines = [];
}

async function take(line) {
  if (line === "") return;
  if (header) {
    header = false;
    const names = plan.scores.flatMap(({ id }) => [`${id}_sum`, `${id}_mean`]);
    await write(`id,${names.join(",")},answered,missing,prorated\n`);
    return;
  }
  lines.push(scoreLine(line));
  if (lines.length === 8192) await flush();
}

let rest = "";
for await (const chunk of createReadStream(file, { encoding: "utf8" })) {
  const parts = (rest + chunk).split("\n");
  rest = parts.pop();
  for (const line of parts) await take(line);
}
await take(rest);
await flush();
