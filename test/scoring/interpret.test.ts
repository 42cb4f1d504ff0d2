import { describe, expect, it } from "vitest";
import { AllianceError } from "../../src/errors.js";
import { defineInstrument } from "../../src/instruments/defineInstrument.js";
import { ors } from "../../src/instruments/ors.js";
import { srs } from "../../src/instruments/srs.js";
import { waiSr } from "../../src/instruments/wai.js";
import { interpret } from "../../src/scoring/interpret.js";
import { scoreResponses } from "../../src/scoring/scoreResponses.js";
import { deepFreeze } from "../helpers.js";

function errorOf(run: () => unknown): AllianceError {
  try {
    run();
  } catch (error) {
    if (error instanceof AllianceError) return error;
    throw error;
  }
  throw new Error("expected an AllianceError");
}

// A made-up two-subscale form, only to exercise lower bounds and means; its bands are test data.
const toy = defineInstrument({
  id: "toy-form",
  name: "Toy form",
  abbreviation: "TOY",
  version: "test",
  rater: "client",
  citation: { authors: "Test", year: 2026, title: "Test form", source: "this test" },
  keySource: { status: "confirmed-primary", note: "test data", sources: ["this test"] },
  licence: { itemText: "omitted", holder: "none", note: "test" },
  scale: {
    kind: "likert",
    min: 1,
    max: 5,
    step: 1,
    labels: [
      { value: 1, label: "low" },
      { value: 5, label: "high" },
    ],
  },
  items: [
    { number: 1, id: "a1", subscales: ["a"], reverse: false },
    { number: 2, id: "a2", subscales: ["a"], reverse: false },
    { number: 3, id: "b1", subscales: ["b"], reverse: false },
    { number: 4, id: "b2", subscales: ["b"], reverse: false },
  ],
  subscales: [
    { id: "a", label: "A", items: [1, 2] },
    { id: "b", label: "B", items: [3, 4] },
  ],
  total: { method: "sum" },
  missing: { maxMissingPerSubscale: 1, maxMissingTotal: 1, method: "prorate", source: "test" },
  bands: [
    {
      id: "a-high",
      score: "a",
      metric: "mean",
      label: "A mean 4 or more",
      lower: { value: 4, inclusive: true },
      meaning: "test",
      source: "test",
      status: "confirmed-primary",
    },
    {
      id: "b-mid",
      score: "b",
      metric: "sum",
      label: "B over 4 up to 8",
      lower: { value: 4, inclusive: false },
      upper: { value: 8, inclusive: true },
      meaning: "test",
      source: "test",
      status: "derived",
    },
  ],
  norms: { status: "bands", note: "test", source: "test" },
  notes: [],
});

describe("interpret", () => {
  it("reports each band met with its source and status, on sums or means, lower and upper bounds", () => {
    // a = (4, 4): mean 4 -> a-high (inclusive lower 4); b = (2, 2): sum 4 -> not b-mid (exclusive lower 4)
    expect(interpret(scoreResponses(toy, [4, 4, 2, 2]), toy).bands.map((band) => band.id)).toEqual([
      "a-high",
    ]);
    // a = (4, 3): mean 3.5 -> no; b = (2, 3): sum 5 -> b-mid
    const result = interpret(scoreResponses(toy, [4, 3, 2, 3]), toy);
    expect(result.bands).toEqual([
      {
        id: "b-mid",
        label: "B over 4 up to 8",
        score: "b",
        metric: "sum",
        value: 5,
        lower: { value: 4, inclusive: false },
        upper: { value: 8, inclusive: true },
        meaning: "test",
        source: "test",
        status: "derived",
      },
    ]);
    // b = (4, 4): sum 8 -> b-mid (inclusive upper); b = (4, 5): sum 9 -> not
    expect(interpret(scoreResponses(toy, [1, 1, 4, 4]), toy).bands.map((band) => band.id)).toEqual([
      "b-mid",
    ]);
    expect(interpret(scoreResponses(toy, [1, 1, 4, 5]), toy).bands).toEqual([]);
  });

  it("warns when a band is read on a prorated score", () => {
    // a = (5, missing): mean 5 -> a-high, prorated
    const result = interpret(scoreResponses(toy, [5, null, 1, 1]), toy);
    expect(result.bands.map((band) => band.id)).toEqual(["a-high"]);
    expect(result.warnings.map((warning) => warning.code)).toEqual(["PRORATED_SCORE"]);
  });

  it("says the WAI has no norms instead of inventing a band", () => {
    const result = interpret(
      scoreResponses(waiSr, deepFreeze([5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5])),
      waiSr,
    );
    expect(result.bands).toEqual([]);
    expect(result.norms.status).toBe("none");
    expect(result.warnings.map((warning) => warning.code)).toEqual(["NO_NORMS"]);
    expect(result.warnings[0]!.message).toContain("Horvath");
  });

  it("accepts a built-in id and does not mutate frozen input", () => {
    const score = deepFreeze(scoreResponses(srs, [8, 8, 8, 8]));
    const options = deepFreeze({ choices: { "srs-cutoff": "below-36" } });
    expect(interpret(score, "srs", options).bands.map((band) => band.id)).toEqual(["below-36"]);
  });

  it("rejects a score of another instrument, and a previous score of another", () => {
    const srsScore = scoreResponses(srs, [9, 9, 9, 9]);
    expect(errorOf(() => interpret(srsScore, ors))).toMatchObject({
      code: "INVALID_INPUT",
      path: "score.instrumentId",
    });
    expect(
      errorOf(() => interpret(scoreResponses(ors, [5, 5, 5, 5]), ors, { previous: srsScore })),
    ).toMatchObject({
      code: "INVALID_INPUT",
      path: "options.previous.instrumentId",
    });
    expect(errorOf(() => interpret(null as never, srs)).code).toBe("INVALID_INPUT");
  });

  it("rejects unknown choice groups, unknown readings and prototype keys", () => {
    const score = scoreResponses(srs, [9, 9, 9, 9]);
    expect(
      errorOf(() => interpret(score, srs, { choices: { "ors-cutoff": "below-25" } })),
    ).toMatchObject({ code: "INVALID_OPTION", path: "options.choices.ors-cutoff" });
    expect(
      errorOf(() => interpret(score, srs, { choices: { "srs-cutoff": "below-35" } })).message,
    ).toContain("below-36, at-or-below-36");
    expect(
      errorOf(() => interpret(score, srs, { choices: JSON.parse('{"__proto__": "x"}') })).code,
    ).toBe("UNSAFE_KEY");
    expect(errorOf(() => interpret(score, waiSr as never, { choices: { any: "x" } })).code).toBe(
      "INVALID_INPUT",
    );
    expect(
      errorOf(() =>
        interpret(scoreResponses(waiSr, [5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5]), waiSr, {
          choices: { any: "x" },
        }),
      ).message,
    ).toContain("(this instrument has none)");
  });

  it("rejects options that are not an object", () => {
    const score = scoreResponses(srs, [9, 9, 9, 9]);
    expect(errorOf(() => interpret(score, srs, null as never))).toMatchObject({
      code: "INVALID_OPTION",
      path: "options",
    });
  });

  it("reports no change without a previous score", () => {
    expect(interpret(scoreResponses(ors, [5, 5, 5, 5]), ors).changes).toEqual([]);
  });
});
