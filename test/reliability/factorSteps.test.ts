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
