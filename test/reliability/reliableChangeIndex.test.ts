import { describe, expect, it } from "vitest";
import {
  reliableChangeIndex,
  reliableChangeThreshold,
} from "../../src/reliability/reliableChangeIndex.js";
import { deepFreeze, relativeError, thrownBy } from "../helpers.js";

describe("reliableChangeIndex", () => {
  it("re-exports reliableChangeThreshold", () => {
    expect(
      reliableChangeThreshold({ sd: 10.5, reliability: 0.931, z: 1.96 }).threshold,
    ).toBeCloseTo(7.645, 3);
  });

  // Hand calculation, Jacobson & Truax: sd 10.5, r 0.931 -> sdiff = 3.90057688 (see the
  // threshold test); pre 30, post 20: RCI = -10 / 3.90057688 = -2.56372334.
  it("computes the Jacobson-Truax index by hand", () => {
    const result = reliableChangeIndex(30, 20, deepFreeze({ sd: 10.5, reliability: 0.931 }));
    expect(relativeError(result.rci, -2.56372334)).toBeLessThan(1e-8);
    expect(result.change).toBe(-10);
    expect(result.reliable).toBe(true);
    expect(result.direction).toBe("decrease");
    expect(result.method).toBe("jacobson-truax");
  });

  it("calls a change below the threshold not reliable", () => {
    // |change| 7 < 7.645: RCI = 7 / 3.90057688 = 1.794606 < 1.96
    const result = reliableChangeIndex(20, 27, { sd: 10.5, reliability: 0.931 });
    expect(relativeError(result.rci, 1.79460634)).toBeLessThan(1e-7);
    expect(result.reliable).toBe(false);
    expect(result.direction).toBe("none");
  });

  // Hand calculation, difference-score error term: sd1 10, sd2 8, r12 0.6:
  // variance = 100 + 64 - 2 * 10 * 8 * 0.6 = 68; sdiff = sqrt(68) = 8.24621125;
  // pre 50, post 68: RCI = 18 / 8.24621125 = 2.18282063.
  it("computes the Christensen-Mendoza (difference-score) variant by hand", () => {
    const result = reliableChangeIndex(50, 68, {
      method: "christensen-mendoza",
      sd: 10,
      sdPost: 8,
      prePostCorrelation: 0.6,
    });
    expect(relativeError(result.sdiff, 8.24621125)).toBeLessThan(1e-8);
    expect(relativeError(result.rci, 2.18282063)).toBeLessThan(1e-8);
    expect(result.direction).toBe("increase");
  });

  it("rejects bad input", () => {
    const overflow = thrownBy(() =>
      reliableChangeIndex(-1e308, 1e308, { sd: 1, reliability: 0.8 }),
    );
    expect(overflow.code).toBe("OUT_OF_RANGE");
    expect(overflow.path).toBe("post");
    expect(
      thrownBy(() => reliableChangeIndex(Number.NaN, 1, { sd: 1, reliability: 0.8 })).path,
    ).toBe("pre");
    expect(thrownBy(() => reliableChangeIndex(1, 2, { sd: 0, reliability: 0.8 })).code).toBe(
      "OUT_OF_RANGE",
    );
    expect(thrownBy(() => reliableChangeIndex(1, 2, { sd: 1, reliability: 1 })).code).toBe(
      "OUT_OF_RANGE",
    );
    expect(thrownBy(() => reliableChangeIndex(1, 2, { sd: 1 })).code).toBe("INVALID_OPTION");
    expect(
      thrownBy(() =>
        reliableChangeIndex(1, 2, { sd: 1, reliability: 0.8, method: "hsu" as "jacobson-truax" }),
      ).code,
    ).toBe("INVALID_OPTION");
    expect(
      thrownBy(() =>
        reliableChangeIndex(1, 2, {
          method: "christensen-mendoza",
          sd: 1,
          sdPost: 1,
          prePostCorrelation: 1,
        }),
      ).code,
    ).toBe("OUT_OF_RANGE");
  });
});

describe("reliableChangeIndex where double precision runs out (issue 7, F12)", () => {
  it("refuses a subnormal sd, whose sdiff underflows, instead of returning rci -Infinity", () => {
    // The fuzz suite's minimal case: sdiff = sqrt(2) · 7e-323 = 1e-322 (subnormal), and
    // -1.8e-14 / 1e-322 overflowed to -Infinity without a word.
    const error = thrownBy(() => reliableChangeIndex(1.8e-14, 0, { sd: 7e-323, reliability: 0 }));
    expect(error).toMatchObject({
      name: "AllianceError",
      code: "OUT_OF_RANGE",
      path: "options.sd",
    });
  });

  it("refuses an index that overflows though sdiff is a normal number", () => {
    // change = -2e300, sdiff = sqrt(2) · 1e-10: the quotient is -1.4e310.
    const error = thrownBy(() => reliableChangeIndex(1e300, -1e300, { sd: 1e-10, reliability: 0 }));
    expect(error).toMatchObject({ code: "OUT_OF_RANGE", path: "options.sd" });
  });

  it("computes the difference-score sdiff of tiny sds without underflow", () => {
    // By hand: sdiff² = (1e-200)² + (2e-200)² - 2 · 1e-200 · 2e-200 · 0.5 = 3e-400, which is 0
    // in double precision if formed directly; sdiff = sqrt(3) · 1e-200 = 1.7320508075688772e-200,
    // rci = 1 / sdiff = 5.773502691896258e199.
    const result = reliableChangeIndex(1, 2, {
      method: "christensen-mendoza",
      sd: 1e-200,
      sdPost: 2e-200,
      prePostCorrelation: 0.5,
    });
    expect(relativeError(result.sdiff, 1.7320508075688772e-200)).toBeLessThan(1e-14);
    expect(relativeError(result.rci, 5.773502691896258e199)).toBeLessThan(1e-14);
  });
});
