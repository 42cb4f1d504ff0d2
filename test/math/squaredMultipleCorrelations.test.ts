import { describe, expect, it } from "vitest";
import { correlationInverse } from "../../src/math/correlationInverse.js";
import { squaredMultipleCorrelations } from "../../src/math/squaredMultipleCorrelations.js";
import { squaredMultipleCorrelationsWithoutEach } from "../../src/math/squaredMultipleCorrelationsWithoutEach.js";
import { withoutRowAndColumn } from "../../src/math/withoutRowAndColumn.js";

// R = [[1, .5, .3], [.5, 1, .4], [.3, .4, 1]]. The smc of variable 1 on 2 and 3 is
// (r12² + r13² - 2 r12 r13 r23) / (1 - r23²) = (.25 + .09 - .12) / .84 = .22 / .84.
const r3 = Float64Array.from([1, 0.5, 0.3, 0.5, 1, 0.4, 0.3, 0.4, 1]);

describe("squaredMultipleCorrelations", () => {
  it("is r² for two variables", () => {
    const smc = squaredMultipleCorrelations(Float64Array.from([1, 0.5, 0.5, 1]), 2);
    expect(smc[0]).toBeCloseTo(0.25, 14);
    expect(smc[1]).toBeCloseTo(0.25, 14);
  });
  it("matches the closed form for three variables", () => {
    expect(squaredMultipleCorrelations(r3, 3)[0]).toBeCloseTo(0.22 / 0.84, 14);
  });
  it("uses the pseudo-inverse for a singular matrix (two identical variables: smc 1)", () => {
    const singular = Float64Array.from([1, 1, 0.5, 1, 1, 0.5, 0.5, 0.5, 1]);
    expect(correlationInverse(singular, 3).positiveDefinite).toBe(false);
    const smc = squaredMultipleCorrelations(singular, 3);
    expect(smc.every((value) => value >= 0 && value <= 1)).toBe(true);
  });
});

describe("squaredMultipleCorrelationsWithoutEach", () => {
  it("equals the smc of each reduced matrix", () => {
    const each = squaredMultipleCorrelationsWithoutEach(r3, 3);
    for (let drop = 0; drop < 3; drop++) {
      const direct = squaredMultipleCorrelations(withoutRowAndColumn(r3, 3, drop), 2);
      each[drop]!.forEach((value, i) => {
        expect(value).toBeCloseTo(direct[i]!, 14);
      });
    }
    // Without variable 3, the smc of variable 1 is r12² = .25.
    expect(each[2]![0]).toBeCloseTo(0.25, 14);
  });
});

describe("withoutRowAndColumn", () => {
  it("removes one row and column", () => {
    expect(Array.from(withoutRowAndColumn(r3, 3, 1))).toEqual([1, 0.3, 0.3, 1]);
  });
});
