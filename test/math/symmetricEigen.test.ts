import { Matrix } from "ml-matrix";
import { describe, expect, it } from "vitest";
import { symmetricEigen } from "../../src/math/symmetricEigen.js";

describe("symmetricEigen", () => {
  it("sorts eigenvalues in descending order with matching vectors", () => {
    // [[2, 1], [1, 2]] has eigenvalues 3 (vector (1, 1)/√2) and 1 (vector (1, -1)/√2).
    const { values, vectors } = symmetricEigen(
      new Matrix([
        [2, 1],
        [1, 2],
      ]),
    );
    expect(values[0]).toBeCloseTo(3, 14);
    expect(values[1]).toBeCloseTo(1, 14);
    expect(Math.abs(vectors.get(0, 0))).toBeCloseTo(Math.SQRT1_2, 14);
    expect(vectors.get(0, 0) * vectors.get(1, 0)).toBeGreaterThan(0);
    expect(vectors.get(0, 1) * vectors.get(1, 1)).toBeLessThan(0);
  });
});
