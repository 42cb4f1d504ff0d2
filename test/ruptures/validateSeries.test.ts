import { describe, expect, it } from "vitest";
import { validateSeries } from "../../src/ruptures/validateSeries.js";
import { deepFreeze, thrownBy } from "../helpers.js";

describe("validateSeries", () => {
  it("counts absent session numbers as missing by default, or ignores them", () => {
    const series = deepFreeze([
      { session: 1, score: 5 },
      { session: 3, score: null },
      { session: 4, score: 6, preScore: 5, date: "2026-01-04" },
    ]);
    expect(validateSeries(series)).toEqual({
      points: 4,
      observed: 2,
      missing: 2,
      firstSession: 1,
      lastSession: 4,
    });
    expect(validateSeries(series, { sessionGaps: "ignore" }).points).toBe(3);
    expect(validateSeries([])).toEqual({
      points: 0,
      observed: 0,
      missing: 0,
      firstSession: null,
      lastSession: null,
    });
  });

  it("throws INVALID_SERIES for duplicate, unordered or non-integer sessions", () => {
    const duplicate = thrownBy(() =>
      validateSeries([
        { session: 1, score: 1 },
        { session: 1, score: 2 },
      ]),
    );
    expect(duplicate).toMatchObject({ code: "INVALID_SERIES", path: "series[1].session" });
    expect(duplicate.message).toContain("duplicate");
    expect(
      thrownBy(() =>
        validateSeries([
          { session: 2, score: 1 },
          { session: 1, score: 2 },
        ]),
      ).message,
    ).toContain("out of order");
    expect(thrownBy(() => validateSeries([{ session: 1.5, score: 1 }])).code).toBe(
      "INVALID_SERIES",
    );
    expect(validateSeries([{ session: 1.5, score: 1 }], { sessionGaps: "ignore" }).points).toBe(1);
    expect(
      thrownBy(() =>
        validateSeries([
          { session: 1, score: 1 },
          { session: 1e9, score: 1 },
        ]),
      ).code,
    ).toBe("INVALID_SERIES");
  });

  it("throws NOT_A_NUMBER and OUT_OF_RANGE with a path", () => {
    expect(thrownBy(() => validateSeries([{ session: 1, score: "5" as never }]))).toMatchObject({
      code: "NOT_A_NUMBER",
      path: "series[0].score",
    });
    expect(thrownBy(() => validateSeries([{ session: 1, score: Number.NaN }])).code).toBe(
      "NOT_A_NUMBER",
    );
    expect(
      thrownBy(() => validateSeries([{ session: 1, score: 8 }], { range: { min: 1, max: 7 } })),
    ).toMatchObject({
      code: "OUT_OF_RANGE",
      path: "series[0].score",
    });
    expect(
      thrownBy(() =>
        validateSeries([{ session: 1, score: 5, preScore: 0 }], { range: { min: 1, max: 7 } }),
      ).path,
    ).toBe("series[0].preScore");
    expect(
      thrownBy(() => validateSeries([{ session: 1, score: 5 }], { range: { min: 7, max: 1 } }))
        .code,
    ).toBe("INVALID_OPTION");
    expect(thrownBy(() => validateSeries({} as never)).code).toBe("INVALID_INPUT");
  });
});

describe("validateSeries: extreme session numbers (F13)", () => {
  it("refuses sessions so far apart that an episode length would overflow", () => {
    // with sessionGaps "ignore" any increasing finite numbers are sessions; 1e308 - (-1e308)
    // = 2e308 overflows, so a length (a difference of two sessions) could be Infinity
    const series = deepFreeze([
      { session: -1e308, score: 1 },
      { session: 0, score: 2 },
      { session: 1e308, score: 3 },
    ]);
    const error = thrownBy(() => validateSeries(series, { sessionGaps: "ignore" }));
    expect(error).toMatchObject({ code: "OUT_OF_RANGE", path: "series[2].session" });
    expect(validateSeries(series.slice(1), { sessionGaps: "ignore" }).points).toBe(2);
  });
});
