import { z } from "zod";
import type { Instrument, Item } from "../instruments/model.js";
import { type InstrumentOrId, resolveInstrument } from "../scoring/resolveInstrument.js";
import { likertPoints } from "./likertPoints.js";

/**
 * One response set as {@link answersSchema} accepts it: every item id mapped to its answer,
 * or `null` when unanswered.
 *
 * @category Interop
 * @example
 * const answers: AnswersRecord = { relationship: 9.1, goals_and_topics: 8.5, approach_or_method: null, overall: 9 };
 */
export type AnswersRecord = Record<string, number | null>;

/**
 * A zod schema for one response set of an instrument: an object keyed by item id, every item
 * present, each value `null` (unanswered) or a number on the scale; no other keys.
 *
 * - Likert: a number from `min` to `max` that is a multiple of `step` (when `min` is itself a
 *   multiple of `step`, as on every built-in scale; otherwise the points are listed).
 * - Visual-analogue: a number from `min` to `max`. The step (e.g. 0.1 cm) is not part of the
 *   schema, because a decimal `multipleOf` is unreliable in binary floating point across
 *   JSON Schema validators; `scoreResponses` checks it.
 *
 * The schema is stricter than `scoreResponses` on shape (it wants every item id, with `null`
 * for a missing answer, where `scoreResponses` also accepts an absent key, item numbers or an
 * array) and knows nothing of the missing-data limit. Item wording is never included; each
 * item is described by number, scale and key. Reference: zod 4, https://zod.dev/api.
 *
 * Each call builds a new schema (well under a millisecond, more for the 36-item WAI); to
 * validate many response sets, build it once and reuse it, which also spares zod compiling
 * its validator again on the first parse of each new schema.
 *
 * @category Interop
 * @throws AllianceError for the instrument: UNKNOWN_INSTRUMENT (an unknown id), INVALID_INPUT
 *   (neither an id nor an object), INVALID_DEFINITION or UNSAFE_KEY (a definition
 *   `defineInstrument` rejects)
 * @example
 * const schema = answersSchema("wai-sr");
 * schema.safeParse({ waisr_1: 4, waisr_2: null }).success; // => false (items 3–12 absent)
 */
export function answersSchema(instrumentOrId: InstrumentOrId): z.ZodType<AnswersRecord> {
  const instrument = resolveInstrument(instrumentOrId);
  // Every item shares one value schema and differs only in its description: building the
  // value once per call, not once per item, makes this about ten times cheaper (zod 4 builds a
  // new schema object for each .min(), .max(), … in a chain).
  const value = valueSchema(instrument);
  const describe = itemDescriber(instrument);
  const shape: Record<string, z.ZodType<number | null>> = {};
  for (const item of instrument.items)
    shape[item.id] = z.nullable(value).meta({ description: describe(item) });
  return z.strictObject(shape).meta({
    title: `${instrument.abbreviation} response set`,
    description: `One response set of the ${instrument.name} (${instrument.id}, ${instrument.version}): each item id maps to the answer as marked, or null when unanswered.`,
  });
}

/** What every answer must be (before `null` is allowed): see {@link answersSchema}. */
function valueSchema(instrument: Instrument): z.ZodType<number> {
  const { scale } = instrument;
  const range = z.number().min(scale.min).max(scale.max);
  if (scale.kind === "vas") return range;
  const stepsFromZero = scale.min / scale.step;
  return Math.abs(stepsFromZero - Math.round(stepsFromZero)) < 1e-9
    ? range.multipleOf(scale.step)
    : z.literal(likertPoints(instrument).map((point) => point.value));
}

/** The description of an item: its number, the scale with its anchors, and its key. */
function itemDescriber(instrument: Instrument): (item: Item) => string {
  const { scale } = instrument;
  const keyed = `; reverse-keyed (scored ${scale.min + scale.max} - x)`;
  const range =
    scale.kind === "vas"
      ? `${scale.min} to ${scale.max} in steps of ${scale.step} (${scale.min} = ${scale.endLabels.min}, ${scale.max} = ${scale.endLabels.max})`
      : `${scale.min} to ${scale.max} (${likertAnchors(instrument)})`;
  return (item) => `Item ${item.number}: ${range}${item.reverse ? keyed : ""}`;
}

/** The labelled points of a Likert scale, e.g. "1 = Seldom, …, 5 = Always". */
function likertAnchors(instrument: Instrument): string {
  return likertPoints(instrument)
    .filter((point) => point.label !== String(point.value))
    .map((point) => `${point.value} = ${point.label}`)
    .join(", ");
}
