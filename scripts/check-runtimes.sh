#!/usr/bin/env bash
# Runs the BUILT package (run `npm run build` first) in every runtime it supports, from a
# throw-away consumer folder: Deno 2 (import with no permissions at all, and `deno check` of
# the types), Bun (import and require), Node (every subpath; the packed-tarball import and
# require of the main entry and the CLI are scripts/smoke-test.sh), a browser bundle of every
# subpath (esbuild, no Node built-ins; run in headless chromium by scripts/check-browser.mjs,
# which fails without chromium unless ALLIANCE_SKIP_BROWSER=1), and the
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
cp test/runtimes/consumer.mjs test/runtimes/consumer.cjs "$consumer/"
for typed in test/runtimes/consumer*.ts.txt; do cp "$typed" "$consumer/$(basename "$typed" .txt)"; done

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

# Runs a file in Deno with NO permissions: importing the library must not read files, the
# environment or the network. (@stdlib is bundled into dist with its `debug` dependency
# replaced by a no-op logger, see tsup.config.ts, so nothing lists process.env at import.)
deno_run_without_permissions() {
  "$bin/deno" run --no-prompt --node-modules-dir=manual "$@"
}

step "deno $("$bin/deno" --version | head -1 | cut -d' ' -f2) (import of each subpath with no permissions; deno check of the types)"
for subpath in "${subpaths[@]}"; do deno_run_without_permissions consumer.mjs "$subpath"; done
"$bin/deno" check --node-modules-dir=manual --quiet consumer.ts
echo "deno: types of the main entry, ./instruments and ./scoring check"
if [[ " ${subpaths[*]} " == *" ./testing/fast-check "* ]]; then
  # A consumer with fast-check installed: its test suite uses ./testing and the arbitraries.
  ln -s "$root/node_modules/fast-check" node_modules/fast-check
  "$bin/deno" check --node-modules-dir=manual --quiet consumer.testing.ts
  deno_run_without_permissions consumer.testing.ts
fi

if [[ " ${subpaths[*]} " == *" ./testing/fast-check "* ]]; then
  step "docs/testing.md: the consumer's vitest test, against the built package"
  node -e '
    const text = require("fs").readFileSync(process.argv[1], "utf8");
    const block = text.split("<!-- consumer-test")[1]?.match(/```typescript\n([\s\S]*?)```/);
    if (!block) { console.error("docs/testing.md: no consumer-test block"); process.exit(1); }
    require("fs").writeFileSync("alliance.test.ts", block[1]);
  ' "$root/docs/testing.md"
  ln -s "$root/node_modules/vitest" node_modules/vitest
  "$bin/vitest" run --root . --reporter=dot alliance.test.ts
fi

step "bun $("$bin/bun" --version) (import and require)"
"$bin/bun" run consumer.mjs "${subpaths[@]}"
"$bin/bun" run consumer.cjs "${subpaths[@]}"
if [[ " ${subpaths[*]} " == *" ./testing/fast-check "* ]]; then "$bin/bun" run consumer.testing.ts; fi

step "browser bundles (esbuild, platform browser): a Node vm without Node globals, then headless chromium"
node "$root/test/runtimes/browser-bundle.mjs" "$work/browser" "${subpaths[@]}"
# Fails without chromium (Debian: apt-get install -y chromium) unless ALLIANCE_SKIP_BROWSER=1.
node "$root/scripts/check-browser.mjs" "$work/browser" "${subpaths[@]}"

step "Deno notebook examples/notebook/alliance.ipynb (code cells, in order)"
# Same layout as the repository, so the notebook's ../data/ path holds: notebook/ next to data/.
mkdir -p notebook data
cp "$root/examples/data/wai-sr-simulated.csv" data/
node "$root/test/runtimes/run-notebook.mjs" "$root/examples/notebook/alliance.ipynb" \
  "$package/package.json" notebook/notebook.ts
# The Deno kernel runs cells with --allow-all; here only what the cells need: reading ../data.
(cd notebook && "$bin/deno" check --node-modules-dir=manual --quiet notebook.ts \
  && "$bin/deno" run --no-prompt --node-modules-dir=manual --allow-read=../data \
    notebook.ts > notebook.out)
echo "notebook: every extracted cell type-checks and runs"

echo
echo "runtimes passed"
