import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AllianceError } from "../../src/errors.js";
import { listInstruments } from "../../src/instruments/registry.js";
import { scoreResponses } from "../../src/scoring/scoreResponses.js";
import type { Answers } from "../../src/scoring/types.js";
import { arbitraries } from "../../src/testing/arbitraries.js";
import { scalePoints } from "../../src/testing/scalePoints.js";

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
});
