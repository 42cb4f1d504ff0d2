#!/usr/bin/env bash
# Installs the packed tarball into a throw-away folder and, from there, imports it with
# `import` and with `require`, scores one WAI-SR response each way, and runs the CLI.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
npm pack --silent --pack-destination "$work" > /dev/null
cd "$work"
npm init -y > /dev/null
npm install --no-audit --no-fund ./therapeutic-alliance-*.tgz > /dev/null

answers='[4, 5, 4, 3, 5, 4, 4, 4, 5, 4, 3, 4]'
cat > esm.mjs <<JS
import { scoreResponses } from "therapeutic-alliance";
import { getInstrument } from "therapeutic-alliance/instruments";
import { scoreTable } from "therapeutic-alliance/scoring";
const result = scoreResponses(getInstrument("wai-sr"), $answers);
if (result.total.sum !== 49 || result.subscales.goal.sum !== 14) throw new Error("ESM score is wrong: " + JSON.stringify(result));
if (scoreTable("wai-sr", [$answers]).scores.total.sum[0] !== 49) throw new Error("ESM table score is wrong");
console.log("import: WAI-SR total", result.total.sum);
JS
cat > cjs.cjs <<JS
const { scoreResponses } = require("therapeutic-alliance");
const { getInstrument } = require("therapeutic-alliance/instruments");
const result = scoreResponses(getInstrument("wai-sr"), $answers);
if (result.total.sum !== 49 || result.subscales.bond.sum !== 18) throw new Error("CJS score is wrong: " + JSON.stringify(result));
console.log("require: WAI-SR total", result.total.sum);
JS
node esm.mjs
node cjs.cjs
npx --no-install alliance --version
npx --no-install alliance score --instrument wai-sr --format csv "$root/examples/data/wai-sr-simulated.csv" --id client --id session | head -3
