/**
 * Importing one function must not pull in what it does not use (STYLE.md habit 9): the package
 * is `sideEffects: false` and instruments are data, so a bundler can drop them. Each case
 * bundles one import from the sources with esbuild and lists the source files that survive.
 */
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

async function bundledFiles(code: string): Promise<string[]> {
  const result = await build({
    stdin: {
      contents: code,
      resolveDir: new URL("../../", import.meta.url).pathname,
      loader: "ts",
    },
    bundle: true,
    write: false,
    format: "esm",
    platform: "browser",
    treeShaking: true,
    metafile: true,
    logLevel: "silent",
  });
  const output = Object.values(result.metafile.outputs)[0]!;
  return Object.entries(output.inputs)
    .filter(([, input]) => input.bytesInOutput > 0)
    .map(([file]) => file);
}

describe("tree shaking", () => {
  it("a reliability statistic carries no instrument, no scoring and no zod", async () => {
    const files = await bundledFiles('export { cronbachAlpha } from "./src/reliability/index.ts";');
    expect(files.some((file) => file.includes("src/reliability/cronbachAlpha.ts"))).toBe(true);
    expect(
      files.filter((file) => /src\/(instruments|scoring|interop|ruptures)\//.test(file)),
    ).toEqual([]);
    expect(files.filter((file) => file.includes("node_modules/zod"))).toEqual([]);
  });

  it("a rupture rule carries no instrument and no zod", async () => {
    const files = await bundledFiles('export { vShapedRuptures } from "./src/ruptures/index.ts";');
    expect(files.filter((file) => /src\/(instruments|scoring)\//.test(file))).toEqual([]);
    expect(files.filter((file) => file.includes("node_modules/zod"))).toEqual([]);
  });

  it("an instrument helper (isOnScale) carries no built-in instrument data", async () => {
    const files = await bundledFiles('export { isOnScale } from "./src/instruments/index.ts";');
    expect(files.filter((file) => /src\/instruments\/(wai|srs|ors|tasc)\.ts$/.test(file))).toEqual(
      [],
    );
  });
});
