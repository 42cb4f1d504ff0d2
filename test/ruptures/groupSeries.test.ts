import { describe, expect, it } from "vitest";
import { groupSeries } from "../../src/ruptures/groupSeries.js";
import { deepFreeze, thrownBy } from "../helpers.js";

describe("groupSeries", () => {
  it("groups long-format rows into sorted series, clients in first-seen order", () => {
    const rows = deepFreeze([
      { client: "b", s: 2, wai: 5, pre: 4, day: "2026-01-08" },
      { client: 7, s: 1, wai: null },
      { client: "b", s: 1, wai: 6, pre: null, day: "2026-01-01" },
      { client: 7, s: 3 },
    ]);
    expect(
      groupSeries(rows, { id: "client", session: "s", score: "wai", preScore: "pre", date: "day" }),
    ).toEqual([
      {
        id: "b",
        series: [
          { session: 1, score: 6, preScore: null, date: "2026-01-01" },
          { session: 2, score: 5, preScore: 4, date: "2026-01-08" },
        ],
      },
      {
        id: "7",
        series: [
          { session: 1, score: null, preScore: null },
          { session: 3, score: null, preScore: null },
        ],
      },
    ]);
  });

  it("treats ids like __proto__ as plain data and refuses unsafe column names", () => {
    const grouped = groupSeries([{ id: "__proto__", s: 1, x: 1 }], {
      id: "id",
      session: "s",
      score: "x",
    });
    expect(grouped[0]?.id).toBe("__proto__");
    expect(
      thrownBy(() => groupSeries([], { id: "__proto__", session: "s", score: "x" })).code,
    ).toBe("UNSAFE_KEY");
  });

  it("throws on a duplicate session for one client, naming both rows", () => {
    const error = thrownBy(() =>
      groupSeries(
        [
          { id: "a", s: 1, x: 1 },
          { id: "a", s: 1, x: 2 },
        ],
        { id: "id", session: "s", score: "x" },
      ),
    );
    expect(error).toMatchObject({ code: "INVALID_SERIES", path: "rows[1]" });
    expect(error.message).toContain("rows[0]");
  });

  it("throws on bad values with the row and column in the path", () => {
    const columns = { id: "id", session: "s", score: "x" };
    expect(thrownBy(() => groupSeries([{ id: "a", s: 1, x: "4" }], columns)).path).toBe(
      'rows[0]["x"]',
    );
    expect(thrownBy(() => groupSeries([{ id: "a", s: null, x: 4 }], columns)).code).toBe(
      "NOT_A_NUMBER",
    );
    expect(thrownBy(() => groupSeries([{ id: {}, s: 1, x: 4 }], columns)).code).toBe(
      "INVALID_INPUT",
    );
    expect(
      thrownBy(() => groupSeries([{ id: "a", s: 1, x: 4 }], { id: "id", session: "s" } as never))
        .path,
    ).toBe("columns.score");
  });
});
