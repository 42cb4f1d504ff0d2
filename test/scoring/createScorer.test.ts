import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createScorer } from "../../src/scoring/createScorer.js";
import { scoreResponses } from "../../src/scoring/scoreResponses.js";
import { thrownBy } from "../helpers.js";

describe("createScorer", () => {
  it("scores like scoreResponses, call after call, each result its own object", () => {
    const score = createScorer("wai-s");
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 12, maxLength: 12 }),
        fc.nat(11),
        (answers, gap) => {
          const withGap: (number | null)[] = [...answers];
          withGap[gap] = null;
          const first = score(answers);
          const second = score(withGap);
          expect(first).toEqual(scoreResponses("wai-s", answers));
          expect(second).toEqual(scoreResponses("wai-s", withGap));
          expect(first).not.toBe(second);
        },
      ),
    );
  });

  it("checks the instrument and options once, up front", () => {
    expect(thrownBy(() => createScorer("nope")).code).toBe("UNKNOWN_INSTRUMENT");
    expect(thrownBy(() => createScorer("wai-sr", { maxMissingTotal: 99 })).code).toBe(
      "INVALID_OPTION",
    );
    // A hand-worked case: WAI-S item 4 (reversed) = 2 -> 6, item 10 (reversed) = 1 -> 7.
    expect(createScorer("wai-s")([7, 6, 5, 2, 6, 6, 5, 7, 6, 1, 6, 7]).subscales.goal?.sum).toBe(
      6 + 6 + 7 + 6,
    );
  });
});
