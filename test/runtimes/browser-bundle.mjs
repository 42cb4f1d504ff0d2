// Bundles each subpath of the installed package for the browser with esbuild and fails when
// a bundle pulls in a Node built-in (node:fs, util, buffer, …) or touches a Node-only global
// (process, Buffer, require, __dirname) while it loads. Run from the consumer folder of
// scripts/check-runtimes.sh: node browser-bundle.mjs <outdir> <subpath>…
// The import of Node built-ins is caught by ./browser/noNodeBuiltins.mjs.

import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import vm from "node:vm";
import { build } from "esbuild";
import { noNodeBuiltins } from "./browser/noNodeBuiltins.mjs";

const [outdir, ...subpaths] = process.argv.slice(2);
const problems = [];

/** What a browser page offers: the web globals, none of Node's. */
function browserLikeContext() {
  const context = {
    console,
    TextEncoder,
    TextDecoder,
    URL,
    URLSearchParams,
    structuredClone,
    queueMicrotask,
    setTimeout,
    clearTimeout,
    performance,
    crypto: globalThis.crypto,
    atob,
    btoa,
  };
  context.window = context;
  context.self = context;
  return vm.createContext(context);
}

for (const subpath of subpaths) {
  const specifier =
    subpath === "." ? "therapeutic-alliance" : `therapeutic-alliance/${subpath.slice(2)}`;
  const name = subpath === "." ? "index" : subpath.slice(2).replaceAll("/", "-");
  const outfile = join(outdir, `${name}.browser.js`);
  const before = problems.length;
  await build({
    stdin: { contents: `export * from "${specifier}";`, resolveDir: process.cwd(), loader: "js" },
    bundle: true,
    platform: "browser",
    format: "iife",
    globalName: "alliance",
    target: "es2022",
    minify: true,
    outfile,
    logLevel: "silent",
    plugins: [noNodeBuiltins(problems)],
  });
  if (problems.length > before) continue;
  const context = browserLikeContext();
  try {
    vm.runInContext(readFileSync(outfile, "utf8"), context);
    if (Object.keys(context.alliance).length === 0)
      problems.push(`${specifier}: bundle exports nothing`);
  } catch (error) {
    problems.push(`${specifier}: the bundle fails to load without Node globals: ${error}`);
    continue;
  }
  console.log(`browser bundle ${specifier}: no Node built-ins, loads without Node globals (vm)`);
}

// The main entry scores in the browser-like context, as a page would call it
// (WAI-SR example: Goal 14 + Task 17 + Bond 18 = 49). scripts/check-browser.mjs does the
// same and more in headless Chromium.
const mainBundle = join(outdir, "index.browser.js");
if (existsSync(mainBundle)) {
  const page = browserLikeContext();
  vm.runInContext(readFileSync(mainBundle, "utf8"), page);
  const call = 'alliance.scoreResponses("wai-sr", [4, 5, 4, 3, 5, 4, 4, 4, 5, 4, 3, 4]).total.sum';
  const total = vm.runInContext(call, page);
  if (total !== 49)
    problems.push(`the browser bundle scored the WAI-SR example ${total}, expected 49`);
}

if (problems.length > 0) {
  console.error(`browser bundles: ${problems.length} problem(s)\n  ${problems.join("\n  ")}`);
  process.exit(1);
}
