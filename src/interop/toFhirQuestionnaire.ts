import { AllianceError, describeValue } from "../errors.js";
import { optionsRecord } from "../guards.js";
import type { Instrument, Item } from "../instruments/model.js";
import { type InstrumentOrId, resolveInstrument } from "../scoring/resolveInstrument.js";
import { compileScoringPlan, type ScoringPlan } from "../scoring/scoringPlan.js";
import { fhirCanonical, SCORE_LINK_ID_PREFIX, SCORES_GROUP_LINK_ID } from "./fhirCanonical.js";
import type {
  FhirExtension,
  FhirQuestionnaire,
  FhirQuestionnaireAnswerOption,
  FhirQuestionnaireItem,
} from "./fhirTypes.js";
import { likertPoints } from "./likertPoints.js";
import { scoreExpression } from "./scoreExpression.js";

/**
 * Options of {@link toFhirQuestionnaire}.
 *
 * @category Interop
 * @example
 * toFhirQuestionnaire("wai-sr", { baseUrl: "https://fhir.example.org", status: "draft" });
 */
export interface FhirQuestionnaireOptions {
  /** Base of the canonical URLs (default {@link DEFAULT_FHIR_BASE}, a placeholder). */
  baseUrl?: string;
  /** `Questionnaire.status` (default `"active"`). */
  status?: FhirQuestionnaire["status"];
}

/** R4 extension URLs (https://hl7.org/fhir/R4/extensibility-registry.html) and SDC's. */
const ORDINAL_VALUE = "http://hl7.org/fhir/StructureDefinition/ordinalValue";
const MIN_VALUE = "http://hl7.org/fhir/StructureDefinition/minValue";
const MAX_VALUE = "http://hl7.org/fhir/StructureDefinition/maxValue";
const MAX_DECIMAL_PLACES = "http://hl7.org/fhir/StructureDefinition/maxDecimalPlaces";
const ITEM_CONTROL = "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl";
const CALCULATED_EXPRESSION =
  "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression";

const STATUSES: ReadonlySet<unknown> = new Set(["draft", "active", "retired", "unknown"]);

/**
 * A FHIR R4 Questionnaire for an instrument, ready for a form filler and for SDC scoring.
 *
 * - `url` is `{baseUrl}/Questionnaire/{id}` (default base {@link DEFAULT_FHIR_BASE}, a
 *   placeholder to override), `version` the instrument's version, `name` a computable name
 *   from the id (`wai-sr` → `WaiSr`), `copyright` the licence holder and terms, `code` the
 *   instrument id in `{baseUrl}/CodeSystem/instruments` (no LOINC code is known).
 * - One item per instrument item, `linkId` = the item id, in item order. The item wording
 *   appears only where `licence.itemText` is `"included"`; otherwise the text is a neutral
 *   `"Item 7"`, never copyrighted text.
 * - Likert items are `choice` items with one `answerOption` per scale point:
 *   `valueCoding` { system `{baseUrl}/CodeSystem/{id}-answers`, code = the point as
 *   written on the form ("1" … "7"), display = its label } and the numeric weight in the
 *   `ordinalValue` extension (http://hl7.org/fhir/StructureDefinition/ordinalValue, renamed
 *   `itemWeight` in the R5 extensions pack). For a reverse-keyed item the weights run the
 *   other way (`min + max - x`), so the weight is the scoring key and a generic engine sums
 *   the right values.
 * - Visual-analogue items are `decimal` items with the `minValue`, `maxValue` and
 *   `maxDecimalPlaces` extensions and a `slider` item control.
 * - A read-only group `scores` holds one `decimal` item per score (`score.total`, then
 *   `score.{subscale id}`) with an SDC `calculatedExpression`
 *   (http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression,
 *   language `text/fhirpath`). Each expression gives the sum, exactly as `scoreResponses`
 *   does: the plain sum when every item is answered; when up to the instrument's limit of
 *   items is missing, the prorated sum (mean of the answered weights × item count); beyond the
 *   limit, nothing (empty), where `scoreResponses` throws `TOO_MANY_MISSING`. An answer whose
 *   coding matches no answerOption has no weight and counts as missing.
 *
 * Specs: FHIR R4 Questionnaire https://hl7.org/fhir/R4/questionnaire.html; SDC
 * https://hl7.org/fhir/uv/sdc/expressions.html; FHIRPath https://hl7.org/fhirpath/.
 *
 * @category Interop
 * @throws AllianceError for the instrument: UNKNOWN_INSTRUMENT (an unknown id), INVALID_INPUT
 *   (neither an id nor an object), INVALID_DEFINITION or UNSAFE_KEY (a definition
 *   `defineInstrument` rejects)
 * @throws AllianceError INVALID_OPTION for options that are not an object, a `baseUrl` that is
 *   not an absolute URL, or an unknown `status`
 * @example
 * const questionnaire = toFhirQuestionnaire("wai-sr", { baseUrl: "https://example.org/fhir" });
 * questionnaire.url; // => "https://example.org/fhir/Questionnaire/wai-sr"
 * questionnaire.item?.[0]?.text; // => "Item 1"
 */
export function toFhirQuestionnaire(
  instrumentOrId: InstrumentOrId,
  options?: FhirQuestionnaireOptions,
): FhirQuestionnaire {
  const instrument = resolveInstrument(instrumentOrId);
  const { baseUrl, status = "active" } = optionsRecord(options);
  if (!STATUSES.has(status)) {
    throw new AllianceError({
      code: "INVALID_OPTION",
      path: "options.status",
      message: `expected "draft", "active", "retired" or "unknown", got ${describeValue(status)}`,
    });
  }
  const canonical = fhirCanonical(instrument, baseUrl);
  const plan = compileScoringPlan(instrument, undefined);
  return {
    resourceType: "Questionnaire",
    id: instrument.id,
    url: canonical.questionnaire,
    version: instrument.version,
    name: computableName(instrument.id),
    title: `${instrument.name} (${instrument.abbreviation})`,
    status,
    description: describeCitation(instrument),
    copyright: `${instrument.licence.holder}. ${instrument.licence.note}`,
    code: [
      {
        system: canonical.instrumentSystem,
        code: instrument.id,
        display: instrument.abbreviation,
      },
    ],
    item: [
      ...instrument.items.map((item) => questionItem(plan, item, canonical.answerSystem)),
      scoresGroup(plan),
    ],
  };
}

/** `wai-sr` → `WaiSr`: FHIR's name pattern [A-Z]([A-Za-z0-9_]){0,254} (constraint que-0). */
function computableName(id: string): string {
  return id
    .split("-")
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join("");
}

function describeCitation(instrument: Instrument): string {
  const { citation } = instrument;
  const doi = citation.doi === undefined ? "" : ` doi:${citation.doi}`;
  return `${citation.authors} (${citation.year}). ${citation.title}. ${citation.source}.${doi}`;
}

function questionItem(plan: ScoringPlan, item: Item, system: string): FhirQuestionnaireItem {
  const { instrument } = plan;
  const licensed = instrument.licence.itemText === "included" && item.text !== undefined;
  const wording = licensed
    ? { prefix: `${item.number}.`, text: item.text }
    : { text: `Item ${item.number}` };
  const { scale } = instrument;
  if (scale.kind === "vas") {
    return {
      linkId: item.id,
      ...wording,
      type: "decimal",
      repeats: false,
      extension: [
        { url: MIN_VALUE, valueDecimal: scale.min },
        { url: MAX_VALUE, valueDecimal: scale.max },
        { url: MAX_DECIMAL_PLACES, valueInteger: plan.stepDecimals },
        {
          url: ITEM_CONTROL,
          valueCodeableConcept: {
            coding: [{ system: "http://hl7.org/fhir/questionnaire-item-control", code: "slider" }],
          },
        },
      ],
    };
  }
  return {
    linkId: item.id,
    ...wording,
    type: "choice",
    repeats: false,
    answerOption: likertPoints(instrument).map(
      (point): FhirQuestionnaireAnswerOption => ({
        extension: [
          {
            url: ORDINAL_VALUE,
            valueDecimal: item.reverse ? scale.min + scale.max - point.value : point.value,
          },
        ],
        valueCoding: { system, code: String(point.value), display: point.label },
      }),
    ),
  };
}

function scoresGroup(plan: ScoringPlan): FhirQuestionnaireItem {
  const { instrument } = plan;
  return {
    linkId: SCORES_GROUP_LINK_ID,
    text: "Scores",
    type: "group",
    readOnly: true,
    item: plan.scores.map((score) => {
      const label =
        score.id === "total"
          ? "Total"
          : (instrument.subscales.find((subscale) => subscale.id === score.id)?.label ?? score.id);
      const extension: FhirExtension = {
        url: CALCULATED_EXPRESSION,
        valueExpression: {
          description: `${label}: sum of ${score.items.length} items, prorated with up to ${score.maxMissing} missing`,
          language: "text/fhirpath",
          expression: scoreExpression(instrument, score),
        },
      };
      return {
        linkId: `${SCORE_LINK_ID_PREFIX}${score.id}`,
        text: `${label} (sum)`,
        type: "decimal",
        readOnly: true,
        extension: [extension],
      };
    }),
  };
}
