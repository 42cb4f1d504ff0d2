import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { listInstruments } from "../../src/instruments/registry.js";
import { DEFAULT_FHIR_BASE } from "../../src/interop/fhirCanonical.js";
import type { FhirQuestionnaireResponse } from "../../src/interop/fhirTypes.js";
import { scoreQuestionnaireResponse } from "../../src/interop/scoreQuestionnaireResponse.js";
import { toFhirQuestionnaireResponse } from "../../src/interop/toFhirQuestionnaireResponse.js";
import { scoreResponses } from "../../src/scoring/scoreResponses.js";
import { deepFreeze, thrownBy } from "../helpers.js";
import { completeSamples, withMissing } from "./sampleAnswers.js";

const URL_WAI_S = `${DEFAULT_FHIR_BASE}/Questionnaire/wai-s`;
const SYSTEM_WAI_S = `${DEFAULT_FHIR_BASE}/CodeSystem/wai-s-answers`;

function response(item: unknown[], extra: object = {}): FhirQuestionnaireResponse {
  return deepFreeze({
    resourceType: "QuestionnaireResponse",
    questionnaire: URL_WAI_S,
    status: "completed",
    item,
    ...extra,
  }) as FhirQuestionnaireResponse;
}

const coded = (linkId: string, code: string) => ({
  linkId,
  answer: [{ valueCoding: { system: SYSTEM_WAI_S, code } }],
});

describe("scoreQuestionnaireResponse", () => {
  it("round-trips every built-in instrument to the same result as scoreResponses", () => {
    for (const instrument of listInstruments()) {
      for (const answers of completeSamples(instrument)) {
        const qr = deepFreeze(toFhirQuestionnaireResponse(instrument, answers));
        expect(scoreQuestionnaireResponse(instrument, qr)).toEqual(
          scoreResponses(instrument, answers),
        );
      }
      if (instrument.missing.maxMissingPerSubscale > 0) {
        const [, , answers] = completeSamples(instrument) as [number[], number[], number[]];
        const partial = withMissing(answers, [0]);
        const qr = deepFreeze(toFhirQuestionnaireResponse(instrument, partial));
        expect(scoreQuestionnaireResponse(instrument, qr)).toEqual(
          scoreResponses(instrument, partial),
        );
      }
    }
  });

  it("agrees with scoreResponses on random response sets within the missing-data limit", () => {
    for (const instrument of listInstruments()) {
      const { min, max, step } = instrument.scale;
      const points = Math.round((max - min) / step);
      const value = fc
        .integer({ min: 0, max: points })
        .map((k) => Math.round((min + k * step) * 1e9) / 1e9);
      const answers = fc.array(fc.option(value, { nil: null, freq: 8 }), {
        minLength: instrument.items.length,
        maxLength: instrument.items.length,
      });
      fc.assert(
        fc.property(answers, (sample) => {
          let expected: ReturnType<typeof scoreResponses>;
          try {
            expected = scoreResponses(instrument, sample);
          } catch {
            return; // over the limit: covered by the error tests
          }
          const qr = deepFreeze(toFhirQuestionnaireResponse(instrument, sample));
          expect(scoreQuestionnaireResponse(instrument, qr)).toEqual(expected);
        }),
        { numRuns: 60, seed: 8 },
      );
    }
  });

  it("reads weights, integers and decimals in nested groups (hand-scored WAI-S)", () => {
    // Item 4 is reverse-keyed: code "4" has weight 4; item 10 code "3" has weight 5
    // (both written by toFhirQuestionnaire). Same answers as the hand-scored FHIRPath test:
    // goal 19, task 9, bond 17, total 45.
    const qr = response([
      {
        linkId: "page-1",
        item: [coded("wais_1", "1"), { linkId: "wais_2", answer: [{ valueInteger: 2 }] }],
      },
      { linkId: "wais_3", answer: [{ valueDecimal: 3 }] },
      coded("wais_4", "4"),
      {
        linkId: "wais_5",
        answer: [{ valueInteger: 5, item: [{ linkId: "wais_6", answer: [{ valueInteger: 6 }] }] }],
      },
      coded("wais_7", "7"),
      { linkId: "wais_8", answer: [{ valueCoding: { code: "1" } }] },
      coded("wais_9", "2"),
      coded("wais_10", "3"),
      coded("wais_11", "4"),
      coded("wais_12", "5"),
      { linkId: "scores", item: [{ linkId: "score.total", answer: [{ valueDecimal: 999 }] }] },
    ]);
    const result = scoreQuestionnaireResponse("wai-s", qr);
    expect(result.total.sum).toBe(45);
    expect(result.subscales.goal?.sum).toBe(19);
    expect(result.subscales.task?.sum).toBe(9);
    expect(result.subscales.bond?.sum).toBe(17);
  });

  it("reads a reverse-keyed integer as the answer as marked, like its coding", () => {
    // Item 10 is reverse-keyed: valueInteger 3 and code "3" (weight 8 - 3 = 5) both give
    // goal = 4 + 6 + 5 + 4 = 19 with the other answers of the hand-scored set.
    const others = [1, 2, 3, 4, 5, 6, 7, 1, 2, 3, 4, 5].map((value, index) => ({
      linkId: `wais_${index + 1}`,
      answer: [{ valueInteger: value }],
    }));
    const viaInteger = response(others);
    const viaCoding = response(
      others.map((item, index) => (index === 9 ? coded("wais_10", "3") : item)),
    );
    expect(scoreQuestionnaireResponse("wai-s", viaInteger).subscales.goal?.sum).toBe(19);
    expect(scoreQuestionnaireResponse("wai-s", viaCoding).subscales.goal?.sum).toBe(19);
  });

  it("maps scoring errors onto paths in the response", () => {
    const all = (value: unknown) =>
      Array.from({ length: 12 }, (_, index) => ({
        linkId: `wais_${index + 1}`,
        answer: [{ valueInteger: index === 6 ? value : 4 }],
      }));
    expect(thrownBy(() => scoreQuestionnaireResponse("wai-s", response(all(9))))).toMatchObject({
      code: "OUT_OF_RANGE",
      path: "response.item[6].answer[0].valueInteger",
    });
    expect(thrownBy(() => scoreQuestionnaireResponse("wai-s", response(all("4"))))).toMatchObject({
      code: "NOT_A_NUMBER",
      path: "response.item[6].answer[0].valueInteger",
    });
  });

  it("rejects unknown items, codes, value types and repeated answers", () => {
    const cases: [unknown[], string, string][] = [
      [
        [{ linkId: "wais_99", answer: [{ valueInteger: 1 }] }],
        "UNKNOWN_ITEM",
        "response.item[0].linkId",
      ],
      [[{ linkId: "note" }], "UNKNOWN_ITEM", "response.item[0].linkId"],
      [[coded("wais_1", "8")], "OUT_OF_RANGE", "response.item[0].answer[0].valueCoding"],
      [
        [{ linkId: "wais_1", answer: [{ valueCoding: { system: "http://other", code: "1" } }] }],
        "OUT_OF_RANGE",
        "response.item[0].answer[0].valueCoding",
      ],
      [
        [{ linkId: "wais_1", answer: [{ valueString: "4" }] }],
        "NOT_A_NUMBER",
        "response.item[0].answer[0].valueString",
      ],
      [
        [{ linkId: "wais_1", answer: [{ valueInteger: 1 }, { valueInteger: 2 }] }],
        "INVALID_INPUT",
        "response.item[0].answer",
      ],
      [
        [coded("wais_1", "1"), { linkId: "g", item: [coded("wais_1", "2")] }],
        "INVALID_INPUT",
        "response.item[1].item[0]",
      ],
      [[{ linkId: "wais_1", answer: [{}] }], "INVALID_INPUT", "response.item[0].answer[0]"],
      [[{ answer: [] }], "INVALID_INPUT", "response.item[0]"],
    ];
    for (const [items, code, path] of cases) {
      expect(thrownBy(() => scoreQuestionnaireResponse("wai-s", response(items)))).toMatchObject({
        code,
        path,
      });
    }
  });

  it("checks the questionnaire canonical and the resource", () => {
    const full = toFhirQuestionnaireResponse("wai-s", [1, 2, 3, 4, 5, 6, 7, 1, 2, 3, 4, 5]);
    const other = deepFreeze({
      ...full,
      questionnaire: `${DEFAULT_FHIR_BASE}/Questionnaire/wai-sr`,
    });
    expect(thrownBy(() => scoreQuestionnaireResponse("wai-s", other))).toMatchObject({
      code: "INVALID_INPUT",
      path: "response.questionnaire",
    });
    const wrongVersion = deepFreeze({ ...full, questionnaire: `${URL_WAI_S}|2.0` });
    expect(thrownBy(() => scoreQuestionnaireResponse("wai-s", wrongVersion)).path).toBe(
      "response.questionnaire",
    );
    const rightVersion = deepFreeze({ ...full, questionnaire: `${URL_WAI_S}|12-item short form` });
    expect(scoreQuestionnaireResponse("wai-s", rightVersion).total.sum).toBe(45);
    // Another base URL must be named, on both sides.
    const elsewhere = toFhirQuestionnaireResponse("wai-s", [1, 2, 3, 4, 5, 6, 7, 1, 2, 3, 4, 5], {
      baseUrl: "https://example.org/fhir",
    });
    expect(thrownBy(() => scoreQuestionnaireResponse("wai-s", elsewhere)).code).toBe(
      "INVALID_INPUT",
    );
    expect(
      scoreQuestionnaireResponse("wai-s", elsewhere, { baseUrl: "https://example.org/fhir" }).total
        .sum,
    ).toBe(45);
    const { questionnaire: _, ...unstated } = full;
    const result = scoreQuestionnaireResponse("wai-s", deepFreeze(unstated));
    expect(result.warnings.map((warning) => warning.code)).toContain("QUESTIONNAIRE_NOT_STATED");
    expect(
      thrownBy(() =>
        scoreQuestionnaireResponse("wai-s", deepFreeze({ ...full, status: "entered-in-error" })),
      ),
    ).toMatchObject({ code: "INVALID_INPUT", path: "response.status" });
    expect(
      thrownBy(() => scoreQuestionnaireResponse("wai-s", { resourceType: "Patient" } as never)),
    ).toMatchObject({ code: "INVALID_INPUT", path: "response" });
  });

  it("refuses a Coding whose system or code has the wrong type, rather than a TypeError", () => {
    // The 100,000-run fuzz's case: a system that is an object without a prototype could not be
    // turned into text (TypeError: Cannot convert object to primitive value).
    const response = structuredClone(
      toFhirQuestionnaireResponse("wai-s", [1, 2, 3, 4, 5, 6, 7, 1, 2, 3, 4, 5]),
    );
    const coding = response.item![0]!.answer![0]!.valueCoding!;
    (coding as { system: unknown }).system = Object.create(null);
    expect(thrownBy(() => scoreQuestionnaireResponse("wai-s", response))).toMatchObject({
      code: "INVALID_INPUT",
      path: expect.stringMatching(/valueCoding\.system$/),
    });
    (coding as { system: unknown }).system = undefined;
    (coding as { code: unknown }).code = { toString: () => "1" };
    expect(thrownBy(() => scoreQuestionnaireResponse("wai-s", response))).toMatchObject({
      code: "INVALID_INPUT",
      path: expect.stringMatching(/valueCoding\.code$/),
    });
  });

  it("passes stricter missing-data limits to scoreResponses", () => {
    const partial = toFhirQuestionnaireResponse("wai-s", [1, 2, null, 4, 5, 6, 7, 1, 2, 3, 4, 5]);
    expect(scoreQuestionnaireResponse("wai-s", partial).prorated).toBe(true);
    expect(
      thrownBy(() => scoreQuestionnaireResponse("wai-s", partial, { maxMissingTotal: 0 })),
    ).toMatchObject({ code: "TOO_MANY_MISSING", path: "response" });
  });
});
