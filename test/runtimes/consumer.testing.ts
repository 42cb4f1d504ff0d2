// Run by scripts/check-runtimes.sh when the package exports ./testing and ./testing/fast-check:
// type-checked by `deno check`, then run in Deno and Bun. A consumer's own test suite, in
// miniature: golden cases, generated valid and invalid sets, and fast-check arbitraries
// built with the consumer's fast-check.
import fc from "fast-check";
import { AllianceError, type Answers, scoreResponses } from "therapeutic-alliance";
import {
  type GoldenCase,
  goldenCases,
  type InvalidResponseCase,
  invalidResponses,
  validResponses,
} from "therapeutic-alliance/testing";
import { arbitraries } from "therapeutic-alliance/testing/fast-check";

const runtime = "Deno" in globalThis ? "deno" : "bun";
const golden: readonly GoldenCase[] = goldenCases;
for (const { instrumentId, answers, expected } of golden) {
  const sum = scoreResponses(instrumentId, answers).total.sum;
  if (Math.abs(sum - expected.total.sum) > 1e-12 * Math.abs(expected.total.sum))
    throw new Error(`${runtime}: golden ${instrumentId} scored ${sum}`);
}

const sets: (number | null)[][] = validResponses("wai-c", { seed: 4, count: 50, missingRate: 0.2 });
for (const answers of sets) scoreResponses("wai-c", answers);

const cases: InvalidResponseCase[] = invalidResponses("srs", { seed: 4, count: 3 });
for (const invalid of cases) {
  try {
    scoreResponses("srs", invalid.answers as Answers);
    throw new Error(`${runtime}: ${invalid.kind} was accepted`);
  } catch (error) {
    if (!(error instanceof AllianceError) || error.code !== invalid.code) throw error;
  }
}

const { validAnswers } = arbitraries(fc);
fc.assert(
  fc.property(
    validAnswers("wai-sr"),
    (answers) => scoreResponses("wai-sr", answers).total.sum <= 60,
  ),
  { seed: 1, numRuns: 200 },
);
console.log(
  `${runtime}: ./testing ran ${golden.length} golden cases, ${sets.length} valid sets, ${cases.length} invalid cases, 200 fast-check runs`,
);
