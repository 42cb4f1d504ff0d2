import { describe, expect, it } from "vitest";
import { clinicalSignificance } from "../../src/reliability/clinicalSignificance.js";
import { deepFreeze, relativeError, thrownBy } from "../helpers.js";

// Hand calculation after Jacobson & Truax (1991), J Consult Clin Psychol 59, 12-19:
// a symptom measure (lower is better), dysfunctional norms M 40, SD 8; functional M 15, SD 6;
// reliability .90.
//   a = 40 - 2 * 8 = 24
//   b = 15 + 2 * 6 = 27
//   c = (6 * 40 + 8 * 15) / (6 + 8) = 360 / 14 = 25.714285714
//   sdiff = sqrt(2) * 8 * sqrt(1 - .90) = 3.577708764; threshold = 1.959963985 * 3.577708764
//         = 7.012140 score points.
const symptomNorms = deepFreeze({
  direction: "lower-is-better" as const,
  reliability: 0.9,
  dysfunctional: { mean: 40, sd: 8 },
  functional: { mean: 15, sd: 6 },
});

describe("clinicalSignificance", () => {
  it("computes the three cut-offs by hand", () => {
    const result = clinicalSignificance(40, 25, symptomNorms);
    expect(result.cutoffs.a).toBe(24);
    expect(result.cutoffs.b).toBe(27);
    expect(relativeError(result.cutoffs.c!, 360 / 14)).toBeLessThan(1e-12);
    expect(result.cutoffUsed).toBe("c");
    expect(relativeError(result.rci.sdiff, 3.577708764)).toBeLessThan(1e-9);
  });

  it("classifies recovered: 40 -> 25, RCI = -15 / 3.5777 = -4.19, past c = 25.71", () => {
    const result = clinicalSignificance(40, 25, symptomNorms);
    expect(relativeError(result.rci.rci, -15 / 3.577708764)).toBeLessThan(1e-9);
    expect(result.category).toBe("recovered");
    expect(result.warnings).toEqual([]);
  });

  it("classifies improved: 40 -> 30, reliable (10 > 7.01) but not past c", () => {
    expect(clinicalSignificance(40, 30, symptomNorms).category).toBe("improved");
  });

  it("classifies unchanged: 40 -> 34, change 6 < 7.01", () => {
    expect(clinicalSignificance(40, 34, symptomNorms).category).toBe("unchanged");
  });

  it("classifies deteriorated: 40 -> 48, change +8 > 7.01 in the worse direction", () => {
    expect(clinicalSignificance(40, 48, symptomNorms).category).toBe("deteriorated");
  });

  it("uses cut-off a or b on request, and a alone without functional norms", () => {
    // 40 -> 25 passes b = 27 but not a = 24.
    expect(clinicalSignificance(40, 25, { ...symptomNorms, cutoff: "b" }).category).toBe(
      "recovered",
    );
    expect(clinicalSignificance(40, 25, { ...symptomNorms, cutoff: "a" }).category).toBe(
      "improved",
    );
    const aOnly = clinicalSignificance(40, 23, {
      direction: "lower-is-better",
      reliability: 0.9,
      dysfunctional: { mean: 40, sd: 8 },
    });
    expect(aOnly.cutoffUsed).toBe("a");
    expect(aOnly.cutoffs).toEqual({ a: 24, b: null, c: null });
    expect(aOnly.category).toBe("recovered");
  });

  it("mirrors the cut-offs for higher-is-better", () => {
    // Alliance-like scale: dysfunctional M 3, SD 0.8; functional M 5.5, SD 0.6; r = .93.
    // a = 3 + 1.6 = 4.6; b = 5.5 - 1.2 = 4.3; c = (0.6 * 3 + 0.8 * 5.5)/1.4 = 6.2/1.4 = 4.428571.
    // sdiff = sqrt(2) * 0.8 * sqrt(0.07) = 0.299333; 3 -> 4.5: RCI = 1.5 / 0.299333 = 5.011.
    const result = clinicalSignificance(3, 4.5, {
      direction: "higher-is-better",
      reliability: 0.93,
      dysfunctional: { mean: 3, sd: 0.8 },
      functional: { mean: 5.5, sd: 0.6 },
    });
    expect(result.cutoffs.a).toBeCloseTo(4.6, 12);
    expect(result.cutoffs.b).toBeCloseTo(4.3, 12);
    expect(result.cutoffs.c).toBeCloseTo(6.2 / 1.4, 12);
    expect(result.rci.rci).toBeCloseTo(5.011, 3);
    expect(result.category).toBe("recovered");
  });

  it("does not call a person who started in the functional range recovered", () => {
    const result = clinicalSignificance(24, 10, symptomNorms);
    expect(result.category).toBe("improved");
    expect(result.warnings.map((w) => w.code)).toContain("STARTED_FUNCTIONAL");
  });

  it("warns when the norms contradict the direction", () => {
    const result = clinicalSignificance(40, 25, { ...symptomNorms, direction: "higher-is-better" });
    expect(result.warnings.map((w) => w.code)).toContain("NORMS_CONTRADICT_DIRECTION");
  });

  it("rejects bad input", () => {
    expect(
      thrownBy(() => clinicalSignificance(40, 25, null as unknown as typeof symptomNorms)).code,
    ).toBe("INVALID_OPTION");
    const hugeNorms = {
      ...symptomNorms,
      dysfunctional: { mean: 1e308, sd: 1e307 },
      functional: { mean: 0, sd: 1e307 },
    };
    // c = (1e307 * 1e308 + 1e307 * 0)/(2e307) would overflow if formed naively; it is 5e307.
    expect(clinicalSignificance(40, 25, { ...hugeNorms, cutoff: "c" }).cutoffs.c).toBeCloseTo(
      5e307,
      -300,
    );
    expect(
      thrownBy(() =>
        clinicalSignificance(40, 25, { ...symptomNorms, direction: "up" as "lower-is-better" }),
      ).code,
    ).toBe("INVALID_OPTION");
    expect(
      thrownBy(() =>
        clinicalSignificance(40, 25, {
          direction: "lower-is-better",
          reliability: 0.9,
          dysfunctional: { mean: 40, sd: 8 },
          cutoff: "c",
        }),
      ).path,
    ).toBe("options.functional");
    expect(
      thrownBy(() =>
        clinicalSignificance(40, 25, { ...symptomNorms, dysfunctional: { mean: 40, sd: 0 } }),
      ).code,
    ).toBe("OUT_OF_RANGE");
    expect(
      thrownBy(() => clinicalSignificance(40, 25, { ...symptomNorms, reliability: 1 })).code,
    ).toBe("OUT_OF_RANGE");
    expect(thrownBy(() => clinicalSignificance(Number.NaN, 25, symptomNorms)).code).toBe(
      "NOT_A_NUMBER",
    );
  });
});

describe("clinicalSignificance where double precision runs out (issue 7, F12)", () => {
  it("refuses a subnormal dysfunctional sd and names that option", () => {
    const error = thrownBy(() =>
      clinicalSignificance(1.8e-14, 0, {
        direction: "lower-is-better",
        reliability: 0,
        dysfunctional: { mean: 0, sd: 7e-323 },
      }),
    );
    expect(error).toMatchObject({ code: "OUT_OF_RANGE", path: "options.dysfunctional.sd" });
  });

  it("names options.sd when that sd was given", () => {
    const error = thrownBy(() =>
      clinicalSignificance(1.8e-14, 0, {
        direction: "lower-is-better",
        reliability: 0,
        sd: 7e-323,
        dysfunctional: { mean: 0, sd: 1 },
      }),
    );
    expect(error).toMatchObject({ code: "OUT_OF_RANGE", path: "options.sd" });
  });
});
