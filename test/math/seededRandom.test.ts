import { describe, expect, it } from "vitest";
import { quantileType7 } from "../../src/math/quantileType7.js";
import { seededRandom } from "../../src/math/seededRandom.js";

describe("seededRandom", () => {
  it("repeats its sequence for a seed and stays in [0, 1)", () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const values = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(values);
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(seededRandom(43)()).not.toBe(values[0]);
  });
  it("follows xorshift32 (13, 17, 5): from state 1 the first state is 270369", () => {
    // By hand: x = 1; x ^= x << 13 -> 8193; x ^= x >>> 17 -> 8193; x ^= x << 5 -> 8193 ^ 262176 = 270369.
    expect(seededRandom(1)() * 4294967296).toBe(270369);
  });
});

describe("quantileType7", () => {
  it("interpolates like R's default quantile", () => {
    // R: quantile(c(1, 2, 3, 4), c(.025, .5, .975)) = 1.075, 2.5, 3.925
    expect(quantileType7([1, 2, 3, 4], 0.025)).toBeCloseTo(1.075, 14);
    expect(quantileType7([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileType7([1, 2, 3, 4], 0.975)).toBeCloseTo(3.925, 14);
  });
});
