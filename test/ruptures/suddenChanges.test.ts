import { describe, expect, it } from "vitest";
import { suddenChanges } from "../../src/ruptures/suddenChanges.js";
import type { SessionSeries } from "../../src/ruptures/types.js";
import { deepFreeze, thrownBy } from "../helpers.js";

/** Sessions 1..n from a list of scores (null = missing). */
function series(scores: readonly (number | null)[], first = 1): SessionSeries {
  return deepFreeze(scores.map((score, index) => ({ session: first + index, score })));
}

// Worked examples: /work/shared/reference/ruptures.md section 1.5 (cut-off 7, pct .25, alpha .05).
const exampleA = series([30, 28, 29, 27, 15, 14, 13, 12]);
const exampleB = series([38, 39, 38, 27, 31, 37, 38, 39]);
const exampleC = series([38, 39, 38, 27, 26, 27, 26, 27]);

describe("suddenChanges: worked examples (ruptures.md 1.5)", () => {
  it("A: finds the sudden gain 4to5 on a symptom scale, and nothing else", () => {
    const result = suddenChanges(exampleA, {
      direction: "gain",
      cutoff: 7,
      higherIsBetter: false,
      details: true,
    });
    expect(result.scoreChange).toBe("decrease");
    expect(result.events).toHaveLength(1);
    const [event] = result.events;
    expect(event?.sessions).toEqual({ start: 4, trough: 5, repair: null });
    expect(event?.magnitude).toBe(12);
    // pre 28, 29, 27 (mean 28, SS 2), post 15, 14, 13 (mean 14, SS 2): pooled SD sqrt(4 / 4) = 1
    expect(event?.evidence.sdUsed).toBeCloseTo(1, 12);
    const criterion3 = event?.evidence.criteria.find(
      (criterion) => criterion.name === "criterion3",
    );
    expect(criterion3?.value).toBeCloseTo(14, 12);
    expect(criterion3?.threshold).toBeCloseTo(2.776, 3); // t(0.975, df 4) * 1
    // reversal value 15 + 12 / 2 = 21; sessions 7 and 8 (13, 12) never exceed it
    expect(event?.resolved).toBe(false);
    expect(result.intervals?.map((interval) => [interval.label, interval.flagged])).toEqual([
      ["2to3", false],
      ["3to4", false],
      ["4to5", true],
      ["5to6", false],
      ["6to7", false],
    ]);
    // interval 2to3 has only two pre scores (30, 28 | 29): mean 29 vs post 29, 27, 15 (23.67);
    // df 2 + 3 - 2 = 3, so t = 3.182
    const first = result.intervals?.[0]?.criteria.find(
      (criterion) => criterion.name === "criterion3",
    );
    expect(first?.value).toBeCloseTo(29 - 71 / 3, 10);
  });

  it("B: the V-shaped dip is not a sudden loss (criterion 3 fails: 6.67 > 9.94 is false)", () => {
    const result = suddenChanges(exampleB, { direction: "loss", cutoff: 7, details: true });
    expect(result.events).toEqual([]);
    const interval = result.intervals?.find((entry) => entry.label === "3to4");
    const byName = Object.fromEntries(
      interval?.criteria.map((criterion) => [criterion.name, criterion]) ?? [],
    );
    expect(byName.criterion1?.passed).toBe(true); // 11 >= 7
    expect(byName.criterion2?.passed).toBe(true); // 11 >= 0.25 * 38 = 9.5
    expect(byName.criterion2?.threshold).toBe(9.5);
    expect(byName.criterion3?.passed).toBe(false);
    expect(byName.criterion3?.value).toBeCloseTo(115 / 3 - 95 / 3, 10); // 38.33 - 31.67 = 6.67
    // SS pre = 2/3, SS post = 152/3, pooled SD = sqrt((154/3) / 4) = 3.582; t(.975, 4) = 2.776445
    // (t table), so 2.776445 * 3.582 = 9.946 (the reference rounds this to 9.94)
    expect(byName.criterion3?.threshold).toBeCloseTo(2.776445 * Math.sqrt(154 / 12), 5);
  });

  it("C: the lasting drop is a sudden alliance loss at 3to4 only", () => {
    const result = suddenChanges(exampleC, { direction: "loss", cutoff: 7 });
    expect(result.events.map((event) => event.sessions)).toEqual([
      { start: 3, trough: 4, repair: null },
    ]);
    const criterion3 = result.events[0]?.evidence.criteria.find(
      (criterion) => criterion.name === "criterion3",
    );
    expect(criterion3?.value).toBeCloseTo(35 / 3, 10); // 38.33 - 26.67 = 11.67
    expect(criterion3?.threshold).toBeCloseTo(1.6, 2); // 2.776 * sqrt((2/3 + 2/3) / 4) = 2.776 * 0.577
    // reversal value 27 + 11 / 2 = 32.5; from session 6 on (27, 26, 27) nothing goes above it
    expect(result.events[0]?.resolved).toBe(false);
  });

  it("B read as a loss without criterion 3: reversed at session 6 (37 > 32.5), i.e. repaired", () => {
    const result = suddenChanges(exampleB, { direction: "loss", cutoff: 7, crit3: false });
    expect(result.events).toHaveLength(1);
    const [event] = result.events;
    expect(event?.sessions).toEqual({ start: 3, trough: 4, repair: 6 });
    expect(event?.resolved).toBe(true);
    expect(event?.length).toBe(3);
    const reversal = event?.evidence.criteria.find((criterion) => criterion.name === "reversal");
    expect(reversal?.threshold).toBe(32.5);
  });
});

describe("suddenChanges: stability variants (ruptures.md 1.6)", () => {
  it("Kelly 2005: 1.5 x SD of the whole series (C: SD 6.094, B: SD 4.422) passes both", () => {
    const c = suddenChanges(exampleC, { direction: "loss", cutoff: 7, stability: "kelly-2005" });
    // C: mean 31, squared deviations 260, SD = sqrt(260 / 7) = 6.0945, 1.5 x SD = 9.1417
    expect(c.events[0]?.evidence.sdUsed).toBeCloseTo(Math.sqrt(260 / 7), 12);
    const kelly = c.events[0]?.evidence.criteria.find(
      (criterion) => criterion.name === "criterion3Kelly2005",
    );
    expect(kelly?.threshold).toBeCloseTo(9.14, 2);
    const b = suddenChanges(exampleB, { direction: "loss", cutoff: 7, stability: "kelly-2005" });
    // B: mean 35.875, squared deviations 136.875, SD = sqrt(136.875 / 7) = 4.4219; 1.5 x = 6.633
    expect(b.events.map((event) => event.sessions.start)).toEqual([3]);
    expect(b.events[0]?.evidence.sdUsed).toBeCloseTo(Math.sqrt(136.875 / 7), 12);
  });

  it("Gaynor 2003: B keeps half the loss over (27, 31) but not over (31, 37); the offset is an option", () => {
    // keep level 38 - 11 / 2 = 32.5
    const after = suddenChanges(exampleB, {
      direction: "loss",
      cutoff: 7,
      stability: "gaynor-2003",
    });
    expect(after.events).toEqual([]);
    const from = suddenChanges(exampleB, {
      direction: "loss",
      cutoff: 7,
      stability: "gaynor-2003",
      gaynorWindowStart: "post-change",
    });
    expect(from.events.map((event) => event.sessions.start)).toEqual([3]);
  });
});

describe("suddenChanges: parity with suddengains rules", () => {
  it("criterion 1 and 2 use >=: a drop of exactly the cut-off and exactly 25 % counts", () => {
    // 28 -> 21: drop 7 = cutoff, 7 = 0.25 * 28; windows (28, 28, 28) vs (21, 21, 21): 7 > 0
    const result = suddenChanges(series([28, 28, 28, 21, 21, 21, 21]), {
      direction: "gain",
      cutoff: 7,
      higherIsBetter: false,
    });
    expect(result.events.map((event) => event.sessions.start)).toEqual([3]);
  });

  it("criterion 3 uses a strict >: equal window means never pass", () => {
    const result = suddenChanges(series([10, 10, 10, 10, 10, 10]), {
      direction: "gain",
      cutoff: null,
      pct: null,
      higherIsBetter: false,
      details: true,
    });
    expect(result.intervals?.every((interval) => interval.flagged === false)).toBe(true);
  });

  it("adjusts the critical value for missing scores (df 3 -> 3.182) and can use a fixed one", () => {
    // interval 3to4: pre (23, NA, 17) mean 20, SS 18; post (12.5, 12.5, 12.5) SS 0; df = 2 + 3 - 2 = 3
    // pooled SD = sqrt(18 / 3) = 2.449; difference 7.5; 2.776 * 2.449 = 6.80 < 7.5 < 7.79 = 3.182 * 2.449
    const data = series([23, null, 17, 12.5, 12.5, 12.5, 12.5]);
    const base = {
      direction: "gain",
      cutoff: null,
      pct: null,
      higherIsBetter: false,
      details: true,
    } as const;
    const adjusted = suddenChanges(data, base);
    expect(adjusted.events).toEqual([]);
    const c3 = adjusted.intervals?.find((entry) => entry.label === "3to4")?.criteria[0];
    expect((c3?.threshold ?? 0) / Math.sqrt(6)).toBeCloseTo(3.182, 3);
    const fixed = suddenChanges(data, { ...base, adjust: false });
    expect(fixed.events.map((event) => event.sessions.start)).toEqual([3]);
    expect(fixed.events[0]?.evidence.sdUsed).toBeCloseTo(Math.sqrt(6), 12);
    // 2to3 has one pre score (23 | NA): fewer than 2 valid values, so NA (null)
    expect(adjusted.intervals?.[0]?.flagged).toBeNull();
  });

  it("uses t = 4.303 with two scores on each side (df 2)", () => {
    // interval 3to4: pre (NA, 20, 18) mean 19, SS 2; post (9, NA, 11) mean 10, SS 2; pooled SD sqrt(4 / 2) = 1.414
    const result = suddenChanges(series([30, null, 20, 18, 9, null, 11, 11]), {
      direction: "gain",
      cutoff: null,
      pct: null,
      higherIsBetter: false,
      details: true,
    });
    const c3 = result.intervals?.find((entry) => entry.label === "4to5")?.criteria[0];
    expect((c3?.threshold ?? 0) / Math.SQRT2).toBeCloseTo(4.303, 3);
    expect(c3?.value).toBe(9);
  });

  it("a missing score in any switched-on criterion makes the interval null (R's NA * FALSE = NA)", () => {
    const result = suddenChanges(series([20, 20, null, 20, 20, 20]), {
      direction: "gain",
      cutoff: 7,
      higherIsBetter: false,
      details: true,
    });
    expect(result.intervals?.map((interval) => interval.flagged)).toEqual([null, null, false]);
  });

  it("pins create_bysg's reversal indexing: checked from point N+2, or N+1 with a baseline first", () => {
    // gain 30 -> 15 into session 4 (N = 4): reversal value 15 + 7.5 = 22.5; only session 5 (23) exceeds it
    const data = series([30, 30, 30, 15, 23, 15, 15, 15]);
    const options = { direction: "gain", cutoff: 7, higherIsBetter: false, details: true } as const;
    const plain = suddenChanges(data, options);
    expect(plain.events.map((event) => [event.sessions.start, event.resolved])).toEqual([
      [3, false],
    ]);
    expect(plain.intervals?.[1]?.label).toBe("3to4");
    const baseline = suddenChanges(data, { ...options, firstIsBaseline: true });
    expect(baseline.events[0]?.sessions).toEqual({ start: 3, trough: 4, repair: 5 });
    expect(baseline.intervals?.[1]?.label).toBe("2to3");
    const next = suddenChanges(data, { ...options, reversalFrom: "next" });
    expect(next.events[0]?.sessions.repair).toBe(5);
  });

  it("identify_sl with cut-off -7 equals direction loss on a symptom scale with cut-off 7", () => {
    // mirror of example A's scores around 40: 10, 12, 11, 13, 25, 26, 27, 28
    const result = suddenChanges(series([10, 12, 11, 13, 25, 26, 27, 28]), {
      direction: "loss",
      cutoff: 7,
      pct: null,
      higherIsBetter: false,
    });
    expect(result.scoreChange).toBe("increase");
    expect(result.events.map((event) => event.sessions)).toEqual([
      { start: 4, trough: 5, repair: null },
    ]);
  });

  it("the loss percentage is symmetric (documented difference from identify_sl)", () => {
    // rise 10 -> 12 is 2 < 0.25 * 10 = 2.5; identify_sl would pass it (10 - 12 <= 2.5)
    const result = suddenChanges(series([10, 10, 10, 12, 12, 12, 12]), {
      direction: "gain",
      cutoff: null,
      details: true,
    });
    const c2 = result.intervals?.[1]?.criteria.find((criterion) => criterion.name === "criterion2");
    expect(c2).toMatchObject({ passed: false, value: 2, threshold: 2.5 });
    expect(result.events).toEqual([]);
  });

  it("takes criterion 1 from the reliable change index (suddengains example: 7.645)", () => {
    // se = 10.5 * sqrt(1 - .931) = 2.758; sdiff = sqrt(2) * se = 3.901; 1.96 * sdiff = 7.645
    const result = suddenChanges(exampleA, {
      direction: "gain",
      higherIsBetter: false,
      cutoff: { sd: 10.5, reliability: 0.931, z: 1.96 },
    });
    expect(result.cutoff).toBeCloseTo(7.645, 3);
    expect(result.cutoffFromReliableChange?.sem).toBeCloseTo(2.758, 3);
    expect(result.events).toHaveLength(1);
    expect(result.events[0]?.citations.map((citation) => citation.authors)).toContain(
      "Jacobson & Truax",
    );
  });

  it("reads an absent session number as a missing score (sessionGaps: missing)", () => {
    const absent = deepFreeze(exampleA.filter((point) => point.session !== 3));
    const withNull = series([30, 28, null, 27, 15, 14, 13, 12]);
    const options = { direction: "gain", cutoff: 7, higherIsBetter: false, details: true } as const;
    expect(suddenChanges(absent, options)).toEqual(suddenChanges(withNull, options));
    // with gaps ignored the 7 listed entries are consecutive points: 2to3 is then 28 -> 27
    const ignored = suddenChanges(absent, { ...options, sessionGaps: "ignore" });
    expect(ignored.intervals?.[0]).toMatchObject({ fromSession: 2, toSession: 4 });
  });

  it("warns when the series is too short to test any interval", () => {
    const result = suddenChanges(series([1, 2, 3]), { direction: "loss", cutoff: 1 });
    expect(result.events).toEqual([]);
    expect(result.warnings[0]?.code).toBe("NOT_ENOUGH_DATA");
  });

  it("rejects a missing cut-off, no criteria at all, and bad options", () => {
    expect(thrownBy(() => suddenChanges(exampleA, { direction: "gain" } as never)).code).toBe(
      "INVALID_OPTION",
    );
    expect(
      thrownBy(() =>
        suddenChanges(exampleA, { direction: "gain", cutoff: null, pct: null, crit3: false }),
      ).path,
    ).toBe("options");
    expect(
      thrownBy(() => suddenChanges(exampleA, { direction: "up", cutoff: 7 } as never)).path,
    ).toBe("options.direction");
    expect(thrownBy(() => suddenChanges(exampleA, { direction: "gain", cutoff: -7 })).path).toBe(
      "options.cutoff",
    );
  });
});

describe("suddenChanges: extreme values (F13)", () => {
  const base = { direction: "loss", details: true } as const;

  it("refuses scores whose pooled SD overflows instead of an Infinity threshold", () => {
    // the fuzz suite's reproduction: a score of 1.13e200; interval 2to3 has post scores
    // 3, 1.13e200, 5 whose squared deviations (about 1e399) overflow
    const error = thrownBy(() =>
      suddenChanges(series([1, 2, 3, 1.13e200, 5, 6]), {
        ...base,
        cutoff: { sd: 0.1, reliability: 0 },
        pct: null,
        crit3: true,
      }),
    );
    expect(error).toMatchObject({ code: "OUT_OF_RANGE", path: "series" });
    expect(error.message).toContain("pooled SD for session 2 to 3");
  });

  it("refuses a change between scores that overflows", () => {
    // interval 3to4: 1e308 - (-1e308) = 2e308 > 1.8e308
    const error = thrownBy(() =>
      suddenChanges(series([1, 2, 1e308, -1e308, 3]), {
        ...base,
        cutoff: 1,
        pct: null,
        crit3: false,
      }),
    );
    expect(error).toMatchObject({ code: "OUT_OF_RANGE", path: "series" });
    expect(error.message).toContain("change from session 3 to 4");
  });

  it("names the option whose size makes a threshold overflow", () => {
    const data = series([5, 15, 5, 15, 5, 15]);
    const pathOf = (options: object) =>
      thrownBy(() => suddenChanges(data, { ...base, cutoff: null, ...options })).path;
    // criterion 2: 1e308 x 15 (the pre-change score of interval 2to3) overflows
    expect(pathOf({ pct: 1e308, crit3: false })).toBe("options.pct");
    // criterion 3 without adjustment: 1e308 x pooled SD overflows; interval 2to3: pre 5, 15
    // (SS 50), post 5, 15, 5 (SS 66.7), pooled SD sqrt(116.7 / 3) = 6.24
    expect(pathOf({ pct: null, adjust: false, criticalValue: 1e308 })).toBe(
      "options.criticalValue",
    );
    // alpha / 2 = 2.5e-324 rounds to 0, and the t quantile at 0 is -Infinity
    expect(pathOf({ pct: null, alpha: Number.MIN_VALUE })).toBe("options.alpha");
    // Kelly: 1e308 x SD of all six scores (sqrt(150 / 5) = 5.48) overflows
    expect(pathOf({ pct: null, stability: "kelly-2005", kellyMultiplier: 1e308 })).toBe(
      "options.kellyMultiplier",
    );
  });

  it("refuses scores whose series SD overflows under the Kelly criterion", () => {
    const error = thrownBy(() =>
      suddenChanges(series([1, 2, 3, 1e200, 5]), {
        ...base,
        cutoff: null,
        pct: null,
        stability: "kelly-2005",
      }),
    );
    expect(error).toMatchObject({ code: "OUT_OF_RANGE", path: "series" });
  });

  it("puts a bad reliable change cut-off under options.cutoff", () => {
    const error = thrownBy(() =>
      suddenChanges(exampleA, { direction: "gain", cutoff: { sd: -1, reliability: 0.8 } }),
    );
    expect(error).toMatchObject({ code: "OUT_OF_RANGE", path: "options.cutoff.sd" });
  });
});
