import { describe, expect, it } from "vitest";
import { DEFAULT_FHIR_BASE } from "../../src/interop/fhirCanonical.js";
import { toFhirQuestionnaireResponse } from "../../src/interop/toFhirQuestionnaireResponse.js";
import { deepFreeze, thrownBy } from "../helpers.js";

const WAI_SR = deepFreeze([4, 5, 4, 3, 5, 4, 4, 3, 5, 4, 3, 4]);

describe("toFhirQuestionnaireResponse", () => {
  it("codes Likert answers in the instrument's answer system", () => {
    const response = toFhirQuestionnaireResponse("wai-sr", WAI_SR);
    expect(response.resourceType).toBe("QuestionnaireResponse");
    expect(response.questionnaire).toBe(`${DEFAULT_FHIR_BASE}/Questionnaire/wai-sr`);
    expect(response.status).toBe("completed");
    expect(response.authored).toBeUndefined();
    expect(response.item).toHaveLength(12);
    expect(response.item?.[0]).toEqual({
      linkId: "waisr_1",
      answer: [
        {
          valueCoding: {
            system: `${DEFAULT_FHIR_BASE}/CodeSystem/wai-sr-answers`,
            code: "4",
            display: "Very often",
          },
        },
      ],
    });
  });

  it("writes visual-analogue answers as decimals", () => {
    const response = toFhirQuestionnaireResponse("srs", deepFreeze([9.1, 8.5, 0, 10]));
    expect(response.item?.map((item) => [item.linkId, item.answer?.[0]?.valueDecimal])).toEqual([
      ["relationship", 9.1],
      ["goals_and_topics", 8.5],
      ["approach_or_method", 0],
      ["overall", 10],
    ]);
  });

  it("leaves missing items out and says in-progress, unless told the status", () => {
    const answers = deepFreeze({ waisr_1: 4, waisr_2: null });
    const response = toFhirQuestionnaireResponse("wai-sr", answers);
    expect(response.status).toBe("in-progress");
    expect(response.item?.map((item) => item.linkId)).toEqual(["waisr_1"]);
    // More items missing than scoring allows is still a valid (unfinished) form.
    expect(toFhirQuestionnaireResponse("wai-sr", answers, { status: "completed" }).status).toBe(
      "completed",
    );
  });

  it("writes the id, subject and authored date only when given", () => {
    const options = deepFreeze({
      id: "qr-1",
      subject: { reference: "Patient/123" },
      authored: "2026-11-26T09:30:00Z",
      baseUrl: "https://example.org/fhir",
    });
    const response = toFhirQuestionnaireResponse("wai-sr", WAI_SR, options);
    expect(response).toMatchObject({
      id: "qr-1",
      subject: { reference: "Patient/123" },
      authored: "2026-11-26T09:30:00Z",
      questionnaire: "https://example.org/fhir/Questionnaire/wai-sr",
    });
  });

  it("rejects answers as scoreResponses does", () => {
    expect(thrownBy(() => toFhirQuestionnaireResponse("wai-sr", { waisr_1: 6 }))).toMatchObject({
      code: "OUT_OF_RANGE",
      path: 'answers["waisr_1"]',
    });
    expect(thrownBy(() => toFhirQuestionnaireResponse("wai-sr", { item99: 1 }))).toMatchObject({
      code: "UNKNOWN_ITEM",
    });
    expect(thrownBy(() => toFhirQuestionnaireResponse("wai-sr", [1, 2]))).toMatchObject({
      code: "WRONG_LENGTH",
    });
    expect(thrownBy(() => toFhirQuestionnaireResponse("srs", [9.15, 1, 1, 1]))).toMatchObject({
      code: "OUT_OF_RANGE",
      path: "answers[0]",
    });
  });

  it("rejects bad options", () => {
    const cases = [
      [{ authored: "26/11/2026" }, "options.authored"],
      [{ status: "done" }, "options.status"],
      [{ id: "has space" }, "options.id"],
      [{ subject: "Patient/1" }, "options.subject"],
      // Every option copied into the resource is checked for its type.
      [{ authored: 20261126 }, "options.authored"],
      [{ id: 1 }, "options.id"],
      [{ status: null }, "options.status"],
      [{ baseUrl: 42 }, "options.baseUrl"],
    ] as const;
    for (const [options, path] of cases) {
      expect(
        thrownBy(() => toFhirQuestionnaireResponse("wai-sr", WAI_SR, options as never)),
      ).toMatchObject({ code: "INVALID_OPTION", path });
    }
  });

  it("writes a subject only of string fields (F18: a NaN reference was copied into the resource)", () => {
    const answers = deepFreeze([3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3]);
    const nan = deepFreeze({ subject: { reference: Number.NaN } }) as never;
    expect(
      thrownBy(() => toFhirQuestionnaireResponse("tasc-r-parent", answers, nan)),
    ).toMatchObject({ code: "INVALID_OPTION", path: "options.subject.reference" });
    const cases = [
      [{}, "options.subject"],
      [{ reference: "" }, "options.subject.reference"],
      [{ display: ["Ann"] }, "options.subject.display"],
      [{ reference: "Patient/1", type: "Pat ient" }, "options.subject.type"],
      [{ reference: "Patient/1", identifier: { value: "1" } }, 'options.subject["identifier"]'],
    ] as const;
    for (const [subject, path] of cases) {
      expect(
        thrownBy(() => toFhirQuestionnaireResponse("wai-sr", WAI_SR, { subject } as never)),
      ).toMatchObject({ code: "INVALID_OPTION", path });
    }
    const subject = { reference: "Patient/1", type: "Patient", display: "A. Client" };
    const response = toFhirQuestionnaireResponse("wai-sr", WAI_SR, deepFreeze({ subject }));
    expect(response.subject).toEqual(subject);
    expect(response.subject).not.toBe(subject);
  });

  it("refuses a __proto__ key in the subject without touching any prototype", () => {
    const subject = JSON.parse('{"reference":"Patient/1","__proto__":{"polluted":1}}');
    expect(
      thrownBy(() => toFhirQuestionnaireResponse("wai-sr", WAI_SR, { subject })),
    ).toMatchObject({ code: "INVALID_OPTION", path: 'options.subject["__proto__"]' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
