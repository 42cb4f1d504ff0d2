import { describe, expect, it } from "vitest";
import { listwiseComplete } from "../../src/math/listwiseComplete.js";

describe("listwiseComplete", () => {
  it("keeps the complete rows and counts the others", () => {
    const m = { values: Float64Array.from([1, 2, Number.NaN, 4, 5, 6]), rows: 3, cols: 2 };
    const result = listwiseComplete(m);
    expect(Array.from(result.matrix.values)).toEqual([1, 2, 5, 6]);
    expect(result.matrix.rows).toBe(2);
    expect(result.nDropped).toBe(1);
  });
});
