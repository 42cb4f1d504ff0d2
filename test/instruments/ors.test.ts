import { describe, expect, it } from "vitest";
import { defineInstrument } from "../../src/instruments/defineInstrument.js";
import { cors, ors, orsBandAlternatives, orsChangeThresholds } from "../../src/instruments/ors.js";
import { interpret } from "../../src/scoring/interpret.js";
import { scoreResponses } from "../../src/scoring/scoreResponses.js";
import { vasFromMillimetres } from "../../src/scoring/vasFromMillimetres.js";
import { codeOf, deepFreeze } from "../helpers.js";

describe("ORS and CORS definitions", () => {
  it("pass defineInstrument", () => {
    expect(defineInstrument(ors)).toEqual(ors);
    expect(defineInstrument(cors)).toEqual(cors);
  });

  it("have the keys the sources give", () => {
    // CORC ORS/CORS page [S31]: four 10 cm lines, low left, high right; ORS domains individually,
    // interpersonally, socially, overall; CORS same format (MyOutcomes: me, family, school, everything).
    expect(ors.items.map((item) => [item.number, item.id, item.reverse])).toEqual([
      [1, "individually", false],
      [2, "interpersonally", false],
      [3, "socially", false],
      [4, "overall", false],
    ]);
    expect(cors.items.map((item) => [item.number, item.id, item.reverse])).toEqual([
      [1, "me", false],
      [2, "family", false],
      [3, "school", false],
      [4, "everything", false],
    ]);
    for (const instrument of [ors, cors]) {
      expect(instrument.scale).toMatchObject({ kind: "vas", min: 0, max: 10, step: 0.1 });
      expect(instrument.subscales).toEqual([]);
      expect(instrument.keySource.status).toBe("confirmed-secondary");
    }
    expect(cors.bands).toEqual([]);
    expect(cors.norms.status).toBe("unknown");
  });

  it("scores a hand-worked ORS response and converts millimetres", () => {
    // 4.2 + 6.1 + 5.5 + 5.0 = 20.8; from 42, 61, 55, 50 mm on the 100 mm line
    const items = [42, 61, 55, 50].map((mm) => vasFromMillimetres(mm, ors.scale));
    expect(items).toEqual([4.2, 6.1, 5.5, 5]);
    expect(scoreResponses(ors, deepFreeze(items)).total.sum).toBeCloseTo(20.8, 10);
    expect(codeOf(() => scoreResponses(ors, [4.25, 6, 5, 5]))).toBe("OUT_OF_RANGE");
    expect(codeOf(() => scoreResponses(cors, [4, null, 5, 5]))).toBe("TOO_MANY_MISSING");
  });
});

describe("ORS clinical cut-off 25 (<= 25 by default, < 25 as the alternative)", () => {
  const bandIds = (answers: number[], choices?: Record<string, string>): string[] =>
    interpret(
      scoreResponses(ors, answers),
      ors,
      choices === undefined ? {} : { choices },
    ).bands.map((band) => band.id);

  it("offers both readings with '<= 25' (the secondary page) as the default", () => {
    expect(orsBandAlternatives[0]).toMatchObject({
      group: "ors-cutoff",
      defaultBandId: "clinical-range",
    });
  });

  it("puts 25 in the clinical range by default, and 25.1 outside", () => {
    // 6.1 + 6.3 + 6.2 + 6.4 = 25.0; 6.1 + 6.3 + 6.2 + 6.5 = 25.1; 24.9 = 6.0 + 6.3 + 6.2 + 6.4
    expect(bandIds([6.1, 6.3, 6.2, 6.4])).toEqual(["clinical-range"]);
    expect(bandIds([6.1, 6.3, 6.2, 6.5])).toEqual([]);
    expect(bandIds([6.0, 6.3, 6.2, 6.4])).toEqual(["clinical-range"]);
  });

  it("leaves 25 out and puts 24.9 in under the '< 25' reading", () => {
    const choice = { "ors-cutoff": "below-25" };
    expect(bandIds([6.1, 6.3, 6.2, 6.4], choice)).toEqual([]);
    expect(bandIds([6.0, 6.3, 6.2, 6.4], choice)).toEqual(["below-25"]);
  });
});

describe("ORS reliable change (5 by default, 6.6 as the alternative) and CORS (10)", () => {
  const previous = scoreResponses(ors, [5, 5, 5, 5]); // 20.0

  it("has the thresholds the sources give", () => {
    // hiboop [S36]: 5; NHS MHSDS code [C5]: ORS 6.60 and CORS 10 (CYP IAPT 2015)
    expect(
      orsChangeThresholds.map((t) => [t.instrumentId, t.id, t.value, t.status, t.isDefault]),
    ).toEqual([
      ["ors", "rc-5", 5, "confirmed-secondary", true],
      ["ors", "rc-6.6", 6.6, "code-only", false],
      ["cors", "rc-10", 10, "code-only", true],
    ]);
  });

  it("counts a change of exactly 5 (20 -> 25) as reliable and 4.9 as not, by default", () => {
    const up5 = interpret(scoreResponses(ors, [6.1, 6.3, 6.2, 6.4]), ors, { previous }).changes[0]!;
    expect(up5).toMatchObject({ id: "rc-5", previous: 20, threshold: 5, reliable: "up" });
    expect(up5.change).toBeCloseTo(5, 10);
    const up49 = interpret(scoreResponses(ors, [6.0, 6.3, 6.2, 6.4]), ors, { previous })
      .changes[0]!;
    expect(up49.reliable).toBe("none");
    const down5 = interpret(scoreResponses(ors, [3.9, 3.7, 3.8, 3.6]), ors, { previous })
      .changes[0]!; // 15.0
    expect(down5.reliable).toBe("down");
  });

  it("needs 6.6 under the NHS reading: 6.5 is not reliable, 6.6 is", () => {
    const choices = { "ors-reliable-change": "rc-6.6" };
    const up65 = interpret(scoreResponses(ors, [6.6, 6.6, 6.6, 6.7]), ors, { previous, choices }); // 26.5
    expect(up65.changes[0]).toMatchObject({ id: "rc-6.6", reliable: "none" });
    const up66 = interpret(scoreResponses(ors, [6.6, 6.6, 6.7, 6.7]), ors, { previous, choices }); // 26.6
    expect(up66.changes[0]).toMatchObject({ id: "rc-6.6", reliable: "up" });
    expect(up66.choices.find((choice) => choice.group === "ors-reliable-change")).toMatchObject({
      applied: "rc-6.6",
      chosen: true,
    });
  });

  it("applies 10 on the CORS", () => {
    const before = scoreResponses(cors, [5, 5, 5, 5]); // 20
    expect(
      interpret(scoreResponses(cors, [7.5, 7.5, 7.5, 7.4]), cors, { previous: before }).changes[0]!
        .reliable,
    ).toBe("none"); // 9.9
    expect(
      interpret(scoreResponses(cors, [7.5, 7.5, 7.5, 7.5]), cors, { previous: before }).changes[0]!
        .reliable,
    ).toBe("up"); // 10
  });
});
