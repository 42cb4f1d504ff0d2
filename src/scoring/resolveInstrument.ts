import { AllianceError, describeValue } from "../errors.js";
import { defineInstrument } from "../instruments/defineInstrument.js";
import type { Instrument } from "../instruments/model.js";
import { getInstrument, isBuiltInInstrument } from "../instruments/registry.js";

/**
 * An instrument given by its registry id or as a definition.
 *
 * @category Scoring
 */
export type InstrumentOrId = Instrument | string;

/**
 * The instrument to score with: a built-in by id, a built-in object as is, or any other
 * object validated with `defineInstrument` (so a hand-made definition cannot score wrongly).
 *
 * @internal
 * @throws AllianceError UNKNOWN_INSTRUMENT (an unknown id), INVALID_INPUT (neither an id nor an
 *   object), INVALID_DEFINITION or UNSAFE_KEY (a definition `defineInstrument` rejects)
 */
export function resolveInstrument(instrumentOrId: InstrumentOrId): Instrument {
  if (typeof instrumentOrId === "string") return getInstrument(instrumentOrId);
  if (isBuiltInInstrument(instrumentOrId)) return instrumentOrId;
  if (typeof instrumentOrId === "object" && instrumentOrId !== null)
    return defineInstrument(instrumentOrId);
  throw new AllianceError({
    code: "INVALID_INPUT",
    path: "instrument",
    message: `expected an instrument id or definition, got ${describeValue(instrumentOrId)}`,
  });
}
