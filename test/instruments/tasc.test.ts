import { describe, expect, it } from "vitest";
import type { AllianceError } from "../../src/errors.js";
import { defineInstrument } from "../../src/instruments/defineInstrument.js";
import { tascR, tascRParent } from "../../src/instruments/tasc.js";
import { interpret } from "../../src/scoring/interpret.js";
import { scoreResponses } from "../../src/scoring/scoreResponses.js";
import { deepFreeze } from "../helpers.js";

// Blueprint TASC-R [S52] and TASC-R Parent [S54]: 12 items, 1 "Not true" .. 4 "Very much true",
// items 2, 5, 7, 8, 11 reverse-scored, total = sum 12-48, no cut-off; no subscales published with an item map.
const REVERSED_PER_SOURCE = [2, 5, 7, 8, 11];

describe.each([
  ["TASC-R (youth)", tascR, "client"],
  ["TASC-R Parent", tascRParent, "parent"],
] as const)("%s", (_, instrument, rater) => {
  it("passes defineInstrument", () => {
    expect(defineInstrument(instrument)).toEqual(instrument);
  });

  it("has the key the source gives", () => {
    expect(instrument.items).toHaveLength(12);
    expect(instrument.items.filter((item) => item.reverse).map((item) => item.number)).toEqual(
      REVERSED_PER_SOURCE,
    );
    expect(instrument.items.every((item) => item.subscales.length === 0)).toBe(true);
    expect(instrument.scale).toMatchObject({ kind: "likert", min: 1, max: 4, step: 1 });
    expect(instrument.rater).toBe(rater);
    expect(instrument.keySource.status).toBe("confirmed-secondary");
    expect(instrument.norms.status).toBe("none");
    expect(instrument.bands).toEqual([]);
  });

  it("scores a hand-worked response with reverse-keyed items and one missing item", () => {
    // answers 4, 1, 3, 4, 2, 3, -, 1, 4, 3, 2, 4 (item 7 missing)
    // reversed (5 - x): item 2: 1 -> 4; item 5: 2 -> 3; item 8: 1 -> 4; item 11: 2 -> 3
    // scored: 4 + 4 + 3 + 4 + 3 + 3 + 4 + 4 + 3 + 3 + 4 = 39 over 11 answered items
    // mean 39 / 11 = 3.5454...; prorated total 39 / 11 * 12 = 42.5454...
    const result = scoreResponses(instrument, deepFreeze([4, 1, 3, 4, 2, 3, null, 1, 4, 3, 2, 4]));
    expect(result.total.answered).toBe(11);
    expect(result.missingItems).toEqual([7]);
    expect(result.total.mean).toBeCloseTo(39 / 11, 12);
    expect(result.total.sum).toBeCloseTo((39 / 11) * 12, 12);
    expect(result.total.prorated).toBe(true);
    expect(result.warnings.map((warning) => warning.code).sort()).toEqual([
      "KEY_NOT_PRIMARY",
      "PRORATED",
    ]);
  });

  it("withholds the total beyond three missing items (library choice) and rejects off-scale answers", () => {
    const codeOf = (answers: (number | null)[]): string => {
      try {
        scoreResponses(instrument, answers);
      } catch (error) {
        return (error as AllianceError).code;
      }
      return "no error";
    };
    expect(codeOf([null, null, null, null, 2, 3, 4, 1, 4, 3, 2, 4])).toBe("TOO_MANY_MISSING");
    expect(codeOf([5, 1, 3, 4, 2, 3, 4, 1, 4, 3, 2, 4])).toBe("OUT_OF_RANGE");
    expect(codeOf([0, 1, 3, 4, 2, 3, 4, 1, 4, 3, 2, 4])).toBe("OUT_OF_RANGE");
  });

  it("interprets with no band and says there is no cut-off", () => {
    const result = interpret(
      scoreResponses(instrument, [4, 1, 4, 4, 1, 4, 1, 1, 4, 4, 1, 4]),
      instrument,
    );
    expect(result.bands).toEqual([]);
    expect(result.warnings.map((warning) => warning.code)).toEqual(["NO_NORMS"]);
    expect(result.norms.note).toContain("no cut-off");
  });
});
