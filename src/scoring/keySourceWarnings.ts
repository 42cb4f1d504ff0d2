import type { AllianceWarning } from "../errors.js";
import type { Instrument } from "../instruments/model.js";

/**
 * A `KEY_NOT_PRIMARY` warning when the instrument's key is below `confirmed-primary`, so that
 * every score made with a less certain key says so; otherwise no warning.
 *
 * @internal
 */
export function keySourceWarnings(instrument: Instrument): AllianceWarning[] {
  const { status, note } = instrument.keySource;
  if (status === "confirmed-primary") return [];
  return [
    {
      code: "KEY_NOT_PRIMARY",
      path: "keySource",
      message: `the scoring key of ${instrument.id} is ${status}, not confirmed at a primary source: ${note}`,
    },
  ];
}
