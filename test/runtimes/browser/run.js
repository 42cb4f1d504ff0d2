// Loads each subpath's browser bundle (built by scripts/check-browser.mjs) as an ES module,
// runs its checks from ./checks.js and writes one JSON verdict into <pre id="verdict">. The
// subpaths come from the page address: page.html?subpaths=[".","./scoring",…] (JSON). Any
// error, while loading a bundle or running its checks, is caught and reported in the verdict.

import { checksFor } from "./checks.js";

const errors = [];
window.addEventListener("error", (event) => errors.push(`error: ${event.message}`));
window.addEventListener("unhandledrejection", (event) =>
  errors.push(`unhandled rejection: ${describeError(event.reason)}`),
);

function describeError(error) {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

/**
 * "." -> bundles/index.js, "./testing/fast-check" -> bundles/testing-fast-check.js and
 * "fast-check" -> bundles/vendor-fast-check.js (names as scripts/check-browser.mjs writes them).
 */
function bundleUrl(name) {
  if (name === ".") return "./bundles/index.js";
  if (name.startsWith("./")) return `./bundles/${name.slice(2).replaceAll("/", "-")}.js`;
  return `./bundles/vendor-${name}.js`;
}

function load(name) {
  return import(bundleUrl(name));
}

async function runSubpath(subpath) {
  try {
    const module = await load(subpath);
    const checks = await checksFor(subpath, module, load);
    return { subpath, exports: Object.keys(module).length, checks };
  } catch (error) {
    return { subpath, error: describeError(error), checks: [] };
  }
}

const subpaths = JSON.parse(new URLSearchParams(location.search).get("subpaths") ?? "[]");
const results = [];
for (const subpath of subpaths) results.push(await runSubpath(subpath));
document.getElementById("verdict").textContent = JSON.stringify({
  complete: true,
  userAgent: navigator.userAgent,
  results,
  errors,
});
