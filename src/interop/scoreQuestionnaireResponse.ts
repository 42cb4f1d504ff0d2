import { AllianceError, type AllianceWarning, describeValue } from "../errors.js";
import { isRecord, optionsRecord } from "../guards.js";
import type { Instrument } from "../instruments/model.js";
import { type InstrumentOrId, resolveInstrument } from "../scoring/resolveInstrument.js";
import { scoreResponses } from "../scoring/scoreResponses.js";
import type { ScoreOptions, ScoreResult } from "../scoring/types.js";
import { SCORE_LINK_ID_PREFIX, SCORES_GROUP_LINK_ID } from "./fhirCanonical.js";
import type { FhirQuestionnaireItem, FhirQuestionnaireResponse } from "./fhirTypes.js";
import { toFhirQuestionnaire } from "./toFhirQuestionnaire.js";

/**
 * Options of {@link scoreQuestionnaireResponse}: the Questionnaire's base URL and the
 * (stricter) missing-data limits of `scoreResponses`.
 *
 * @category Interop
 * @example
 * scoreQuestionnaireResponse("wai-sr", response, { baseUrl: "https://fhir.example.org", maxMissingTotal: 0 });
 */
export interface ScoreQuestionnaireResponseOptions extends ScoreOptions {
  /** Base of the canonical URLs the Questionnaire was written with (default {@link DEFAULT_FHIR_BASE}). */
  baseUrl?: string;
}

/** What the walk over the response collects: answers keyed by item id and their paths. */
interface Collected {
  answers: Record<string, number | null>;
  paths: Map<string, string>;
}

/**
 * Scores a FHIR R4 QuestionnaireResponse with `scoreResponses`: the same rules (reverse keys,
 * prorating up to the instrument's limit), the same result and the same error codes, with
 * error paths into the response (`response.item[2].answer[0].valueCoding`).
 *
 * How answers are read:
 * - `valueCoding`: looked up among the item's answerOptions in the Questionnaire that
 *   {@link toFhirQuestionnaire} writes for this instrument and `baseUrl`, matching the code and
 *   (when given) the system; its `ordinalValue` weight is the keyed score, turned back into
 *   the answer as marked (`min + max - weight` for a reverse-keyed item) for `scoreResponses`.
 *   A code that is not an option: `OUT_OF_RANGE`.
 * - `valueInteger`, `valueDecimal`: the answer as marked on the scale (not a weight), as
 *   hand-made apps send it; `scoreResponses` reverse-keys it.
 * - Items may sit in groups at any depth (`item.item`, `answer.item`); a group's own linkId
 *   need not be known. The calculated `scores` group of the Questionnaire is ignored.
 * - An item with no answer is missing. More than one answer: `INVALID_INPUT`. A linkId that
 *   is not an item (and not a group): `UNKNOWN_ITEM`. The same item twice: `INVALID_INPUT`.
 * - `questionnaire` must be the Questionnaire's url, optionally with `|` and the instrument's
 *   version; anything else is `INVALID_INPUT`, because the answers may follow another form.
 *   When it is absent the response is scored with a `QUESTIONNAIRE_NOT_STATED` warning.
 * - Status `entered-in-error` is rejected (`INVALID_INPUT`); other statuses are scored.
 *
 * Spec: https://hl7.org/fhir/R4/questionnaireresponse.html
 *
 * @category Interop
 * @throws AllianceError for the response: INVALID_INPUT (not a QuestionnaireResponse, another
 *   Questionnaire, an item answered twice or with two answers, a Coding whose system is not a
 *   string or whose code is neither a string nor a number), UNKNOWN_ITEM, OUT_OF_RANGE,
 *   NOT_A_NUMBER, TOO_MANY_MISSING
 * @throws AllianceError for the instrument: UNKNOWN_INSTRUMENT (an unknown id), INVALID_INPUT
 *   (neither an id nor an object), INVALID_DEFINITION or UNSAFE_KEY (a definition
 *   `defineInstrument` rejects)
 * @throws AllianceError INVALID_OPTION for options that are not an object, a `baseUrl` as
 *   `toFhirQuestionnaire`, or a missing-data limit as `scoreResponses`
 * @example
 * const response = toFhirQuestionnaireResponse("wai-sr", [4, 5, 4, 3, 5, 4, 4, 3, 5, 4, 3, 4]);
 * scoreQuestionnaireResponse("wai-sr", response).total.sum; // => 48
 */
export function scoreQuestionnaireResponse(
  instrumentOrId: InstrumentOrId,
  response: FhirQuestionnaireResponse,
  options?: ScoreQuestionnaireResponseOptions,
): ScoreResult {
  const instrument = resolveInstrument(instrumentOrId);
  const { baseUrl, ...scoreOptions } = optionsRecord(options);
  const questionnaire = toFhirQuestionnaire(instrument, { baseUrl });
  const warnings = checkHeader(instrument, response, questionnaire.url!);
  const weights = optionWeights(questionnaire.item ?? []);
  const collected: Collected = { answers: {}, paths: new Map() };
  collectItems(
    instrument,
    weights,
    (response as { item?: unknown }).item,
    "response.item",
    collected,
  );
  let result: ScoreResult;
  try {
    result = scoreResponses(instrument, collected.answers, scoreOptions);
  } catch (error) {
    throw error instanceof AllianceError ? withResponsePath(error, collected.paths) : error;
  }
  return { ...result, warnings: [...warnings, ...result.warnings] };
}

function checkHeader(instrument: Instrument, response: unknown, url: string): AllianceWarning[] {
  if (!isRecord(response) || response.resourceType !== "QuestionnaireResponse") {
    throw invalid("response", "a QuestionnaireResponse resource", response);
  }
  if (response.status === "entered-in-error")
    throw invalid("response.status", "a status other than entered-in-error", response.status);
  const stated = response.questionnaire;
  if (stated === undefined) {
    return [
      {
        code: "QUESTIONNAIRE_NOT_STATED",
        path: "response.questionnaire",
        message: `the response does not say which Questionnaire it answers; it was scored as ${url}`,
      },
    ];
  }
  const [statedUrl, statedVersion] = typeof stated === "string" ? stated.split("|") : [];
  if (statedUrl !== url || (statedVersion !== undefined && statedVersion !== instrument.version)) {
    throw invalid(
      "response.questionnaire",
      `${JSON.stringify(url)} (optionally with "|${instrument.version}"), the Questionnaire of ${instrument.id}`,
      stated,
    );
  }
  return [];
}

/** For each question linkId, the weight of each answer code, keyed `system|code` and `|code`. */
function optionWeights(items: readonly FhirQuestionnaireItem[]): Map<string, Map<string, number>> {
  const weights = new Map<string, Map<string, number>>();
  for (const item of items) {
    if (item.answerOption === undefined) continue;
    const byCode = new Map<string, number>();
    for (const option of item.answerOption) {
      const weight = option.extension?.[0]?.valueDecimal;
      const coding = option.valueCoding;
      if (weight === undefined || coding?.code === undefined) continue;
      byCode.set(`${coding.system}|${coding.code}`, weight);
      byCode.set(`|${coding.code}`, weight);
    }
    weights.set(item.linkId, byCode);
  }
  return weights;
}

function collectItems(
  instrument: Instrument,
  weights: Map<string, Map<string, number>>,
  items: unknown,
  path: string,
  collected: Collected,
): void {
  if (items === undefined) return;
  if (!Array.isArray(items)) throw invalid(path, "an array of items", items);
  items.forEach((item: unknown, index) => {
    const itemPath = `${path}[${index}]`;
    if (!isRecord(item) || typeof item.linkId !== "string")
      throw invalid(itemPath, "an item with a string linkId", item);
    collectItem(instrument, weights, item, itemPath, collected);
  });
}

function collectItem(
  instrument: Instrument,
  weights: Map<string, Map<string, number>>,
  item: Readonly<Record<string, unknown>>,
  path: string,
  collected: Collected,
): void {
  const linkId = item.linkId as string;
  if (linkId === SCORES_GROUP_LINK_ID || linkId.startsWith(SCORE_LINK_ID_PREFIX)) return;
  const answers = item.answer === undefined ? [] : item.answer;
  if (!Array.isArray(answers)) throw invalid(`${path}.answer`, "an array of answers", answers);
  const index = instrument.items.findIndex((candidate) => candidate.id === linkId);
  if (index >= 0) {
    recordAnswer(instrument, weights, index, answers, path, collected);
  } else if (answers.length > 0 || item.item === undefined) {
    throw new AllianceError({
      code: "UNKNOWN_ITEM",
      path: `${path}.linkId`,
      message: `expected the linkId of an item of ${instrument.id} such as ${JSON.stringify(instrument.items[0]?.id)}, or a group of items, got ${JSON.stringify(linkId)}`,
    });
  }
  collectItems(instrument, weights, item.item, `${path}.item`, collected);
  answers.forEach((answer: unknown, answerIndex) => {
    if (isRecord(answer))
      collectItems(
        instrument,
        weights,
        answer.item,
        `${path}.answer[${answerIndex}].item`,
        collected,
      );
  });
}

function recordAnswer(
  instrument: Instrument,
  weights: Map<string, Map<string, number>>,
  index: number,
  answers: readonly unknown[],
  path: string,
  collected: Collected,
): void {
  const item = instrument.items[index]!;
  const earlier = collected.paths.get(item.id);
  if (earlier !== undefined) {
    throw new AllianceError({
      code: "INVALID_INPUT",
      path,
      message: `item ${item.id} is answered twice, here and at ${earlier}`,
    });
  }
  if (answers.length > 1)
    throw invalid(
      `${path}.answer`,
      `at most one answer (item ${item.id} does not repeat)`,
      answers,
    );
  const answer = answers[0];
  if (answer === undefined) {
    collected.answers[item.id] = null;
    collected.paths.set(item.id, path);
    return;
  }
  const answerPath = `${path}.answer[0]`;
  const { value, valuePath } = answerValue(instrument, weights, index, answer, answerPath);
  collected.answers[item.id] = value;
  collected.paths.set(item.id, valuePath);
}

function answerValue(
  instrument: Instrument,
  weights: Map<string, Map<string, number>>,
  index: number,
  answer: unknown,
  path: string,
): { value: number; valuePath: string } {
  if (!isRecord(answer)) throw invalid(path, "an answer object", answer);
  const valueKeys = Object.keys(answer).filter((key) => /^value[A-Z]/.test(key));
  if (valueKeys.length !== 1) throw invalid(path, "an answer with exactly one value[x]", answer);
  const key = valueKeys[0]!;
  const valuePath = `${path}.${key}`;
  const value = answer[key];
  if (key === "valueInteger" || key === "valueDecimal") {
    if (typeof value === "number" && Number.isFinite(value)) return { value, valuePath };
    throw new AllianceError({
      code: "NOT_A_NUMBER",
      path: valuePath,
      message: `expected a finite number, got ${describeValue(value)}`,
    });
  }
  if (key === "valueCoding")
    return { value: codingValue(instrument, weights, index, value, valuePath), valuePath };
  throw new AllianceError({
    code: "NOT_A_NUMBER",
    path: valuePath,
    message: `expected valueCoding, valueInteger or valueDecimal, got ${key}`,
  });
}

function codingValue(
  instrument: Instrument,
  weights: Map<string, Map<string, number>>,
  index: number,
  coding: unknown,
  path: string,
): number {
  const item = instrument.items[index]!;
  const byCode = weights.get(item.id);
  if (byCode === undefined)
    throw invalid(path, `a valueDecimal (item ${item.id} is on a visual-analogue scale)`, coding);
  if (!isRecord(coding)) throw invalid(path, "a Coding", coding);
  if (coding.system !== undefined && typeof coding.system !== "string")
    throw invalid(`${path}.system`, "a uri (a string)", coding.system);
  if (typeof coding.code !== "string" && typeof coding.code !== "number")
    throw invalid(`${path}.code`, "a code (a string)", coding.code);
  const weight = byCode.get(`${coding.system ?? ""}|${coding.code}`);
  if (weight === undefined) {
    const codes = [...byCode.keys()]
      .filter((key) => key.startsWith("|"))
      .map((key) => key.slice(1));
    throw new AllianceError({
      code: "OUT_OF_RANGE",
      path,
      message: `expected a code of the item's answer options (${codes.join(", ")}) in the instrument's answer system, got ${describeValue(coding.code)}${coding.system === undefined ? "" : ` in ${describeValue(coding.system)}`}`,
    });
  }
  // The weight is the keyed score; scoreResponses wants the answer as marked.
  const { min, max } = instrument.scale;
  return item.reverse ? min + max - weight : weight;
}

/** Rewrites a scoreResponses error path (`answers["waisr_3"]`, `answers`) into the response. */
function withResponsePath(error: AllianceError, paths: Map<string, string>): AllianceError {
  const match = /^answers\["([^"]+)"\]$/.exec(error.path);
  const path =
    error.path === "answers" ? "response" : (match && paths.get(match[1]!)) || error.path;
  return new AllianceError({ code: error.code, path, message: error.reason });
}

function invalid(path: string, expected: string, got: unknown): AllianceError {
  return new AllianceError({
    code: "INVALID_INPUT",
    path,
    message: `expected ${expected}, got ${describeValue(got)}`,
  });
}
