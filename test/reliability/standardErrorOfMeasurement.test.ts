import { describe, expect, it } from "vitest";
import { standardErrorOfMeasurement } from "../../src/reliability/standardErrorOfMeasurement.js";
import { deepFreeze, relativeError, thrownBy } from "../helpers.js";

describe("standardErrorOfMeasurement", () => {
  // Hand calculation: sd 15, r 0.91: sem = 15 * sqrt(0.09) = 4.5;
  // half-width at 0.95 = 1.959963985 * 4.5 = 8.81983793.
  it("computes sd * sqrt(1 - r) and the band half-width", () => {
    const result = standardErrorOfMeasurement(deepFreeze({ sd: 15, reliability: 0.91 }));
    expect(relativeError(result.sem, 4.5)).toBeLessThan(1e-12);
    expect(relativeError(result.halfWidth, 8.81983793)).toBeLessThan(1e-9);
    expect(result.level).toBe(0.95);
  });

  it("rejects sd <= 0, reliability outside [0, 1) and non-numbers", () => {
    expect(thrownBy(() => standardErrorOfMeasurement({ sd: 1e308, reliability: 0 })).code).toBe(
      "OUT_OF_RANGE",
    );
    expect(thrownBy(() => standardErrorOfMeasurement({ sd: 0, reliability: 0.5 })).code).toBe(
      "OUT_OF_RANGE",
    );
    expect(thrownBy(() => standardErrorOfMeasurement({ sd: 1, reliability: 1.2 })).code).toBe(
      "OUT_OF_RANGE",
    );
    expect(
      thrownBy(() =>
        standardErrorOfMeasurement({ sd: null as unknown as number, reliability: 0.5 }),
      ).code,
    ).toBe("NOT_A_NUMBER");
  });

  it("refuses an sd so small that the SEM underflows below 2.2e-308 (F12)", () => {
    // 7e-323 · sqrt(0.5) = 5e-323: a subnormal with one significant digit.
    const error = thrownBy(() => standardErrorOfMeasurement({ sd: 7e-323, reliability: 0.5 }));
    expect(error).toMatchObject({ code: "OUT_OF_RANGE", path: "options.sd" });
  });
});
