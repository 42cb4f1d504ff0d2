import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { krippendorffAlpha } from "../../src/reliability/krippendorffAlpha.js";
import fixtures from "../fixtures/agreement/krippendorff.json" with { type: "json" };
import { deepFreeze, thrownBy } from "../helpers.js";

// Fixtures: scripts/fixtures-agreement.R computes alpha by summing δ² over every pair of values
// (no coincidence matrix), from Krippendorff (2011); irr is not packaged for Debian's R.
const TOLERANCE = 1e-8;
let largest = 0;
function expectClose(actual: number, expected: number, what: string): void {
  // Relative difference; below |expected| = 1e-6 it is taken relative to 1e-6.
  const difference = Math.abs(actual - expected) / Math.max(Math.abs(expected), 1e-6);
  largest = Math.max(largest, difference);
  expect(difference, `${what}: ${actual} vs ${expected}`).toBeLessThan(TOLERANCE);
}

const LEVELS = ["nominal", "ordinal", "interval", "ratio"] as const;
const example = fixtures.cases.find((c) => c.name === "krippendorff2011")!;

describe("krippendorffAlpha", () => {
  it("reproduces Krippendorff (2011) example C at its printed precision", () => {
    // Krippendorff, K. (2011). Computing Krippendorff's alpha-reliability, p. 7-9 (4 observers,
    // 12 units, missing values): nominal .743, ordinal .815, interval .849, ratio .797.
    const published = { nominal: 0.743, ordinal: 0.815, interval: 0.849, ratio: 0.797 };
    for (const level of LEVELS) {
      const result = krippendorffAlpha(deepFreeze(example.input), { level });
      expect(result.alpha).toBeCloseTo(published[level], 3);
      expect(result.units).toBe(11); // unit 12 has a single value
      expect(result.unitsDropped).toBe(1);
      expect(result.pairableValues).toBe(40);
    }
  });

  it("reads the coders-by-units layout (Krippendorff's own)", () => {
    const codersByUnits = example.input[0]!.map((_, coder) =>
      example.input.map((row) => row[coder]!),
    );
    const result = krippendorffAlpha(codersByUnits, {
      level: "nominal",
      layout: "coders-by-units",
    });
    expect(result.alpha).toBeCloseTo(0.743, 3);
    expect(result.coders).toBe(4);
  });

  for (const fx of fixtures.cases) {
    it(`matches the R pairwise computation on ${fx.name}`, () => {
      for (const level of LEVELS) {
        const expected = fx.results[level];
        const result = krippendorffAlpha(deepFreeze(fx.input), { level });
        expectClose(result.alpha, expected.alpha, `${level} alpha`);
        expectClose(result.observedDisagreement, expected.observedDisagreement, `${level} D_o`);
        expectClose(result.expectedDisagreement, expected.expectedDisagreement, `${level} D_e`);
        expect(result.pairableValues).toBe(expected.pairableValues);
        expect(result.units).toBe(expected.units);
      }
    });
  }

  it("computes a small interval case by hand", () => {
    // values 1,1 | 2,2 | 3,2: n = 6; D_o = (0 + 0 + 2 * 1^2 / 1) / 6 = 1/3;
    // mean 11/6, sum of squared deviations 102/36, D_e = 2 * (102/36) / 5 = 17/15;
    // alpha = 1 - (1/3)/(17/15) = 12/17.
    const result = krippendorffAlpha(
      [
        [1, 1],
        [2, 2],
        [3, 2],
      ],
      { level: "interval" },
    );
    expect(result.alpha).toBeCloseTo(12 / 17, 12);
  });

  it("gives a deterministic bootstrap interval for a seed", () => {
    const options = { level: "ordinal" as const, bootstrap: { seed: 42, samples: 300 } };
    const fx = fixtures.cases.find((c) => c.name === "simulatedOrdinal")!;
    const first = krippendorffAlpha(fx.input, options);
    const again = krippendorffAlpha(fx.input, options);
    const other = krippendorffAlpha(fx.input, { ...options, bootstrap: { seed: 7, samples: 300 } });
    expect(again.ci).toEqual(first.ci);
    expect(other.ci).not.toEqual(first.ci);
    expect(first.ci!.lower).toBeLessThan(first.alpha);
    expect(first.ci!.upper).toBeGreaterThan(first.alpha);
    expect(first.ci!.level).toBe(0.95);
    expect(first.ci!.method).toBe("bootstrap-units-percentile");
    expect(first.bootstrap).toEqual({ samples: 300, seed: 42, used: 300 });
  });

  it("refuses a bootstrap sample whose disagreements overflow instead of a NaN bound", () => {
    // The 100,000-run fuzz's case: the data's own sums stay finite, but a sample that draws the
    // 4e153 unit several times overflows; the interval's lower bound was NaN, silently.
    const data = [
      [4.005885710265822e153, 1, 3, 4],
      [3, 1, 3, 4],
    ];
    expect(
      Number.isFinite(krippendorffAlpha(data, { level: "interval" }).observedDisagreement),
    ).toBe(true);
    expect(
      thrownBy(() => krippendorffAlpha(data, { level: "interval", bootstrap: { seed: 1 } })),
    ).toMatchObject({ code: "OUT_OF_RANGE", path: "data" });
  });

  it("accepts a typed-array matrix without touching it", () => {
    const values = Float64Array.from([1, 1, 2, Number.NaN, 2, 2]);
    const result = krippendorffAlpha({ values, rows: 3, cols: 2 }, { level: "interval" });
    expect(result.units).toBe(2);
    expect(Number.isNaN(values[3]!)).toBe(true);
  });

  it("warns when there is no variation", () => {
    const result = krippendorffAlpha([
      [1, 1],
      [1, 1],
    ]);
    expect(result.warnings.map((w) => w.code)).toContain("NO_VARIATION");
  });

  it("rejects bad input", () => {
    const overflow = thrownBy(() =>
      krippendorffAlpha(
        [
          [1e308, -1e308],
          [1, 2],
        ],
        { level: "interval" },
      ),
    );
    expect(overflow.code).toBe("OUT_OF_RANGE");
    expect(
      thrownBy(() => krippendorffAlpha([[1, 2]], { bootstrap: { seed: 1, samples: 1e6 } })).path,
    ).toBe("options.bootstrap.samples");
    // The ratio metric is scale-free, so huge values still give a finite answer:
    // ((3 - 1)/(3 + 1))^2 = 0.25 at any common scale.
    const huge = krippendorffAlpha(
      [
        [1e308, 1e308],
        [3e307, 1e307],
      ],
      { level: "ratio" },
    );
    const small = krippendorffAlpha(
      [
        [10, 10],
        [3, 1],
      ],
      { level: "ratio" },
    );
    expect(huge.alpha).toBeCloseTo(small.alpha, 12);
    expect(thrownBy(() => krippendorffAlpha([[1, null]])).code).toBe("NOT_ENOUGH_DATA");
    expect(
      thrownBy(() =>
        krippendorffAlpha(
          [
            [-1, 2],
            [1, 1],
          ],
          { level: "ratio" },
        ),
      ).code,
    ).toBe("OUT_OF_RANGE");
    expect(
      thrownBy(() => krippendorffAlpha([[1, 2]], { level: "metric" as unknown as "interval" }))
        .code,
    ).toBe("INVALID_OPTION");
    expect(thrownBy(() => krippendorffAlpha([[1, 2]], { bootstrap: { seed: 1.5 } })).path).toBe(
      "options.bootstrap.seed",
    );
    expect(
      thrownBy(() => krippendorffAlpha([[1, 2]], { bootstrap: { seed: 1, samples: 0 } })).code,
    ).toBe("INVALID_OPTION");
  });

  it("is unchanged by an affine rescaling (interval) and a monotone one (ordinal) (property)", () => {
    const data = fc.array(
      fc.array(fc.option(fc.integer({ min: 1, max: 6 }), { nil: null }), {
        minLength: 3,
        maxLength: 3,
      }),
      { minLength: 3, maxLength: 25 },
    );
    fc.assert(
      fc.property(data, (rows) => {
        const pairable = rows.some((row) => row.filter((v) => v !== null).length >= 2);
        fc.pre(pairable);
        const affine = rows.map((row) => row.map((v) => (v === null ? null : 10 - 3 * v)));
        const monotone = rows.map((row) => row.map((v) => (v === null ? null : v ** 3)));
        const interval = krippendorffAlpha(rows, { level: "interval" });
        const ordinal = krippendorffAlpha(rows, { level: "ordinal" });
        const same = (a: number, b: number): void => {
          if (Number.isNaN(a)) expect(Number.isNaN(b)).toBe(true);
          else expect(b).toBeCloseTo(a, 9);
        };
        same(interval.alpha, krippendorffAlpha(affine, { level: "interval" }).alpha);
        same(ordinal.alpha, krippendorffAlpha(monotone, { level: "ordinal" }).alpha);
        const transposed = rows[0]!.map((_, c) => rows.map((row) => row[c]!));
        same(
          interval.alpha,
          krippendorffAlpha(transposed, { level: "interval", layout: "coders-by-units" }).alpha,
        );
      }),
      { numRuns: 200 },
    );
  });

  it("reports the largest relative difference from R", () => {
    console.log(`krippendorffAlpha: largest relative difference from R ${largest}`);
    expect(largest).toBeLessThan(TOLERANCE);
  });
});
