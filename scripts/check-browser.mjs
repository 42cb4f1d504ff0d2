// Runs the built package in a real browser: bundles each subpath with esbuild for the browser
// (ES modules, minified; fails on any Node built-in), reports each bundle's size, serves the
// bundles and test/runtimes/browser/page.html on 127.0.0.1, and loads the page in headless
// Chromium with --dump-dom. The page imports every bundle, runs the checks of
// test/runtimes/browser/checks.js and writes a JSON verdict into the DOM; this script fails
// unless that verdict is there and every check passed.
//
// Run from the consumer folder of scripts/check-runtimes.sh (where `therapeutic-alliance` is
// the packed package): node check-browser.mjs <outdir> <subpath>…
// Chromium: $ALLIANCE_CHROMIUM, else chromium, chromium-browser, google-chrome-stable or
// google-chrome on the PATH (Debian: apt-get install -y chromium). Without one the check
// fails, unless ALLIANCE_SKIP_BROWSER=1 is set; the bundles are still built and measured.

import { execFile, execFileSync } from "node:child_process";
import { accessSync, constants, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { noNodeBuiltins } from "../test/runtimes/browser/noNodeBuiltins.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const pageFolder = join(root, "test/runtimes/browser");
const [outdir, ...subpaths] = process.argv.slice(2);
const bundleFolder = join(outdir, "bundles");
const CHROMIUM_TIMEOUT_MS = 120_000;

/** Same names as run.js: "." -> index, "./testing/fast-check" -> testing-fast-check. */
function bundleName(subpath) {
  return subpath === "." ? "index" : subpath.slice(2).replaceAll("/", "-");
}

/** Bundles `contents` for the browser; returns its minified and gzip sizes in bytes. */
async function bundle(contents, resolveDir, name) {
  const problems = [];
  const outfile = join(bundleFolder, `${name}.js`);
  await build({
    stdin: { contents, resolveDir, loader: "js" },
    bundle: true,
    platform: "browser",
    format: "esm",
    target: "es2022",
    minify: true,
    outfile,
    logLevel: "silent",
    plugins: [noNodeBuiltins(problems)],
  }).catch((error) => fail(`browser bundle ${name} does not build`, [error.message]));
  if (problems.length > 0) fail(`browser bundle ${name} imports Node built-ins`, problems);
  const code = readFileSync(outfile);
  return { minified: code.length, gzip: gzipSync(code).length };
}

function fail(message, details = []) {
  console.error(`browser: ${message}${details.map((line) => `\n  ${line}`).join("")}`);
  process.exit(1);
}

function kib(bytes) {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

function findChromium() {
  if (process.env.ALLIANCE_CHROMIUM) return process.env.ALLIANCE_CHROMIUM;
  const names = ["chromium", "chromium-browser", "google-chrome-stable", "google-chrome"];
  const folders = (process.env.PATH ?? "").split(delimiter).filter(Boolean);
  const candidates = names.flatMap((name) => folders.map((folder) => join(folder, name)));
  return candidates.find(isExecutable) ?? null;
}

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Serves page.html, run.js and checks.js from the repository and the bundles from outdir. */
function servePage() {
  const files = {
    "/page.html": join(pageFolder, "page.html"),
    "/run.js": join(pageFolder, "run.js"),
    "/checks.js": join(pageFolder, "checks.js"),
  };
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://127.0.0.1").pathname;
    const bundle = path.match(/^\/bundles\/([\w-]+\.js)$/)?.[1];
    const file = bundle === undefined ? files[path] : join(bundleFolder, bundle);
    try {
      const body = readFileSync(file);
      const type = path.endsWith(".html") ? "text/html" : "text/javascript";
      response.writeHead(200, { "content-type": `${type}; charset=utf-8` });
      response.end(body);
    } catch {
      response.writeHead(404);
      response.end();
    }
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/** Loads the page in headless Chromium and returns the DOM after its scripts have run. */
function dumpDom(chromium, url) {
  const profile = mkdtempSync(join(tmpdir(), "alliance-chromium-"));
  const flags = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    `--user-data-dir=${profile}`,
    // Waits until the page is idle (the bundles are imported, the checks have run) before
    // the dump: without it --dump-dom may print the page before its module scripts finish.
    "--virtual-time-budget=30000",
    "--dump-dom",
    url,
  ];
  return new Promise((resolve) => {
    execFile(
      chromium,
      flags,
      { timeout: CHROMIUM_TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        rmSync(profile, { recursive: true, force: true });
        resolve({ error, stdout, stderr });
      },
    );
  });
}

/** The JSON in <pre id="verdict">, or null when the page never wrote one. */
function readVerdict(dom) {
  const text = dom.match(/<pre id="verdict">([\s\S]*?)<\/pre>/)?.[1];
  if (text === undefined) return null;
  const json = text
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&nbsp;", "\u00a0")
    .replaceAll("&amp;", "&");
  try {
    return JSON.parse(json);
  } catch {
    return null;
  }
}

/** Every failure in the verdict, as lines; empty when every subpath passed all its checks. */
function failuresOf(verdict) {
  const failures = verdict.errors.map((error) => `page ${error}`);
  for (const subpath of subpaths) {
    const result = verdict.results.find((entry) => entry.subpath === subpath);
    if (result === undefined) failures.push(`${subpath}: no result`);
    else if (result.error !== undefined) failures.push(`${subpath}: ${result.error}`);
    else if (result.checks.length === 0) failures.push(`${subpath}: no checks ran`);
    for (const check of result?.checks ?? []) {
      if (!check.ok) {
        failures.push(
          `${subpath}: ${check.name}: got ${JSON.stringify(check.got)}, expected ${JSON.stringify(check.expected)}`,
        );
      }
    }
  }
  return failures;
}

mkdirSync(bundleFolder, { recursive: true });
for (const subpath of subpaths) {
  const specifier = `therapeutic-alliance${subpath.slice(1)}`;
  const size = await bundle(`export * from "${specifier}";`, process.cwd(), bundleName(subpath));
  console.log(
    `browser bundle ${specifier} (ES module): ${kib(size.minified)} minified, ${kib(size.gzip)} gzip`,
  );
}
if (subpaths.includes("./testing/fast-check")) {
  // A consumer's test page bundles fast-check (an optional peer) next to the arbitraries.
  await bundle('export * from "fast-check";', root, "vendor-fast-check");
}

const chromium = findChromium();
if (chromium === null) {
  if (process.env.ALLIANCE_SKIP_BROWSER === "1") {
    console.log("headless chromium: SKIPPED (ALLIANCE_SKIP_BROWSER=1 and no chromium found)");
    process.exit(0);
  }
  fail(
    "no chromium found (looked for $ALLIANCE_CHROMIUM, chromium, chromium-browser, google-chrome). " +
      "Install it (Debian: apt-get install -y chromium) or set ALLIANCE_SKIP_BROWSER=1 to skip this check.",
  );
}

const version = execFileSync(chromium, ["--version"], { encoding: "utf8", stdio: "pipe" })
  .match(/[\w ]*?\d+(\.\d+)+/)?.[0]
  ?.trim();
const server = await servePage();
const url = `http://127.0.0.1:${server.address().port}/page.html?subpaths=${encodeURIComponent(JSON.stringify(subpaths))}`;
const started = performance.now();
const { error, stdout, stderr } = await dumpDom(chromium, url);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
server.close();

const verdict = readVerdict(stdout);
if (verdict === null || verdict.complete !== true) {
  fail(`${version}: the page wrote no verdict (${error ? String(error) : "it did not finish"})`, [
    ...stderr.trim().split("\n").slice(-10),
  ]);
}
const failures = failuresOf(verdict);
if (failures.length > 0) fail(`${version}: ${failures.length} check(s) failed`, failures);
for (const result of verdict.results) {
  console.log(`headless chromium ${result.subpath}: ${result.checks.length} checks passed`);
}
console.log(`headless chromium: ${version}, every subpath checked in ${seconds} s`);
