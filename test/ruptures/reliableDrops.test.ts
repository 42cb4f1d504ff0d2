import { describe, expect, it } from "vitest";
import { reliableDrops } from "../../src/ruptures/reliableDrops.js";
import type { SessionSeries } from "../../src/ruptures/types.js";
import { deepFreeze, relativeError, thrownBy } from "../helpers.js";

function series(scores: readonly (number | null)[]): SessionSeries {
  return deepFreeze(scores.map((score, index) => ({ session: index + 1, score })));
}

// suddengains' define_crit1_cutoff example (ruptures.md section 2): sd 10.5, reliability .931
// se = 10.5 * sqrt(.069) = 2.758, sdiff = sqrt(2) * 2.758 = 3.901, 1.96 * 3.901 = 7.645
const rci = { sd: 10.5, reliability: 0.931, z: 1.96 } as const;

describe("reliableDrops", () => {
  it("flags drops larger than 7.645 and follows each to its recovery", () => {
    const result = reliableDrops(series([30, 20, 25, 28, 30, 22, 23]), rci);
    expect(result.threshold.threshold).toBeCloseTo(7.645, 3);
    expect(result.threshold.sem).toBeCloseTo(2.758, 3);
    // 30 -> 20 (10 > 7.645) and 30 -> 22 (8 > 7.645); 31 -> 30 style small drops are not flagged
    expect(result.events.map((event) => event.sessions)).toEqual([
      { start: 1, trough: 2, repair: 5 }, // back at 30 in session 5 (28 < 30 in session 4)
      { start: 5, trough: 6, repair: null },
    ]);
    expect(result.events.map((event) => event.resolved)).toEqual([true, false]);
    expect(result.events[0]?.magnitude).toBe(10);
    expect(result.events[0]?.length).toBe(4);
    const index = result.events[0]?.evidence.criteria.find(
      (criterion) => criterion.name === "reliableChangeIndex",
    );
    expect(index?.value).toBeCloseTo(10 / (Math.SQRT2 * 10.5 * Math.sqrt(0.069)), 12);
  });

  it("recovery by a reliable rise from the lowest score: 28 - 20 = 8 > 7.645 at session 4", () => {
    const result = reliableDrops(series([30, 20, 25, 28, 30, 22, 23]), {
      ...rci,
      recovery: "reliable-rise",
    });
    expect(result.events[0]?.sessions.repair).toBe(4);
  });

  it("a recovery window limits the search; unknown when the series ends inside it", () => {
    const windowed = reliableDrops(series([30, 20, 25, 28, 30, 22, 23]), {
      ...rci,
      recoveryWindow: 1,
    });
    expect(windowed.events[0]?.resolved).toBe(false); // only session 3 (25) is looked at
    expect(windowed.events[1]?.resolved).toBe(false); // session 7 (23) is inside the data
    const ending = reliableDrops(series([30, 20]), rci);
    expect(ending.events[0]?.resolved).toBeNull();
  });

  it("uses a strict >: a drop equal to the threshold is not reliable", () => {
    // sd 10, reliability .5: sem = 10 * sqrt(.5), sdiff = sqrt(2) * sem = 10; z = 1 -> threshold 10
    const options = { sd: 10, reliability: 0.5, z: 1 };
    expect(reliableDrops(series([40, 30, 40]), options).events).toEqual([]);
    expect(reliableDrops(series([40, 29.5, 40]), options).events).toHaveLength(1);
  });

  it("skips missing sessions, comparing with the previous observed score", () => {
    const result = reliableDrops(series([30, null, 20, 30]), rci);
    expect(result.events[0]?.sessions).toEqual({ start: 1, trough: 3, repair: 4 });
  });

  it("reads rises as drops on a lower-is-better scale", () => {
    const result = reliableDrops(series([10, 20, 10]), { ...rci, higherIsBetter: false });
    expect(result.events[0]?.sessions).toEqual({ start: 1, trough: 2, repair: 3 });
  });

  it("rejects a missing sd or reliability", () => {
    expect(thrownBy(() => reliableDrops(series([1, 2]), { sd: 10 } as never)).path).toBe(
      "options.reliability",
    );
    expect(
      thrownBy(() => reliableDrops(series([1, 2]), { ...rci, recovery: "some" } as never)).code,
    ).toBe("INVALID_OPTION");
  });
});

describe("reliableDrops: extreme values (F13)", () => {
  it("refuses a subnormal sd whose reliable change index overflows, at options.sd", () => {
    // the fuzz suite's reproduction: sd 6e-323 gives sdiff = sqrt(2) * 6e-323, about 8.4e-323;
    // the first worsening (lower is better), 1 -> 3.75, is 2.75, and 2.75 / 8.4e-323 = 3.3e322
    // is beyond the largest double (1.8e308)
    const error = thrownBy(() =>
      reliableDrops(series([1, 3.75, 5, 2.5, 3.5]), {
        sd: 6e-323,
        reliability: 0,
        higherIsBetter: false,
      }),
    );
    // (reliableChangeThreshold already refuses an sem this far below the smallest normal double)
    expect(error).toMatchObject({ code: "OUT_OF_RANGE", path: "options.sd" });
  });

  it("refuses a small normal sd whose reliable change index overflows, at options.sd", () => {
    // sd 1e-300, reliability 0: sdiff = sqrt(2) * 1e-300 (a normal double); a drop of 1e10
    // gives an index of 1e10 / 1.414e-300 = 7.1e309, beyond the largest double (1.8e308)
    const error = thrownBy(() => reliableDrops(series([1e10, 0]), { sd: 1e-300, reliability: 0 }));
    expect(error).toMatchObject({ code: "OUT_OF_RANGE", path: "options.sd" });
    expect(error.message).toContain("reliable change index");
    expect(error.message).toContain("Infinity");
  });

  it("refuses scores so far apart that the drop itself overflows, at series", () => {
    // 1e308 - (-1e308) = 2e308 > 1.8e308
    const error = thrownBy(() => reliableDrops(series([1e308, -1e308]), { sd: 1, reliability: 0 }));
    expect(error).toMatchObject({ code: "OUT_OF_RANGE", path: "series" });
    expect(error.message).toContain("session 1 to 2");
  });

  it("still returns finite results for large but representable values", () => {
    // drop 2e300; sd 1, reliability 0: sdiff = sqrt(2), index = 2e300 / sqrt(2) = sqrt(2) * 1e300
    const result = reliableDrops(series([1e300, -1e300]), { sd: 1, reliability: 0, z: 1.96 });
    const [drop, index] = result.events[0]?.evidence.criteria ?? [];
    expect(drop?.value).toBe(2e300);
    expect(relativeError(index?.value ?? 0, Math.SQRT2 * 1e300)).toBeLessThan(1e-15);
  });

  it("reports the critical value itself as the index criterion's threshold", () => {
    // drop / sdiff > z is the same test as drop > z x sdiff; the threshold is z, exactly (with
    // sd 0.1, (1.96 x sdiff) / sdiff rounds to 1.9600000000000002)
    const result = reliableDrops(series([3, 2]), { sd: 0.1, reliability: 0, z: 1.96 });
    expect(result.events[0]?.evidence.criteria[1]?.threshold).toBe(1.96);
  });
});
