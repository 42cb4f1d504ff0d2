export * from "./answersSchema.js";
export * from "./csvRecords.js";
export { DEFAULT_FHIR_BASE } from "./fhirCanonical.js";
export type * from "./fhirTypes.js";
export * from "./scoreQuestionnaireResponse.js";
export * from "./toFhirQuestionnaire.js";
export * from "./toFhirQuestionnaireResponse.js";
export * from "./toJsonSchema.js";
export * from "./toRedcapDictionary.js";
