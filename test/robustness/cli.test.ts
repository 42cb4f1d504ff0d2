/**
 * The CLI on malformed and huge CSV (extends test/cli/runCli.test.ts, which covers BOM, CRLF,
 * ragged rows, bad bytes, empty and missing files, duplicate and unsafe headers, usage errors):
 * a clear error with line and column, or a correct result; never a stack trace without --debug;
 * and a million rows streamed in chunks.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CliIo } from "../../src/cli/io.js";
import { runCli } from "../../src/cli/runCli.js";
import { FUZZ_RUNS, guardPrototypes } from "./harness.js";

guardPrototypes();

/** Runs the CLI in-process; the file is delivered by `chunks` (any iterable of text or bytes). */
async function run(args: string[], chunks: () => Iterable<string | Uint8Array>) {
  let stdoutLength = 0;
  let stdoutLines = 0;
  let head = "";
  let stderr = "";
  const io: CliIo = {
    async *open() {
      yield* chunks();
    },
    stdout: (text) => {
      if (head.length < 2000) head += text.slice(0, 2000);
      stdoutLength += text.length;
      for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) stdoutLines++;
    },
    stderr: (text) => {
      stderr += text;
    },
    stdoutIsTTY: false,
    stderrIsTTY: false,
  };
  const code = await runCli(args, io, "0.0.0");
  return { code, head, stdoutLength, stdoutLines, stderr };
}

const score = (file: string) => ["score", "-i", "wai-sr", "-f", "csv", "--id", "id", file];
const header = "id,1,2,3,4,5,6,7,8,9,10,11,12\n";
const row = (id: string) => `${id},4,5,4,3,5,4,4,4,5,4,3,4\n`;
const STACK = /\n\s+at /;

describe("malformed CSV", () => {
  it("an unbalanced quote names its line; a stray quote names line and column", async () => {
    const open = await run(score("in.csv"), () => [
      header,
      row("a"),
      '"b,4,5,4,3,5,4,4,4,5,4,3,4\n',
    ]);
    expect(open.code).toBe(1);
    expect(open.stderr).toMatch(/PARSE_ERROR.*line 3/);
    expect(open.stderr).toContain("quoted field is not closed");
    const stray = await run(score("in.csv"), () => [header, 'a,4,5"x,4,3,5,4,4,4,5,4,3,4\n']);
    expect(stray.code).toBe(1);
    expect(stray.stderr).toMatch(/line 2: a quote inside an unquoted field at column 6/);
    for (const result of [open, stray]) expect(result.stderr).not.toMatch(STACK);
  });

  it("a header without rows scores nothing and says so, exit 0", async () => {
    const result = await run(score("in.csv"), () => [header]);
    expect(result.code).toBe(0);
    expect(result.head.split("\n")[0]).toContain("total_sum");
    expect(result.stdoutLines).toBe(1);
    expect(result.stderr).toContain("scored 0 response sets");
  });

  it("quoted fields with commas and line breaks in the id column are read as one field", async () => {
    const result = await run(score("in.csv"), () => [
      header,
      `"x, ""y""\nz",4,5,4,3,5,4,4,4,5,4,3,4\n`,
    ]);
    expect(result.code).toBe(0);
    expect(result.head).toContain(`"x, ""y""\nz",49,`);
  });

  it("an unknown instrument or flag exits 2 with a pointer to help, without a stack trace", async () => {
    for (const args of [
      ["score", "-i", "__proto__", "in.csv"],
      ["score", "-i", "wai-sr", "--format", "__proto__", "in.csv"],
      ["score", "-i", "wai-sr", "--constructor", "in.csv"],
      ["toString"],
    ]) {
      const result = await run(args, () => [header]);
      expect([args, result.code]).toEqual([args, 2]);
      expect(result.stderr).toMatch(/^alliance: /);
      expect(result.stderr).not.toMatch(STACK);
    }
  });

  it("random bytes and garbled text never crash the CLI nor print a stack trace", async () => {
    const text = fc.oneof(
      fc.string({ unit: "binary", maxLength: 80 }),
      fc
        .array(fc.constantFrom('"', ",", "\n", "\r", "\uFEFF", "4", "x", "NA", "1e3", "\u0000"), {
          maxLength: 60,
        })
        .map((parts) => header + parts.join("")),
      fc.uint8Array({ maxLength: 60 }),
    );
    await fc.assert(
      fc.asyncProperty(text, async (content) => {
        const result = await run(score("in.csv"), () => [content]);
        expect([0, 1, 2]).toContain(result.code);
        expect(result.stderr).not.toMatch(STACK);
        expect(result.stderr).not.toContain("unexpected error");
      }),
      { numRuns: Math.ceil(FUZZ_RUNS / 20) },
    );
  });
});

describe("a million rows", () => {
  it("streams 1,000,000 rows in 64 kB chunks and scores each one", async () => {
    const rows = 1_000_000;
    const line = row("r");
    function* chunks() {
      yield header;
      const perChunk = Math.floor(65_536 / line.length);
      for (let done = 0; done < rows; done += perChunk)
        yield line.repeat(Math.min(perChunk, rows - done));
    }
    const result = await run(score("big.csv"), chunks);
    expect(result.stderr).not.toMatch(STACK);
    expect(result.code).toBe(0);
    expect(result.stdoutLines).toBe(rows + 1);
    expect(result.stderr).toContain("scored 1000000 response sets");
  }, 120_000);
});
