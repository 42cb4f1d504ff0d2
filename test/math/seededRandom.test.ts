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
  it("follows Marsaglia's xor128 from the paper's state, after 32 discarded outputs", () => {
    // Seed 0 leaves the paper's example state (123456789, 362436069, 521288629, 88675123).
    // A Python transcription of xor128 from that state gives 3701687786 as its first output
    // (the paper's known first value) and 3380790346 as its 33rd, the first one returned here.
    expect(seededRandom(0)() * 4294967296).toBe(3380790346);
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
