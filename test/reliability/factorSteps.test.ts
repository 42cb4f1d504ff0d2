import { Matrix } from "ml-matrix";
import { describe, expect, it } from "vitest";
import { minresFactoring } from "../../src/reliability/minresFactoring.js";
import { obliminRotation } from "../../src/reliability/obliminRotation.js";
import { varimaxRotation } from "../../src/reliability/varimaxRotation.js";
import { readFixture } from "./internalConsistencyFixtures.js";

interface StepCase {
  name: string;
  correlation: number[][];
  uniquenesses: number[];
  unrotated: number[][];
  varimax: number[][];
  oblimin: number[][];
  phi: number[][];
}

// Written by scripts/fixtures-internal-consistency.R: psych::fa(r, 3, fm = "minres",
// rotate = "none"), stats::varimax of those loadings, GPArotation::oblimin of the varimax
// loadings. Each rotation is given R's own input, so it is checked without minres in between.
const cases = readFixture<StepCase[]>("factor-steps");

function largestDifference(actual: Matrix, expected: number[][]): number {
  let largest = 0;
  expected.forEach((row, i) => {
    row.forEach((value, j) => {
      largest = Math.max(largest, Math.abs(actual.get(i, j) - value));
    });
  });
  return largest;
}

describe("factoring steps against R", () => {
  for (const c of cases) {
    it(`minres reaches psych's solution on ${c.name} (psych stops ~1e-6 short)`, () => {
      const solution = minresFactoring(new Matrix(c.correlation), 3);
      expect(solution.converged).toBe(true);
      solution.uniquenesses.forEach((psi, i) => {
        expect(Math.abs(psi - c.uniquenesses[i]!)).toBeLessThan(1e-4);
      });
      expect(largestDifference(solution.loadings, c.unrotated)).toBeLessThan(1e-4);
    });

    it(`varimax repeats stats::varimax on ${c.name}`, () => {
      const rotated = varimaxRotation(new Matrix(c.unrotated));
      expect(largestDifference(rotated, c.varimax)).toBeLessThan(1e-10);
    });

    it(`oblimin repeats GPArotation::oblimin on ${c.name}`, () => {
      const rotated = obliminRotation(new Matrix(c.varimax));
      expect(rotated.converged).toBe(true);
      expect(largestDifference(rotated.loadings, c.oblimin)).toBeLessThan(1e-10);
      expect(largestDifference(rotated.phi, c.phi)).toBeLessThan(1e-10);
    });
  }
});

describe("minres in a Heywood case", () => {
  // R = [[1, .9, .9], [.9, 1, .5], [.9, .5, 1]], one factor: λ1² = .9 · .9 / .5 = 1.62 > 1,
  // so ψ1 is held at psych's bound 0.005. The free uniquenesses solve psych's gradient
  // g = diag(ΛΛᵀ) + ψ - 1 = 0; in R 4.2.2 with ψ1 = 0.005 fixed,
  //   uniroot(function(p) g(c(0.005, p, p))[2], c(.2, .6), tol = 1e-14)$root = 0.393306353935
  // (psych::fa(r, 1, fm = "minres") itself stops at 0.3990728, and the residual sum's own
  // minimum with ψ1 held is at 0.4496814: see docs/reliability.md).
  it("holds ψ1 at the bound and solves the free uniquenesses", () => {
    const r = new Matrix([
      [1, 0.9, 0.9],
      [0.9, 1, 0.5],
      [0.9, 0.5, 1],
    ]);
    const solution = minresFactoring(r, 1);
    expect(solution.heywood).toBe(true);
    expect(solution.converged).toBe(true);
    expect(solution.uniquenesses[0]).toBe(0.005);
    expect(solution.uniquenesses[1]).toBeCloseTo(0.393306353935, 10);
    expect(solution.uniquenesses[2]).toBeCloseTo(0.393306353935, 10);
  });
});

describe("factoring steps on degenerate input (issue 7)", () => {
  it("minres stops at once when every uniqueness starts at its bound (F26)", () => {
    // The correlations of [[1, 1, 3], [4, 3, 1], [3, 4, 4]] (by hand: 11/14, -1/2, 1/7) are
    // singular, so every smc is 1 and every ψ = 1 - smc starts at the bound 0.005.
    const r = new Matrix([
      [1, 11 / 14, -1 / 2],
      [11 / 14, 1, 1 / 7],
      [-1 / 2, 1 / 7, 1],
    ]);
    const solution = minresFactoring(r, 2);
    expect(solution.uniquenesses).toEqual([0.005, 0.005, 0.005]);
    expect(solution.heywood).toBe(true);
    expect(solution.converged).toBe(true);
  });

  it("varimax leaves a row of zero loadings at zero instead of filling the result with NaN", () => {
    const loadings = new Matrix([
      [0.8, 0.1],
      [0, 0],
      [0.2, 0.7],
    ]);
    const rotated = varimaxRotation(loadings);
    expect(rotated.getRow(1)).toEqual([0, 0]);
    // A rotation keeps each row's length (its communality).
    for (const i of [0, 2]) {
      expect(Math.hypot(...rotated.getRow(i))).toBeCloseTo(Math.hypot(...loadings.getRow(i)), 12);
    }
  });
});
