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
 * @category Interop
 * @throws AllianceError UNKNOWN_INSTRUMENT, INVALID_DEFINITION
 * @example
 * const schema = answersSchema("wai-sr");
 * schema.safeParse({ waisr_1: 4, waisr_2: null }).success; // => false (items 3–12 absent)
 */
export function answersSchema(instrumentOrId: InstrumentOrId): z.ZodType<AnswersRecord> {
  const instrument = resolveInstrument(instrumentOrId);
  const shape: Record<string, z.ZodType<number | null>> = {};
  for (const item of instrument.items) shape[item.id] = itemSchema(instrument, item);
  return z.strictObject(shape).meta({
    title: `${instrument.abbreviation} response set`,
    description: `One response set of the ${instrument.name} (${instrument.id}, ${instrument.version}): each item id maps to the answer as marked, or null when unanswered.`,
  });
}

function itemSchema(instrument: Instrument, item: Item): z.ZodType<number | null> {
  const { scale } = instrument;
  const key = item.reverse ? `; reverse-keyed (scored ${scale.min + scale.max} - x)` : "";
  if (scale.kind === "vas") {
    return z
      .number()
      .min(scale.min)
      .max(scale.max)
      .nullable()
      .meta({
        description: `Item ${item.number}: ${scale.min} to ${scale.max} in steps of ${scale.step} (${scale.min} = ${scale.endLabels.min}, ${scale.max} = ${scale.endLabels.max})${key}`,
      });
  }
  const points = likertPoints(instrument);
  const anchors = points
    .filter((point) => point.label !== String(point.value))
    .map((point) => `${point.value} = ${point.label}`)
    .join(", ");
  const description = `Item ${item.number}: ${scale.min} to ${scale.max} (${anchors})${key}`;
  const stepsFromZero = scale.min / scale.step;
  const value =
    Math.abs(stepsFromZero - Math.round(stepsFromZero)) < 1e-9
      ? z.number().min(scale.min).max(scale.max).multipleOf(scale.step)
      : z.literal(points.map((point) => point.value));
  return value.nullable().meta({ description });
}
