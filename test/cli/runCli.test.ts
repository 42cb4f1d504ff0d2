import { describe, expect, it } from "vitest";
import type { CliIo } from "../../src/cli/io.js";
import { runCli } from "../../src/cli/runCli.js";

/** Runs the CLI in-process on in-memory files; returns exit code, stdout and stderr. */
async function run(
  args: string[],
  files: Record<string, string | Uint8Array> = {},
  tty = false,
  stderrTty = false,
) {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    async *open(path) {
      const content = files[path];
      if (content === undefined)
        throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), {
          code: "ENOENT",
        });
      // Deliver in small chunks to exercise the streaming reader.
      for (let i = 0; i < content.length; i += 7) yield content.slice(i, i + 7);
    },
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    stdoutIsTTY: tty,
    stderrIsTTY: stderrTty,
  };
  const code = await runCli(args, io, "9.9.9");
  return { code, stdout, stderr };
}

const header = "id,1,2,3,4,5,6,7,8,9,10,11,12\n";
const good = "a,4,5,4,3,5,4,4,4,5,4,3,4\nb,1,2,1,2,1,2,1,2,1,2,1,2\n";

describe("alliance score", () => {
  it("scores a CSV to CSV with the id column carried through", async () => {
    const { code, stdout, stderr } = await run(
      ["score", "-i", "wai-sr", "--format", "csv", "in.csv"],
      { "in.csv": header + good },
    );
    expect(code).toBe(0);
    expect(stdout.split("\n")).toEqual([
      "id,total_sum,total_mean,goal_sum,goal_mean,task_sum,task_mean,bond_sum,bond_mean,answered,missing,prorated",
      // a: Goal 4 6 8 11 = 3+4+4+3 = 14, Task 1 2 10 12 = 4+5+4+4 = 17, Bond 3 5 7 9 = 4+5+4+5 = 18
      `a,49,${49 / 12},14,3.5,17,4.25,18,4.5,12,0,false`,
      // b: Goal 4 6 8 11 = 2+2+2+1 = 7, Task 1 2 10 12 = 1+2+2+2 = 7, Bond 3 5 7 9 = 1+1+1+1 = 4
      "b,18,1.5,7,1.75,7,1.75,4,1,12,0,false",
      "",
    ]);
    expect(stderr).toContain("scored 2 response sets");
  });

  it("prints an aligned table on a terminal and JSON otherwise", async () => {
    const table = await run(["score", "-i", "wai-sr", "in.csv"], { "in.csv": header + good }, true);
    expect(table.stdout.split("\n")[0]).toMatch(
      /^id\s+total\s+goal\s+task\s+bond\s+mean\s+missing\s+prorated$/,
    );
    expect(table.stdout).toContain("49.00");
    const json = await run(["score", "-i", "wai-sr", "in.csv"], { "in.csv": header + good });
    const parsed = JSON.parse(json.stdout);
    expect(parsed[0]).toEqual({
      id: "a",
      total: { sum: 49, mean: 49 / 12 },
      goal: { sum: 14, mean: 3.5 },
      task: { sum: 17, mean: 4.25 },
      bond: { sum: 18, mean: 4.5 },
      answered: 12,
      missing: 0,
      prorated: false,
    });
  });

  it("reports a bad row with its line and column, scores the rest, and exits 1", async () => {
    const input = `${header}${good}c,4,5,9,3,5,4,4,4,5,4,3,4\nd,4,5,x,3,5,4,4,4,5,4,3,4\n`;
    const { code, stdout, stderr } = await run(["score", "-i", "wai-sr", "-f", "csv", "in.csv"], {
      "in.csv": input,
    });
    expect(code).toBe(1);
    expect(stdout.trim().split("\n")).toHaveLength(3);
    expect(stderr).toContain("in.csv:4: column 4 (item 3): expected an integer from 1 to 5, got 9");
    expect(stderr).toContain(
      'in.csv:5: column 4 (item 3): expected a number, or an empty cell or NA for a missing answer, got "x"',
    );
  });

  it("skips bad rows with --skip-invalid and exits 0, counting them", async () => {
    const input = `${header}${good}c,4,5,9,3,5,4,4,4,5,4,3,4\n`;
    const { code, stderr } = await run(
      ["score", "-i", "wai-sr", "-f", "csv", "--skip-invalid", "in.csv"],
      { "in.csv": input },
    );
    expect(code).toBe(0);
    expect(stderr).toContain("1 invalid rows skipped");
  });

  it("rejects unknown, duplicate and unsafe headers, and a header missing items", async () => {
    expect(
      (await run(["score", "-i", "wai-sr", "in.csv"], { "in.csv": "id,1,2,foo\n" })).stderr,
    ).toContain('unknown column "foo"');
    expect(
      (await run(["score", "-i", "wai-sr", "in.csv"], { "in.csv": "1,1\n" })).stderr,
    ).toContain("appears twice");
    expect(
      (await run(["score", "-i", "wai-sr", "in.csv"], { "in.csv": "__proto__,1\n" })).stderr,
    ).toContain("UNSAFE_KEY");
    const missing = await run(["score", "-i", "wai-sr", "in.csv"], { "in.csv": "id,1,2,3\n" });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("no column for items 4, 5, 6, 7, 8, 9, 10, 11, 12");
  });

  it("reads a BOM, CRLF and NA, and reports ragged rows and bad bytes", async () => {
    const crlf = `\uFEFF${header.replace("\n", "\r\n")}a,4,5,4,3,5,4,4,NA,5,4,3,4\r\nb,1,2\r\n`;
    const result = await run(["score", "-i", "wai-sr", "-f", "csv", "in.csv"], { "in.csv": crlf });
    expect(result.stdout).toContain("a,");
    expect(result.stderr).toContain("in.csv:3: expected 13 fields like the header, got 3");
    const bytes = new Uint8Array([...new TextEncoder().encode(header), 0xff, 0xfe, 0x0a]);
    const bad = await run(["score", "-i", "wai-sr", "in.csv"], { "in.csv": bytes });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("not valid UTF-8");
  });

  it("says so for an empty file and a missing file, without a stack trace", async () => {
    const empty = await run(["score", "-i", "wai-sr", "in.csv"], { "in.csv": "" });
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain("the input is empty");
    const absent = await run(["score", "-i", "wai-sr", "nope.csv"]);
    expect(absent.code).toBe(1);
    expect(absent.stderr).toContain("ENOENT");
    expect(absent.stderr).not.toContain("    at ");
  });
});

describe("alliance usage", () => {
  it("exits 2 with a pointer to help on usage errors", async () => {
    for (const args of [
      ["score"],
      ["score", "-i", "wai-sr", "--bogus"],
      ["frobnicate"],
      ["score", "-i", "nope", "x.csv"],
      ["score", "-i", "wai-sr", "-f", "xml"],
    ]) {
      const { code, stderr } = await run(args);
      expect([args, code]).toEqual([args, 2]);
      expect(stderr).toMatch(/^alliance: /);
    }
  });

  it("prints help and version", async () => {
    expect((await run(["--help"])).stdout).toContain("Commands:");
    expect((await run(["score", "--help"])).stdout).toContain("Examples:");
    expect((await run(["--version"])).stdout).toBe("9.9.9\n");
  });

  it("lists and describes instruments", async () => {
    const list = await run(["instruments"], {}, true);
    expect(list.stdout).toMatch(
      /wai-sr\s+WAI-SR\s+client\s+12\s+likert 1–5\s+confirmed-primary\s+omitted/,
    );
    const one = await run(["instruments", "wai-s"], {}, true);
    expect(one.stdout).toContain("reverse-keyed: 4, 10");
    const json = JSON.parse((await run(["instruments", "--format", "json"])).stdout);
    expect(json.map((entry: { id: string }) => entry.id)).toContain("wai-c");
  });
});

describe("alliance score, long input and progress", () => {
  it("pivots long input (one row per item) and scores it like the wide file", async () => {
    const wide = await run(["score", "-i", "wai-sr", "-f", "csv", "in.csv"], {
      "in.csv": header + good,
    });
    const long = ["id,item,value"];
    for (const line of good.trim().split("\n")) {
      const [id, ...answers] = line.split(",");
      // Items in reverse order, to show that order does not matter.
      for (let item = 12; item >= 1; item--) long.push(`${id},${item},${answers[item - 1]}`);
      expect(answers).toHaveLength(12);
    }
    const result = await run(["score", "-i", "wai-sr", "--long", "-f", "csv", "long.csv"], {
      "long.csv": `${long.join("\n")}\n`,
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(wide.stdout);
  });

  it("refuses an item given twice for one response set, naming both lines", async () => {
    const { code, stderr } = await run(["score", "-i", "wai-sr", "--long", "long.csv"], {
      "long.csv": "id,item,value\na,1,4\na,1,5\n",
    });
    expect(code).toBe(1);
    expect(stderr).toContain("item 1 of a is given twice (lines 2 and 3)");
  });

  it("shows a progress line on a terminal for inputs over 100,000 rows", async () => {
    const rows = `${header}${"a,4,5,4,3,5,4,4,4,5,4,3,4\n".repeat(100_001)}`;
    const quiet = await run(["score", "-i", "wai-sr", "-f", "csv", "in.csv"], { "in.csv": rows });
    expect(quiet.stderr).not.toContain("rows read");
    const shown = await run(
      ["score", "-i", "wai-sr", "-f", "csv", "in.csv"],
      { "in.csv": rows },
      false,
      true,
    );
    expect(shown.stderr).toContain("\r100,001 rows read…\n");
    expect(shown.stdout).toBe(quiet.stdout);
  });
});
