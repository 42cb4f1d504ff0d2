import fc from "fast-check";
import type { AllianceErrorCode } from "../../src/errors.js";
import { seededRandom } from "../../src/math/seededRandom.js";
import { clinicalSignificance } from "../../src/reliability/clinicalSignificance.js";
import { cohenKappa } from "../../src/reliability/cohenKappa.js";
import { cronbachAlpha } from "../../src/reliability/cronbachAlpha.js";
import { fleissKappa } from "../../src/reliability/fleissKappa.js";
import { guttmanLambdas } from "../../src/reliability/guttmanLambdas.js";
import { intraclassCorrelation } from "../../src/reliability/intraclassCorrelation.js";
import { krippendorffAlpha } from "../../src/reliability/krippendorffAlpha.js";
import { mcdonaldOmega } from "../../src/reliability/mcdonaldOmega.js";
import { reliableChangeIndex } from "../../src/reliability/reliableChangeIndex.js";
import { reliableChangeThreshold } from "../../src/reliability/reliableChangeThreshold.js";
import { splitHalf } from "../../src/reliability/splitHalf.js";
import { standardErrorOfMeasurement } from "../../src/reliability/standardErrorOfMeasurement.js";
import { asNumericMatrix, ratingMatrix } from "./arbitraries.js";
import { documentedTarget, type FuzzTarget, guardPrototypes } from "./harness.js";

guardPrototypes();

/** Registers a target whose `@throws` is in src/reliability/NAME.ts above `export function NAME`. */
function reliabilityTarget<Args extends readonly unknown[]>(target: FuzzTarget<Args>): void {
  documentedTarget({ file: `src/reliability/${target.name}.ts` }, target);
}

/** Errors of the matrix conversion every matrix statistic inherits. */
const MATRIX_CODES: readonly AllianceErrorCode[] = [
  "INVALID_INPUT",
  "WRONG_LENGTH",
  "NOT_A_NUMBER",
];

/** A matrix as rows or as a NumericMatrix. */
function matrixInput(shape: Parameters<typeof ratingMatrix>[0] = {}) {
  return fc.oneof(
    ratingMatrix(shape) as fc.Arbitrary<unknown>,
    ratingMatrix(shape).map(asNumericMatrix) as fc.Arbitrary<unknown>,
  );
}

/** Item options: keys (one per column), missing-data policy, level, item names. */
function itemOptions(cols: number) {
  return fc.record(
    {
      keys: fc.array(fc.constantFrom(1, -1), { minLength: cols, maxLength: cols }),
      missing: fc.constantFrom("pairwise", "listwise"),
      level: fc.constantFrom(0.8, 0.9, 0.95, 0.99),
      itemNames: fc.constant(Array.from({ length: cols }, (_, index) => `item${index + 1}`)),
    },
    { requiredKeys: [] },
  );
}

/** A matrix with item options sized to it. */
function itemsWithOptions(shape: Parameters<typeof ratingMatrix>[0] = {}) {
  return ratingMatrix(shape).chain((rows) =>
    fc.tuple(
      fc.constantFrom(rows as unknown, asNumericMatrix(rows) as unknown),
      fc.option(itemOptions(rows[0]!.length), { nil: undefined }) as fc.Arbitrary<unknown>,
    ),
  );
}

/**
 * Codes of the item statistics (prepareItems): OUT_OF_RANGE for values whose variances,
 * covariances or pairwise correlations double precision cannot carry.
 */
const ITEM_CODES: readonly AllianceErrorCode[] = [
  ...MATRIX_CODES,
  "NOT_ENOUGH_DATA",
  "INVALID_OPTION",
  "OUT_OF_RANGE",
];

reliabilityTarget({
  name: "cronbachAlpha",
  call: (data: unknown, options?: unknown) => cronbachAlpha(data as never, options as never),
  valid: itemsWithOptions(),
  codes: ITEM_CODES,
  refusals: ["NOT_ENOUGH_DATA"],
});

reliabilityTarget({
  name: "guttmanLambdas",
  call: (data: unknown, options?: unknown) => guttmanLambdas(data as never, options as never),
  valid: itemsWithOptions(),
  codes: ITEM_CODES,
  refusals: ["NOT_ENOUGH_DATA"],
});

reliabilityTarget({
  name: "splitHalf",
  call: (data: unknown, options?: unknown) => splitHalf(data as never, options as never),
  valid: ratingMatrix({ maxCols: 6 }).chain((rows) =>
    fc.tuple(
      fc.constant(rows as unknown),
      fc.option(
        fc.record(
          {
            missing: fc.constantFrom("pairwise", "listwise"),
            checkKeys: fc.boolean(),
            allSplits: fc.boolean(),
            sampleSize: fc.integer({ min: 1, max: 50 }),
            seed: fc.integer({ min: 1, max: 1000 }),
          },
          { requiredKeys: [] },
        ),
        { nil: undefined },
      ) as fc.Arbitrary<unknown>,
    ),
  ),
  codes: ITEM_CODES,
  refusals: ["NOT_ENOUGH_DATA"],
});

/** Two raters' labels (1–4, some missing) of the same subjects. */
const raterPair = fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer()).map(([n, seed]) => {
  const random = seededRandom(seed);
  const label = () => (random() < 0.1 ? null : 1 + Math.floor(random() * 4));
  return [Array.from({ length: n }, label), Array.from({ length: n }, label)] as const;
});

reliabilityTarget({
  name: "cohenKappa",
  call: (rater1: unknown, rater2: unknown, options?: unknown) =>
    cohenKappa(rater1 as never, rater2 as never, options as never),
  valid: fc
    .tuple(
      raterPair,
      fc.option(
        fc.record(
          {
            weights: fc.constantFrom("none", "linear", "quadratic"),
            levels: fc.constant([1, 2, 3, 4]),
            level: fc.constantFrom(0.9, 0.95),
          },
          { requiredKeys: [] },
        ),
        { nil: undefined },
      ),
    )
    .map(([[a, b], options]): [unknown, unknown, unknown] => [a, b, options]),
  codes: ["WRONG_LENGTH", "INVALID_INPUT", "OUT_OF_RANGE", "NOT_ENOUGH_DATA", "INVALID_OPTION"],
  refusals: ["NOT_ENOUGH_DATA"],
});

reliabilityTarget({
  name: "fleissKappa",
  call: (ratings: unknown, options?: unknown) => fleissKappa(ratings as never, options as never),
  valid: fc.tuple(
    ratingMatrix({
      minRows: 1,
      maxRows: 10,
      minCols: 2,
      maxCols: 5,
      levels: 3,
    }) as fc.Arbitrary<unknown>,
    fc.option(
      fc.record(
        { input: fc.constant("ratings"), levels: fc.constant([1, 2, 3]) },
        { requiredKeys: [] },
      ),
      {
        nil: undefined,
      },
    ) as fc.Arbitrary<unknown>,
  ),
  codes: [
    "INVALID_INPUT",
    "WRONG_LENGTH",
    "OUT_OF_RANGE",
    "NOT_ENOUGH_DATA",
    "INVALID_OPTION",
    "NOT_A_NUMBER",
  ],
  refusals: ["NOT_ENOUGH_DATA"],
});

reliabilityTarget({
  name: "intraclassCorrelation",
  call: (data: unknown, options?: unknown) =>
    intraclassCorrelation(data as never, options as never),
  valid: fc.tuple(
    matrixInput({ levels: 7 }),
    fc.option(
      fc.record(
        { level: fc.constantFrom(0.9, 0.95), missing: fc.constant("listwise") },
        { requiredKeys: [] },
      ),
      {
        nil: undefined,
      },
    ) as fc.Arbitrary<unknown>,
  ),
  // OUT_OF_RANGE: values whose sums of squares overflow.
  codes: [...MATRIX_CODES, "NOT_ENOUGH_DATA", "INVALID_OPTION", "OUT_OF_RANGE"],
  refusals: ["NOT_ENOUGH_DATA"],
});

reliabilityTarget({
  name: "krippendorffAlpha",
  call: (data: unknown, options?: unknown) => krippendorffAlpha(data as never, options as never),
  valid: fc.tuple(
    matrixInput({ minRows: 1 }),
    fc.option(
      fc.record(
        {
          level: fc.constantFrom("nominal", "ordinal", "interval", "ratio"),
          layout: fc.constantFrom("units-by-coders", "coders-by-units"),
          bootstrap: fc.record(
            {
              seed: fc.integer({ min: 1, max: 100 }),
              samples: fc.integer({ min: 2, max: 20 }),
              level: fc.constant(0.9),
            },
            { requiredKeys: ["seed"] },
          ),
        },
        { requiredKeys: [] },
      ),
      { nil: undefined },
    ) as fc.Arbitrary<unknown>,
  ),
  codes: [...MATRIX_CODES, "NOT_ENOUGH_DATA", "OUT_OF_RANGE", "INVALID_OPTION"],
  refusals: ["NOT_ENOUGH_DATA"],
});

/** A score, an sd above 0 and a reliability in [0, 1). */
const score = fc.double({ min: -100, max: 100, noNaN: true });
const sd = fc.double({ min: 0.01, max: 50, noNaN: true });
const reliability = fc.double({ min: 0, max: 0.999, noNaN: true });

reliabilityTarget({
  name: "standardErrorOfMeasurement",
  call: (options: unknown) => standardErrorOfMeasurement(options as never),
  valid: fc.tuple(
    fc.record(
      { sd, reliability, level: fc.constantFrom(0.9, 0.95, 0.99) },
      { requiredKeys: ["sd", "reliability"] },
    ),
  ),
  codes: ["NOT_A_NUMBER", "OUT_OF_RANGE", "INVALID_OPTION"],
});

reliabilityTarget({
  name: "reliableChangeThreshold",
  call: (options: unknown) => reliableChangeThreshold(options as never),
  valid: fc.tuple(
    fc.record(
      {
        sd,
        reliability,
        level: fc.constantFrom(0.9, 0.95),
        z: fc.double({ min: 0.5, max: 4, noNaN: true }),
      },
      { requiredKeys: ["sd", "reliability"] },
    ),
  ),
  codes: ["NOT_A_NUMBER", "OUT_OF_RANGE", "INVALID_OPTION"],
});

reliabilityTarget({
  name: "reliableChangeIndex",
  call: (pre: unknown, post: unknown, options: unknown) =>
    reliableChangeIndex(pre as number, post as number, options as never),
  valid: fc.tuple(
    score as fc.Arbitrary<unknown>,
    score as fc.Arbitrary<unknown>,
    fc.oneof(
      fc.record(
        { sd, reliability, level: fc.constantFrom(0.9, 0.95) },
        { requiredKeys: ["sd", "reliability"] },
      ),
      fc.record({
        method: fc.constant("christensen-mendoza"),
        sd,
        sdPost: sd,
        prePostCorrelation: fc.double({ min: -0.95, max: 0.95, noNaN: true }),
      }),
    ) as fc.Arbitrary<unknown>,
  ),
  codes: ["NOT_A_NUMBER", "OUT_OF_RANGE", "INVALID_OPTION"],
});

reliabilityTarget({
  name: "clinicalSignificance",
  call: (pre: unknown, post: unknown, options: unknown) =>
    clinicalSignificance(pre as number, post as number, options as never),
  valid: fc.tuple(
    score as fc.Arbitrary<unknown>,
    score as fc.Arbitrary<unknown>,
    fc.record(
      {
        direction: fc.constantFrom("higher-is-better", "lower-is-better"),
        reliability,
        dysfunctional: fc.record({ mean: score, sd }),
        functional: fc.record({ mean: score, sd }),
        cutoff: fc.constantFrom("a", "b", "c"),
        level: fc.constantFrom(0.9, 0.95),
      },
      { requiredKeys: ["direction", "reliability", "dysfunctional", "functional"] },
    ) as fc.Arbitrary<unknown>,
  ),
  codes: ["NOT_A_NUMBER", "OUT_OF_RANGE", "INVALID_OPTION"],
});

reliabilityTarget({
  name: "mcdonaldOmega",
  call: (data: unknown, options?: unknown) => mcdonaldOmega(data as never, options as never),
  // At most 10 rows, as the other targets: omega costs 1–2 ms a call (minres, varimax,
  // oblimin), and allowing 11–12 rows made the average call a quarter dearer.
  valid: ratingMatrix({ minRows: 3, maxRows: 10, minCols: 3, maxCols: 6 }).chain((rows) =>
    fc.tuple(
      fc.constant(rows as unknown),
      fc.option(
        fc.record(
          {
            nfactors: fc.integer({ min: 1, max: Math.min(3, rows[0]!.length - 1) }),
            missing: fc.constantFrom("pairwise", "listwise"),
          },
          { requiredKeys: [] },
        ),
        { nil: undefined },
      ) as fc.Arbitrary<unknown>,
    ),
  ),
  codes: ITEM_CODES,
  // INVALID_OPTION: nfactors above k - 1 once zero-variance items are left out.
  refusals: ["NOT_ENOUGH_DATA", "INVALID_OPTION"],
});
