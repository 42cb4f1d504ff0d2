/**
 * Type-level tests: the public types are pinned by `npm run typecheck` (tsc over test/), and the
 * runtime assertions keep vitest counting them.
 */
import { describe, expect, expectTypeOf, it } from "vitest";
import type { AllianceErrorCode } from "../../src/errors.js";
import type { Instrument } from "../../src/instruments/model.js";
import { getInstrument } from "../../src/instruments/registry.js";
import { scoreResponses } from "../../src/scoring/scoreResponses.js";
import { scoreTable } from "../../src/scoring/scoreTable.js";
import type { ScoreValue } from "../../src/scoring/types.js";

describe("public types", () => {
  it("scores are numbers and subscales are keyed records", () => {
    const result = scoreResponses(getInstrument("wai-sr"), [4, 5, 4, 3, 5, 4, 4, 4, 5, 4, 3, 4]);
    expectTypeOf(result.total.sum).toEqualTypeOf<number>();
    expectTypeOf(result.subscales).toEqualTypeOf<Record<string, ScoreValue>>();
    expectTypeOf(scoreTable("wai-sr", []).scores).toEqualTypeOf<
      Record<string, { sum: Float64Array; mean: Float64Array }>
    >();
    expect(result.total.sum).toBe(49);
  });

  it("rejects answers that are not numbers at compile time", () => {
    // @ts-expect-error answers are numbers or null, not labels
    expect(() => scoreResponses("wai-sr", { "1": "often" })).toThrow();
  });

  it("pins the instrument model and the error codes", () => {
    expectTypeOf<Instrument["rater"]>().toEqualTypeOf<
      "client" | "therapist" | "observer" | "parent"
    >();
    expectTypeOf<Instrument["keySource"]["status"]>().toEqualTypeOf<
      "confirmed-primary" | "confirmed-secondary" | "derived" | "code-only"
    >();
    expectTypeOf<"OUT_OF_RANGE">().toMatchTypeOf<AllianceErrorCode>();
    expect(getInstrument("wai-c").rater).toBe("client");
  });
});
