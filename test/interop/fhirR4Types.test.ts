/**
 * The FHIR output type-checks against the community R4 definitions (@types/fhir, fhir/r4):
 * `npm run typecheck` fails if a built resource is not assignable to R4's Questionnaire or
 * QuestionnaireResponse.
 */
import type { Questionnaire, QuestionnaireResponse } from "fhir/r4";
import { describe, expect, it } from "vitest";
import { listInstruments } from "../../src/instruments/registry.js";
import { toFhirQuestionnaire } from "../../src/interop/toFhirQuestionnaire.js";
import { toFhirQuestionnaireResponse } from "../../src/interop/toFhirQuestionnaireResponse.js";

describe("FHIR R4 types", () => {
  it("every built-in Questionnaire and a QuestionnaireResponse are R4 resources", () => {
    for (const instrument of listInstruments()) {
      const questionnaire: Questionnaire = toFhirQuestionnaire(instrument);
      expect(questionnaire.resourceType).toBe("Questionnaire");
    }
    const response: QuestionnaireResponse = toFhirQuestionnaireResponse(
      "wai-sr",
      [4, 5, 4, 3, 5, 4, 4, 4, 5, 4, 3, 4],
    );
    expect(response.resourceType).toBe("QuestionnaireResponse");
  });
});
