#!/usr/bin/env bash
# Runs the BUILT package (run `npm run build` first) in every runtime it supports, from a
# throw-away consumer folder: Deno 2 (import with no permissions at all, and `deno check` of
# the types), Bun (import and require), Node (every subpath; the packed-tarball import and
# require of the main entry and the CLI are scripts/smoke-test.sh), a browser bundle of every
# subpath (esbuild, no Node built-ins; headless chromium only if it is installed), and the
# code cells of the Deno notebook examples/notebook/alliance.ipynb.
#
# No network: the package is packed and unpacked into the consumer's node_modules, and its
# dependencies are the repository's own node_modules (a symlink). deno and bun are the npm
# packages in devDependencies.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
bin="$root/node_modules/.bin"
[ -f dist/index.js ] || { echo "dist/ is missing: run npm run build first" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
consumer="$work/consumer"
package="$consumer/node_modules/therapeutic-alliance"
mkdir -p "$package" "$work/browser"
npm pack --silent --pack-destination "$work" > /dev/null
tar xzf "$work"/therapeutic-alliance-*.tgz -C "$package" --strip-components=1
ln -s "$root/node_modules" "$package/node_modules"
echo '{ "name": "runtime-check", "private": true, "type": "module" }' > "$consumer/package.json"
cp test/runtimes/consumer.mjs test/runtimes/consumer.cjs test/runtimes/consumer.ts "$consumer/"

# Every subpath of `exports` except ./package.json, e.g. ". ./instruments ./scoring".
mapfile -t subpaths < <(node -e '
  const exports = require("./package.json").exports;
  for (const key of Object.keys(exports)) if (key !== "./package.json") console.log(key);
')
echo "subpaths: ${subpaths[*]}"
cd "$consumer"

step() { printf '\n--- %s\n' "$*"; }

step "node (ESM and CJS, every subpath)"
node consumer.mjs "${subpaths[@]}"
node consumer.cjs "${subpaths[@]}"

step "deno $("$bin/deno" --version | head -1 | cut -d' ' -f2) (no permissions: the library must not read files, env or network)"
# No permissions: importing the library must not read files, the environment or the network.
# Known exception (not yet exported when this was written): @stdlib/stats-base-dists-f-quantile
# loads `debug`@2, which lists process.env at import, so a subpath that imports it (./reliability)
# needs --allow-env in Deno. Decide before adding it here; see docs/testing.md.
"$bin/deno" run --no-prompt --node-modules-dir=manual consumer.mjs "${subpaths[@]}"
"$bin/deno" check --node-modules-dir=manual --quiet consumer.ts
echo "deno: types of the main entry, ./instruments and ./scoring check"

step "bun $("$bin/bun" --version) (import and require)"
"$bin/bun" run consumer.mjs "${subpaths[@]}"
"$bin/bun" run consumer.cjs "${subpaths[@]}"

step "browser bundles (esbuild, platform browser)"
node "$root/test/runtimes/browser-bundle.mjs" "$work/browser" "${subpaths[@]}"
chromium=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -n "$chromium" ]; then
  page=$("$chromium" --headless --disable-gpu --no-sandbox --allow-file-access-from-files \
    --dump-dom "file://$work/browser/page.html" 2> /dev/null)
  grep -q "total 49" <<< "$page" || { echo "headless chromium: the page did not score 49" >&2; exit 1; }
  echo "headless chromium: the page scored the WAI-SR example (49)"
else
  echo "headless chromium: skipped (no chromium installed; the bundles ran in a Node vm without Node globals)"
fi

step "Deno notebook examples/notebook/alliance.ipynb (code cells, in order)"
# Same layout as the repository, so the notebook's ../data/ path holds: notebook/ next to data/.
mkdir -p notebook data
cp "$root/examples/data/wai-sr-simulated.csv" data/
node "$root/test/runtimes/run-notebook.mjs" "$root/examples/notebook/alliance.ipynb" \
  "$package/package.json" notebook/notebook.ts
# The Deno kernel runs cells with --allow-all; here only what the cells need: reading ../data,
# and the environment, which @stdlib's F quantile reads at load through its `debug` dependency.
(cd notebook && "$bin/deno" run --no-prompt --node-modules-dir=manual --allow-read=../data \
  --allow-env notebook.ts > notebook.out)
echo "notebook: every extracted cell ran ($(wc -l < notebook/notebook.out) lines of output)"

echo
echo "runtimes passed"
