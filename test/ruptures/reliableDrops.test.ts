import { describe, expect, it } from "vitest";
import { reliableDrops } from "../../src/ruptures/reliableDrops.js";
import type { SessionSeries } from "../../src/ruptures/types.js";
import { deepFreeze, thrownBy } from "../helpers.js";

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
