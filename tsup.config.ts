import { defineConfig } from "tsup";

/** Library entries: each subpath of `exports` is one entry, built as ESM and CJS with types. */
const libraryEntries = {
  index: "src/index.ts",
  "instruments/index": "src/instruments/index.ts",
  "scoring/index": "src/scoring/index.ts",
  "reliability/index": "src/reliability/index.ts",
  "ruptures/index": "src/ruptures/index.ts",
  "interop/index": "src/interop/index.ts",
  "testing/index": "src/testing/index.ts",
  "testing/fast-check": "src/testing/arbitraries.ts",
};

export default defineConfig([
  {
    entry: libraryEntries,
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: false,
    clean: true,
    splitting: true,
    treeshake: true,
    target: "es2022",
    platform: "neutral",
  },
  {
    entry: { cli: "src/cli/main.ts" },
    format: ["esm"],
    sourcemap: false,
    target: "node20",
    platform: "node",
  },
]);
