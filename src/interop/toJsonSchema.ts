import { type core, z } from "zod";
import type { InstrumentOrId } from "../scoring/resolveInstrument.js";
import { answersSchema } from "./answersSchema.js";

/**
 * A JSON Schema (draft 2020-12) for one response set of an instrument, generated from
 * {@link answersSchema} with zod 4's `z.toJSONSchema`: an object with one required property
 * per item id, each `null` or a number from the scale's `min` to `max` (a `multipleOf` the
 * step for a Likert scale), and `additionalProperties: false`.
 *
 * Specs: JSON Schema 2020-12, https://json-schema.org/draft/2020-12; zod's conversion,
 * https://zod.dev/json-schema.
 *
 * @category Interop
 * @throws AllianceError for the instrument: UNKNOWN_INSTRUMENT (an unknown id), INVALID_INPUT
 *   (neither an id nor an object), INVALID_DEFINITION or UNSAFE_KEY (a definition
 *   `defineInstrument` rejects)
 * @example
 * const schema = toJsonSchema("wai-sr");
 * schema.required; // => ["waisr_1", "waisr_2", …, "waisr_12"]
 * schema.properties?.waisr_1; // => { anyOf: [{ type: "number", minimum: 1, maximum: 5, multipleOf: 1 }, { type: "null" }], description: "Item 1: 1 to 5 (1 = Seldom, …)" }
 */
export function toJsonSchema(instrumentOrId: InstrumentOrId): core.JSONSchema.BaseSchema {
  return z.toJSONSchema(answersSchema(instrumentOrId), { target: "draft-2020-12" });
}
