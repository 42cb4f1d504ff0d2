import { describe, expect, it } from "vitest";
import { getInstrument, listInstruments } from "../../src/instruments/registry.js";
import { thrownBy } from "../helpers.js";

describe("registry", () => {
  it("finds a built-in by id", () => {
    expect(getInstrument("wai-sr").abbreviation).toBe("WAI-SR");
  });

  it("names the valid ids when an id is unknown", () => {
    const error = thrownBy(() => getInstrument("wai-xx"));
    expect(error.code).toBe("UNKNOWN_INSTRUMENT");
    expect(error.message).toContain("wai-sr");
  });

  it("lists unique ids, each instrument frozen", () => {
    const ids = listInstruments().map((instrument) => instrument.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(
      expect.arrayContaining(["wai-c", "wai-t", "wai-o", "wai-s", "wai-sr", "wai-sr-t"]),
    );
    for (const instrument of listInstruments())
      expect(Object.isFrozen(instrument.items)).toBe(true);
  });
});
