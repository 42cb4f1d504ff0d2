import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AllianceError, type AllianceErrorCode, describeValue } from "../../src/errors.js";
import { defineInstrument } from "../../src/instruments/defineInstrument.js";
import { BAND_ALTERNATIVES, CHANGE_THRESHOLDS } from "../../src/instruments/interpretationRules.js";
import { isOnScale } from "../../src/instruments/isOnScale.js";
import type { Instrument } from "../../src/instruments/model.js";
import {
  getInstrument,
  isBuiltInInstrument,
  listInstruments,
} from "../../src/instruments/registry.js";
import { renderInstrumentsDoc } from "../../src/instruments/renderInstrumentsDoc.js";
import { toNumericMatrix } from "../../src/math/numericMatrix.js";
import { createScorer } from "../../src/scoring/createScorer.js";
import { interpret } from "../../src/scoring/interpret.js";
import { scoreResponses } from "../../src/scoring/scoreResponses.js";
import { type ScoreTableResult, scoreTable } from "../../src/scoring/scoreTable.js";
import { vasFromMillimetres } from "../../src/scoring/vasFromMillimetres.js";
import {
  answersFor,
  asNumericMatrix,
  instruments,
  instrumentWithAnswers,
  ratingMatrix,
  responseSets,
} from "./arbitraries.js";
import {
  copyData,
  documentedTarget,
  expectInstrumentErrors,
  FUZZ_RUNS,
  guardPrototypes,
  hostileValue,
} from "./harness.js";

guardPrototypes();

const instrumentIds = instruments.map((instrument) => instrument.id);

/** Options of scoreResponses/scoreTable: missing-data limits at most the instrument's. */
function scoreOptions(instrument: Instrument) {
  const { maxMissingPerSubscale, maxMissingTotal } = instrument.missing;
  return fc.record(
    {
      maxMissingPerSubscale: fc.integer({ min: 0, max: maxMissingPerSubscale }),
      maxMissingTotal: fc.integer({ min: 0, max: maxMissingTotal }),
    },
    { requiredKeys: [] },
  );
}

/** Answers as an array, a record by item number, or a record by item id. */
function answerShapes(instrument: Instrument, answers: (number | null)[]): fc.Arbitrary<unknown> {
  return fc.constantFrom(
    answers,
    Object.fromEntries(answers.map((value, index) => [String(index + 1), value])),
    Object.fromEntries(answers.map((value, index) => [instrument.items[index]!.id, value])),
  );
}

describe("describeValue never throws and always describes", () => {
  it("returns a non-empty string for anything", () => {
    fc.assert(
      fc.property(fc.oneof(hostileValue, fc.string()), (value) => {
        const text = describeValue(value);
        if (typeof text !== "string" || text.length === 0) throw new Error("no description");
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});

describe("AllianceError", () => {
  it("keeps code, path and message for any strings, and serializes to plain data", () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ minLength: 1 }), (path, message) => {
        const error = new AllianceError({ code: "INVALID_INPUT", path, message });
        expect(error).toBeInstanceOf(Error);
        expect(JSON.parse(JSON.stringify(error))).toEqual({ code: "INVALID_INPUT", path, message });
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});

documentedTarget(
  { file: "src/math/numericMatrix.ts" },
  {
    name: "toNumericMatrix",
    call: (data: unknown, path?: unknown) => toNumericMatrix(data as never, path as never),
    valid: fc.tuple(
      fc.oneof(ratingMatrix({ minRows: 0, minCols: 0 }), ratingMatrix().map(asNumericMatrix)),
      fc.constantFrom(undefined, "data"),
    ),
    codes: ["INVALID_INPUT", "WRONG_LENGTH", "NOT_A_NUMBER", "INVALID_OPTION"],
    // Missing cells are NaN by definition of the NumericMatrix (documented).
    typedArraysMayHoldNaN: true,
    check: (result) => {
      const { values, rows, cols } = result as { values: Float64Array; rows: number; cols: number };
      if (values.length !== rows * cols)
        throw new Error(`${values.length} values for ${rows} x ${cols}`);
      for (const v of values)
        if (v === Infinity || v === -Infinity) throw new Error("an infinite cell");
    },
  },
);

documentedTarget(
  { file: "src/instruments/isOnScale.ts" },
  {
    name: "isOnScale",
    call: (value: number, scale: unknown) => isOnScale(value, scale as never),
    valid: fc.tuple(
      fc.double({ min: -20, max: 120, noNaN: true }),
      fc.constantFrom(...instruments.map((instrument) => instrument.scale)),
    ),
    codes: ["INVALID_INPUT"],
    check: (result) => {
      if (typeof result !== "boolean") throw new Error(`expected a boolean, got ${String(result)}`);
    },
  },
);

documentedTarget(
  { file: "src/instruments/defineInstrument.ts" },
  {
    name: "defineInstrument",
    call: (definition: unknown) => defineInstrument(definition),
    valid: fc.tuple(
      fc.constantFrom(...instruments).map((instrument) => copyData(instrument) as unknown),
    ),
    codes: ["INVALID_DEFINITION", "UNSAFE_KEY"],
  },
);

documentedTarget(
  { file: "src/instruments/registry.ts" },
  {
    name: "getInstrument",
    call: (id: unknown) => getInstrument(id as string),
    valid: fc.tuple(fc.constantFrom(...instrumentIds)),
    codes: ["UNKNOWN_INSTRUMENT"],
  },
);

documentedTarget(
  { file: "src/instruments/registry.ts" },
  {
    name: "isBuiltInInstrument",
    call: (value: unknown) => isBuiltInInstrument(value),
    valid: fc.tuple(
      fc.oneof(fc.constantFrom(...instruments) as fc.Arbitrary<unknown>, hostileValue),
    ),
    codes: [],
    check: (result) => {
      if (typeof result !== "boolean") throw new Error(`expected a boolean, got ${String(result)}`);
    },
  },
);

describe("listInstruments and renderInstrumentsDoc (no arguments)", () => {
  it("return the same frozen data every call and ignore stray arguments", () => {
    const list = listInstruments();
    const doc = renderInstrumentsDoc();
    for (let i = 0; i < 20; i++) {
      expect((listInstruments as (...args: unknown[]) => unknown)(i, "x")).toEqual(list);
      expect((renderInstrumentsDoc as (...args: unknown[]) => unknown)(null)).toBe(doc);
    }
    expect(Object.isFrozen(list)).toBe(true);
    expect(() => (list as Instrument[]).push(list[0]!)).toThrow(TypeError);
  });
});

/** The codes of scoreResponses and of the scorer createScorer builds: answers, options, instrument. */
const SCORING_CODES: readonly AllianceErrorCode[] = [
  "OUT_OF_RANGE",
  "UNKNOWN_ITEM",
  "NOT_A_NUMBER",
  "TOO_MANY_MISSING",
  "WRONG_LENGTH",
  "UNSAFE_KEY",
  "UNKNOWN_INSTRUMENT",
  "INVALID_INPUT",
  "INVALID_OPTION",
  "INVALID_DEFINITION",
];

/** Valid arguments of scoreResponses and createScorer: an id, its answers in any shape, options. */
const scoringArgs = instrumentWithAnswers.chain(({ instrument, answers }) =>
  fc.tuple(
    fc.constant(instrument.id as unknown),
    answerShapes(instrument, answers),
    fc.option(scoreOptions(instrument), { nil: undefined }),
  ),
);

documentedTarget(
  { file: "src/scoring/scoreResponses.ts" },
  {
    name: "scoreResponses",
    call: (id: unknown, answers: unknown, options?: unknown) =>
      scoreResponses(id as string, answers as never, options as never),
    valid: scoringArgs,
    codes: SCORING_CODES,
    refusals: ["TOO_MANY_MISSING"],
  },
);

documentedTarget(
  { file: "src/scoring/createScorer.ts" },
  {
    name: "createScorer",
    call: (id: unknown, answers: unknown, options?: unknown) =>
      createScorer(id as string, options as never)(answers as never),
    valid: scoringArgs,
    codes: SCORING_CODES,
    refusals: ["TOO_MANY_MISSING"],
  },
);

/** NaN in a scoreTable score array is allowed only in rows listed in `errors`. */
function checkTable(result: unknown): void {
  const table = result as ScoreTableResult;
  const errorRows = new Set(table.errors.map((error) => error.row));
  for (let row = 0; row < table.rows; row++) {
    if (table.valid[row] !== (errorRows.has(row) ? 0 : 1))
      throw new Error(`valid[${row}] disagrees with errors`);
    for (const id of table.scoreIds) {
      const { sum, mean } = table.scores[id]!;
      const finite = Number.isFinite(sum[row]!) && Number.isFinite(mean[row]!);
      if (!errorRows.has(row) && !finite) throw new Error(`row ${row} score ${id} is not finite`);
    }
  }
}

documentedTarget(
  { file: "src/scoring/scoreTable.ts" },
  {
    name: "scoreTable",
    call: (id: unknown, rows: unknown, options?: unknown) =>
      scoreTable(id as string, rows as never, options as never),
    valid: fc.constantFrom(...instruments).chain((instrument) =>
      fc.tuple(
        fc.constant(instrument.id as unknown),
        fc.oneof(
          responseSets(instrument, { min: 0, max: 6 }),
          responseSets(instrument, { min: 1, max: 6 }).map(asNumericMatrix),
        ),
        fc.option(
          scoreOptions(instrument).map((options) => ({ ...options, onError: "collect" as const })),
          { nil: undefined },
        ),
      ),
    ),
    // Rows are arrays or a matrix, never records, so there is no item key to be unknown.
    codes: [
      "OUT_OF_RANGE",
      "NOT_A_NUMBER",
      "TOO_MANY_MISSING",
      "WRONG_LENGTH",
      "UNSAFE_KEY",
      "UNKNOWN_INSTRUMENT",
      "INVALID_INPUT",
      "INVALID_OPTION",
      "INVALID_DEFINITION",
    ],
    refusals: ["TOO_MANY_MISSING"],
    // Score arrays hold NaN for the rows in `errors` (documented); checked by checkTable.
    typedArraysMayHoldNaN: true,
    check: checkTable,
  },
);

/** Instruments whose cut-offs or thresholds have a choice, with the choices. */
function choicesFor(instrumentId: string): fc.Arbitrary<Record<string, string> | undefined> {
  const thresholds = CHANGE_THRESHOLDS.filter(
    (threshold) => threshold.instrumentId === instrumentId,
  );
  const groups = [
    ...BAND_ALTERNATIVES.filter((group) => group.instrumentId === instrumentId).map((group) => ({
      group: group.group,
      ids: group.bandIds,
    })),
    ...[...new Set(thresholds.map((threshold) => threshold.group))].map((group) => ({
      group,
      ids: thresholds
        .filter((threshold) => threshold.group === group)
        .map((threshold) => threshold.id),
    })),
  ];
  if (groups.length === 0) return fc.constant(undefined);
  return fc.option(
    fc
      .tuple(
        ...groups.map(({ group, ids }) =>
          fc.option(
            fc.constantFrom(...ids).map((id) => [group, id] as const),
            { nil: undefined },
          ),
        ),
      )
      .map((pairs) => Object.fromEntries(pairs.filter((pair) => pair !== undefined))),
    { nil: undefined },
  );
}

/** A score of the instrument, or null when the answers miss too many items. */
function scored(id: string, answers: (number | null)[]) {
  try {
    const { instrumentId, total, subscales } = scoreResponses(id, answers);
    return { instrumentId, total, subscales };
  } catch {
    return null;
  }
}

documentedTarget(
  { file: "src/scoring/interpret.ts" },
  {
    name: "interpret",
    call: (score: unknown, id: unknown, options?: unknown) =>
      interpret(score as never, id as string, options as never),
    valid: fc.constantFrom(...instruments).chain((instrument) =>
      fc
        .tuple(
          answersFor(instrument).map((answers) => scored(instrument.id, answers)),
          fc.option(
            answersFor(instrument).map((answers) => scored(instrument.id, answers)),
            { nil: undefined },
          ),
          choicesFor(instrument.id),
        )
        .filter(([score, previous]) => score !== null && previous !== null)
        .map(([score, previous, choices]) => {
          const options: Record<string, unknown> = {};
          if (previous !== undefined) options.previous = previous;
          if (choices !== undefined) options.choices = choices;
          return [score, instrument.id, options] as [unknown, unknown, unknown];
        }),
    ),
    codes: [
      "INVALID_INPUT",
      "INVALID_OPTION",
      "NOT_A_NUMBER",
      "UNSAFE_KEY",
      "UNKNOWN_INSTRUMENT",
      "INVALID_DEFINITION",
    ],
  },
);

const vasScales = instruments
  .filter((instrument) => instrument.scale.kind === "vas")
  .map((instrument) => instrument.scale);

documentedTarget(
  { file: "src/scoring/vasFromMillimetres.ts" },
  {
    name: "vasFromMillimetres",
    call: (millimetres: unknown, scale: unknown, options?: unknown) =>
      vasFromMillimetres(millimetres as number, scale as never, options as never),
    valid: fc.tuple(
      fc.integer({ min: 0, max: 100 }) as fc.Arbitrary<unknown>,
      fc.constantFrom(...vasScales) as fc.Arbitrary<unknown>,
      fc.option(
        fc.record(
          { lineLengthMm: fc.constant(100), path: fc.constant("items[0]") },
          { requiredKeys: [] },
        ),
        {
          nil: undefined,
        },
      ) as fc.Arbitrary<unknown>,
    ),
    codes: ["NOT_A_NUMBER", "OUT_OF_RANGE", "INVALID_OPTION", "INVALID_INPUT"],
  },
);

describe("every scoring function taking an instrument throws the four documented instrument errors", () => {
  expectInstrumentErrors({
    scoreResponses: (instrument) => scoreResponses(instrument as never, []),
    createScorer: (instrument) => createScorer(instrument as never),
    scoreTable: (instrument) => scoreTable(instrument as never, []),
    interpret: (instrument) => interpret({} as never, instrument as never),
  });
});
