import { describe, expect, it } from "vitest";
import { covarianceToCorrelation } from "../../src/math/covarianceToCorrelation.js";

describe("covarianceToCorrelation", () => {
  it("rescales by the standard deviations (2 / (2 * 3) = 1/3)", () => {
    const r = covarianceToCorrelation(Float64Array.from([4, 2, 2, 9]), 2);
    expect(r[0]).toBe(1);
    expect(r[1]).toBeCloseTo(1 / 3, 15);
    expect(r[3]).toBe(1);
  });
});
