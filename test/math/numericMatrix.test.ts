import { describe, expect, it } from "vitest";
import { toNumericMatrix } from "../../src/math/numericMatrix.js";
import { deepFreeze, thrownBy } from "../helpers.js";

describe("toNumericMatrix", () => {
  it("turns rows into a row-major Float64Array with NaN for null", () => {
    const m = toNumericMatrix(
      deepFreeze([
        [1, null],
        [3, 4],
      ]),
    );
    expect(Array.from(m.values)).toEqual([1, Number.NaN, 3, 4]);
    expect(m.rows).toBe(2);
    expect(m.cols).toBe(2);
  });

  it("copies a typed input so the caller's array is never written", () => {
    const values = new Float64Array([1, 2, 3, 4]);
    const m = toNumericMatrix({ values, rows: 2, cols: 2 });
    expect(m.values).not.toBe(values);
    expect(Array.from(m.values)).toEqual([1, 2, 3, 4]);
  });

  it("names the ragged row", () => {
    const e = thrownBy(() => toNumericMatrix([[1, 2], [3]]));
    expect(e.code).toBe("WRONG_LENGTH");
    expect(e.path).toBe("data[1]");
  });

  it("names the bad cell", () => {
    const e = thrownBy(() =>
      toNumericMatrix([
        [1, 2],
        [3, "4" as unknown as number],
      ]),
    );
    expect(e.code).toBe("NOT_A_NUMBER");
    expect(e.path).toBe("data[1][1]");
    expect(thrownBy(() => toNumericMatrix([[Number.POSITIVE_INFINITY]])).code).toBe("NOT_A_NUMBER");
  });

  it("rejects a typed matrix whose size does not match", () => {
    expect(
      thrownBy(() => toNumericMatrix({ values: new Float64Array(3), rows: 2, cols: 2 })).code,
    ).toBe("WRONG_LENGTH");
    expect(thrownBy(() => toNumericMatrix("x" as never)).code).toBe("INVALID_INPUT");
  });
});
