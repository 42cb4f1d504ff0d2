import { describe, expect, it } from "vitest";
import { resultRows } from "../../src/notebook/resultRows.js";
import { deepFreeze, thrownBy } from "../helpers.js";

describe("resultRows", () => {
  it("flattens nested objects and lists of objects into dotted paths, in field order", () => {
    const result = deepFreeze({
      alpha: 0.8,
      feldt: { lower: 0.7, upper: 0.9, method: "feldt" },
      items: [
        { item: 1, rDrop: 0.5 },
        { item: 2, rDrop: null },
      ],
      ok: true,
      skipped: undefined,
    });
    expect(resultRows(result)).toEqual([
      { field: "alpha", value: 0.8 },
      { field: "feldt.lower", value: 0.7 },
      { field: "feldt.upper", value: 0.9 },
      { field: "feldt.method", value: "feldt" },
      { field: "items[0].item", value: 1 },
      { field: "items[0].rDrop", value: 0.5 },
      { field: "items[1].item", value: 2 },
      { field: "items[1].rDrop", value: null },
      { field: "ok", value: true },
    ]);
  });

  it("shows a list of numbers (typed arrays too) as one cell, cut after maxListValues", () => {
    const rows = resultRows(
      { sums: new Float64Array([1, 2, 3, 4]), answers: [4, null, 5], none: [] },
      { maxListValues: 3 },
    );
    expect(rows).toEqual([
      { field: "sums", value: "1, 2, 3, … (4 values)" },
      { field: "answers", value: "4, NA, 5" },
      { field: "none", value: "" },
    ]);
  });

  it("keeps NaN visible instead of dropping it", () => {
    expect(resultRows({ icc: Number.NaN })).toEqual([{ field: "icc", value: Number.NaN }]);
  });

  it("rejects what is not an object, a cycle, and a bad option", () => {
    expect(thrownBy(() => resultRows(3))).toMatchObject({ code: "INVALID_INPUT", path: "result" });
    const cyclic: Record<string, unknown> = { a: { b: 1 } };
    (cyclic.a as Record<string, unknown>).self = cyclic;
    expect(thrownBy(() => resultRows(cyclic))).toMatchObject({
      code: "INVALID_INPUT",
      path: "result.a.self",
    });
    expect(thrownBy(() => resultRows({}, { maxListValues: 0 }))).toMatchObject({
      code: "INVALID_OPTION",
      path: "options.maxListValues",
    });
    expect(thrownBy(() => resultRows({}, null as never))).toMatchObject({
      code: "INVALID_OPTION",
      path: "options",
    });
  });

  it("allows the same object twice when it is not its own ancestor", () => {
    const shared = { lower: 1, upper: 2 };
    expect(resultRows({ a: shared, b: shared })).toHaveLength(4);
  });
});
