import { deepFreeze } from "../deepFreeze.js";
import { AllianceError, describeValue } from "../errors.js";
import type { Instrument } from "./model.js";
import { cors, ors } from "./ors.js";
import { csrs, srs } from "./srs.js";
import { tascR, tascRParent } from "./tasc.js";
import { waiC, waiO, waiS, waiSr, waiSrT, waiT } from "./wai.js";

/**
 * Every built-in instrument, in catalogue order. Each entry is plain data with its sources,
 * frozen so that no caller can change it under another; the test suite runs
 * `defineInstrument` on every one.
 */
const BUILT_IN_INSTRUMENTS: readonly Instrument[] = deepFreeze([
  // Working Alliance Inventory family (src/instruments/wai.ts)
  waiC,
  waiT,
  waiO,
  waiS,
  waiSr,
  waiSrT,
  // Session and outcome rating scales (src/instruments/srs.ts, src/instruments/ors.ts)
  srs,
  csrs,
  ors,
  cors,
  // Therapeutic Alliance Scale for Children (src/instruments/tasc.ts)
  tascR,
  tascRParent,
]);

/**
 * The built-in instrument with this id.
 *
 * @category Instruments
 * @throws AllianceError UNKNOWN_INSTRUMENT, naming the valid ids
 * @example
 * getInstrument("wai-sr").subscales.map((s) => s.id); // => ["goal", "task", "bond"]
 */
export function getInstrument(id: string): Instrument {
  const found = BUILT_IN_INSTRUMENTS.find((instrument) => instrument.id === id);
  if (found === undefined) {
    throw new AllianceError({
      code: "UNKNOWN_INSTRUMENT",
      path: "instrument",
      message: `expected one of ${BUILT_IN_INSTRUMENTS.map((instrument) => instrument.id).join(", ")}, got ${describeValue(id)}`,
    });
  }
  return found;
}

/**
 * All built-in instruments, in catalogue order.
 *
 * @category Instruments
 * @example
 * listInstruments().map((instrument) => `${instrument.id}: ${instrument.keySource.status}`);
 */
export function listInstruments(): readonly Instrument[] {
  return BUILT_IN_INSTRUMENTS;
}

/**
 * True when `instrument` is one of the built-in definition objects themselves (not a copy):
 * these are known to be valid, so scoring skips re-validating them.
 *
 * @internal
 */
export function isBuiltInInstrument(instrument: unknown): instrument is Instrument {
  return BUILT_IN_INSTRUMENTS.includes(instrument as Instrument);
}
