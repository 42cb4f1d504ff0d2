import { AllianceError, describeValue } from "../errors.js";
import { optionsRecord } from "../guards.js";
import { type InstrumentOrId, resolveInstrument } from "../scoring/resolveInstrument.js";
import { type ValidResponsesOptions, validResponses } from "./validResponses.js";

/**
 * Options of {@link validResponseRecords}: those of {@link validResponses}, and which key
 * names an item: its number (`"7"`, default) or its id (`"waisr_7"`).
 *
 * @category Testing
 */
export interface ValidResponseRecordsOptions extends ValidResponsesOptions {
  keyBy?: "number" | "id";
}

/**
 * The sets of {@link validResponses} (same seed, same answers) as records keyed by item
 * number or item id, the shape a form or a JSON API sends. A missing answer is kept as a
 * key with the value `null`.
 *
 * @category Testing
 * @throws AllianceError INVALID_OPTION as `validResponses`, and for a `keyBy` other than
 *   "number" or "id"
 * @throws AllianceError for the instrument: UNKNOWN_INSTRUMENT (an unknown id), INVALID_INPUT
 *   (neither an id nor an object), INVALID_DEFINITION or UNSAFE_KEY (a definition
 *   `defineInstrument` rejects)
 * @example
 * const [first] = validResponseRecords("wai-sr", { keyBy: "id", count: 1 });
 * first; // => { waisr_1: 1, waisr_2: 1, …, waisr_12: 1 } (the first set sits at the minimum)
 */
export function validResponseRecords(
  instrumentOrId: InstrumentOrId,
  options: ValidResponseRecordsOptions = {},
): Record<string, number | null>[] {
  const instrument = resolveInstrument(instrumentOrId);
  const keyBy: unknown = optionsRecord(options).keyBy ?? "number";
  if (keyBy !== "number" && keyBy !== "id") {
    throw new AllianceError({
      code: "INVALID_OPTION",
      path: "options.keyBy",
      message: `expected "number" or "id", got ${describeValue(keyBy)}`,
    });
  }
  const keys = instrument.items.map((item) => (keyBy === "id" ? item.id : String(item.number)));
  return validResponses(instrument, options).map((answers) =>
    Object.fromEntries(keys.map((key, index) => [key, answers[index]!])),
  );
}
