import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

/**
 * Runs every ```ts block of docs/interop.md against the sources. A line `expression; // => value`
 * whose value is JSON becomes a check that the expression equals it.
 */
const guide = readFileSync(resolve("docs/interop.md"), "utf8");
const blocks = [...guide.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]!);
const directory = mkdtempSync(join(tmpdir(), "interop-guide-"));
const source = resolve("src/interop/index.ts");

function runnable(block: string): { code: string; checks: number } {
  let checks = 0;
  const lines = block.split("\n").map((line) => {
    const match = /^(.*?);\s*\/\/ => (.+)$/.exec(line);
    if (match === null) return line;
    try {
      JSON.parse(match[2]!);
    } catch {
      return line;
    }
    checks++;
    return `__checks.push([${match[1]}, ${match[2]}, ${JSON.stringify(match[1])}]);`;
  });
  const code = lines
    .join("\n")
    .replaceAll('"therapeutic-alliance/interop"', JSON.stringify(source));
  const imports = code.split("\n").filter((line) => line.startsWith("import "));
  const body = code.split("\n").filter((line) => !line.startsWith("import "));
  return {
    code: [...imports, "export const __checks: [unknown, unknown, string][] = [];", ...body].join(
      "\n",
    ),
    checks,
  };
}

afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe("docs/interop.md", () => {
  it("has examples", () => {
    expect(blocks.length).toBeGreaterThanOrEqual(6);
  });

  blocks.forEach((block, index) => {
    it(`example ${index + 1} runs and prints what the guide says`, async () => {
      const { code, checks } = runnable(block);
      const file = join(directory, `example-${index + 1}.ts`);
      writeFileSync(file, code);
      const module = (await import(file)) as { __checks: [unknown, unknown, string][] };
      expect(module.__checks).toHaveLength(checks);
      for (const [actual, expected, expression] of module.__checks)
        expect(actual, expression).toEqual(expected);
    });
  });
});
