import { AllianceError, describeValue } from "../errors.js";
import { isRecord, optionsRecord } from "../guards.js";
import { answersToRow } from "../scoring/answersToRow.js";
import { type InstrumentOrId, resolveInstrument } from "../scoring/resolveInstrument.js";
import {
  allocateRowScores,
  compileScoringPlan,
  rowProblemError,
  scoreRowInto,
} from "../scoring/scoringPlan.js";
import type { Answers } from "../scoring/types.js";
import { fhirCanonical } from "./fhirCanonical.js";
import type {
  FhirQuestionnaireResponse,
  FhirQuestionnaireResponseAnswer,
  FhirQuestionnaireResponseItem,
  FhirReference,
} from "./fhirTypes.js";
import { likertPoints } from "./likertPoints.js";

/**
 * Options of {@link toFhirQuestionnaireResponse}.
 *
 * @category Interop
 * @example
 * toFhirQuestionnaireResponse("srs", [9.1, 8.5, 9, 9.4], {
 *   subject: { reference: "Patient/123" },
 *   authored: "2026-11-26T09:30:00Z",
 * });
 */
export interface FhirQuestionnaireResponseOptions {
  /** Base of the canonical URLs; must match the Questionnaire's (default {@link DEFAULT_FHIR_BASE}). */
  baseUrl?: string;
  /** `status`; default `"completed"` when every item is answered, `"in-progress"` otherwise. */
  status?: FhirQuestionnaireResponse["status"];
  /** `authored`, a FHIR dateTime such as `"2026-11-26T09:30:00Z"`; omitted when not given. */
  authored?: string;
  /**
   * `subject`, e.g. `{ reference: "Patient/123" }`: `reference`, `type` and `display`, each a
   * non-empty string (`type` without spaces), at least one of them.
   */
  subject?: FhirReference;
  /** `id` of the resource (FHIR id: 1–64 letters, digits, `-` and `.`). */
  id?: string;
}

const STATUSES: ReadonlySet<unknown> = new Set([
  "in-progress",
  "completed",
  "amended",
  "entered-in-error",
  "stopped",
]);
/** The R4 dateTime regular expression (https://hl7.org/fhir/R4/datatypes.html#dateTime). */
const DATE_TIME =
  /^([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1])(T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?(Z|(\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00)))?)?)?$/;
/** The R4 id regular expression (https://hl7.org/fhir/R4/datatypes.html#id). */
const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;
/** The R4 string and uri regular expressions (https://hl7.org/fhir/R4/datatypes.html#primitive). */
const FHIR_STRING = /^[ \r\n\t\S]+$/;
const FHIR_URI = /^\S+$/;

/**
 * A FHIR R4 QuestionnaireResponse holding one response set, answering the Questionnaire that
 * {@link toFhirQuestionnaire} writes with the same `baseUrl`.
 *
 * The answers are checked as `scoreResponses` checks them (shape, item names, the scale and its
 * step) but not against the missing-data limit, so a half-filled form can still be saved.
 * A Likert answer becomes a `valueCoding` (the point's code and label in the instrument's
 * answer system, whose weight the Questionnaire holds), a visual-analogue answer a
 * `valueDecimal` written as given (on a scale that rounds values between steps, scoring
 * rounds it later, as `scoreResponses` does). A missing answer leaves its item out (R4
 * forbids an empty `answer`).
 * `questionnaire` is the Questionnaire's url without a `|version` suffix, because instrument
 * versions are phrases with spaces, which a canonical cannot hold.
 *
 * Status (a library choice): `"completed"` when every item is answered, `"in-progress"` when
 * any is missing, unless `options.status` says otherwise (e.g. `"completed"` for a submitted
 * form with skipped items). Nothing depends on the clock: `authored` is written only when
 * given.
 *
 * Spec: https://hl7.org/fhir/R4/questionnaireresponse.html
 *
 * @category Interop
 * @throws AllianceError for the answers, as `scoreResponses` but for the missing-data limit:
 *   OUT_OF_RANGE, UNKNOWN_ITEM, NOT_A_NUMBER, WRONG_LENGTH, UNSAFE_KEY, INVALID_INPUT
 * @throws AllianceError for the instrument: UNKNOWN_INSTRUMENT (an unknown id), INVALID_INPUT
 *   (neither an id nor an object), INVALID_DEFINITION or UNSAFE_KEY (a definition
 *   `defineInstrument` rejects)
 * @throws AllianceError INVALID_OPTION for options that are not an object, or an option that
 *   is not of its FHIR type (`baseUrl`, `status`, `authored`, `subject`, `id`)
 * @example
 * const response = toFhirQuestionnaireResponse("wai-sr", [4, 5, 4, 3, 5, 4, 4, 3, 5, 4, 3, 4], {
 *   authored: "2026-11-26T09:30:00Z",
 * });
 * response.status; // => "completed"
 * response.item?.[0]; // => { linkId: "waisr_1", answer: [{ valueCoding: { system: "…/CodeSystem/wai-sr-answers", code: "4", display: "Very often" } }] }
 */
export function toFhirQuestionnaireResponse(
  instrumentOrId: InstrumentOrId,
  answers: Answers,
  options?: FhirQuestionnaireResponseOptions,
): FhirQuestionnaireResponse {
  const instrument = resolveInstrument(instrumentOrId);
  const given = optionsRecord(options);
  const canonical = fhirCanonical(instrument, given.baseUrl);
  const plan = compileScoringPlan(instrument, undefined);
  const { row, itemPath } = answersToRow(instrument, answers);
  const out = allocateRowScores(plan);
  const problem = scoreRowInto(plan, row, 0, out);
  if (problem?.kind === "off-scale") throw rowProblemError(plan, problem, out, itemPath, "answers");

  const points = likertPoints(instrument);
  const items: FhirQuestionnaireResponseItem[] = [];
  instrument.items.forEach((item, index) => {
    const value = row[index]!;
    if (Number.isNaN(value)) return;
    items.push({ linkId: item.id, answer: [answerOf(value, points, canonical.answerSystem)] });
  });
  const complete = items.length === instrument.items.length;
  return {
    resourceType: "QuestionnaireResponse",
    ...optionalFields(given),
    questionnaire: canonical.questionnaire,
    status: checkedStatus(given.status) ?? (complete ? "completed" : "in-progress"),
    ...(given.subject === undefined ? {} : { subject: checkedSubject(given.subject) }),
    ...(given.authored === undefined ? {} : { authored: checkedAuthored(given.authored) }),
    item: items,
  };
}

function answerOf(
  value: number,
  points: ReturnType<typeof likertPoints>,
  system: string,
): FhirQuestionnaireResponseAnswer {
  const point = points.find((candidate) => Math.abs(candidate.value - value) < 1e-9);
  if (point === undefined) return { valueDecimal: value };
  return { valueCoding: { system, code: String(point.value), display: point.label } };
}

function optionalFields(given: FhirQuestionnaireResponseOptions): { id?: string } {
  if (given.id === undefined) return {};
  if (typeof given.id === "string" && FHIR_ID.test(given.id)) return { id: given.id };
  throw invalidOption("id", "a FHIR id of 1 to 64 letters, digits, - and .", given.id);
}

function checkedStatus(status: unknown): FhirQuestionnaireResponse["status"] | undefined {
  if (status === undefined) return undefined;
  if (STATUSES.has(status)) return status as FhirQuestionnaireResponse["status"];
  throw invalidOption(
    "status",
    '"in-progress", "completed", "amended", "entered-in-error" or "stopped"',
    status,
  );
}

function checkedAuthored(authored: unknown): string {
  if (typeof authored === "string" && DATE_TIME.test(authored)) return authored;
  throw invalidOption("authored", 'a FHIR dateTime such as "2026-11-26T09:30:00Z"', authored);
}

/**
 * `subject` rebuilt from its checked fields, so that nothing but strings reaches the resource:
 * `reference` and `display` are R4 strings, `type` an R4 uri (a resource type such as
 * "Patient"). R4 wants at least one field (ele-1); other Reference fields (`identifier`) are
 * not written by this library, so they are refused rather than copied unchecked.
 * Spec: https://hl7.org/fhir/R4/references.html#Reference
 */
function checkedSubject(subject: unknown): FhirReference {
  const keys = isRecord(subject) ? Object.keys(subject) : [];
  if (!isRecord(subject) || keys.length === 0)
    throw invalidOption("subject", 'a Reference such as { reference: "Patient/123" }', subject);
  const unknown = keys.find((key) => key !== "reference" && key !== "type" && key !== "display");
  if (unknown !== undefined) {
    throw new AllianceError({
      code: "INVALID_OPTION",
      path: `options.subject[${JSON.stringify(unknown)}]`,
      message: `expected only reference, type and display in a subject, got the key ${JSON.stringify(unknown)}`,
    });
  }
  const checked: FhirReference = {};
  if ("reference" in subject) {
    checked.reference = checkedText(
      "subject.reference",
      subject.reference,
      FHIR_STRING,
      "a non-empty string",
    );
  }
  if ("type" in subject) {
    checked.type = checkedText(
      "subject.type",
      subject.type,
      FHIR_URI,
      'a resource type such as "Patient"',
    );
  }
  if ("display" in subject) {
    checked.display = checkedText(
      "subject.display",
      subject.display,
      FHIR_STRING,
      "a non-empty string",
    );
  }
  return checked;
}

function checkedText(name: string, value: unknown, pattern: RegExp, expected: string): string {
  if (typeof value === "string" && pattern.test(value)) return value;
  throw invalidOption(name, expected, value);
}

function invalidOption(name: string, expected: string, got: unknown): AllianceError {
  return new AllianceError({
    code: "INVALID_OPTION",
    path: `options.${name}`,
    message: `expected ${expected}, got ${describeValue(got)}`,
  });
}
