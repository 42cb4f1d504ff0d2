import { describe, expect, it } from "vitest";
import { scoreTable } from "../../src/scoring/scoreTable.js";
import { deepFreeze, thrownBy } from "../helpers.js";

describe("scoreTable", () => {
  const rows = deepFreeze([
    [4, 5, 4, 3, 5, 4, 4, 4, 5, 4, 3, 4],
    [1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2],
    [4, 5, 4, 3, 5, 4, 4, null, 5, 4, 3, 4],
  ]);

  it("scores arrays of rows into columns", () => {
    const table = scoreTable("wai-sr", rows);
    expect(table.scoreIds).toEqual(["total", "goal", "task", "bond"]);
    expect(Array.from(table.scores.total!.sum.subarray(0, 2))).toEqual([49, 18]);
    // Row 3: Goal items 4, 6, 11 = 3 + 4 + 3 = 10 of 3 answered, prorated 10/3 × 4.
    expect(table.scores.goal!.sum[2]).toBeCloseTo(40 / 3, 12);
    expect(Array.from(table.prorated)).toEqual([0, 0, 1]);
    expect(Array.from(table.missing)).toEqual([0, 0, 1]);
    expect(table.warnings.map((warning) => warning.code)).toEqual(["PRORATED"]);
  });

  it("gives the same numbers from a Float64Array matrix with NaN for missing", () => {
    const values = Float64Array.from(rows.flat(), (value) => value ?? Number.NaN);
    const typed = scoreTable("wai-sr", { values, rows: 3, cols: 12 });
    expect(typed).toEqual(scoreTable("wai-sr", rows));
  });

  it("throws the first bad row's error with its row in the path", () => {
    const error = thrownBy(() => scoreTable("wai-sr", [rows[0]!, [9, ...rows[0]!.slice(1)]]));
    expect(error.code).toBe("OUT_OF_RANGE");
    expect(error.path).toBe("rows[1][0]");
  });

  it("collects bad rows when asked, leaving their scores NaN and the rest scored", () => {
    const table = scoreTable(
      "wai-sr",
      [rows[0]!, [9, ...rows[0]!.slice(1)], ["x", ...rows[0]!.slice(1)] as never, rows[1]!],
      { onError: "collect" },
    );
    expect(table.errors.map((error) => [error.row, error.code, error.path])).toEqual([
      [1, "OUT_OF_RANGE", "rows[1][0]"],
      [2, "NOT_A_NUMBER", "rows[2][0]"],
    ]);
    expect(Array.from(table.valid)).toEqual([1, 0, 0, 1]);
    expect(Number.isNaN(table.scores.total!.sum[1]!)).toBe(true);
    expect(table.scores.total!.sum[3]).toBe(18);
  });

  it("rejects a matrix whose columns are not the items, and infinite cells", () => {
    expect(
      thrownBy(() => scoreTable("wai-sr", { values: new Float64Array(11), rows: 1, cols: 11 }))
        .code,
    ).toBe("WRONG_LENGTH");
    const values = new Float64Array(12).fill(3);
    values[5] = Number.POSITIVE_INFINITY;
    const error = thrownBy(() => scoreTable("wai-sr", { values, rows: 1, cols: 12 }));
    expect([error.code, error.path]).toEqual(["NOT_A_NUMBER", "rows[0][5]"]);
    expect(thrownBy(() => scoreTable("wai-sr", rows, { onError: "ignore" as never })).code).toBe(
      "INVALID_OPTION",
    );
  });
});
