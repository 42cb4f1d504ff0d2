import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { CliIo } from "../../src/cli/io.js";
import { runCli } from "../../src/cli/runCli.js";
import { safeFileName } from "../../src/cli/rupturesCommand.js";
import { cronbachAlpha } from "../../src/reliability/cronbachAlpha.js";

const example = readFileSync(
  new URL("../../examples/data/wai-sr-simulated.csv", import.meta.url),
  "utf8",
);

async function run(args: string[], files: Record<string, string> = {}) {
  let stdout = "";
  let stderr = "";
  const written: Record<string, string> = {};
  const io: CliIo = {
    async *open(path) {
      const content = files[path];
      if (content === undefined)
        throw Object.assign(new Error(`ENOENT: ${path}`), { code: "ENOENT" });
      yield content;
    },
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    stdoutIsTTY: false,
    stderrIsTTY: false,
    async writeFile(path, text) {
      written[path] = text;
    },
    bundledExample: "example.csv",
  };
  const code = await runCli(args, io, "0.0.0");
  return { code, stdout, stderr, written };
}

describe("alliance reliability", () => {
  it("gives cronbachAlpha's numbers for the chosen columns, in JSON", async () => {
    const csv = "id,a,b,c\n1,1,2,2\n2,2,3,3\n3,3,3,4\n4,4,5,4\n5,2,,3\n";
    const { code, stdout } = await run(
      ["reliability", "--stat", "alpha", "--id", "id", "--format", "json", "in.csv"],
      { "in.csv": csv },
    );
    expect(code).toBe(0);
    const direct = cronbachAlpha(
      [
        [1, 2, 2],
        [2, 3, 3],
        [3, 3, 4],
        [4, 5, 4],
        [2, null, 3],
      ],
      { itemNames: ["a", "b", "c"] },
    );
    expect(JSON.parse(stdout)).toEqual(JSON.parse(JSON.stringify(direct)));
  });

  it("prints readable tables for each statistic", async () => {
    const csv = "r1,r2,r3\n9,2,5\n6,1,3\n8,4,6\n7,1,2\n10,5,6\n6,2,4\n";
    const icc = await run(["reliability", "-s", "icc", "-f", "table", "in.csv"], { "in.csv": csv });
    expect(icc.stdout).toMatch(/ICC2k\s+ICC\(A,k\)/);
    const kappa = await run(
      ["reliability", "-s", "kappa", "-c", "r2,r3", "-f", "table", "in.csv"],
      { "in.csv": csv },
    );
    expect(kappa.stdout).toContain("unweighted");
    const kripp = await run(["reliability", "-s", "krippendorff", "-f", "table", "in.csv"], {
      "in.csv": csv,
    });
    expect(kripp.stdout).toContain("Krippendorff's alpha (interval)");
  });

  it("names the cell that is not a number and exits 1; a bad flag exits 2", async () => {
    const bad = await run(["reliability", "in.csv"], { "in.csv": "a,b\n1,x\n" });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("in.csv:2, column 2 (b)");
    expect(
      (await run(["reliability", "-s", "kappa", "in.csv"], { "in.csv": "a,b,c\n1,2,3\n" })).code,
    ).toBe(2);
    expect((await run(["reliability", "-s", "nope", "in.csv"], { "in.csv": "a\n1\n" })).code).toBe(
      2,
    );
  });
});

describe("alliance ruptures", () => {
  const series =
    "id,session,score\nA,1,38\nA,2,39\nA,3,38\nA,4,27\nA,5,26\nA,6,27\nA,7,26\nA,8,27\nB,1,30\nB,2,30\nB,3,31\nB,4,30\nB,5,31\n";

  it("finds the worked example's sudden loss (ruptures.md 1.5 C) and writes CSV", async () => {
    const { code, stdout, stderr } = await run(
      ["ruptures", "-m", "sudden-change", "--cutoff", "7", "-f", "csv", "in.csv"],
      { "in.csv": series },
    );
    expect(code).toBe(0);
    const lines = stdout.trim().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^A,sudden-change,sudden-loss,3,4,/);
    expect(stderr).toContain("2 clients");
  });

  it("writes one SVG per client under --plot with safe file names", async () => {
    const { written } = await run(["ruptures", "--plot", "plots/", "-f", "json", "in.csv"], {
      "in.csv": series,
    });
    expect(Object.keys(written).sort()).toEqual(["plots/A.svg", "plots/B.svg"]);
    expect(written["plots/A.svg"]).toMatch(/^<svg/);
    for (const id of ["../../etc/passwd", "/abs", ".hidden", "a b\\c"]) {
      expect(safeFileName(id)).toMatch(/^[A-Za-z0-9_-][A-Za-z0-9._-]*$/);
    }
    expect(safeFileName("")).toBe("_");
  });

  it("asks for what a method needs", async () => {
    const { code, stderr } = await run(["ruptures", "-m", "reliable-drop", "in.csv"], {
      "in.csv": series,
    });
    expect(code).toBe(2);
    expect(stderr).toContain("--sd N and --reliability R");
  });
});

describe("alliance demo", () => {
  it("scores the simulated caseload, reports alpha, and finds the simulated rupture of c03", async () => {
    const { code, stdout } = await run(["demo"], { "example.csv": example });
    expect(code).toBe(0);
    expect(stdout).toContain("SIMULATED");
    expect(stdout).toMatch(/c03\s+3\s+27\.00/);
    expect(stdout).toMatch(/raw alpha/);
    expect(stdout).toMatch(/c03\s+2\s+3\s+5\s+[\d.]+\s+repaired/);
  });
});
