import type { Instrument, Item } from "../instruments/model.js";
import type { PlannedScore } from "../scoring/scoringPlan.js";

/**
 * The FHIRPath expression of one score's sum, for an SDC `calculatedExpression` evaluated on
 * a QuestionnaireResponse (`%resource`) with its Questionnaire (`%questionnaire`).
 *
 * The item values are the answers' weights, `answer.value.ordinal()` (the R4 `ordinalValue`
 * extension on the matching answerOption, already reverse-keyed), for a Likert scale, and the
 * answers' decimal values for a visual-analogue scale (which has no reverse-keyed items).
 * With `n` items of which at most `m` may be missing:
 *
 * - all `n` answered: the sum of the values (the same as `scoreResponses`);
 * - `n - m` to `n - 1` answered (only when `m > 0`): the prorated sum, the sum of the answered
 *   values divided by their count times `n`, as `scoreResponses` prorates;
 * - fewer: empty, where `scoreResponses` throws `TOO_MANY_MISSING`.
 *
 * The weight function is SDC's `ordinal()` (SDC 4.0 build; called `ordinalValue()` in SDC 3.0,
 * `weight()` as an alias in fhirpath.js): https://build.fhir.org/ig/HL7/sdc/expressions.html.
 *
 * @internal
 */
export function scoreExpression(instrument: Instrument, score: PlannedScore): string {
  const items = Array.from(score.items, (index) => instrument.items[index]!);
  const values = valuesExpression(instrument, items);
  const n = items.length;
  const sum = `${values}.aggregate($this + $total, 0)`;
  const count = `${values}.count()`;
  const complete = `iif(${count} = ${n}, ${sum}, `;
  if (score.maxMissing === 0) return `${complete}{})`;
  const prorated = `iif(${count} >= ${n - score.maxMissing}, ${sum} / ${count} * ${n}, {})`;
  return `${complete}${prorated})`;
}

function valuesExpression(instrument: Instrument, items: readonly Item[]): string {
  // defineInstrument allows no reverse-keyed visual-analogue item, so VAS values are summed as given.
  return instrument.scale.kind === "likert"
    ? `${answersOf(items)}.value.ordinal()`
    : `${answersOf(items)}.value`;
}

function answersOf(items: readonly Item[]): string {
  const linkIds = items.map((item) => `'${item.id}'`).join(" | ");
  return `%resource.repeat(item).where(linkId in (${linkIds})).answer`;
}
