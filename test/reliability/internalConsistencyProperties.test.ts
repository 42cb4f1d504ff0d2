import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cronbachAlpha } from "../../src/reliability/cronbachAlpha.js";
import { splitHalf } from "../../src/reliability/splitHalf.js";

// Integer responses 1..5, 6-20 rows of 3-7 items (rows with no variance are allowed;
// the property only applies when every item varies).
const matrices = fc.integer({ min: 3, max: 7 }).chain((k) =>
  fc.array(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: k, maxLength: k }), {
    minLength: 6,
    maxLength: 20,
  }),
);

function everyItemVaries(rows: number[][]): boolean {
  return rows[0]!.every((_, j) => new Set(rows.map((row) => row[j])).size > 1);
}

describe("internal-consistency properties", () => {
  it("alpha does not depend on row order or on a shift of all values", () => {
    fc.assert(
      fc.property(matrices, (rows) => {
        fc.pre(everyItemVaries(rows));
        const base = cronbachAlpha(rows);
        const reversedRows = cronbachAlpha([...rows].reverse());
        const shifted = cronbachAlpha(rows.map((row) => row.map((v) => v + 10)));
        expect(reversedRows.rawAlpha).toBeCloseTo(base.rawAlpha, 10);
        expect(shifted.rawAlpha).toBeCloseTo(base.rawAlpha, 10);
        expect(shifted.stdAlpha).toBeCloseTo(base.stdAlpha, 10);
      }),
      { numRuns: 50 },
    );
  });

  it("every-split maximum is at least psych's maximum, and its minimum at most psych's", () => {
    fc.assert(
      fc.property(matrices, (rows) => {
        fc.pre(everyItemVaries(rows));
        const result = splitHalf(rows, { allSplits: true });
        const all = result.allSplits!;
        expect(all.maxSplit).toBeGreaterThanOrEqual(result.maxSplit - 1e-12);
        expect(all.minSplit).toBeLessThanOrEqual(result.minSplit + 1e-12);
      }),
      { numRuns: 50 },
    );
  });
});
