/**
 * Runs the TypeScript examples of the README and the guides in docs/, so that documentation
 * cannot drift from the code. Every ```ts block is written to .tmp/doc-examples with the
 * package's import specifiers pointed at the sources behind package.json's `exports`, and
 * imported. A line ending in `// => <JSON literal>` becomes an assertion that the expression on
 * that line equals the literal (numbers to 1e-9 relative; arrays and objects by their JSON).
 * Shapes and fragments that are not programs go in ```text blocks. Blocks for Deno (`npm:`
 * specifiers) are run by the runtime checks instead.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { describe, it, vi } from "vitest";

const root = new URL("../../", import.meta.url);
const outDir = new URL(".tmp/doc-examples/", root);
mkdirSync(outDir, { recursive: true });

const documents = [
  "README.md",
  ...readdirSync(new URL("docs/", root))
    .filter((name) => name.endsWith(".md"))
    .map((name) => `docs/${name}`),
];

/** The ```ts blocks of a Markdown file. */
function tsBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```ts\n([\s\S]*?)^```$/gm)]
    .map((match) => match[1]!)
    .filter((code) => !code.includes('"npm:'));
}

/** Points package imports at the sources and turns `// => literal` lines into checks. */
function runnable(code: string): string {
  const withImports = code.replace(
    /from "therapeutic-alliance((?:\/[a-zA-Z-]+)*)"/g,
    (_match, subpath: string) => `from "${sourceOf(`.${subpath}`)}"`,
  );
  const lines = withImports.split("\n").map((line) => {
    const match = /^(\s*)(.+?);?\s*\/\/ => (.+)$/.exec(line);
    if (match === null) return line;
    const [, indent, expression, expected] = match;
    try {
      JSON.parse(expected!);
    } catch {
      return line;
    }
    return `${indent}__check(${expression}, ${expected}, ${JSON.stringify(line.trim())});`;
  });
  return `${CHECK}\n${lines.join("\n")}\n`;
}

/** The source file behind a package subpath: its `exports` import target, from dist/ to src/. */
function sourceOf(subpath: string): string {
  const manifest = JSON.parse(readFileSync(new URL("package.json", root), "utf8")) as {
    exports: Record<string, { import: { default: string } }>;
  };
  const target = manifest.exports[subpath]?.import.default;
  if (target === undefined)
    throw new Error(
      `doc example imports therapeutic-alliance${subpath.slice(1)}, which package.json does not export`,
    );
  return new URL(target.replace(/^\.\/dist\//, "src/").replace(/\.js$/, ".ts"), root).pathname;
}

const CHECK = `function __check(actual: unknown, expected: unknown, line: string): void {
  const same = typeof actual === "number" && typeof expected === "number"
    ? Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected))
    : typeof expected === "object" && expected !== null
      ? JSON.stringify(actual) === JSON.stringify(expected)
      : actual === expected;
  if (!same) throw new Error(\`doc example: \${line}: got \${JSON.stringify(actual)}\`);
}`;

const withBlocks = documents
  .map((document) => [document, tsBlocks(readFileSync(new URL(document, root), "utf8"))] as const)
  .filter(([, blocks]) => blocks.length > 0);

describe.each(withBlocks)("examples in %s", (document, blocks) => {
  it.each(blocks.map((code, index) => [index + 1, code] as const))(
    "block %i runs and its // => values hold",
    async (index, code) => {
      const file = new URL(`${document.replace(/[/.]/g, "-")}-${index}.ts`, outDir);
      writeFileSync(file, runnable(code));
      const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
      try {
        await import(file.pathname);
      } finally {
        log.mockRestore();
      }
    },
  );
});
