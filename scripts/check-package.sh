#!/usr/bin/env bash
# Packs the package and checks the tarball: publint (package.json and files), attw (types
# resolve for import and require under node16 resolution and bundlers), and its size.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
[ -d dist ] || npm run build
npm pack --silent --pack-destination "$out" --json > "$out/pack.json"
tarball=$(ls "$out"/*.tgz)
node -e '
  const [info] = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const kib = (n) => (n / 1024).toFixed(1) + " KiB";
  console.log(`tarball ${info.filename}: ${kib(info.size)} packed, ${kib(info.unpackedSize)} unpacked, ${info.entryCount} files`);
  const outside = info.files.map((f) => f.path).filter((p) => !/^(dist\/|examples\/data\/|README\.md$|CHANGELOG\.md$|LICENSE$|package\.json$)/.test(p));
  if (outside.length > 0) { console.error("unexpected files in the tarball:", outside); process.exit(1); }
' "$out/pack.json"
npx publint --strict "$tarball"
npx attw "$tarball" --profile node16
