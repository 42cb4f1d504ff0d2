import { describe, expect, it } from "vitest";
import { pairwiseCovariance } from "../../src/math/pairwiseCovariance.js";
import { deepFreeze } from "../helpers.js";

describe("pairwiseCovariance", () => {
  it("gives the ordinary covariance on complete data", () => {
    // x = 1,2,3 ; y = 2,4,6: var x = 1, var y = 4, cov = 2 (hand calculation).
    const m = { values: Float64Array.from([1, 2, 2, 4, 3, 6]), rows: 3, cols: 2 };
    const result = pairwiseCovariance(m);
    expect(Array.from(result.covariance)).toEqual([1, 2, 2, 4]);
    expect(Array.from(result.correlation)).toEqual([1, 1, 1, 1]);
    expect(Array.from(result.means)).toEqual([2, 4]);
  });

  it("uses the rows both columns share, and all present values for a variance", () => {
    // Rows: (1, 1) (2, NaN) (3, 2) (4, 5) (NaN, 3) — a block of 4 plus a partial block.
    // Variance of x over 1,2,3,4 = 5/3; variance of y over 1,2,5,3 = 35/12.
    // Shared rows (1,1) (3,2) (4,5): means 8/3 and 8/3; cross products
    // (-5/3)(-5/3) + (1/3)(-2/3) + (4/3)(7/3) = (25 - 2 + 28)/9 = 51/9; cov = 51/18.
    // Sum of squares there: x 25/9 + 1/9 + 16/9 = 42/9, y 25/9 + 4/9 + 49/9 = 78/9.
    const m = {
      values: Float64Array.from([1, 1, 2, Number.NaN, 3, 2, 4, 5, Number.NaN, 3]),
      rows: 5,
      cols: 2,
    };
    const result = pairwiseCovariance(deepFreeze(m));
    expect(result.covariance[0]).toBeCloseTo(5 / 3, 14);
    expect(result.covariance[3]).toBeCloseTo(35 / 12, 14);
    expect(result.covariance[1]).toBeCloseTo(51 / 18, 14);
    expect(result.covariance[2]).toBe(result.covariance[1]);
    expect(result.correlation[1]).toBeCloseTo(51 / Math.sqrt(42 * 78), 14);
    expect(Array.from(result.counts)).toEqual([4, 3, 3, 4]);
    expect(result.means[0]).toBeCloseTo(2.5, 14);
    expect(result.means[1]).toBeCloseTo(2.75, 14);
  });

  it("gives NaN for a pair with fewer than two shared rows", () => {
    const m = { values: Float64Array.from([1, Number.NaN, Number.NaN, 2, 3, 4]), rows: 3, cols: 2 };
    const result = pairwiseCovariance(m);
    expect(result.counts[1]).toBe(1);
    expect(result.covariance[1]).toBeNaN();
  });

  it("stays accurate for values far from zero (shifted sums)", () => {
    const m = { values: Float64Array.from([1e9 + 1, 1e9 + 2, 1e9 + 3]), rows: 3, cols: 1 };
    expect(pairwiseCovariance(m).covariance[0]).toBe(1);
  });

  it("recomputes a pair whose one-pass sums cancel: a far value on a row the other column lacks", () => {
    // Column 0 is summed around its first value 1e9 + 0.3, which column 1 lacks. Over the shared rows
    // x = 1, 2, 3 and y = 2, 4, 5 (by hand): dx = -1, 0, 1; dy = -5/3, 1/3, 4/3;
    // Σ dx dy = 3, Σ dx² = 2, Σ dy² = 14/3, so cov = 3/2 and r = 3 / sqrt(28/3) = 0.98198050606...
    // The one-pass sums of squares (about 3e18) round at about 500, far above Σ dx² = 2.
    const m = {
      values: Float64Array.from([1e9 + 0.3, Number.NaN, 1, 2, 2, 4, 3, 5]),
      rows: 4,
      cols: 2,
    };
    const result = pairwiseCovariance(m);
    expect(result.covariance[1]).toBeCloseTo(1.5, 12);
    expect(result.correlation[1]).toBeCloseTo(3 / Math.sqrt(28 / 3), 12);
  });

  it("keeps the fuzz suite's F6 pair exact: r = 1 and cov = 2 over the shared rows", () => {
    // Rows (1, 3) and (3, 5): dx = dy = -1, 1, so Σ dx dy = 2 over 2 - 1 = 1, and r = 1.
    const m = { values: Float64Array.from([Number.NaN, -451721146, 1, 3, 3, 5]), rows: 3, cols: 2 };
    const result = pairwiseCovariance(m);
    expect(result.covariance[1]).toBe(2);
    expect(result.correlation[1]).toBe(1);
  });

  it("gives a column constant on the shared rows an exact zero, so its correlation is undefined", () => {
    // Column 1 is 0.1 on both shared rows (rows 2 and 3; its 5 is on a row column 0 lacks):
    // centred sums are exactly 0 and r is NaN (R: NA), not rounding noise.
    const m = { values: Float64Array.from([Number.NaN, 5, 1, 0.1, 2, 0.1]), rows: 3, cols: 2 };
    expect(pairwiseCovariance(m).correlation[1]).toBeNaN();
  });
});
