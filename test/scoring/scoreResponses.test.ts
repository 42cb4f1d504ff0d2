import { describe, expect, it } from "vitest";
import { scoreResponses } from "../../src/scoring/scoreResponses.js";
import { deepFreeze, thrownBy } from "../helpers.js";

const complete = [4, 5, 4, 3, 5, 4, 4, 4, 5, 4, 3, 4];

describe("scoreResponses", () => {
  it("scores a complete WAI-SR by array, by item number and by item id alike", () => {
    const byArray = scoreResponses("wai-sr", complete);
    const byNumber = scoreResponses(
      "wai-sr",
      Object.fromEntries(complete.map((v, i) => [String(i + 1), v])),
    );
    const byId = scoreResponses(
      "wai-sr",
      Object.fromEntries(complete.map((v, i) => [`waisr_${i + 1}`, v])),
    );
    // Goal 4 6 8 11 = 3 + 4 + 4 + 3 = 14; Task 1 2 10 12 = 4 + 5 + 4 + 4 = 17; Bond 3 5 7 9 = 4 + 5 + 4 + 5 = 18.
    expect(byArray.subscales.goal!.sum).toBe(14);
    expect(byArray.subscales.task!.sum).toBe(17);
    expect(byArray.subscales.bond!.sum).toBe(18);
    expect(byArray.total).toEqual({
      sum: 49,
      mean: 49 / 12,
      answered: 12,
      missing: 0,
      prorated: false,
    });
    expect(byNumber).toEqual(byArray);
    expect(byId).toEqual(byArray);
    expect(byArray.warnings).toEqual([]);
  });

  it("treats a record's absent items as missing", () => {
    const answers = Object.fromEntries(complete.map((v, i) => [String(i + 1), v]));
    delete answers["8"];
    const result = scoreResponses("wai-sr", answers);
    expect(result.missingItems).toEqual([8]);
    expect(result.subscales.goal!.sum).toBeCloseTo((10 / 3) * 4, 12);
  });

  it("lets the caller be stricter about missing items, never looser", () => {
    const answers = [...complete.slice(0, 7), null, ...complete.slice(8)];
    expect(
      thrownBy(() => scoreResponses("wai-sr", answers, { maxMissingPerSubscale: 0 })).code,
    ).toBe("TOO_MANY_MISSING");
    const looser = thrownBy(() => scoreResponses("wai-sr", answers, { maxMissingPerSubscale: 2 }));
    expect(looser.code).toBe("INVALID_OPTION");
    expect(looser.path).toBe("options.maxMissingPerSubscale");
  });

  it("gives the exact sum of 0.1-step visual-analogue items, without float noise", () => {
    // 9.3 + 9.9 + 9.1 + 7.7 in binary floating point is 36.00000000000001; the SRS total is 36.
    expect(9.3 + 9.9 + 9.1 + 7.7).not.toBe(36);
    expect(scoreResponses("srs", [9.3, 9.9, 9.1, 7.7]).total.sum).toBe(36);
  });

  it("does not mutate its input", () => {
    const answers = deepFreeze({
      1: 4,
      2: 5,
      3: 4,
      4: 3,
      5: 5,
      6: 4,
      7: 4,
      8: null,
      9: 5,
      10: 4,
      11: 3,
      12: 4,
    });
    expect(() => scoreResponses("wai-sr", answers)).not.toThrow();
  });

  describe("errors, code by code", () => {
    it("OUT_OF_RANGE: above the scale, below it, and off its step", () => {
      for (const bad of [6, 0, 2.5, -0]) {
        const error = thrownBy(() => scoreResponses("wai-sr", [bad, ...complete.slice(1)]));
        expect(error.code).toBe("OUT_OF_RANGE");
        expect(error.path).toBe("answers[0]");
        expect(error.message).toContain("an integer from 1 to 5");
      }
    });

    it("UNKNOWN_ITEM: a record key that is no item", () => {
      for (const key of ["13", "0", "goal", "waisr_13", "01"]) {
        const error = thrownBy(() => scoreResponses("wai-sr", { [key]: 3 }));
        expect(error.code).toBe("UNKNOWN_ITEM");
        expect(error.path).toBe(`answers[${JSON.stringify(key)}]`);
      }
    });

    it("NOT_A_NUMBER: strings, NaN, Infinity, objects, booleans", () => {
      for (const bad of ["4", Number.NaN, Number.POSITIVE_INFINITY, { value: 4 }, true, [4]]) {
        const error = thrownBy(() =>
          scoreResponses("wai-sr", [...complete.slice(0, 3), bad as number, ...complete.slice(4)]),
        );
        expect(error.code).toBe("NOT_A_NUMBER");
        expect(error.path).toBe("answers[3]");
      }
    });

    it("TOO_MANY_MISSING: names the score and the items", () => {
      const answers = [...complete];
      answers[3] = null as unknown as number;
      answers[5] = null as unknown as number;
      const error = thrownBy(() => scoreResponses("wai-sr", answers));
      expect(error.code).toBe("TOO_MANY_MISSING");
      expect(error.message).toContain("subscale goal has 2 of 4 items missing (items 4, 6)");
    });

    it("WRONG_LENGTH: an array that is not one answer per item", () => {
      const error = thrownBy(() => scoreResponses("wai-sr", complete.slice(1)));
      expect(error.code).toBe("WRONG_LENGTH");
      expect(error.message).toContain("expected 12 answers");
    });

    it("UNSAFE_KEY: __proto__, constructor and prototype are rejected, never merged", () => {
      for (const key of ["__proto__", "constructor", "prototype"]) {
        const answers = JSON.parse(`{"1": 4, ${JSON.stringify(key)}: 5}`);
        expect(thrownBy(() => scoreResponses("wai-sr", answers)).code).toBe("UNSAFE_KEY");
      }
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });

    it("INVALID_INPUT: an item given twice, or answers that are not a record or array", () => {
      expect(thrownBy(() => scoreResponses("wai-sr", { 7: 4, waisr_7: 4 })).code).toBe(
        "INVALID_INPUT",
      );
      expect(thrownBy(() => scoreResponses("wai-sr", "4,5,4" as never)).code).toBe("INVALID_INPUT");
      expect(thrownBy(() => scoreResponses("wai-sr", null as never)).code).toBe("INVALID_INPUT");
    });

    it("UNKNOWN_INSTRUMENT and INVALID_DEFINITION for the instrument argument", () => {
      expect(thrownBy(() => scoreResponses("wai-zz", complete)).code).toBe("UNKNOWN_INSTRUMENT");
      expect(thrownBy(() => scoreResponses({ id: "x" } as never, complete)).code).toBe(
        "INVALID_DEFINITION",
      );
    });
  });
});
