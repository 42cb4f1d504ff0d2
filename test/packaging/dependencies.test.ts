/**
 * Supply chain (issue 7): the runtime dependencies are only those DESIGN.md names (zod,
 * simple-statistics, ml-matrix; the single-distribution @stdlib packages are bundled into dist
 * at build time, so they are devDependencies), and each of them, bundled ones included, is
 * imported by the sources, so that nothing unused reaches a user's install or the bundle.
 * `npm audit` runs on both in CI (scripts/audit.mjs).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = new URL("../../", import.meta.url).pathname;
const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
};

/** The runtime packages DESIGN.md's dependency table allows. */
const ALLOWED = [
  /^zod$/,
  /^simple-statistics$/,
  /^ml-matrix$/,
  /^@stdlib\/stats-base-dists-[a-z]+-(cdf|quantile)$/,
];

/** Every .ts file under a folder. */
function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".ts"))
    .map((file) => join(folder, file));
}

const sources = sourceFiles(join(root, "src")).map((file) => readFileSync(file, "utf8"));

describe("runtime dependencies", () => {
  const names = Object.keys(manifest.dependencies ?? {});
  const bundled = Object.keys(manifest.devDependencies ?? {}).filter((name) =>
    name.startsWith("@stdlib/"),
  );

  it.each(names)("%s is one DESIGN.md names", (name) => {
    expect(ALLOWED.some((pattern) => pattern.test(name))).toBe(true);
  });

  it.each([...names, ...bundled])("%s is imported by the sources", (name) => {
    const imported = sources.some((text) => text.includes(`from "${name}"`));
    expect(imported).toBe(true);
  });

  it("fast-check is an optional peer, for ./testing/fast-check only", () => {
    expect(Object.keys(manifest.peerDependencies ?? {})).toEqual(["fast-check"]);
    expect(manifest.peerDependenciesMeta?.["fast-check"]?.optional).toBe(true);
  });
});
