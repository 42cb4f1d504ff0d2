import { describe, expect, it } from "vitest";
import { defineInstrument } from "../../src/instruments/defineInstrument.js";
import { csrs, srs, srsBandAlternatives } from "../../src/instruments/srs.js";
import { interpret } from "../../src/scoring/interpret.js";
import { scoreResponses } from "../../src/scoring/scoreResponses.js";
import { vasFromMillimetres } from "../../src/scoring/vasFromMillimetres.js";
import { codeOf, deepFreeze } from "../helpers.js";

describe("SRS v3 definition", () => {
  it("passes defineInstrument", () => {
    expect(defineInstrument(srs)).toEqual(srs);
  });

  it("has the key the sources give", () => {
    // CORC SRS page [S30] and hiboop [S36]: four 10 cm lines (relationship; goals and topics;
    // approach or method; overall), each 0-10 from the left, summed 0-40; a VAS has no reverse keying.
    expect(
      srs.items.map((item) => [item.number, item.id, item.reverse, item.subscales.length]),
    ).toEqual([
      [1, "relationship", false, 0],
      [2, "goals_and_topics", false, 0],
      [3, "approach_or_method", false, 0],
      [4, "overall", false, 0],
    ]);
    expect(srs.scale).toMatchObject({ kind: "vas", min: 0, max: 10, step: 0.1, offStep: "reject" });
    expect(srs.subscales).toEqual([]);
    expect(srs.total.method).toBe("sum");
    expect(srs.keySource.status).toBe("confirmed-secondary");
    expect(srs.licence.itemText).toBe("omitted");
  });

  it("scores a hand-worked response: sum of the four marks", () => {
    // 8.7 + 9.1 + 9.2 + 9.0 = 36.0
    const result = scoreResponses(srs, deepFreeze([8.7, 9.1, 9.2, 9.0]));
    expect(result.total.sum).toBeCloseTo(36, 10);
    expect(result.total.mean).toBeCloseTo(9, 10);
    expect(result.warnings.map((warning) => warning.code)).toEqual(["KEY_NOT_PRIMARY"]);
  });

  it("validates VAS values: 10.3 is out of range and 9.95 is off the 0.1 step (rejected)", () => {
    expect(codeOf(() => scoreResponses(srs, [10.3, 9, 9, 9]))).toBe("OUT_OF_RANGE");
    expect(codeOf(() => scoreResponses(srs, [9.95, 9, 9, 9]))).toBe("OUT_OF_RANGE");
    expect(codeOf(() => scoreResponses(srs, [-0.1, 9, 9, 9]))).toBe("OUT_OF_RANGE");
  });

  it("requires all four lines (library choice: no author rule)", () => {
    expect(codeOf(() => scoreResponses(srs, [9, null, 9, 9]))).toBe("TOO_MANY_MISSING");
  });

  it("scores marks given in millimetres on the 100 mm line", () => {
    // 87 mm -> 8.7, 91 -> 9.1, 92 -> 9.2, 90 -> 9.0; total 36.0
    const items = [87, 91, 92, 90].map((mm, index) =>
      vasFromMillimetres(mm, srs.scale, { path: `answers[${index}]` }),
    );
    expect(items).toEqual([8.7, 9.1, 9.2, 9]);
    expect(scoreResponses(srs, items).total.sum).toBeCloseTo(36, 10);
  });
});

describe("SRS cut-off (< 36 by default, <= 36 as the alternative)", () => {
  const bandIds = (answers: number[], choices?: Record<string, string>): string[] =>
    interpret(
      scoreResponses(srs, answers),
      srs,
      choices === undefined ? {} : { choices },
    ).bands.map((band) => band.id);

  it("offers the two readings with '< 36' as the default", () => {
    expect(srsBandAlternatives).toHaveLength(1);
    expect(srsBandAlternatives[0]).toMatchObject({
      group: "srs-cutoff",
      bandIds: ["below-36", "at-or-below-36"],
      defaultBandId: "below-36",
    });
  });

  it("flags 35.9 and not 36 under the default reading", () => {
    // 8.9 + 9 + 9 + 9 = 35.9 (< 36); 8.7 + 9.1 + 9.2 + 9.0 = 36.0 exactly (float noise must not flag it)
    expect(bandIds([8.9, 9, 9, 9])).toEqual(["below-36"]);
    expect(bandIds([8.7, 9.1, 9.2, 9.0])).toEqual([]);
    expect(bandIds([9, 9, 9, 9.1])).toEqual([]);
  });

  it("flags 36 but not 36.1 under the '<= 36' reading", () => {
    const choice = { "srs-cutoff": "at-or-below-36" };
    // 9.3 + 9.9 + 9.1 + 7.7 adds up to 36.00000000000001 in binary floating point: still 36
    expect(bandIds([9.3, 9.9, 9.1, 7.7], choice)).toEqual(["at-or-below-36"]);
    expect(bandIds([8.7, 9.1, 9.2, 9.0], choice)).toEqual(["at-or-below-36"]);
    expect(bandIds([9, 9, 9, 9], choice)).toEqual(["at-or-below-36"]);
    expect(bandIds([9, 9, 9, 9.1], choice)).toEqual([]);
  });

  it("says which reading was applied and cites both", () => {
    const result = interpret(scoreResponses(srs, [9, 9, 9, 9]), srs);
    expect(result.choices).toEqual([
      expect.objectContaining({
        group: "srs-cutoff",
        applied: "below-36",
        chosen: false,
        alternatives: ["below-36", "at-or-below-36"],
      }),
    ]);
    const sources = srs.bands.map((band) => band.source);
    expect(sources[0]).toContain("[S38]");
    expect(sources[1]).toContain("[S36]");
  });
});

describe("CSRS definition", () => {
  it("passes defineInstrument", () => {
    expect(defineInstrument(csrs)).toEqual(csrs);
  });

  it("has the key the sources give, and no cut-off", () => {
    // PsykTestBarn (Hanssen-Bauer & Kornør 2014) and MyOutcomes: four 10 cm lines, sad face to happy face;
    // listening, how important, approach, overall. 0-10 per line, sum 0-40: derived from the SRS and the NHS 0-40 range.
    expect(csrs.items.map((item) => [item.number, item.id, item.reverse])).toEqual([
      [1, "listening", false],
      [2, "how_important", false],
      [3, "approach", false],
      [4, "overall", false],
    ]);
    expect(csrs.scale).toMatchObject({ kind: "vas", min: 0, max: 10, step: 0.1 });
    expect(csrs.keySource.status).toBe("derived");
    expect(csrs.bands).toEqual([]);
  });

  it("scores with a KEY_NOT_PRIMARY warning and interprets without inventing the SRS threshold", () => {
    // 7.5 + 8 + 6.5 + 9 = 31
    const score = scoreResponses(csrs, [7.5, 8, 6.5, 9]);
    expect(score.total.sum).toBeCloseTo(31, 10);
    expect(score.warnings.map((warning) => warning.code)).toEqual(["KEY_NOT_PRIMARY"]);
    const result = interpret(score, csrs);
    expect(result.bands).toEqual([]);
    expect(result.choices).toEqual([]);
    expect(result.warnings.map((warning) => warning.code)).toEqual(["NORMS_UNKNOWN"]);
  });
});
