// An esbuild plugin that fails a browser bundle which imports a Node built-in (node:fs, util,
// buffer, …): each import is recorded in `problems`, with its importer, and left external.
// Shared by test/runtimes/browser-bundle.mjs (Node vm check) and scripts/check-browser.mjs
// (headless Chromium check).

import { builtinModules } from "node:module";

const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

/**
 * @param {string[]} problems where each import of a built-in is recorded
 * @returns {import("esbuild").Plugin}
 */
export function noNodeBuiltins(problems) {
  return {
    name: "no-node-builtins",
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter: /.*/ }, (args) => {
        const bare = args.path.replace(/^node:/, "").split("/")[0];
        if (!builtins.has(args.path) && !builtins.has(bare)) return undefined;
        problems.push(`${args.path} imported by ${args.importer}`);
        return { path: args.path, external: true };
      });
    },
  };
}
