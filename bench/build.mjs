// Bundles the benchmark (bench/run.ts and the sources it imports) into .tmp/bench/run.mjs, so
// that it runs on plain Node 20 and measures the same code the package ships.
import { build } from "esbuild";

await build({
  entryPoints: ["bench/run.ts"],
  outfile: ".tmp/bench/run.mjs",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  sourcemap: true,
  logLevel: "warning",
  // Bundled CommonJS dependencies (ml-matrix, @stdlib) may call require().
  banner: {
    js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
  },
});
