import { AllianceError, describeValue } from "../errors.js";
import type { Instrument } from "../instruments/model.js";

/**
 * The default base of the canonical URLs this library writes into FHIR resources:
 * `https://therapeutic-alliance.invalid/fhir`. A library choice, and a placeholder: the
 * `.invalid` top-level domain is reserved (RFC 2606) so it can never clash with a real
 * server. Pass your organisation's base as `baseUrl` before publishing a Questionnaire.
 *
 * @category Interop
 * @example
 * toFhirQuestionnaire("srs").url; // => "https://therapeutic-alliance.invalid/fhir/Questionnaire/srs"
 */
export const DEFAULT_FHIR_BASE = "https://therapeutic-alliance.invalid/fhir";

/**
 * The canonical URLs of one instrument under a base: the Questionnaire
 * (`{base}/Questionnaire/{id}`), the code system of its answer codes
 * (`{base}/CodeSystem/{id}-answers`) and the code system naming instruments
 * (`{base}/CodeSystem/instruments`). Library choices, documented in docs/interop.md.
 *
 * @internal
 */
export interface FhirCanonical {
  questionnaire: string;
  answerSystem: string;
  instrumentSystem: string;
}

/**
 * The canonical URLs of `instrument` under `baseUrl` (default {@link DEFAULT_FHIR_BASE}).
 *
 * @internal
 * @throws AllianceError INVALID_OPTION when `baseUrl` is not an absolute URL without spaces
 */
export function fhirCanonical(instrument: Instrument, baseUrl: unknown): FhirCanonical {
  const base = baseUrl === undefined ? DEFAULT_FHIR_BASE : checkedBase(baseUrl);
  return {
    questionnaire: `${base}/Questionnaire/${instrument.id}`,
    answerSystem: `${base}/CodeSystem/${instrument.id}-answers`,
    instrumentSystem: `${base}/CodeSystem/instruments`,
  };
}

function checkedBase(baseUrl: unknown): string {
  // FHIR R4 canonical/uri: no whitespace (https://hl7.org/fhir/R4/datatypes.html#uri).
  if (typeof baseUrl === "string" && /^[A-Za-z][A-Za-z0-9+.-]*:[^\s|]+$/.test(baseUrl))
    return baseUrl.replace(/\/+$/, "");
  throw new AllianceError({
    code: "INVALID_OPTION",
    path: "options.baseUrl",
    message: `expected an absolute URL without spaces or "|", such as "https://example.org/fhir", got ${describeValue(baseUrl)}`,
  });
}

/**
 * linkId of the read-only group holding the calculated scores, and the prefix of each
 * score's linkId (`score.total`, `score.goal`, …). Item ids cannot contain a dot
 * (src/instruments/model.ts), so these never clash with an item.
 *
 * @internal
 */
export const SCORES_GROUP_LINK_ID = "scores";
/** @internal */
export const SCORE_LINK_ID_PREFIX = "score.";
