import { describe, expect, it } from "vitest";
import { cronbachAlpha } from "../../src/reliability/cronbachAlpha.js";
import { splitHalf } from "../../src/reliability/splitHalf.js";
import { deepFreeze, thrownBy } from "../helpers.js";
import { dataset, expectClose, readFixture } from "./internalConsistencyFixtures.js";

interface SplitCase {
  name: string;
  input: { data: string; keys: number[] };
  keysGiven: boolean;
  expected: Record<string, number> & { bestSplit: string[][]; worstSplit: string[][] };
  allSplits: { max: number; min: number; mean: number; count: number };
}

// Written by scripts/fixtures-internal-consistency.R: psych::splitHalf(x, raw = TRUE, key)
// (psych 2.2.9), and every distinct split enumerated by brute force in R.
const cases = readFixture<SplitCase[]>("splithalf");
const tolerance = 1e-8;
const fields = [
  ["maxSplit", "maxSplit"],
  ["minSplit", "minSplit"],
  ["meanSplit", "meanSplit"],
  ["alpha", "alpha"],
  ["lambda2", "lambda2"],
  ["lambda6", "lambda6"],
  ["averageR", "averageR"],
  ["medianR", "medianR"],
] as const;

function run(c: SplitCase) {
  const data = dataset(c.input.data);
  return splitHalf(deepFreeze(data.rows), {
    itemNames: data.columns,
    allSplits: true,
    ...(c.keysGiven ? { keys: c.input.keys } : {}),
  });
}

describe("splitHalf against psych::splitHalf", () => {
  for (const c of cases) {
    it(`matches psych on ${c.name}`, () => {
      const result = run(c);
      for (const [ours, theirs] of fields) {
        expectClose(result[ours], c.expected[theirs]!, tolerance, ours);
      }
      expectClose(result.quantiles.lower, c.expected.ciLower!, tolerance, "quantiles.lower");
      expectClose(result.quantiles.median, c.expected.ciMedian!, tolerance, "quantiles.median");
      expectClose(result.quantiles.upper, c.expected.ciUpper!, tolerance, "quantiles.upper");
      expect(result.splitsEvaluated).toBe(c.expected.evaluated);
      expect(result.sampling).toBe("psych");
      expect([result.bestSplit.itemsA, result.bestSplit.itemsB]).toEqual(c.expected.bestSplit);
      expect([result.worstSplit.itemsA, result.worstSplit.itemsB]).toEqual(c.expected.worstSplit);
    });

    it(`enumerates every distinct split on ${c.name}`, () => {
      const all = run(c).allSplits!;
      expectClose(all.maxSplit, c.allSplits.max, tolerance, "allSplits.maxSplit");
      expectClose(all.minSplit, c.allSplits.min, tolerance, "allSplits.minSplit");
      expectClose(all.meanSplit, c.allSplits.mean, tolerance, "allSplits.meanSplit");
      expect(all.count).toBe(c.allSplits.count);
    });
  }

  it("shows psych's odd-item gap: on 9 simulated items it misses the best split", () => {
    const c = cases.find((x) => x.name === "simulated9")!;
    const result = run(c);
    // psych evaluates 63 of the 126 distinct splits of 9 items and misses the best one.
    expect(result.splitsEvaluated).toBe(63);
    expect(result.allSplits!.count).toBe(126);
    expect(result.allSplits!.maxSplit).toBeGreaterThan(result.maxSplit);
  });
});

describe("splitHalf with random splits", () => {
  // 18 simulated items: choose(18, 9) / 2 = 24,310 splits > 10,000, so random splits are used.
  const rows = (() => {
    const out: number[][] = [];
    let state = 7;
    const next = () => {
      state = (state * 48271) % 2147483647;
      return state / 2147483647;
    };
    for (let r = 0; r < 120; r++) {
      const f = next() * 4;
      out.push(Array.from({ length: 18 }, () => Math.round(1 + f + next() * 3)));
    }
    return out;
  })();

  it("is reproducible with a seed and changes with it", () => {
    const a = splitHalf(rows, { seed: 11 });
    const b = splitHalf(rows, { seed: 11 });
    const c = splitHalf(rows, { seed: 12 });
    expect(a.sampling).toBe("random");
    expect(a.splitsEvaluated).toBe(10_000);
    expect(b).toEqual(a);
    expect(c.meanSplit).not.toBe(a.meanSplit);
  });

  it("stays within every split, and its mean is near standardized alpha (even k)", () => {
    const sample = splitHalf(rows, { seed: 3, allSplits: true });
    const all = sample.allSplits!;
    expect(all.count).toBe(24_310);
    // The same split summed in another order may differ in the last bit: allow 1e-12.
    expect(sample.maxSplit).toBeLessThanOrEqual(all.maxSplit + 1e-12);
    expect(sample.minSplit).toBeGreaterThanOrEqual(all.minSplit - 1e-12);
    // For an even number of items the mean over all splits is standardized alpha exactly.
    expect(Math.abs(all.meanSplit - sample.alpha)).toBeLessThan(1e-12);
    expect(Math.abs(sample.meanSplit - sample.alpha)).toBeLessThan(0.01);
    expect(sample.alpha).toBeCloseTo(cronbachAlpha(rows).stdAlpha, 12);
  });
});

describe("splitHalf options", () => {
  it("reverses a negatively correlated item automatically and says so", () => {
    const rows = [
      [1, 2, 5],
      [2, 2, 4],
      [3, 4, 3],
      [4, 5, 1],
      [5, 4, 2],
    ];
    const result = splitHalf(deepFreeze(rows), { itemNames: ["a", "b", "c"] });
    expect(result.reversed).toEqual(["c"]);
    expect(result.warnings.map((w) => w.code)).toEqual(["ITEMS_REVERSED"]);
    expect(splitHalf(rows, { checkKeys: false }).reversed).toEqual([]);
  });

  it("rejects a bad seed or sample size", () => {
    expect(
      thrownBy(() =>
        splitHalf(
          [
            [1, 2],
            [2, 3],
          ],
          { seed: 1.5 },
        ),
      ).path,
    ).toBe("options.seed");
    expect(
      thrownBy(() =>
        splitHalf(
          [
            [1, 2],
            [2, 3],
          ],
          { sampleSize: 0 },
        ),
      ).code,
    ).toBe("INVALID_OPTION");
  });
});

describe("splitHalf on data double precision cannot carry (issue 7)", () => {
  it("computes values millions apart on few shared rows (F6, once a TypeError)", () => {
    // Two items, one split; R psych 2.2.9 splitHalf prints 0 for every estimate (2 decimals).
    const result = splitHalf([
      [null, -451721146],
      [1, 3],
      [3, 5],
    ]);
    expect(result.splitsEvaluated).toBe(1);
    expect(Math.abs(result.maxSplit)).toBeLessThan(1e-7);
    expect(result.minSplit).toBe(result.maxSplit);
  });

  it("refuses values whose squares overflow (1e+308 among ratings)", () => {
    const error = thrownBy(() =>
      splitHalf([
        [1, 2, 3, 1],
        [2, 1e308, 1, 2],
        [3, 4, 4, 4],
        [4, 1, 2, 3],
      ]),
    );
    expect(error).toMatchObject({ code: "OUT_OF_RANGE", path: "data[*][1]" });
  });
});
