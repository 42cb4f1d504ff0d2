import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AllianceError } from "../../src/errors.js";
import { listInstruments } from "../../src/instruments/registry.js";
import { scoreResponses } from "../../src/scoring/scoreResponses.js";
import { scoreTable } from "../../src/scoring/scoreTable.js";
import { deepFreeze } from "../helpers.js";

const instruments = listInstruments();

/** A valid response set for an instrument: each item on the scale, or missing within the rules. */
function answersFor(id: string): fc.Arbitrary<(number | null)[]> {
  const instrument = instruments.find((candidate) => candidate.id === id)!;
  const { min, max, step } = instrument.scale;
  const points = Math.round((max - min) / step);
  const value = fc
    .integer({ min: 0, max: points })
    .map((k) => Math.round((min + k * step) * 1e9) / 1e9);
  return fc.array(fc.option(value, { freq: 12, nil: null }), {
    minLength: instrument.items.length,
    maxLength: instrument.items.length,
  });
}

function scoredOrNull(id: string, answers: (number | null)[]) {
  try {
    return scoreResponses(id, answers);
  } catch (error) {
    if (error instanceof AllianceError && error.code === "TOO_MANY_MISSING") return null;
    throw error;
  }
}

describe("scoring properties", () => {
  it.each(instruments.map((instrument) => instrument.id))(
    "%s: scoreTable equals scoreResponses row for row",
    (id) => {
      fc.assert(
        fc.property(fc.array(answersFor(id), { minLength: 1, maxLength: 8 }), (rows) => {
          const table = scoreTable(id, rows, { onError: "collect" });
          rows.forEach((row, r) => {
            const single = scoredOrNull(id, row);
            expect(table.valid[r]).toBe(single === null ? 0 : 1);
            if (single === null) return;
            expect(table.scores.total!.sum[r]).toBe(single.total.sum);
            expect(table.scores.total!.mean[r]).toBe(single.total.mean);
            for (const [subscale, value] of Object.entries(single.subscales)) {
              expect(table.scores[subscale]!.sum[r]).toBe(value.sum);
              expect(table.scores[subscale]!.mean[r]).toBe(value.mean);
            }
            expect(table.answered[r]).toBe(single.answered);
            expect(table.prorated[r]).toBe(single.prorated ? 1 : 0);
          });
        }),
        { numRuns: 200 },
      );
    },
  );

  it("the order of a record's keys does not matter", () => {
    fc.assert(
      fc.property(
        answersFor("wai-c"),
        fc.infiniteStream(fc.double({ noNaN: true })),
        (answers, noise) => {
          const entries = answers.map((value, index) => [String(index + 1), value] as const);
          const shuffled = entries
            .map((entry) => [noise.next().value, entry] as const)
            .sort((a, b) => a[0] - b[0])
            .map(([, entry]) => entry);
          const a = scoredOrNull("wai-c", answers);
          if (a === null) return;
          expect(scoreResponses("wai-c", Object.fromEntries(shuffled))).toEqual(a);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("reversing twice is the identity: min + max - (min + max - x) = x on every scale", () => {
    fc.assert(
      fc.property(fc.constantFrom(...instruments), fc.nat(), (instrument, k) => {
        const { min, max, step } = instrument.scale;
        const x = min + (k % (Math.round((max - min) / step) + 1)) * step;
        expect(min + max - (min + max - x)).toBeCloseTo(x, 12);
      }),
    );
  });

  it("never mutates frozen input", () => {
    fc.assert(
      fc.property(answersFor("wai-sr"), (answers) => {
        const frozen = deepFreeze([...answers]);
        scoredOrNull("wai-sr", frozen);
        scoreTable("wai-sr", deepFreeze([frozen]), { onError: "collect" });
        expect(frozen).toEqual(answers);
      }),
    );
  });

  it("random garbage never escapes as anything but an AllianceError", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...instruments.map((instrument) => instrument.id), "nope"),
        fc.anything(),
        fc.anything(),
        (id, answers, options) => {
          for (const call of [
            () => scoreResponses(id, answers as never, options as never),
            () => scoreTable(id, answers as never, options as never),
          ]) {
            try {
              call();
            } catch (error) {
              expect(error).toBeInstanceOf(AllianceError);
            }
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});
