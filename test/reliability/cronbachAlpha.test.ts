import { describe, expect, it } from "vitest";
import { cronbachAlpha } from "../../src/reliability/cronbachAlpha.js";
import { deepFreeze, relativeError, thrownBy } from "../helpers.js";
import { dataset, expectClose, readFixture } from "./internalConsistencyFixtures.js";

interface AlphaCase {
  name: string;
  missing: "pairwise" | "listwise";
  input: { data: string; keys: number[] };
  expected: Record<string, unknown> & {
    level: number;
    feldt: { lower: number; upper: number };
    duhachek: { lower: number; upper: number };
    alphaDrop: Record<string, number | null>[];
    itemStats: Record<string, number>[];
    n?: number;
    nDropped?: number;
    negativeItems?: number[];
  };
}

// Written by scripts/fixtures-internal-consistency.R from psych::alpha (psych 2.2.9);
// listwise cases are psych::alpha on the complete rows.
const cases = readFixture<AlphaCase[]>("alpha");
const tolerance = 1e-8;
const totalFields = [
  "rawAlpha",
  "stdAlpha",
  "g6",
  "averageR",
  "signalNoise",
  "ase",
  "totalMean",
  "totalSd",
  "medianR",
  "varR",
] as const;
const dropFields = [
  "rawAlpha",
  "stdAlpha",
  "g6",
  "averageR",
  "signalNoise",
  "alphaSe",
  "varR",
  "medianR",
] as const;
const itemFields = ["n", "rawR", "stdR", "rCor", "rDrop", "mean", "sd"] as const;

function run(c: AlphaCase) {
  const data = dataset(c.input.data);
  const keys = c.input.keys.some((key) => key < 0) ? c.input.keys : undefined;
  return cronbachAlpha(deepFreeze(data.rows), {
    missing: c.missing,
    level: c.expected.level,
    itemNames: data.columns,
    ...(keys === undefined ? {} : { keys }),
  });
}

describe("cronbachAlpha against psych::alpha", () => {
  for (const c of cases) {
    it(`matches every field on ${c.name}`, () => {
      const result = run(c);
      const e = c.expected;
      for (const field of totalFields) {
        expectClose(result[field] as number, e[field] as number, tolerance, field);
      }
      expectClose(result.feldt.lower, e.feldt.lower, tolerance, "feldt.lower");
      expectClose(result.feldt.upper, e.feldt.upper, tolerance, "feldt.upper");
      expectClose(result.duhachek.lower, e.duhachek.lower, tolerance, "duhachek.lower");
      expectClose(result.duhachek.upper, e.duhachek.upper, tolerance, "duhachek.upper");
      expect(result.feldt.method).toBe("feldt");
      expect(result.feldt.level).toBe(e.level);
      expect(result.alphaDrop).toHaveLength(e.alphaDrop.length);
      e.alphaDrop.forEach((row, i) => {
        for (const field of dropFields) {
          expectClose(
            result.alphaDrop[i]![field]!,
            row[field]!,
            tolerance,
            `alphaDrop[${i}].${field}`,
          );
        }
      });
      e.itemStats.forEach((row, i) => {
        for (const field of itemFields) {
          expectClose(result.items[i]![field], row[field]!, tolerance, `items[${i}].${field}`);
        }
      });
      if (e.n !== undefined) expect(result.n).toBe(e.n);
      if (e.nDropped !== undefined) expect(result.nDropped).toBe(e.nDropped);
    });
  }

  it("warns about the items psych flags when no keys are given (bfi, 25 items)", () => {
    const c = cases.find((x) => x.name === "bfi_all25_nokeys")!;
    const result = run(c);
    const warning = result.warnings.find((w) => w.code === "NEGATIVE_ITEM_TOTAL");
    const names = c.expected.negativeItems!.map((j) => dataset(c.input.data).columns[j]);
    expect(names.length).toBeGreaterThan(0);
    expect(warning?.message).toContain(names.join(", "));
  });

  it("does not warn about negative items once keys are given", () => {
    const c = cases.find((x) => x.name === "bfi_agree_consc_pairwise")!;
    expect(run(c).warnings).toEqual([]);
  });
});

describe("cronbachAlpha on pingouin's cronbach_wide_missing data", () => {
  // pingouin's docs pin psych::alpha on its `cronbach_wide_missing` dataset (12 x 11 binary,
  // 4 cells missing; credited to www.real-statistics.com): 0.732661 with pairwise deletion and
  // 0.801695 listwise (pingouin 0.5, `cronbach_alpha` docstring). Checked at that precision.
  const rows = dataset("pingouin_wide").rows;
  it("gives 0.732661 pairwise and 0.801695 listwise", () => {
    expect(cronbachAlpha(deepFreeze(rows)).rawAlpha.toFixed(6)).toBe("0.732661");
    expect(cronbachAlpha(rows, { missing: "listwise" }).rawAlpha.toFixed(6)).toBe("0.801695");
  });
  it("gives pingouin's pairwise Feldt interval [0.435, 0.909]", () => {
    const { feldt } = cronbachAlpha(rows);
    expect(feldt.lower.toFixed(3)).toBe("0.435");
    expect(feldt.upper.toFixed(3)).toBe("0.909");
  });
  it("counts the three incomplete rows dropped listwise", () => {
    const result = cronbachAlpha(rows, { missing: "listwise" });
    expect(result.n).toBe(9);
    expect(result.nDropped).toBe(3);
  });
});

describe("cronbachAlpha by hand", () => {
  // Items (1,2,3) and (1,3,2): variances 1 and 1, covariance 0.5, total variance 3.
  // alpha = 2 * (1 - 2/3) = 2/3; two items, so alpha-if-dropped is undefined.
  it("computes a two-item alpha and says alphaDrop is empty", () => {
    const result = cronbachAlpha(
      deepFreeze([
        [1, 1],
        [2, 3],
        [3, 2],
      ]),
    );
    expect(result.rawAlpha).toBeCloseTo(2 / 3, 14);
    expect(result.alphaDrop).toEqual([]);
    expect(result.warnings.map((w) => w.code)).toEqual(["ALPHA_DROP_UNDEFINED"]);
  });

  // Reversal uses min + max of the whole matrix: here 1 + 5 = 6, so column 2 becomes 6 - x.
  it("reverses keyed items with the whole-matrix min + max", () => {
    const rows = [
      [1, 5, 2],
      [2, 4, 2],
      [4, 2, 5],
      [5, 1, 4],
    ];
    const result = cronbachAlpha(deepFreeze(rows), { keys: [1, -1, 1] });
    expect(result.items[1]!.mean).toBeCloseTo(6 - 3, 14);
    expect(result.rawAlpha).toBeGreaterThan(0.9);
  });

  it("leaves out a zero-variance item with a warning", () => {
    const rows = [
      [1, 2, 3],
      [2, 2, 4],
      [3, 2, 4],
      [4, 2, 6],
    ];
    const result = cronbachAlpha(deepFreeze(rows));
    expect(result.k).toBe(2);
    expect(result.warnings[0]).toMatchObject({ code: "ZERO_VARIANCE_ITEM", path: "data[*][1]" });
  });

  it("warns when the average covariance is negative", () => {
    const rows = [
      [1, 4, 2],
      [2, 3, 1],
      [3, 2, 3],
      [4, 1, 2],
    ];
    const codes = cronbachAlpha(deepFreeze(rows)).warnings.map((w) => w.code);
    expect(codes).toContain("NEGATIVE_AVERAGE_COVARIANCE");
  });

  it("accepts a typed matrix and gives the same alpha as rows", () => {
    const rows = [
      [1, 2, 2],
      [2, 3, 3],
      [3, 3, 5],
      [5, 4, 4],
    ];
    const typed = { values: Float64Array.from(rows.flat()), rows: 4, cols: 3 };
    expect(cronbachAlpha(typed).rawAlpha).toBe(cronbachAlpha(rows).rawAlpha);
  });
});

describe("cronbachAlpha input errors", () => {
  it("rejects a bad level", () => {
    expect(
      thrownBy(() =>
        cronbachAlpha(
          [
            [1, 2],
            [2, 3],
          ],
          { level: 1 },
        ),
      ),
    ).toMatchObject({
      code: "INVALID_OPTION",
      path: "options.level",
    });
  });
  it("rejects keys of the wrong length or value", () => {
    expect(
      thrownBy(() =>
        cronbachAlpha(
          [
            [1, 2],
            [2, 3],
          ],
          { keys: [1] },
        ),
      ).code,
    ).toBe("WRONG_LENGTH");
    expect(
      thrownBy(() =>
        cronbachAlpha(
          [
            [1, 2],
            [2, 3],
          ],
          { keys: [1, 0] },
        ),
      ).path,
    ).toBe("options.keys[1]");
  });
  it("rejects an unknown missing-data policy", () => {
    const options = { missing: "mean" } as unknown as { missing: "pairwise" };
    expect(
      thrownBy(() =>
        cronbachAlpha(
          [
            [1, 2],
            [2, 3],
          ],
          options,
        ),
      ).code,
    ).toBe("INVALID_OPTION");
  });
  it("needs two complete rows for listwise deletion", () => {
    const e = thrownBy(() =>
      cronbachAlpha(
        [
          [1, null],
          [2, 3],
        ],
        { missing: "listwise" },
      ),
    );
    expect(e.code).toBe("NOT_ENOUGH_DATA");
  });
});

describe("cronbachAlpha on data double precision cannot carry (issue 7)", () => {
  it("computes values millions apart on few shared rows as R does (F6, once a TypeError)", () => {
    // The fuzz suite's minimal case: the pairwise correlation of the two columns over rows 1–2
    // lost its digits to the one-pass sums, and ml-matrix's eigen-decomposition threw on it.
    // By hand: covariances 2 (item 1), 2 (pair), 6.8017e16 (item 2), so
    // alpha = 2 × (1 − (2 + 6.8017e16) / (6 + 6.8017e16)) = 8 / 6.8017e16 ≈ 1.2e-16: zero to rounding.
    const minimal = cronbachAlpha(
      deepFreeze([
        [null, -451721146],
        [1, 3],
        [3, 5],
      ]),
    );
    expect(Math.abs(minimal.rawAlpha)).toBeLessThan(1e-15);
    // R 4.2, psych 2.2.9: alpha(data.frame(a = c(NA, 1, 3, 2), b = c(-451721146, 3, 5, 2),
    // c = c(2, 1, 4, 2)))$total gives raw_alpha 2.213756e-09, std.alpha 0.703408, G6 0.8229795.
    const three = cronbachAlpha([
      [null, -451721146, 2],
      [1, 3, 1],
      [3, 5, 4],
      [2, 2, 2],
    ]);
    expect(relativeError(three.rawAlpha, 2.213756e-9)).toBeLessThan(1e-6);
    expect(relativeError(three.stdAlpha, 0.703408)).toBeLessThan(1e-6);
    expect(relativeError(three.g6, 0.8229795)).toBeLessThan(1e-6);
  });

  it("refuses values whose squares overflow", () => {
    const error = thrownBy(() =>
      cronbachAlpha([
        [1e200, 1],
        [2, 3],
        [3, 2],
      ]),
    );
    expect(error).toMatchObject({ code: "OUT_OF_RANGE", path: "data[*][0]" });
  });

  it("skips the reversed-item check with a warning when a pairwise correlation is undefined", () => {
    // Items share rows 1 and 2, where item 2 is constant (3, 3): R's cor gives NA there and
    // psych::alpha stops in principal(). By hand: var(1, 3) = 2, var(7, 3, 3) = 16/3, and the
    // covariance over the shared rows is 0, so alpha = 2 (1 - (2 + 16/3) / (2 + 16/3)) = 0.
    const result = cronbachAlpha(
      deepFreeze([
        [null, 7],
        [1, 3],
        [3, 3],
      ]),
    );
    expect(result.rawAlpha).toBeCloseTo(0, 12);
    expect(result.warnings.map((w) => w.code)).toContain("ITEM_CHECK_SKIPPED");
  });

  it("refuses options that are not a record with INVALID_OPTION", () => {
    const rows = [
      [1, 2],
      [2, 3],
      [3, 3],
    ];
    for (const options of [null, 3, "listwise", []]) {
      expect(thrownBy(() => cronbachAlpha(rows, options as never))).toMatchObject({
        code: "INVALID_OPTION",
        path: "options",
      });
    }
  });
});
