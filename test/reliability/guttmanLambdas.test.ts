import { describe, it } from "vitest";
import { guttmanLambdas } from "../../src/reliability/guttmanLambdas.js";
import { deepFreeze } from "../helpers.js";
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
