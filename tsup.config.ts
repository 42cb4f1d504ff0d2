import { defineConfig } from "tsup";
import { writeThirdPartyNotices } from "./scripts/thirdPartyNotices.js";

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
  "notebook/index": "src/notebook/index.ts",
};

/**
 * One build: the library entries as ESM and CJS with types, and the CLI (dist/cli.js) as ESM
 * only, sharing the ESM chunks instead of carrying its own copy of the library.
 *
 * The @stdlib distribution functions are bundled (they are devDependencies, not runtime
 * ones). Their inverse incomplete gamma function (@stdlib/math-base-special-gammaincinv,
 * behind the t and F quantiles) loads `debug`@2 to log overflow and iteration-limit
 * warnings, and debug's Node build lists `process.env` when it loads, so importing the
 * package in Deno needed `--allow-env`. In the bundle `debug` is a no-op logger
 * (src/vendor/noopDebug.cts). No value changes: the logger only ever wrote those warnings to
 * stderr when the user's environment set DEBUG to a matching namespace (e.g.
 * DEBUG=gammaincinv:*); the library never sets it. The Apache-2.0 licence comments of the
 * @stdlib files stay in the bundle (esbuild keeps comments with @license), and the build
 * writes dist/THIRD-PARTY-NOTICES.md (scripts/thirdPartyNotices.ts).
 */
export default defineConfig({
  entry: { ...libraryEntries, cli: "src/cli/main.ts" },
  format: ["esm", "cjs"],
  dts: { entry: libraryEntries },
  sourcemap: false,
  clean: true,
  splitting: true,
  treeshake: true,
  target: "es2022",
  platform: "neutral",
  noExternal: [/^@stdlib\//],
  esbuildOptions(options, context) {
    options.alias = { debug: "./src/vendor/noopDebug.cts" };
    if (context.format === "cjs" && typeof options.entryPoints === "object") {
      // The CLI is an ES module (top-level await); it has no CommonJS build.
      options.entryPoints = { ...libraryEntries };
    }
  },
  async onSuccess() {
    writeThirdPartyNotices("dist");
  },
});
