#!/usr/bin/env bash
# Times R psych and this package on the same generated data and prints the ratio
# (this package / psych) per case. Without Rscript and psych it says so and exits 0.
# Usage: bash bench/compare-r.sh  (bundles the sources with esbuild; needs no build of dist/)
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v Rscript >/dev/null 2>&1; then
  echo "compare-r: Rscript is not installed; no R comparison."
  exit 0
fi
if ! Rscript -e 'quit(status = if (requireNamespace("psych", quietly = TRUE)) 0 else 1)' >/dev/null 2>&1; then
  echo "compare-r: the R package psych is not installed; no R comparison."
  exit 0
fi
node bench/build.mjs
node .tmp/bench/run.mjs --r-export .tmp/bench/r
Rscript bench/compare-r.R .tmp/bench/r
