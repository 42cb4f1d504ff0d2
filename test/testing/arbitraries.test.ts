import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AllianceError } from "../../src/errors.js";
import { listInstruments } from "../../src/instruments/registry.js";
import { scoreResponses } from "../../src/scoring/scoreResponses.js";
import type { Answers } from "../../src/scoring/types.js";
import { arbitraries } from "../../src/testing/arbitraries.js";
import { scalePoints } from "../../src/testing/scalePoints.js";
import { thrownBy } from "../helpers.js";

const { validAnswers, invalidCase } = arbitraries(fc);
const ids = listInstruments().map((instrument) => instrument.id);

describe("arbitraries (fast-check passed in)", () => {
  it.each(ids)("%s: every valid answer set scores", (id) => {
    const points = new Set(scalePoints(id));
    fc.assert(
      fc.property(validAnswers(id), (answers) => {
        for (const answer of answers) if (answer !== null) expect(points.has(answer)).toBe(true);
        expect(() => scoreResponses(id, answers)).not.toThrow();
      }),
      { seed: 17, numRuns: 150 },
    );
  });

  it("generates missing answers unless told not to", () => {
    const samples = fc.sample(validAnswers("wai-c"), { seed: 3, numRuns: 100 });
    expect(samples.some((answers) => answers.includes(null))).toBe(true);
    const none = fc.sample(validAnswers("wai-c", { missing: false }), { seed: 3, numRuns: 100 });
    expect(none.some((answers) => answers.includes(null))).toBe(false);
  });

  it.each(ids)("%s: every invalid case throws its stated code", (id) => {
    fc.assert(
      fc.property(invalidCase(id), (invalid) => {
        try {
          scoreResponses(id, invalid.answers as Answers);
        } catch (error) {
          expect(error).toBeInstanceOf(AllianceError);
          expect((error as AllianceError).code).toBe(invalid.code);
          expect((error as AllianceError).path).toBe(invalid.path);
          return;
        }
        throw new Error(`no error for ${invalid.kind}: ${invalid.description}`);
      }),
      { seed: 5, numRuns: 100 },
    );
  });

  it("draws invalid cases only from the kinds asked for", () => {
    const samples = fc.sample(invalidCase("wai-sr", { kinds: ["unsafe-key"] }), {
      seed: 1,
      numRuns: 20,
    });
    expect(new Set(samples.map((invalid) => invalid.code))).toEqual(new Set(["UNSAFE_KEY"]));
  });

  describe("checks its options when an arbitrary is built", () => {
    function errorOf(build: () => unknown) {
      const error = thrownBy(build);
      expect(error).toBeInstanceOf(AllianceError);
      return [error.code, error.path];
    }

    it("null options are INVALID_OPTION (F25: validAnswers was a TypeError reading 'missing')", () => {
      expect(errorOf(() => validAnswers("wai-c", null as never))).toEqual([
        "INVALID_OPTION",
        "options",
      ]);
      expect(errorOf(() => invalidCase("wai-c", null as never))).toEqual([
        "INVALID_OPTION",
        "options",
      ]);
    });

    it("missing must be a boolean", () => {
      expect(errorOf(() => validAnswers("wai-sr", { missing: "no" as never }))).toEqual([
        "INVALID_OPTION",
        "options.missing",
      ]);
    });

    it("kinds are read as invalidResponses reads them, and one of them must apply", () => {
      expect(errorOf(() => invalidCase("wai-sr", { kinds: new Array(2) }))).toEqual([
        "INVALID_OPTION",
        "options.kinds[0]",
      ]);
      expect(errorOf(() => invalidCase("wai-sr", { kinds: 0 as never }))).toEqual([
        "INVALID_OPTION",
        "options.kinds",
      ]);
      // Before: fast-check's own Error from constantFrom() with nothing to choose from.
      expect(errorOf(() => invalidCase("wai-sr", { kinds: [] }))).toEqual([
        "INVALID_OPTION",
        "options.kinds",
      ]);
      // The SRS has no subscales, so no subscale can go over its limit.
      expect(
        errorOf(() => invalidCase("srs", { kinds: ["too-many-missing-in-subscale"] })),
      ).toEqual(["INVALID_OPTION", "options.kinds"]);
    });

    it("an argument that is not the fast-check module is INVALID_INPUT at once", () => {
      expect(errorOf(() => arbitraries(null as never))).toEqual(["INVALID_INPUT", "fc"]);
      const { tuple: _left, ...withoutTuple } = fc;
      expect(errorOf(() => arbitraries(withoutTuple as never))).toEqual(["INVALID_INPUT", "fc"]);
    });
  });
});
