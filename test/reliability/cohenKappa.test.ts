import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cohenKappa } from "../../src/reliability/cohenKappa.js";
import fixtures from "../fixtures/agreement/kappa.json" with { type: "json" };
import { deepFreeze, relativeError, thrownBy } from "../helpers.js";

// Fixtures: scripts/fixtures-agreement.R, psych::cohen.kappa (psych 2.2.9); the textbook
// Fleiss-Cohen-Everitt weighted variance is computed in that script from the published formula.
const TOLERANCE = 1e-8;
let largest = 0;
function expectClose(actual: number, expected: number, what: string): void {
  // Relative difference; for |expected| below 1e-6 (values at or near 0) the difference is
  // taken relative to 1e-6 instead.
  const difference = Math.abs(actual - expected) / Math.max(Math.abs(expected), 1e-6);
  largest = Math.max(largest, difference);
  expect(difference, `${what}: ${actual} vs ${expected}`).toBeLessThan(TOLERANCE);
}

type Weights = "none" | "linear" | "quadratic" | number[][];

describe("cohenKappa", () => {
  it("computes unweighted kappa by hand", () => {
    // 4 pairs: (1,1) (2,2) (3,2) (1,1). po = 3/4; rater 1 margins (1/2, 1/4, 1/4), rater 2
    // margins (1/2, 1/2, 0): pc = 1/4 + 1/8 + 0 = 3/8. kappa = (3/4 - 3/8)/(1 - 3/8) = 0.6.
    const result = cohenKappa(deepFreeze([1, 2, 3, 1]), deepFreeze([1, 2, 2, 1]), {
      weights: "none",
    });
    expect(relativeError(result.kappa, 0.6)).toBeLessThan(1e-12);
    expect(result.weightedKappa).toBeCloseTo(0.6, 12);
    expect(result.levels).toEqual([1, 2, 3]);
  });

  for (const fx of fixtures.cases) {
    it(`matches psych::cohen.kappa on ${fx.name}`, () => {
      const weights: Weights =
        fx.weightsName === "quadratic" ? "quadratic" : (fx.weights as number[][]);
      const result = cohenKappa(
        deepFreeze(fx.rater1 as (string | number | null)[]),
        deepFreeze(fx.rater2 as (string | number | null)[]),
        { weights, level: fx.level },
      );
      expect(result.n).toBe(fx.n);
      expect(result.nDropped).toBe(fx.nDropped);
      expect(result.levels.map(String)).toEqual(fx.levels);
      expectClose(result.kappa, fx.kappa, "kappa");
      expectClose(result.weightedKappa, fx.weightedKappa, "weighted kappa");
      expectClose(result.varKappa, fx.varKappa, "var.kappa");
      expectClose(result.varWeighted, fx.varWeighted, "var.weighted");
      expectClose(result.ciKappa.lower, fx.ciKappa.lower, "kappa lower");
      expectClose(result.ciKappa.upper, fx.ciKappa.upper, "kappa upper");
      expectClose(result.ciWeighted.lower, fx.ciWeighted.lower, "weighted lower");
      expectClose(result.ciWeighted.upper, fx.ciWeighted.upper, "weighted upper");
      expect(result.ciKappa.level).toBe(fx.level);
      expectClose(
        result.fleissCohenEveritt.varWeighted,
        fx.textbookVarWeighted,
        "textbook var weighted",
      );
      result.weights.forEach((row, i) => {
        row.forEach((w, j) => {
          expectClose(w, fx.weightMatrix[i]![j]!, "weight");
        });
      });
      result.agreement.forEach((row, i) => {
        row.forEach((p, j) => {
          expectClose(p, fx.agree[i]![j]!, "agree");
        });
      });
    });
  }

  it("differs from the textbook weighted variance with quadratic weights, not with none", () => {
    const fx = fixtures.cases.find((c) => c.name === "simulatedQuadratic")!;
    const quadratic = cohenKappa(fx.rater1, fx.rater2);
    expect(
      Math.abs(quadratic.varWeighted / quadratic.fleissCohenEveritt.varWeighted - 1),
    ).toBeGreaterThan(0.05);
    const none = cohenKappa(fx.rater1, fx.rater2, { weights: "none" });
    expect(relativeError(none.varWeighted, none.fleissCohenEveritt.varWeighted)).toBeLessThan(
      1e-12,
    );
    expect(relativeError(none.varWeighted, none.varKappa)).toBeLessThan(1e-12);
  });

  it("linear weights by name equal the explicit matrix", () => {
    const fx = fixtures.cases.find((c) => c.name === "simulatedLinear")!;
    const named = cohenKappa(fx.rater1, fx.rater2, { weights: "linear" });
    expectClose(named.weightedKappa, fx.weightedKappa, "linear weighted kappa");
    expectClose(named.varWeighted, fx.varWeighted, "linear var.weighted");
  });

  it("clips bounds past ±1 with a warning, as psych", () => {
    const fx = fixtures.cases.find((c) => c.name === "psychExampleColours")!;
    const result = cohenKappa(fx.rater1, fx.rater2);
    expect(result.ciWeighted.lower).toBe(-1);
    expect(result.warnings.map((w) => w.code)).toContain("BOUND_CLIPPED");
  });

  it("takes levels in a given order, including an unused one", () => {
    const result = cohenKappa(["lo", "hi", "mid"], ["lo", "hi", "hi"], {
      levels: ["lo", "mid", "hi", "top"],
      weights: "linear",
    });
    expect(result.levels).toEqual(["lo", "mid", "hi", "top"]);
    [1, 2 / 3, 1 / 3, 0].forEach((w, j) => {
      expect(result.weights[0]![j]).toBeCloseTo(w, 12);
    });
  });

  it("warns when only one category is used", () => {
    const result = cohenKappa([2, 2, 2], [2, 2, 2]);
    expect(Number.isNaN(result.kappa)).toBe(true);
    expect(result.warnings.map((w) => w.code)).toContain("ONE_CATEGORY");
  });

  it("rejects bad input", () => {
    expect(
      thrownBy(() => cohenKappa([1], [1], null as unknown as Record<string, never>)).code,
    ).toBe("INVALID_OPTION");
    const holed: number[] = new Array(3); // a sparse row: index 1 is a hole
    holed[0] = 1;
    holed[2] = 0;
    const sparse = [holed, [0, 1, 0], [0, 0, 1]];
    expect(thrownBy(() => cohenKappa([1, 2, 3], [1, 2, 3], { weights: sparse })).code).toBe(
      "INVALID_OPTION",
    );
    expect(thrownBy(() => cohenKappa([1, 2], [1])).code).toBe("WRONG_LENGTH");
    expect(thrownBy(() => cohenKappa([1, "a"], [1, 2])).code).toBe("INVALID_INPUT");
    expect(thrownBy(() => cohenKappa([null], [1])).code).toBe("NOT_ENOUGH_DATA");
    const outside = thrownBy(() => cohenKappa([1, 2], [1, 3], { levels: [1, 2] }));
    expect(outside.code).toBe("OUT_OF_RANGE");
    expect(outside.path).toBe("rater2[1]");
    expect(thrownBy(() => cohenKappa([1, 2], [1, 2], { weights: [[1]] })).code).toBe(
      "INVALID_OPTION",
    );
    expect(thrownBy(() => cohenKappa([1, {} as unknown as number], [1, 2])).path).toBe("rater1[1]");
  });

  it("gives the same kappas when the raters swap places (property)", () => {
    const pairs = fc.array(
      fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 })),
      {
        minLength: 2,
        maxLength: 40,
      },
    );
    fc.assert(
      fc.property(pairs, (list) => {
        const first = list.map(([a]) => a);
        const second = list.map(([, b]) => b);
        const forward = cohenKappa(first, second, { levels: [1, 2, 3, 4] });
        const backward = cohenKappa(second, first, { levels: [1, 2, 3, 4] });
        for (const key of ["kappa", "weightedKappa", "varKappa"] as const) {
          if (Number.isNaN(forward[key])) expect(Number.isNaN(backward[key])).toBe(true);
          else expect(backward[key]).toBeCloseTo(forward[key], 10);
        }
        expect(backward.fleissCohenEveritt.varWeighted).toBeCloseTo(
          forward.fleissCohenEveritt.varWeighted,
          10,
        );
      }),
      { numRuns: 200 },
    );
  });

  it("reports the largest relative difference from psych", () => {
    console.log(`cohenKappa: largest relative difference from psych ${largest}`);
    expect(largest).toBeLessThan(TOLERANCE);
  });
});
