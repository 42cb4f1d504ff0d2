import { describe, expect, it } from "vitest";
import { toNumericMatrix } from "../../src/math/numericMatrix.js";
import { pairwiseCovariance } from "../../src/math/pairwiseCovariance.js";
import { checkPairwiseMoments } from "../../src/reliability/checkPairwiseMoments.js";
import { thrownBy } from "../helpers.js";

/** Runs the check on the pairwise moments of `rows`, as prepareItems does. */
function check(rows: (number | null)[][]): void {
  const matrix = toNumericMatrix(rows);
  const names = Array.from({ length: matrix.cols }, (_, c) => `V${c + 1}`);
  checkPairwiseMoments(pairwiseCovariance(matrix), matrix, names);
}

describe("checkPairwiseMoments", () => {
  it("lets ordinary ratings, with and without missing cells, through", () => {
    expect(() =>
      check([
        [1, 2, null],
        [2, 3, 4],
        [3, 5, 5],
        [4, null, 2],
      ]),
    ).not.toThrow();
  });

  it("lets a correlation that is undefined (a column constant on the shared rows) through", () => {
    // Columns 0 and 1 share rows 1 and 2, where column 1 is 3 and 3: R's cor gives NA.
    expect(() =>
      check([
        [null, 7],
        [1, 3],
        [3, 3],
      ]),
    ).not.toThrow();
  });

  it("lets values millions apart through: the pair is recomputed, not refused (F6)", () => {
    // Shared rows (1, 3) and (3, 5) correlate exactly 1; column 1's first value -451721146 is
    // on a row column 0 lacks (the fuzz suite's case, once an ml-matrix TypeError).
    expect(() =>
      check([
        [null, -451721146],
        [1, 3],
        [3, 5],
      ]),
    ).not.toThrow();
  });

  it("refuses a correlation whose centred squares underflow", () => {
    // Column 0 varies (it holds a 5), but on the rows it shares with column 1 its values
    // 1e-170 and 2e-170 differ by 1e-170, whose square (1e-340) underflows to 0: r = 5e-171 / 0.
    const error = thrownBy(() =>
      check([
        [1e-170, 1],
        [2e-170, 2],
        [5, null],
      ]),
    );
    expect(error).toMatchObject({ code: "OUT_OF_RANGE", path: "data[*][1]" });
    expect(error.message).toContain("from 1e-170 to 5");
  });

  it("refuses a variance whose squares overflow", () => {
    expect(
      thrownBy(() =>
        check([
          [1e200, 1],
          [2, 3],
          [3, 2],
        ]),
      ),
    ).toMatchObject({ code: "OUT_OF_RANGE", path: "data[*][0]" });
  });

  it("refuses a correlation whose denominator overflows though the covariance is finite", () => {
    // Column 0 holds 1e154 and column 1 holds -1e20: their centred sums of squares (8e307 and
    // 8e39) are finite, their product is not, so r would read 0 while the covariance is 5e172.
    expect(
      thrownBy(() =>
        check([
          [1, 4],
          [1, 4],
          [5, -1e20],
          [1e154, 1],
          [5, 4],
        ]),
      ),
    ).toMatchObject({ code: "OUT_OF_RANGE", path: "data[*][1]" });
  });

  it("refuses a subnormal variance (values near 1e-160)", () => {
    // var(1e-160, 0, 2e-160) = 1e-320, below the smallest normal double 2.2e-308.
    const error = thrownBy(() =>
      check([
        [1e-160, 1],
        [0, 3],
        [2e-160, 2],
      ]),
    );
    expect(error).toMatchObject({ code: "OUT_OF_RANGE", path: "data[*][0]" });
  });
});
