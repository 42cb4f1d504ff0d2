import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { intraclassCorrelation } from "../../src/reliability/intraclassCorrelation.js";
import fixtures from "../fixtures/agreement/icc.json" with { type: "json" };
import { deepFreeze, relativeError, thrownBy } from "../helpers.js";

// Fixtures: scripts/fixtures-agreement.R, psych::ICC(na.omit(x), lmer = FALSE), psych 2.2.9.
const TOLERANCE = 1e-8;

/** Largest relative difference seen, reported by the last test. */
let largest = 0;
function expectClose(actual: number, expected: number, what: string): void {
  // Relative difference; for |expected| below 1e-6 (values at or near 0) the difference is
  // taken relative to 1e-6 instead.
  const difference = Math.abs(actual - expected) / Math.max(Math.abs(expected), 1e-6);
  largest = Math.max(largest, difference);
  expect(difference, `${what}: ${actual} vs ${expected}`).toBeLessThan(TOLERANCE);
}

const shroutFleiss = [
  [9, 2, 5, 8],
  [6, 1, 3, 2],
  [8, 4, 6, 8],
  [7, 1, 2, 6],
  [10, 5, 6, 9],
  [6, 2, 4, 7],
];

describe("intraclassCorrelation", () => {
  it("reproduces Shrout & Fleiss (1979) Table 4 at its printed precision", () => {
    // Shrout & Fleiss (1979), Psychol Bull 86, 420-428, Table 4: ICC(1,1) .17, ICC(2,1) .29,
    // ICC(3,1) .71, ICC(1,4) .44, ICC(2,4) .62, ICC(3,4) .91.
    const { results } = intraclassCorrelation(deepFreeze(shroutFleiss));
    const published = [0.17, 0.29, 0.71, 0.44, 0.62, 0.91];
    results.forEach((form, i) => {
      expect(form.icc).toBeCloseTo(published[i]!, 2);
    });
    expect(results.map((form) => form.type)).toEqual([
      "ICC1",
      "ICC2",
      "ICC3",
      "ICC1k",
      "ICC2k",
      "ICC3k",
    ]);
    expect(results.map((form) => form.mcGrawWong)).toEqual([
      "ICC(1)",
      "ICC(A,1)",
      "ICC(C,1)",
      "ICC(k)",
      "ICC(A,k)",
      "ICC(C,k)",
    ]);
  });

  for (const fx of fixtures.cases) {
    it(`matches psych::ICC(lmer = FALSE) on ${fx.name}`, () => {
      const result = intraclassCorrelation(deepFreeze(fx.input), { level: fx.level });
      expect(result.n).toBe(fx.n);
      expect(result.k).toBe(fx.k);
      expect(result.nDropped).toBe(fx.nDropped);
      fx.results.forEach((expected, i) => {
        const form = result.results[i]!;
        expect(form.type).toBe(expected.type);
        expectClose(form.icc, expected.icc, `${expected.type} icc`);
        expectClose(form.F, expected.F, `${expected.type} F`);
        expect(form.df1).toBe(expected.df1);
        expect(form.df2).toBe(expected.df2);
        expectClose(form.p, expected.p, `${expected.type} p`);
        expectClose(form.ci.lower, expected.lower, `${expected.type} lower`);
        expectClose(form.ci.upper, expected.upper, `${expected.type} upper`);
        expect(form.ci.level).toBe(fx.level);
      });
      const { subjects, judges, residual } = result.anova;
      expect([subjects.df, judges.df, residual.df]).toEqual(fx.stats.df);
      [subjects.sumSq, judges.sumSq, residual.sumSq].forEach((v, i) => {
        expectClose(v, fx.stats.sumSq[i]!, "SumSq");
      });
      [subjects.meanSq, judges.meanSq, residual.meanSq].forEach((v, i) => {
        expectClose(v, fx.stats.meanSq[i]!, "MS");
      });
      expectClose(subjects.F, fx.stats.F[0]!, "F subjects");
      expectClose(judges.F, fx.stats.F[1]!, "F judges");
      expectClose(subjects.p, fx.stats.p[0]!, "p subjects");
      expectClose(judges.p, fx.stats.p[1]!, "p judges");
      expectClose(result.msw, fx.msw, "MSW");
      expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    });
  }

  it("takes a typed-array matrix and another level", () => {
    const values = Float64Array.from(shroutFleiss.flat());
    const result = intraclassCorrelation({ values, rows: 6, cols: 4 }, { level: 0.9 });
    expect(result.results[2]!.ci.level).toBe(0.9);
    expect(result.results[2]!.ci.lower).toBeGreaterThan(0.342464765033925); // narrower than 95%
  });

  it("reports dropped rows and negative ICCs as warnings", () => {
    const missing = fixtures.cases.find((c) => c.name === "simulatedMissing")!;
    const codes = intraclassCorrelation(missing.input).warnings.map((w) => w.code);
    expect(codes).toContain("ROWS_DROPPED");
    const bfi = fixtures.cases.find((c) => c.name === "bfiConscientiousness")!;
    const result = intraclassCorrelation(bfi.input);
    expect(result.results.some((form) => form.icc < 0)).toBe(true);
    expect(result.warnings.map((w) => w.code)).toContain("NEGATIVE_ICC");
  });

  it("warns on constant ratings", () => {
    const result = intraclassCorrelation([
      [3, 3],
      [3, 3],
      [3, 3],
    ]);
    expect(result.warnings.map((w) => w.code)).toContain("ZERO_VARIANCE");
  });

  it("rejects one judge, too few complete rows and bad options", () => {
    expect(
      thrownBy(() => intraclassCorrelation(shroutFleiss, null as unknown as Record<string, never>))
        .code,
    ).toBe("INVALID_OPTION");
    const overflow = thrownBy(() =>
      intraclassCorrelation([
        [1e308, -1e308],
        [1, 2],
      ]),
    );
    expect(overflow.code).toBe("OUT_OF_RANGE");
    expect(overflow.path).toBe("data");
    expect(thrownBy(() => intraclassCorrelation([[1], [2], [3]])).code).toBe("NOT_ENOUGH_DATA");
    expect(
      thrownBy(() =>
        intraclassCorrelation([
          [1, 2],
          [null, 3],
        ]),
      ).code,
    ).toBe("NOT_ENOUGH_DATA");
    expect(thrownBy(() => intraclassCorrelation(shroutFleiss, { level: 95 })).code).toBe(
      "INVALID_OPTION",
    );
    expect(
      thrownBy(() =>
        intraclassCorrelation(shroutFleiss, { missing: "pairwise" as unknown as "listwise" }),
      ).code,
    ).toBe("INVALID_OPTION");
    expect(thrownBy(() => intraclassCorrelation([[1, "a" as unknown as number]])).code).toBe(
      "NOT_A_NUMBER",
    );
  });

  it("warns, rather than returning rounding noise, when the targets' means are equal", () => {
    // Row means 10/3, 10/3, 10/3: the between-targets sum of squares is exactly 0, so
    // ICC1k = (MSB - MSW) / MSB = -MSW / 0 = -Infinity (not -1.9e31 from rounding noise).
    const result = intraclassCorrelation([
      [4, 5, 1],
      [2, 3, 5],
      [2, 7, 1],
    ]);
    expect(result.anova.subjects.sumSq).toBe(0);
    expect(result.results.find((form) => form.type === "ICC1k")!.icc).toBe(
      Number.NEGATIVE_INFINITY,
    );
    expect(result.warnings.map((warning) => warning.code)).toContain("UNDEFINED_ICC");
  });

  it("does not change when every rating is shifted and scaled (property)", () => {
    const ratings = fc
      .tuple(fc.integer({ min: 3, max: 8 }), fc.integer({ min: 2, max: 5 }))
      .chain(([n, k]) =>
        fc.array(fc.array(fc.integer({ min: 1, max: 7 }), { minLength: k, maxLength: k }), {
          minLength: n,
          maxLength: n,
        }),
      );
    fc.assert(
      fc.property(
        ratings,
        fc.integer({ min: -50, max: 50 }),
        fc.integer({ min: 1, max: 9 }),
        (rows, shift, scale) => {
          const before = intraclassCorrelation(rows);
          const after = intraclassCorrelation(rows.map((row) => row.map((v) => shift + scale * v)));
          before.results.forEach((form, i) => {
            const other = after.results[i]!;
            if (!Number.isFinite(form.icc)) expect(other.icc).toBe(form.icc);
            else expect(other.icc).toBeCloseTo(form.icc, 9);
            if (!Number.isFinite(form.icc)) expect(before.warnings.length).toBeGreaterThan(0);
          });
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("keeps every bound finite for ratings near 1e153 (the bounds are ratios of mean squares)", () => {
    // The 100,000-run fuzz found ICC2's Satterthwaite bounds NaN on [[4.0e153, 2], [4, 5]]:
    // F × k × MSJ overflowed. Scaling all ratings by 1e150 must leave every bound as it was.
    const scaled = intraclassCorrelation(
      shroutFleiss.map((row) => row.map((value) => value * 1e150)),
    );
    const plain = intraclassCorrelation(shroutFleiss);
    scaled.results.forEach((form, index) => {
      const reference = plain.results[index]!.ci;
      expect(relativeError(form.ci.lower, reference.lower)).toBeLessThan(1e-9);
      expect(relativeError(form.ci.upper, reference.upper)).toBeLessThan(1e-9);
    });
    const degenerate = intraclassCorrelation([
      [4.005885710265822e153, 2],
      [4, 5],
    ]);
    for (const form of degenerate.results) {
      expect(Number.isFinite(form.ci.lower) && Number.isFinite(form.ci.upper)).toBe(true);
    }
  });

  it("reports the largest relative difference from psych", () => {
    console.log(`intraclassCorrelation: largest relative difference from psych ${largest}`);
    expect(largest).toBeLessThan(TOLERANCE);
  });
});
