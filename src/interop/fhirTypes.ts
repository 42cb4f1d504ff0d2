/**
 * The parts of the FHIR R4 data types and resources that the interop functions write and
 * read, with the field names and cardinalities of FHIR R4 (4.0.1):
 * https://hl7.org/fhir/R4/questionnaire.html and
 * https://hl7.org/fhir/R4/questionnaireresponse.html.
 *
 * They are declared here because the installed `@types/fhir` (3.0.x) describes FHIR STU3 only
 * (a global `fhir` namespace, `Questionnaire.item.option` instead of R4's `answerOption`).
 * Every field keeps its R4 name and type, so these objects are structurally assignable to the
 * R4 types of other typings (e.g. `fhir4.Questionnaire`).
 *
 * @module
 */

/**
 * An R4 Coding: a code from a code system.
 *
 * @category Interop
 */
export interface FhirCoding {
  system?: string;
  version?: string;
  code?: string;
  display?: string;
  userSelected?: boolean;
}

/**
 * An R4 CodeableConcept.
 *
 * @category Interop
 */
export interface FhirCodeableConcept {
  coding?: FhirCoding[];
  text?: string;
}

/**
 * An R4 Expression (used by the SDC `calculatedExpression` extension).
 *
 * @category Interop
 */
export interface FhirExpression {
  description?: string;
  name?: string;
  language: string;
  expression?: string;
  reference?: string;
}

/**
 * An R4 Extension with the value types the interop functions use.
 *
 * @category Interop
 */
export interface FhirExtension {
  url: string;
  valueDecimal?: number;
  valueInteger?: number;
  valueString?: string;
  valueCodeableConcept?: FhirCodeableConcept;
  valueExpression?: FhirExpression;
}

/**
 * An R4 Reference.
 *
 * @category Interop
 */
export interface FhirReference {
  reference?: string;
  type?: string;
  display?: string;
}

/**
 * One permitted answer of an R4 Questionnaire item.
 *
 * @category Interop
 */
export interface FhirQuestionnaireAnswerOption {
  extension?: FhirExtension[];
  valueCoding?: FhirCoding;
  valueInteger?: number;
  valueString?: string;
}

/**
 * One item of an R4 Questionnaire (a question, a group or a display text).
 *
 * @category Interop
 */
export interface FhirQuestionnaireItem {
  extension?: FhirExtension[];
  linkId: string;
  prefix?: string;
  text?: string;
  type:
    | "group"
    | "display"
    | "boolean"
    | "decimal"
    | "integer"
    | "date"
    | "dateTime"
    | "time"
    | "string"
    | "text"
    | "url"
    | "choice"
    | "open-choice"
    | "attachment"
    | "reference"
    | "quantity";
  required?: boolean;
  repeats?: boolean;
  readOnly?: boolean;
  answerOption?: FhirQuestionnaireAnswerOption[];
  item?: FhirQuestionnaireItem[];
}

/**
 * An R4 Questionnaire resource.
 *
 * @category Interop
 */
export interface FhirQuestionnaire {
  resourceType: "Questionnaire";
  id?: string;
  url?: string;
  version?: string;
  name?: string;
  title?: string;
  status: "draft" | "active" | "retired" | "unknown";
  description?: string;
  copyright?: string;
  code?: FhirCoding[];
  item?: FhirQuestionnaireItem[];
}

/**
 * One answer of an R4 QuestionnaireResponse item. Only the value types this library reads
 * or writes are typed; any other `value[x]` is rejected at run time.
 *
 * @category Interop
 */
export interface FhirQuestionnaireResponseAnswer {
  valueCoding?: FhirCoding;
  valueInteger?: number;
  valueDecimal?: number;
  item?: FhirQuestionnaireResponseItem[];
}

/**
 * One item of an R4 QuestionnaireResponse: a question with its answers, or a group.
 *
 * @category Interop
 */
export interface FhirQuestionnaireResponseItem {
  linkId: string;
  text?: string;
  answer?: FhirQuestionnaireResponseAnswer[];
  item?: FhirQuestionnaireResponseItem[];
}

/**
 * An R4 QuestionnaireResponse resource.
 *
 * @category Interop
 */
export interface FhirQuestionnaireResponse {
  resourceType: "QuestionnaireResponse";
  id?: string;
  questionnaire?: string;
  status: "in-progress" | "completed" | "amended" | "entered-in-error" | "stopped";
  subject?: FhirReference;
  authored?: string;
  author?: FhirReference;
  item?: FhirQuestionnaireResponseItem[];
}
