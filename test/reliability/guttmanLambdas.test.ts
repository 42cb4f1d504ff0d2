import { describe, expect, it } from "vitest";
import { guttmanLambdas } from "../../src/reliability/guttmanLambdas.js";
import { deepFreeze, thrownBy } from "../helpers.js";
import { dataset, expectClose, readFixture } from "./internalConsistencyFixtures.js";

interface GuttmanCase {
  name: string;
  input: { data: string; keys: number[] };
  keysGiven: boolean;
  guttman: Record<string, number>;
}

// Written by scripts/fixtures-internal-consistency.R: psych::guttman on the keyed
// cov2cor(cov(x, use = "pairwise")) (psych 2.2.9).
const cases = readFixture<GuttmanCase[]>("splithalf");
const fields = ["lambda1", "lambda2", "lambda3", "lambda4", "lambda5", "lambda6"] as const;

describe("guttmanLambdas against psych::guttman", () => {
  for (const c of cases) {
    it(`matches λ1–λ6 on ${c.name}`, () => {
      const result = guttmanLambdas(
        deepFreeze(dataset(c.input.data).rows),
        c.keysGiven ? { keys: c.input.keys } : {},
      );
      for (const field of fields) expectClose(result[field], c.guttman[field]!, 1e-8, field);
    });
  }
});

describe("guttmanLambdas on data double precision cannot carry (issue 7)", () => {
  it("computes values millions apart on few shared rows (F6, once a TypeError)", () => {
    // Item 2's variance (6.8e16) dwarfs everything else, so every lambda is zero to about 1e-8
    // (lambda 3 is R psych's std.alpha here, 1.084514e-08, alpha on the smoothed correlations).
    const lambdas = guttmanLambdas([
      [null, -451721146],
      [1, 3],
      [3, 5],
    ]);
    for (const lambda of [lambdas.lambda1, lambdas.lambda2, lambdas.lambda3, lambdas.lambda6]) {
      expect(Math.abs(lambda)).toBeLessThan(1e-7);
    }
  });

  it("refuses values whose squares overflow (1e+308 among ratings)", () => {
    const error = thrownBy(() =>
      guttmanLambdas([
        [1, 2, 3],
        [2, -1e308, 1],
        [3, 4, 4],
        [4, 1, 2],
      ]),
    );
    expect(error).toMatchObject({ code: "OUT_OF_RANGE", path: "data[*][1]" });
  });

  it("refuses options that are not a record with INVALID_OPTION", () => {
    expect(
      thrownBy(() =>
        guttmanLambdas(
          [
            [1, 2],
            [2, 3],
            [3, 3],
          ],
          null as never,
        ),
      ),
    ).toMatchObject({ code: "INVALID_OPTION", path: "options" });
  });
});
