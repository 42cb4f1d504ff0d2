import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fleissKappa } from "../../src/reliability/fleissKappa.js";
import fixtures from "../fixtures/agreement/fleiss.json" with { type: "json" };
import { deepFreeze, thrownBy } from "../helpers.js";

// Fixtures: scripts/fixtures-agreement.R computes Fleiss' kappa in R from Fleiss (1971) and
// Fleiss, Nee & Landis (1979), written out there (irr is not packaged for Debian's R).
const TOLERANCE = 1e-8;
let largest = 0;
function expectClose(actual: number, expected: number, what: string): void {
  // Relative difference; below |expected| = 1e-6 it is taken relative to 1e-6.
  const difference = Math.abs(actual - expected) / Math.max(Math.abs(expected), 1e-6);
  largest = Math.max(largest, difference);
  expect(difference, `${what}: ${actual} vs ${expected}`).toBeLessThan(TOLERANCE);
}

const diagnoses = fixtures.cases.find((c) => c.name === "fleiss1971")!;

describe("fleissKappa", () => {
  it("reproduces Fleiss (1971) on the 30 x 6 diagnoses at the published precision", () => {
    // Fleiss (1971), Psychol Bull 76, 378-382: kappa = .430. irr::kappam.fleiss(diagnoses,
    // detail = TRUE) prints z = 17.652 and category kappas .245 .245 .520 .471 .566 with
    // z = 5.192 5.192 11.031 9.994 12.009 (as quoted in pyirr's README, a port of irr).
    const result = fleissKappa(deepFreeze(diagnoses.input));
    expect(result.kappa).toBeCloseTo(0.43, 3);
    expect(result.z).toBeCloseTo(17.652, 3);
    expect(result.subjects).toBe(30);
    expect(result.raters).toBe(6);
    const published = [
      [0.245, 5.192],
      [0.245, 5.192],
      [0.52, 11.031],
      [0.471, 9.994],
      [0.566, 12.009],
    ];
    result.categories.forEach((category, j) => {
      expect(category.kappa).toBeCloseTo(published[j]![0]!, 3);
      expect(category.z).toBeCloseTo(published[j]![1]!, 3);
    });
  });

  for (const fx of fixtures.cases) {
    it(`matches the R computation on ${fx.name}`, () => {
      const result = fleissKappa(deepFreeze(fx.input as (string | number | null)[][]));
      expect(result.subjects).toBe(fx.subjects);
      expect(result.raters).toBe(fx.raters);
      expect(result.nDropped).toBe("nDropped" in fx ? fx.nDropped : 0);
      expect(result.categories.map((c) => c.category)).toEqual(fx.categories);
      expectClose(result.kappa, fx.kappa, "kappa");
      expectClose(result.se, fx.se, "se");
      expectClose(result.z, fx.z, "z");
      expectClose(result.p, fx.p, "p");
      expectClose(result.observedAgreement, fx.pBar, "P bar");
      expectClose(result.expectedAgreement, fx.pExpected, "P e");
      result.categories.forEach((category, j) => {
        expectClose(category.kappa, fx.categoryKappa[j]!, "category kappa");
        expectClose(category.se, fx.categorySe, "category se");
        expectClose(category.z, fx.categoryZ[j]!, "category z");
        expectClose(category.p, fx.categoryP[j]!, "category p");
        expectClose(category.proportion, fx.pj[j]!, "p_j");
      });
    });
  }

  it("gives the same answer from a subjects x categories count table", () => {
    const counts = diagnoses.input.map((row) =>
      [1, 2, 3, 4, 5].map((category) => row.filter((label) => label === category).length),
    );
    const fromCounts = fleissKappa(deepFreeze(counts), { input: "counts" });
    expectClose(fromCounts.kappa, diagnoses.kappa, "kappa from counts");
    expectClose(fromCounts.se, diagnoses.se, "se from counts");
    expect(fromCounts.categories.map((c) => c.category)).toEqual([1, 2, 3, 4, 5]);
  });

  it("computes a small case by hand", () => {
    // counts a/b: (2,1) (0,3) (3,0); n = 3, N = 3. P_i = 1/3, 1, 1 so P bar = 7/9;
    // p_a = 5/9, p_b = 4/9, P_e = 41/81; kappa = (63/81 - 41/81)/(40/81) = 0.55.
    const result = fleissKappa([
      ["a", "a", "b"],
      ["b", "b", "b"],
      ["a", "a", "a"],
    ]);
    expect(result.kappa).toBeCloseTo(0.55, 12);
  });

  it("drops subjects with a missing rating and warns about unused categories", () => {
    const result = fleissKappa(
      [
        ["x", "y"],
        ["x", null],
        ["y", "y"],
      ],
      { levels: ["x", "y", "z"] },
    );
    expect(result.nDropped).toBe(1);
    expect(result.warnings.map((w) => w.code)).toEqual(["ROWS_DROPPED", "UNUSED_CATEGORY"]);
    expect(Number.isNaN(result.categories[2]!.kappa)).toBe(true);
  });

  it("rejects bad input", () => {
    const holedRow: string[] = new Array(2); // a hole in a row reads as a missing rating
    holedRow[0] = "a";
    const holed = [["a", "a"], holedRow, ["b", "b"]];
    expect(fleissKappa(holed).nDropped).toBe(1);
    expect(
      thrownBy(() => fleissKappa([["a", "b"]], null as unknown as Record<string, never>)).code,
    ).toBe("INVALID_OPTION");
    expect(thrownBy(() => fleissKappa([["a"], ["b"]])).code).toBe("NOT_ENOUGH_DATA");
    const outside = thrownBy(() =>
      fleissKappa(
        [
          ["a", null],
          ["a", "b"],
          ["a", "z"],
        ],
        { levels: ["a", "b"] },
      ),
    );
    expect(outside.code).toBe("OUT_OF_RANGE");
    expect(outside.path).toBe("ratings[2][1]");
    expect(thrownBy(() => fleissKappa([["a", "b"], ["a"]])).code).toBe("WRONG_LENGTH");
    expect(
      thrownBy(() =>
        fleissKappa([
          [1, 2],
          ["a", "b"],
        ]),
      ).code,
    ).toBe("INVALID_INPUT");
    expect(
      thrownBy(() =>
        fleissKappa(
          [
            [1, 2],
            [3, 1],
          ],
          { input: "counts" },
        ),
      ).code,
    ).toBe("INVALID_INPUT");
    expect(thrownBy(() => fleissKappa([[1.5, 1.5]], { input: "counts" })).code).toBe(
      "OUT_OF_RANGE",
    );
    expect(
      thrownBy(() => fleissKappa([["a", "b"]], { input: "table" as unknown as "counts" })).code,
    ).toBe("INVALID_OPTION");
  });

  it("does not depend on the order of ratings within a subject (property)", () => {
    const table = fc.array(
      fc.array(fc.constantFrom("a", "b", "c"), { minLength: 3, maxLength: 3 }),
      {
        minLength: 2,
        maxLength: 20,
      },
    );
    fc.assert(
      fc.property(table, (rows) => {
        const reversed = rows.map((row) => [...row].reverse());
        const levels = ["a", "b", "c"];
        const first = fleissKappa(rows, { levels });
        const second = fleissKappa(reversed, { levels });
        if (Number.isNaN(first.kappa)) expect(Number.isNaN(second.kappa)).toBe(true);
        else expect(second.kappa).toBeCloseTo(first.kappa, 12);
      }),
      { numRuns: 200 },
    );
  });

  it("reports the largest relative difference from R", () => {
    console.log(`fleissKappa: largest relative difference from R ${largest}`);
    expect(largest).toBeLessThan(TOLERANCE);
  });
});
