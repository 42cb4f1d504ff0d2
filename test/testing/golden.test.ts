import { describe, expect, it } from "vitest";
import { listInstruments } from "../../src/instruments/registry.js";
import { scoreResponses } from "../../src/scoring/scoreResponses.js";
import { scoreTable } from "../../src/scoring/scoreTable.js";
import { type GoldenScore, goldenCases } from "../../src/testing/goldenCases.js";
import { deepFreeze, relativeError } from "../helpers.js";

/** Sums and means are compared to 1e-12 relative (a prorated sum is a quotient); counts exactly. */
function expectScore(actual: GoldenScore, expected: GoldenScore): void {
  expect(relativeError(actual.sum, expected.sum)).toBeLessThan(1e-12);
  expect(relativeError(actual.mean, expected.mean)).toBeLessThan(1e-12);
  expect({ ...actual, sum: 0, mean: 0 }).toEqual({ ...expected, sum: 0, mean: 0 });
}

describe("golden cases", () => {
  it("cover every built-in instrument", () => {
    const covered = new Set(goldenCases.map((golden) => golden.instrumentId));
    expect([...covered].sort()).toEqual(
      listInstruments()
        .map((i) => i.id)
        .sort(),
    );
  });

  it("include a prorated case for every instrument whose rule allows missing items", () => {
    for (const instrument of listInstruments()) {
      if (instrument.missing.maxMissingTotal === 0) continue;
      const proratedCase = goldenCases.find(
        (golden) => golden.instrumentId === instrument.id && golden.expected.total.prorated,
      );
      expect(proratedCase, instrument.id).toBeDefined();
    }
  });

  it.each(goldenCases.map((golden) => [`${golden.instrumentId}: ${golden.description}`, golden]))(
    "%s",
    (_, golden) => {
      const result = scoreResponses(golden.instrumentId, deepFreeze([...golden.answers]));
      expectScore(result.total, golden.expected.total);
      expect(Object.keys(result.subscales).sort()).toEqual(
        Object.keys(golden.expected.subscales).sort(),
      );
      for (const [id, expected] of Object.entries(golden.expected.subscales))
        expectScore(result.subscales[id]!, expected);
      expect(result.missingItems).toEqual(golden.expected.missingItems);
      expect(result.prorated).toBe(golden.expected.total.prorated);

      const table = scoreTable(golden.instrumentId, [golden.answers]);
      expect(relativeError(table.scores.total!.sum[0]!, golden.expected.total.sum)).toBeLessThan(
        1e-12,
      );
    },
  );

  it("are plain JSON-able data", () => {
    expect(JSON.parse(JSON.stringify(goldenCases))).toEqual(goldenCases);
  });
});
