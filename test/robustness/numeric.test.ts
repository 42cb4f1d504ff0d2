/**
 * Numeric robustness: statistics are shift-invariant where the statistic is (alpha, ICC,
 * interval Krippendorff alpha, kappa) and must stay so at a 1e9 offset, where a naive one-pass
 * variance (E[x^2] - E[x]^2) loses about 60 bits, more than a double holds: the small values
 * vanish. Degenerate data gives warnings, defined results or NOT_ENOUGH_DATA, never a crash or
 * a silent NaN.
 */
import { describe, expect, it } from "vitest";
import { AllianceError } from "../../src/errors.js";
import { seededRandom } from "../../src/math/seededRandom.js";
import { cohenKappa } from "../../src/reliability/cohenKappa.js";
import { cronbachAlpha } from "../../src/reliability/cronbachAlpha.js";
import { fleissKappa } from "../../src/reliability/fleissKappa.js";
import { guttmanLambdas } from "../../src/reliability/guttmanLambdas.js";
import { intraclassCorrelation } from "../../src/reliability/intraclassCorrelation.js";
import { krippendorffAlpha } from "../../src/reliability/krippendorffAlpha.js";
import { splitHalf } from "../../src/reliability/splitHalf.js";
import { deepFreeze, relativeError } from "../helpers.js";

import { guardPrototypes, silentNonFinite } from "./harness.js";

guardPrototypes();

/** Shrout & Fleiss (1979) Table 2: 6 targets x 4 judges. */
const shroutFleiss = [
  [9, 2, 5, 8],
  [6, 1, 3, 2],
  [8, 4, 6, 8],
  [7, 1, 2, 6],
  [10, 5, 6, 9],
  [6, 2, 4, 7],
];

/** 40 x 5 ratings 1–5 that correlate (a person effect plus noise), from a fixed seed. */
function correlatedRatings(seed: number, rows = 40, cols = 5): number[][] {
  const random = seededRandom(seed);
  return Array.from({ length: rows }, () => {
    const person = Math.floor(random() * 3);
    return Array.from({ length: cols }, () => Math.min(5, 1 + person + Math.floor(random() * 3)));
  });
}

const OFFSET = 1e9;
const shift = (rows: readonly (readonly number[])[]) =>
  rows.map((row) => row.map((v) => v + OFFSET));

describe("a 1e9 offset changes nothing (to 1e-8 relative)", () => {
  const datasets = [shroutFleiss, correlatedRatings(1), correlatedRatings(2, 25, 3)];

  it.each(datasets.map((data, index) => [index, data] as const))(
    "cronbachAlpha, dataset %i",
    (_i, data) => {
      const plain = cronbachAlpha(deepFreeze(data));
      const shifted = cronbachAlpha(deepFreeze(shift(data)));
      expect(relativeError(shifted.rawAlpha, plain.rawAlpha)).toBeLessThan(1e-8);
      expect(relativeError(shifted.stdAlpha, plain.stdAlpha)).toBeLessThan(1e-8);
      expect(relativeError(shifted.totalSd, plain.totalSd)).toBeLessThan(1e-8);
    },
  );

  it.each(datasets.map((data, index) => [index, data] as const))(
    "intraclassCorrelation, every form, its F and its bounds, dataset %i",
    (_i, data) => {
      const plain = intraclassCorrelation(deepFreeze(data)).results;
      const shifted = intraclassCorrelation(deepFreeze(shift(data))).results;
      plain.forEach((form, index) => {
        const other = shifted[index]!;
        expect(relativeError(other.icc, form.icc)).toBeLessThan(1e-8);
        expect(relativeError(other.F, form.F)).toBeLessThan(1e-8);
        expect(relativeError(other.ci.lower, form.ci.lower)).toBeLessThan(1e-8);
        expect(relativeError(other.ci.upper, form.ci.upper)).toBeLessThan(1e-8);
      });
    },
  );

  it.each(datasets.map((data, index) => [index, data] as const))(
    "krippendorffAlpha interval, dataset %i",
    (_i, data) => {
      const plain = krippendorffAlpha(deepFreeze(data), { level: "interval" }).alpha;
      const shifted = krippendorffAlpha(deepFreeze(shift(data)), { level: "interval" }).alpha;
      expect(relativeError(shifted, plain)).toBeLessThan(1e-8);
    },
  );

  it("cohenKappa: labels 1e9 + k weigh like k (linear and quadratic weights)", () => {
    const [a, b] = [
      correlatedRatings(3, 60, 1).flat(),
      correlatedRatings(3, 60, 1).flat().reverse(),
    ];
    for (const weights of ["none", "linear", "quadratic"] as const) {
      const plain = cohenKappa(a, b, { weights }).kappa;
      const shifted = cohenKappa(
        a.map((v) => v + OFFSET),
        b.map((v) => v + OFFSET),
        { weights },
      ).kappa;
      expect(relativeError(shifted, plain)).toBeLessThan(1e-8);
    }
  });
});

/** Calls `fn`: it must throw NOT_ENOUGH_DATA, or return a result with no silent non-finite number. */
function definedOrNotEnough(fn: () => unknown): "result" | "NOT_ENOUGH_DATA" {
  let result: unknown;
  try {
    result = fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AllianceError);
    expect((error as AllianceError).code).toBe("NOT_ENOUGH_DATA");
    return "NOT_ENOUGH_DATA";
  }
  expect(silentNonFinite(result)).toEqual([]);
  return "result";
}

describe("degenerate data: warnings and defined results, or NOT_ENOUGH_DATA", () => {
  const constantColumn = correlatedRatings(4, 20, 4).map((row) => [...row.slice(0, 3), 3]);
  const allMissingColumn = correlatedRatings(5, 20, 4).map((row) => [...row.slice(0, 3), null]);
  const allMissingRow = [...correlatedRatings(6, 20, 4), [null, null, null, null]];

  it("cronbachAlpha: a constant item is left out with a warning", () => {
    const result = cronbachAlpha(deepFreeze(constantColumn));
    expect(result.k).toBe(3);
    expect(result.warnings.map((warning) => warning.code)).toContain("ZERO_VARIANCE_ITEM");
    expect(silentNonFinite(result)).toEqual([]);
  });

  it("cronbachAlpha: an all-missing item and an all-missing row", () => {
    expect(definedOrNotEnough(() => cronbachAlpha(deepFreeze(allMissingColumn)))).toBeDefined();
    expect(definedOrNotEnough(() => cronbachAlpha(deepFreeze(allMissingRow)))).toBe("result");
  });

  it("intraclassCorrelation: constant column, all-missing row and column", () => {
    expect(definedOrNotEnough(() => intraclassCorrelation(deepFreeze(constantColumn)))).toBe(
      "result",
    );
    expect(definedOrNotEnough(() => intraclassCorrelation(deepFreeze(allMissingRow)))).toBe(
      "result",
    );
    expect(definedOrNotEnough(() => intraclassCorrelation(deepFreeze(allMissingColumn)))).toBe(
      "NOT_ENOUGH_DATA",
    );
  });

  it("intraclassCorrelation: every value equal", () => {
    const flat = Array.from({ length: 6 }, () => [4, 4, 4]);
    expect(definedOrNotEnough(() => intraclassCorrelation(deepFreeze(flat)))).toBeDefined();
  });

  it("krippendorffAlpha: all-missing units and coders, one value everywhere", () => {
    for (const level of ["nominal", "ordinal", "interval", "ratio"] as const) {
      expect(
        definedOrNotEnough(() => krippendorffAlpha(deepFreeze(allMissingRow), { level })),
      ).toBe("result");
      expect(
        definedOrNotEnough(() => krippendorffAlpha(deepFreeze(allMissingColumn), { level })),
      ).toBe("result");
      const flat = Array.from({ length: 5 }, () => [2, 2, 2]);
      expect(
        definedOrNotEnough(() => krippendorffAlpha(deepFreeze(flat), { level })),
      ).toBeDefined();
    }
  });

  it("cohenKappa and fleissKappa: total agreement on one category", () => {
    expect(definedOrNotEnough(() => cohenKappa([2, 2, 2, 2], [2, 2, 2, 2]))).toBeDefined();
    expect(
      definedOrNotEnough(() =>
        fleissKappa(
          deepFreeze([
            [1, 1],
            [1, 1],
            [1, 1],
          ]),
        ),
      ),
    ).toBeDefined();
    expect(definedOrNotEnough(() => cohenKappa([null, null], [1, 2]))).toBe("NOT_ENOUGH_DATA");
  });

  it("one row, one column, empty input: NOT_ENOUGH_DATA, never a crash", () => {
    for (const data of [[], [[1, 2, 3]], [[1], [2], [3]], [[]]]) {
      for (const statistic of [cronbachAlpha, guttmanLambdas, splitHalf, intraclassCorrelation]) {
        expect(definedOrNotEnough(() => statistic(deepFreeze(data)))).toBe("NOT_ENOUGH_DATA");
      }
    }
  });
});
