import fhirpath from "fhirpath";
import r4 from "fhirpath/fhir-context/r4";
import { describe, expect, it } from "vitest";
import { getInstrument, listInstruments } from "../../src/instruments/registry.js";
import { DEFAULT_FHIR_BASE } from "../../src/interop/fhirCanonical.js";
import type {
  FhirQuestionnaire,
  FhirQuestionnaireItem,
  FhirQuestionnaireResponse,
} from "../../src/interop/fhirTypes.js";
import { toFhirQuestionnaire } from "../../src/interop/toFhirQuestionnaire.js";
import { toFhirQuestionnaireResponse } from "../../src/interop/toFhirQuestionnaireResponse.js";
import { scoreResponses } from "../../src/scoring/scoreResponses.js";
import { deepFreeze, thrownBy } from "../helpers.js";
import { completeSamples, withMissing } from "./sampleAnswers.js";

const ORDINAL_VALUE = "http://hl7.org/fhir/StructureDefinition/ordinalValue";
const CALCULATED =
  "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression";

function scoreItems(questionnaire: FhirQuestionnaire): FhirQuestionnaireItem[] {
  const group = questionnaire.item?.find((item) => item.linkId === "scores");
  return group?.item ?? [];
}

/** Evaluates every calculatedExpression on a response, as an SDC form filler would. */
function evaluateScores(
  questionnaire: FhirQuestionnaire,
  response: FhirQuestionnaireResponse,
): Record<string, unknown[]> {
  const results: Record<string, unknown[]> = {};
  for (const item of scoreItems(questionnaire)) {
    const extension = item.extension?.find((candidate) => candidate.url === CALCULATED);
    expect(extension?.valueExpression?.language).toBe("text/fhirpath");
    // fhirpath.js annotates the objects it is given, so it gets copies.
    const resource = structuredClone(response);
    const value = fhirpath.evaluate(
      resource,
      extension?.valueExpression?.expression ?? "",
      { resource, questionnaire: structuredClone(questionnaire) },
      r4,
    );
    // Without the async option fhirpath.js evaluates synchronously (its README).
    if (!Array.isArray(value)) throw new Error("expected a synchronous result");
    results[item.linkId] = value;
  }
  return results;
}

describe("toFhirQuestionnaire", () => {
  it("writes the header, the neutral item labels and the default canonical", () => {
    const questionnaire = toFhirQuestionnaire(getInstrument("wai-sr"));
    expect(questionnaire).toMatchObject({
      resourceType: "Questionnaire",
      id: "wai-sr",
      url: `${DEFAULT_FHIR_BASE}/Questionnaire/wai-sr`,
      version: "12-item short revised form",
      name: "WaiSr",
      status: "active",
      code: [{ system: `${DEFAULT_FHIR_BASE}/CodeSystem/instruments`, code: "wai-sr" }],
    });
    expect(questionnaire.copyright).toContain("Horvath");
    const questions = questionnaire.item?.slice(0, 12) ?? [];
    expect(questions.map((item) => item.linkId)).toEqual(
      Array.from({ length: 12 }, (_, index) => `waisr_${index + 1}`),
    );
    expect(questions.map((item) => item.text)).toEqual(
      Array.from({ length: 12 }, (_, index) => `Item ${index + 1}`),
    );
  });

  it("takes a base URL and a status, and rejects bad ones", () => {
    const questionnaire = toFhirQuestionnaire("srs", {
      baseUrl: "https://example.org/fhir/",
      status: "draft",
    });
    expect(questionnaire.url).toBe("https://example.org/fhir/Questionnaire/srs");
    expect(questionnaire.status).toBe("draft");
    expect(thrownBy(() => toFhirQuestionnaire("srs", { baseUrl: "not a url" }))).toMatchObject({
      code: "INVALID_OPTION",
      path: "options.baseUrl",
    });
    expect(thrownBy(() => toFhirQuestionnaire("srs", { status: "final" as never }))).toMatchObject({
      code: "INVALID_OPTION",
      path: "options.status",
    });
    expect(thrownBy(() => toFhirQuestionnaire("nope"))).toMatchObject({
      code: "UNKNOWN_INSTRUMENT",
    });
  });

  it("ships item wording only where the licence includes it", () => {
    const base = getInstrument("wai-sr");
    const licensed = deepFreeze({
      ...structuredClone(base),
      id: "my-form",
      licence: { ...base.licence, itemText: "included" as const },
      items: base.items.map((item) => ({ ...item, text: `Wording ${item.number}` })),
    });
    const withText = toFhirQuestionnaire(licensed);
    expect(withText.item?.[6]).toMatchObject({ prefix: "7.", text: "Wording 7" });
    const omitted = deepFreeze({ ...structuredClone(licensed), licence: base.licence });
    expect(toFhirQuestionnaire(omitted).item?.[6]?.text).toBe("Item 7");
  });

  it("puts the scoring key in ordinalValue: reversed weights on reverse-keyed items", () => {
    // WAI-S items 4 and 10 are reverse-keyed (src/instruments/wai.ts); 1–7 Never … Always.
    const questionnaire = toFhirQuestionnaire("wai-s");
    const weights = (linkId: string) =>
      questionnaire.item
        ?.find((item) => item.linkId === linkId)
        ?.answerOption?.map((option) => [
          option.valueCoding?.code,
          option.valueCoding?.display,
          option.extension?.find((extension) => extension.url === ORDINAL_VALUE)?.valueDecimal,
        ]);
    expect(weights("wais_1")).toEqual([
      ["1", "Never", 1],
      ["2", "Rarely", 2],
      ["3", "Occasionally", 3],
      ["4", "Sometimes", 4],
      ["5", "Often", 5],
      ["6", "Very often", 6],
      ["7", "Always", 7],
    ]);
    expect(weights("wais_4")).toEqual([
      ["1", "Never", 7],
      ["2", "Rarely", 6],
      ["3", "Occasionally", 5],
      ["4", "Sometimes", 4],
      ["5", "Often", 3],
      ["6", "Very often", 2],
      ["7", "Always", 1],
    ]);
  });

  it("labels unlabelled Likert points with their number (WAI-O anchors 1, 4, 7 only)", () => {
    const options = toFhirQuestionnaire("wai-o").item?.[1]?.answerOption ?? [];
    expect(options.map((option) => option.valueCoding?.display)).toEqual([
      "Very strong evidence against",
      "2",
      "3",
      "No evidence",
      "5",
      "6",
      "Very strong evidence",
    ]);
  });

  it("writes visual-analogue items as bounded decimals with a slider control", () => {
    const item = toFhirQuestionnaire("ors").item?.[0];
    expect(item).toMatchObject({ linkId: "individually", type: "decimal" });
    expect(item?.answerOption).toBeUndefined();
    expect(item?.extension).toEqual([
      { url: "http://hl7.org/fhir/StructureDefinition/minValue", valueDecimal: 0 },
      { url: "http://hl7.org/fhir/StructureDefinition/maxValue", valueDecimal: 10 },
      { url: "http://hl7.org/fhir/StructureDefinition/maxDecimalPlaces", valueInteger: 1 },
      {
        url: "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl",
        valueCodeableConcept: {
          coding: [{ system: "http://hl7.org/fhir/questionnaire-item-control", code: "slider" }],
        },
      },
    ]);
  });

  it("adds one read-only calculated item per score", () => {
    const items = scoreItems(toFhirQuestionnaire("wai-sr"));
    expect(items.map((item) => [item.linkId, item.text, item.type, item.readOnly])).toEqual([
      ["score.total", "Total (sum)", "decimal", true],
      ["score.goal", "Goal (sum)", "decimal", true],
      ["score.task", "Task (sum)", "decimal", true],
      ["score.bond", "Bond (sum)", "decimal", true],
    ]);
  });
});

describe("calculatedExpression evaluated by fhirpath.js", () => {
  it("reproduces a hand-scored WAI-S response, reverse keys included", () => {
    // Answers 1..7,1..5 on items 1..12; items 4 and 10 reversed: 8 - 4 = 4, 8 - 3 = 5.
    // goal (4, 6, 10, 11) = 4 + 6 + 5 + 4 = 19; task (1, 2, 8, 12) = 1 + 2 + 1 + 5 = 9;
    // bond (3, 5, 7, 9) = 3 + 5 + 7 + 2 = 17; total = 45.
    const answers = deepFreeze([1, 2, 3, 4, 5, 6, 7, 1, 2, 3, 4, 5]);
    const scores = evaluateScores(
      toFhirQuestionnaire("wai-s"),
      toFhirQuestionnaireResponse("wai-s", answers),
    );
    expect(scores).toEqual({
      "score.total": [45],
      "score.goal": [19],
      "score.task": [9],
      "score.bond": [17],
    });
  });

  it("prorates a hand-scored WAI-S response with item 3 missing", () => {
    // bond without item 3: (5 + 7 + 2) / 3 × 4 = 18.667; total: 42 / 11 × 12 = 45.818.
    const answers = deepFreeze([1, 2, null, 4, 5, 6, 7, 1, 2, 3, 4, 5]);
    const scores = evaluateScores(
      toFhirQuestionnaire("wai-s"),
      toFhirQuestionnaireResponse("wai-s", answers),
    );
    expect(scores["score.bond"]?.[0]).toBeCloseTo(56 / 3, 12);
    expect(scores["score.total"]?.[0]).toBeCloseTo((42 / 11) * 12, 12);
    expect(scores["score.goal"]).toEqual([19]);
  });

  for (const instrument of listInstruments()) {
    it(`gives the scoreResponses sums on complete ${instrument.id} responses`, () => {
      const questionnaire = toFhirQuestionnaire(instrument);
      for (const answers of completeSamples(instrument)) {
        const expected = scoreResponses(instrument, answers);
        const scores = evaluateScores(
          questionnaire,
          toFhirQuestionnaireResponse(instrument, answers),
        );
        expect(scores["score.total"]).toHaveLength(1);
        expect(scores["score.total"]?.[0]).toBeCloseTo(expected.total.sum, 9);
        for (const [id, value] of Object.entries(expected.subscales)) {
          expect(scores[`score.${id}`]).toHaveLength(1);
          expect(scores[`score.${id}`]?.[0]).toBeCloseTo(value.sum, 9);
        }
        if (instrument.scale.kind === "likert")
          expect(scores["score.total"]?.[0]).toBe(expected.total.sum);
      }
    });

    it(`prorates like scoreResponses and withholds beyond the limit (${instrument.id})`, () => {
      const questionnaire = toFhirQuestionnaire(instrument);
      const [, , answers] = completeSamples(instrument) as [number[], number[], number[]];
      const { maxMissingTotal, maxMissingPerSubscale } = instrument.missing;
      // Missing: the first item alone (allowed when any missing is), then one item too many for the total.
      const oneMissing = withMissing(answers, [0]);
      const scores = evaluateScores(
        questionnaire,
        toFhirQuestionnaireResponse(instrument, oneMissing),
      );
      if (
        maxMissingTotal >= 1 &&
        (maxMissingPerSubscale >= 1 || instrument.subscales.length === 0)
      ) {
        const expected = scoreResponses(instrument, oneMissing);
        expect(scores["score.total"]?.[0]).toBeCloseTo(expected.total.sum, 9);
        for (const [id, value] of Object.entries(expected.subscales))
          expect(scores[`score.${id}`]?.[0]).toBeCloseTo(value.sum, 9);
      } else {
        expect(thrownBy(() => scoreResponses(instrument, oneMissing)).code).toBe(
          "TOO_MANY_MISSING",
        );
      }
      const tooMany = withMissing(
        answers,
        Array.from({ length: maxMissingTotal + 1 }, (_, index) => index),
      );
      expect(thrownBy(() => scoreResponses(instrument, tooMany)).code).toBe("TOO_MANY_MISSING");
      const withheld = evaluateScores(
        questionnaire,
        toFhirQuestionnaireResponse(instrument, tooMany),
      );
      expect(withheld["score.total"]).toEqual([]);
    });
  }
});
