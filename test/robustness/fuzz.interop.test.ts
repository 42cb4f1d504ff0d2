import fc from "fast-check";
import { describe } from "vitest";
import type { AllianceErrorCode } from "../../src/errors.js";
import { answersSchema } from "../../src/interop/answersSchema.js";
import { CsvReader, csvField } from "../../src/interop/csvRecords.js";
import { scoreQuestionnaireResponse } from "../../src/interop/scoreQuestionnaireResponse.js";
import { toFhirQuestionnaire } from "../../src/interop/toFhirQuestionnaire.js";
import { toFhirQuestionnaireResponse } from "../../src/interop/toFhirQuestionnaireResponse.js";
import { toJsonSchema } from "../../src/interop/toJsonSchema.js";
import { toRedcapDictionary } from "../../src/interop/toRedcapDictionary.js";
import { arbitraries } from "../../src/testing/arbitraries.js";
import { INVALID_RESPONSE_KINDS, invalidResponses } from "../../src/testing/invalidResponses.js";
import { scalePoints } from "../../src/testing/scalePoints.js";
import { validResponseRecords } from "../../src/testing/validResponseRecords.js";
import { validResponses } from "../../src/testing/validResponses.js";
import { answersFor, instruments } from "./arbitraries.js";
import { documentedTarget, expectInstrumentErrors, guardPrototypes } from "./harness.js";

guardPrototypes();

const instrumentId = fc.constantFrom(
  ...instruments.map((instrument) => instrument.id),
) as fc.Arbitrary<unknown>;

/** Errors of resolving an instrument id or definition (resolveInstrument, defineInstrument). */
const RESOLVE_CODES: readonly AllianceErrorCode[] = [
  "UNKNOWN_INSTRUMENT",
  "INVALID_DEFINITION",
  "INVALID_INPUT",
  "UNSAFE_KEY",
];

/** Errors of reading answers as scoreResponses reads them, but for the missing-data limit. */
const ANSWER_CODES: readonly AllianceErrorCode[] = [
  "INVALID_INPUT",
  "UNKNOWN_ITEM",
  "OUT_OF_RANGE",
  "NOT_A_NUMBER",
  "WRONG_LENGTH",
  "UNSAFE_KEY",
];

/** A record by item id, the shape answersSchema validates. */
const idRecord = fc
  .constantFrom(...instruments)
  .chain((instrument) =>
    answersFor(instrument).map((answers) =>
      Object.fromEntries(answers.map((value, index) => [instrument.items[index]!.id, value])),
    ),
  );

documentedTarget(
  { file: "src/interop/answersSchema.ts" },
  {
    name: "answersSchema",
    call: (id: unknown, record: unknown) => ({
      accepted: answersSchema(id as string).safeParse(record).success,
    }),
    valid: fc.tuple(instrumentId, idRecord as fc.Arbitrary<unknown>),
    codes: RESOLVE_CODES,
  },
);

documentedTarget(
  { file: "src/interop/toJsonSchema.ts" },
  {
    name: "toJsonSchema",
    call: (id: unknown) => toJsonSchema(id as string),
    valid: fc.tuple(instrumentId),
    codes: RESOLVE_CODES,
  },
);

documentedTarget(
  { file: "src/interop/toFhirQuestionnaire.ts" },
  {
    name: "toFhirQuestionnaire",
    call: (id: unknown, options?: unknown) => toFhirQuestionnaire(id as string, options as never),
    valid: fc.tuple(
      instrumentId,
      fc.option(
        fc.record(
          {
            baseUrl: fc.constantFrom("https://example.org/fhir", "http://x.test"),
            status: fc.constantFrom("draft", "active", "retired"),
          },
          { requiredKeys: [] },
        ),
        { nil: undefined },
      ) as fc.Arbitrary<unknown>,
    ),
    codes: [...RESOLVE_CODES, "INVALID_OPTION"],
  },
);

documentedTarget(
  { file: "src/interop/toRedcapDictionary.ts" },
  {
    name: "toRedcapDictionary",
    call: (id: unknown, options?: unknown) => toRedcapDictionary(id as string, options as never),
    valid: fc.tuple(
      instrumentId,
      fc.option(
        fc.record(
          {
            formName: fc.constantFrom("alliance", "wai_form"),
            recordIdField: fc.constantFrom("record_id", null),
          },
          { requiredKeys: [] },
        ),
        { nil: undefined },
      ) as fc.Arbitrary<unknown>,
    ),
    codes: [...RESOLVE_CODES, "INVALID_OPTION"],
  },
);

/** An instrument id, answers in item order and response options. */
const responseInput = fc.constantFrom(...instruments).chain((instrument) =>
  fc.tuple(
    fc.constant(instrument.id as unknown),
    answersFor(instrument) as fc.Arbitrary<unknown>,
    fc.option(
      fc.record(
        {
          status: fc.constantFrom("completed", "in-progress"),
          authored: fc.constant("2026-11-26T09:30:00Z"),
          id: fc.constant("r1"),
          subject: fc.constantFrom(
            { reference: "Patient/1" },
            { reference: "Patient/1", type: "Patient", display: "A. Client" },
          ),
        },
        { requiredKeys: [] },
      ),
      { nil: undefined },
    ) as fc.Arbitrary<unknown>,
  ),
);

documentedTarget(
  { file: "src/interop/toFhirQuestionnaireResponse.ts" },
  {
    name: "toFhirQuestionnaireResponse",
    call: (id: unknown, answers: unknown, options?: unknown) =>
      toFhirQuestionnaireResponse(id as string, answers as never, options as never),
    valid: responseInput,
    codes: [...RESOLVE_CODES, ...ANSWER_CODES, "INVALID_OPTION"],
  },
);

/** A QuestionnaireResponse built from valid answers (when they can be scored). */
const fhirResponse = responseInput.chain(([id, answers]) => {
  try {
    const response = toFhirQuestionnaireResponse(id as string, answers as never);
    return fc.constant([id, response as unknown] as [unknown, unknown]);
  } catch {
    return fc.constant([
      id,
      { resourceType: "QuestionnaireResponse", status: "completed" } as unknown,
    ] as [unknown, unknown]);
  }
});

documentedTarget(
  { file: "src/interop/scoreQuestionnaireResponse.ts" },
  {
    name: "scoreQuestionnaireResponse",
    call: (id: unknown, response: unknown) =>
      scoreQuestionnaireResponse(id as string, response as never),
    valid: fhirResponse,
    // A response is read by linkId, so there is no answer count to get wrong (no WRONG_LENGTH).
    codes: [
      ...RESOLVE_CODES,
      "INVALID_OPTION",
      "UNKNOWN_ITEM",
      "OUT_OF_RANGE",
      "NOT_A_NUMBER",
      "TOO_MANY_MISSING",
    ],
    refusals: ["TOO_MANY_MISSING"],
  },
);

documentedTarget(
  { file: "src/interop/csvRecords.ts" },
  {
    name: "csvField",
    call: (value: unknown) => csvField(value as string),
    valid: fc.tuple(fc.string() as fc.Arbitrary<unknown>),
    codes: ["INVALID_INPUT"],
    check: (result) => {
      if (typeof result !== "string") throw new Error("expected a string");
    },
  },
);

/** CSV text cut into chunks at random places. */
const csvChunks = fc
  .tuple(
    fc.array(
      fc.array(
        fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom('a"b', "x,y", "1\n2", "\r\n")),
        { minLength: 1, maxLength: 4 },
      ),
      {
        maxLength: 5,
      },
    ),
    fc.array(fc.nat(), { maxLength: 4 }),
  )
  .map(([rows, cuts]) => {
    const text = rows.map((fields) => fields.map(csvField).join(",")).join("\r\n");
    const points = [...new Set(cuts.map((cut) => cut % (text.length + 1)))].sort((a, b) => a - b);
    return [0, ...points, text.length]
      .slice(1)
      .map((end, index, ends) => text.slice(index === 0 ? 0 : ends[index - 1], end));
  });

documentedTarget(
  { file: "src/interop/csvRecords.ts" },
  {
    name: "CsvReader",
    call: (chunks: unknown) => {
      const reader = new CsvReader();
      const list = Array.isArray(chunks) ? chunks : [chunks];
      const records = list.flatMap((chunk) => reader.push(chunk as string));
      return [...records, ...reader.end()];
    },
    valid: fc.tuple(csvChunks as fc.Arbitrary<unknown>),
    codes: ["PARSE_ERROR", "INVALID_INPUT"],
  },
);

const generatorOptions = fc.record(
  {
    seed: fc.integer({ min: 1, max: 1000 }),
    count: fc.integer({ min: 0, max: 5 }),
    missingRate: fc.constantFrom(0, 0.1, 0.3),
  },
  { requiredKeys: [] },
);

documentedTarget(
  { file: "src/testing/validResponses.ts" },
  {
    name: "validResponses",
    call: (id: unknown, options?: unknown) => validResponses(id as string, options as never),
    valid: fc.tuple(
      instrumentId,
      fc.option(generatorOptions, { nil: undefined }) as fc.Arbitrary<unknown>,
    ),
    codes: [...RESOLVE_CODES, "INVALID_OPTION"],
  },
);

documentedTarget(
  { file: "src/testing/validResponseRecords.ts" },
  {
    name: "validResponseRecords",
    call: (id: unknown, options?: unknown) => validResponseRecords(id as string, options as never),
    valid: fc.tuple(
      instrumentId,
      fc.option(
        generatorOptions.chain((options) =>
          fc.constantFrom("number", "id").map((keyBy) => ({ ...options, keyBy })),
        ),
        {
          nil: undefined,
        },
      ) as fc.Arbitrary<unknown>,
    ),
    codes: [...RESOLVE_CODES, "INVALID_OPTION"],
  },
);

documentedTarget(
  { file: "src/testing/invalidResponses.ts" },
  {
    name: "invalidResponses",
    call: (id: unknown, options?: unknown) => invalidResponses(id as string, options as never),
    valid: fc.tuple(
      instrumentId,
      fc.option(
        fc.record(
          {
            seed: fc.integer({ min: 1, max: 1000 }),
            count: fc.integer({ min: 0, max: 3 }),
            kinds: fc.subarray([...INVALID_RESPONSE_KINDS], { minLength: 1 }),
          },
          { requiredKeys: [] },
        ),
        { nil: undefined },
      ) as fc.Arbitrary<unknown>,
    ),
    codes: [...RESOLVE_CODES, "INVALID_OPTION"],
    nonFiniteByDesign: 'the cases of kinds "not-a-number" and "infinite" hold NaN and Infinity',
  },
);

documentedTarget(
  { file: "src/testing/scalePoints.ts" },
  {
    name: "scalePoints",
    call: (id: unknown) => scalePoints(id as string),
    valid: fc.tuple(instrumentId),
    codes: RESOLVE_CODES,
  },
);

/** The `./testing/fast-check` arbitraries, drawn once per run with a seed. */
documentedTarget(
  { file: "src/testing/arbitraries.ts" },
  {
    name: "arbitraries",
    call: (id: unknown, options: unknown, seed: unknown) => {
      const [answers] = fc.sample(arbitraries(fc).validAnswers(id as string, options as never), {
        numRuns: 1,
        // The seed is fast-check's argument, not the library's: keep it a valid one.
        seed: Number.isSafeInteger(seed) ? (seed as number) : 0,
      });
      return { answers };
    },
    valid: fc.tuple(
      instrumentId,
      fc.option(fc.record({ missing: fc.boolean() }, { requiredKeys: [] }), {
        nil: undefined,
      }) as fc.Arbitrary<unknown>,
      fc.integer() as fc.Arbitrary<unknown>,
    ),
    codes: [...RESOLVE_CODES, "INVALID_OPTION"],
    check: (result) => {
      const { answers } = result as { answers: unknown };
      if (!Array.isArray(answers)) throw new Error("expected an answer array");
    },
  },
);

/** The other arbitrary, `invalidCase`, drawn once per run with a seed. */
documentedTarget(
  { file: "src/testing/arbitraries.ts", symbol: "arbitraries" },
  {
    name: "arbitraries (invalidCase)",
    call: (id: unknown, options: unknown, seed: unknown) => {
      const [invalid] = fc.sample(arbitraries(fc).invalidCase(id as string, options as never), {
        numRuns: 1,
        seed: Number.isSafeInteger(seed) ? (seed as number) : 0,
      });
      return { invalid };
    },
    valid: fc.tuple(
      instrumentId,
      fc.option(
        fc.record({ kinds: fc.subarray([...INVALID_RESPONSE_KINDS]) }, { requiredKeys: [] }),
        {
          nil: undefined,
        },
      ) as fc.Arbitrary<unknown>,
      fc.integer() as fc.Arbitrary<unknown>,
    ),
    codes: [...RESOLVE_CODES, "INVALID_OPTION"],
    // Kinds none of which can occur for the instrument (e.g. [] or only "off-step" on a rounding VAS).
    refusals: ["INVALID_OPTION"],
    nonFiniteByDesign: 'the cases of kinds "not-a-number" and "infinite" hold NaN and Infinity',
    check: (result) => {
      const { invalid } = result as { invalid: { code?: unknown } };
      if (typeof invalid?.code !== "string")
        throw new Error("expected an invalid case with a code");
    },
  },
);

describe("every function taking an instrument throws the four documented instrument errors", () => {
  expectInstrumentErrors({
    answersSchema: (instrument) => answersSchema(instrument as never),
    toJsonSchema: (instrument) => toJsonSchema(instrument as never),
    toFhirQuestionnaire: (instrument) => toFhirQuestionnaire(instrument as never),
    toRedcapDictionary: (instrument) => toRedcapDictionary(instrument as never),
    toFhirQuestionnaireResponse: (instrument) =>
      toFhirQuestionnaireResponse(instrument as never, []),
    scoreQuestionnaireResponse: (instrument) =>
      scoreQuestionnaireResponse(
        instrument as never,
        { resourceType: "QuestionnaireResponse" } as never,
      ),
    validResponses: (instrument) => validResponses(instrument as never),
    validResponseRecords: (instrument) => validResponseRecords(instrument as never),
    invalidResponses: (instrument) => invalidResponses(instrument as never),
    scalePoints: (instrument) => scalePoints(instrument as never),
    validAnswers: (instrument) => arbitraries(fc).validAnswers(instrument as never),
    invalidCase: (instrument) => arbitraries(fc).invalidCase(instrument as never),
  });
});
