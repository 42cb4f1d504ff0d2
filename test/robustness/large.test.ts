/**
 * 10^6 items: a million rows, answers or sessions are computed, or refused with an
 * AllianceError naming the last cell; never a RangeError (spread arguments, recursion) or a
 * TypeError.
 */
import { describe, expect, it } from "vitest";
import { AllianceError } from "../../src/errors.js";
import { toNumericMatrix } from "../../src/math/numericMatrix.js";
import { seededRandom } from "../../src/math/seededRandom.js";
import { cohenKappa } from "../../src/reliability/cohenKappa.js";
import { cronbachAlpha } from "../../src/reliability/cronbachAlpha.js";
import { intraclassCorrelation } from "../../src/reliability/intraclassCorrelation.js";
import { validateSeries } from "../../src/ruptures/validateSeries.js";
import { vShapedRuptures } from "../../src/ruptures/vShapedRuptures.js";
import { scoreResponses } from "../../src/scoring/scoreResponses.js";
import { scoreTable } from "../../src/scoring/scoreTable.js";

import { guardPrototypes, silentNonFinite } from "./harness.js";

guardPrototypes();

const MILLION = 1_000_000;
const random = seededRandom(11);

/** A million rows of two correlated 1–5 items, as a NumericMatrix. */
function millionByTwo() {
  const values = new Float64Array(2 * MILLION);
  for (let r = 0; r < MILLION; r++) {
    const person = Math.floor(random() * 3);
    values[2 * r] = 1 + person + Math.floor(random() * 3);
    values[2 * r + 1] = 1 + person + Math.floor(random() * 3);
  }
  return { values, rows: MILLION, cols: 2 };
}

function thrown(fn: () => unknown): AllianceError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AllianceError);
    return error as AllianceError;
  }
  throw new Error("expected an AllianceError");
}

describe("a million items", () => {
  it("toNumericMatrix: a bad cell in the last of 10^6 rows is named", () => {
    const rows = Array.from({ length: MILLION }, () => [1, 2]);
    rows[MILLION - 1] = [1, Number.POSITIVE_INFINITY];
    const error = thrown(() => toNumericMatrix(rows));
    expect(error.code).toBe("NOT_A_NUMBER");
    expect(error.path).toBe(`data[${MILLION - 1}][1]`);
  });

  it("cronbachAlpha and intraclassCorrelation on 10^6 x 2", () => {
    const matrix = millionByTwo();
    const alpha = cronbachAlpha(matrix);
    expect(alpha.n).toBe(MILLION);
    expect(silentNonFinite(alpha)).toEqual([]);
    const icc = intraclassCorrelation(matrix);
    expect(silentNonFinite(icc)).toEqual([]);
  }, 60_000);

  it("scoreTable: 10^6 SRS rows; scoreResponses: an answer array of 10^6 is WRONG_LENGTH", () => {
    const values = new Float64Array(4 * MILLION);
    for (let i = 0; i < values.length; i++) values[i] = Math.round(random() * 100) / 10;
    const table = scoreTable("srs", { values, rows: MILLION, cols: 4 });
    expect(table.errors).toEqual([]);
    expect(table.valid.every((flag) => flag === 1)).toBe(true);
    expect(thrown(() => scoreResponses("srs", new Array(MILLION).fill(5))).code).toBe(
      "WRONG_LENGTH",
    );
  }, 60_000);

  it("cohenKappa on two raters of 10^6 subjects", () => {
    const a = Array.from({ length: MILLION }, () => 1 + Math.floor(random() * 4));
    const b = a.map((label) => (random() < 0.7 ? label : 1 + Math.floor(random() * 4)));
    const result = cohenKappa(a, b);
    expect(silentNonFinite(result)).toEqual([]);
    expect(result.kappa).toBeGreaterThan(0.5);
  }, 60_000);

  it("validateSeries and vShapedRuptures on 10^6 sessions", () => {
    const series = Array.from({ length: MILLION }, (_, index) => ({
      session: index + 1,
      score: 1 + Math.floor(random() * 7),
    }));
    const summary = thrownOrResult(() => validateSeries(series, { sessionGaps: "ignore" }));
    if (!(summary instanceof AllianceError)) expect(summary.points).toBe(MILLION);
    const events = thrownOrResult(() => vShapedRuptures(series, { sessionGaps: "ignore" }));
    if (!(events instanceof AllianceError)) expect(silentNonFinite(events)).toEqual([]);
  }, 60_000);
});

/** The result, or the AllianceError (anything else fails the test). */
function thrownOrResult<T>(fn: () => T): T | AllianceError {
  try {
    return fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AllianceError);
    return error as AllianceError;
  }
}
