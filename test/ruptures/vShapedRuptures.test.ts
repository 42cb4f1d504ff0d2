import { describe, expect, it } from "vitest";
import type { SessionSeries } from "../../src/ruptures/types.js";
import { vShapedRuptures } from "../../src/ruptures/vShapedRuptures.js";
import { deepFreeze, thrownBy } from "../helpers.js";

function series(scores: readonly (number | null)[]): SessionSeries {
  return deepFreeze(scores.map((score, index) => ({ session: index + 1, score })));
}

// Worked example: /work/shared/reference/ruptures.md section 3.3.
const dip = series([38, 39, 38, 37, 38, 30, 38, 39, 38, 39]);

describe("vShapedRuptures: worked example (ruptures.md 3.3)", () => {
  it("mean of the other sessions, their SD, k = 2, window 3: rupture at 6, repair at 8", () => {
    const result = vShapedRuptures(dip);
    expect(result.events).toHaveLength(1);
    const [event] = result.events;
    // other 9 sessions: mean 344 / 9 = 38.222, squared deviations 32/9, SD sqrt((32/9) / 8) = 0.667
    expect(event?.evidence.referenceValue).toBeCloseTo(344 / 9, 12);
    expect(event?.evidence.sdUsed).toBeCloseTo(2 / 3, 12);
    expect(event?.evidence.threshold).toBeCloseTo(344 / 9 - 4 / 3, 12); // 36.89
    // session 7 = 38 < 38.22, session 8 = 39 >= 38.22
    expect(event?.sessions).toEqual({ start: 5, trough: 6, repair: 8 });
    expect(event?.flaggedSession).toBe(6);
    expect(event?.pattern).toBe("simple-v");
    expect(event?.resolved).toBe(true);
    expect(event?.magnitude).toBeCloseTo(344 / 9 - 30, 12); // 8.22
    expect(event?.length).toBe(3);
  });

  it("mean of all sessions: mean 37.4, SD 2.675, threshold 32.05; 30 still qualifies", () => {
    const result = vShapedRuptures(dip, { reference: "mean-all" });
    const [event] = result.events;
    // all 10: sum 374, squared deviations 64.4, SD sqrt(64.4 / 9) = 2.675
    expect(event?.evidence.referenceValue).toBeCloseTo(37.4, 12);
    expect(event?.evidence.sdUsed).toBeCloseTo(Math.sqrt(64.4 / 9), 12);
    expect(event?.evidence.threshold).toBeCloseTo(37.4 - 2 * Math.sqrt(64.4 / 9), 12);
    expect(event?.sessions.repair).toBe(7); // 38 >= 37.4
  });
});

describe("vShapedRuptures: parameters", () => {
  it("the stricter SD (Gumz et al. 2012) removes the flag in a very stable series", () => {
    // client SD 0.667 gives threshold 36.89; a between-clients SD of 5 gives 38.22 - 10 = 28.22
    const stricter = vShapedRuptures(dip, { sdSource: "stricter", betweenSd: 5 });
    expect(stricter.events).toEqual([]);
    const between = vShapedRuptures(dip, { sdSource: "between", betweenSd: 3, k: 1 });
    expect(between.events[0]?.evidence.sdUsed).toBe(3);
  });

  it("the previous-session reference measures from the score before", () => {
    // at session 6: reference 38 (session 5); SD of all 2.675; k = 1: threshold 35.325
    const result = vShapedRuptures(dip, { reference: "previous", k: 1 });
    expect(result.events[0]?.evidence.referenceValue).toBe(38);
    expect(result.events[0]?.evidence.threshold).toBeCloseTo(38 - Math.sqrt(64.4 / 9), 12);
    expect(result.events[0]?.sessions.repair).toBe(7); // 38 >= 38
  });

  it("a decline over several sessions then a repair is Gumz's second pattern", () => {
    // 40 40 40 40 36 32 28 40 40 40: flagged at 28 (session 7); the decline starts at session 4
    const result = vShapedRuptures(series([40, 40, 40, 40, 36, 32, 28, 40, 40, 40]), {
      k: 1,
      reference: "mean-all",
    });
    // mean 37.6, squared deviations 5.76 * 7 + 2.56 + 31.36 + 92.16 = 166.4, SD sqrt(166.4 / 9) = 4.300
    // threshold 37.6 - 4.300 = 33.30: 32 (session 6) is the first at or below it
    const [event] = result.events;
    expect(event?.flaggedSession).toBe(6);
    expect(event?.sessions).toEqual({ start: 4, trough: 7, repair: 8 });
    expect(event?.pattern).toBe("multi-session-decline");
    expect(event?.declineSteps).toBe(3);
    expect(event?.length).toBe(4);
    expect(event?.magnitude).toBeCloseTo(37.6 - 28, 12);
  });

  it("unrepaired within the window, and not decidable when the window runs past the end", () => {
    // previous-score reference, between SD 2, k 2: threshold 38 - 4 = 34 at session 5; repair
    // level 38 is not reached in sessions 6-8 (31, 31, 31), and session 9 exists, so not repaired
    const lasting = vShapedRuptures(series([38, 39, 38, 38, 30, 31, 31, 31, 31]), {
      reference: "previous",
      sdSource: "between",
      betweenSd: 2,
    });
    expect(lasting.events[0]?.pattern).toBe("unrepaired");
    expect(lasting.events[0]?.resolved).toBe(false);
    const atEnd = vShapedRuptures(series([38, 39, 38, 38, 39, 38, 30]));
    expect(atEnd.events[0]?.resolved).toBeNull();
  });

  it("reads symptom scales with higherIsBetter: false (a rise is the rupture)", () => {
    const mirrored = series([2, 1, 2, 3, 2, 10, 2, 1, 2, 1]);
    const result = vShapedRuptures(mirrored, { higherIsBetter: false });
    // mirror of the worked example around 40: reference 40 - 38.222 = 1.778, threshold 1.778 + 1.333
    expect(result.events[0]?.evidence.referenceValue).toBeCloseTo(40 - 344 / 9, 12);
    expect(result.events[0]?.evidence.threshold).toBeCloseTo(40 - 344 / 9 + 4 / 3, 12);
    expect(result.events[0]?.sessions).toEqual({ start: 5, trough: 6, repair: 8 });
  });

  it("reports within- and between-session change when pre-session scores exist (Zlotnick et al. 2020)", () => {
    const withPre = deepFreeze(
      dip.map((point) => (point.session === 6 ? { ...point, preScore: 34 } : point)),
    );
    const [event] = vShapedRuptures(withPre).events;
    expect(event?.withinSessionChange).toBe(-4); // 30 - 34
    expect(event?.betweenSessionChange).toBe(-4); // 34 - 38
  });

  it("warns instead of flagging with too few scores, or with an SD of 0", () => {
    expect(vShapedRuptures(series([5, 4])).warnings[0]?.code).toBe("NOT_ENOUGH_DATA");
    const flat = vShapedRuptures(series([5, 5, 5, 4, 5]));
    expect(flat.warnings.map((warning) => warning.code)).toContain("ZERO_VARIANCE");
  });

  it("rejects bad options", () => {
    expect(thrownBy(() => vShapedRuptures(dip, { sdSource: "stricter" })).path).toBe(
      "options.betweenSd",
    );
    expect(thrownBy(() => vShapedRuptures(dip, { k: 0 })).code).toBe("INVALID_OPTION");
    expect(thrownBy(() => vShapedRuptures(dip, { repairWindow: 1.5 })).path).toBe(
      "options.repairWindow",
    );
  });
});

describe("vShapedRuptures: extreme values (F13)", () => {
  it("refuses scores whose mean or SD overflows instead of flagging nothing", () => {
    // 1e200 and -1e200: squared deviations of 1e400 overflow; with an infinite SD the
    // threshold would be -Infinity and the dip to -1e200 would silently go unflagged
    const error = thrownBy(() => vShapedRuptures(series([1e200, 1e200, 1e200, -1e200, 1e200])));
    expect(error).toMatchObject({ code: "OUT_OF_RANGE", path: "series" });
    expect(error.message).toContain("sum of squared deviations of Infinity");
  });

  it("flags a dip in large but representable scores", () => {
    // the worked example (ruptures.md 3.3) times 1e100: rupture at 6, repair at 8, as unscaled
    const scaled = series([38, 39, 38, 37, 38, 30, 38, 39, 38, 39].map((score) => score * 1e100));
    expect(vShapedRuptures(scaled).events[0]?.sessions).toEqual({ start: 5, trough: 6, repair: 8 });
  });
});
