import { describe, expect, it } from "vitest";
import { defineInstrument } from "../../src/instruments/defineInstrument.js";
import type { Instrument } from "../../src/instruments/model.js";
import { waiC, waiO, waiS, waiSr, waiSrT, waiT } from "../../src/instruments/wai.js";
import { scoreResponses } from "../../src/scoring/scoreResponses.js";
import { deepFreeze } from "../helpers.js";

/** The labelled points of a Likert scale (every WAI form is Likert). */
function labelsOf(instrument: Instrument) {
  if (instrument.scale.kind !== "likert") throw new Error(`${instrument.id} is not Likert`);
  return instrument.scale.labels;
}

/** Item number -> [subscale, reverse] for every item, written out from the cited source. */
type KeyTable = Record<number, [string | null, boolean]>;

function expectKey(instrument: Instrument, table: KeyTable): void {
  expect(instrument.items).toHaveLength(Object.keys(table).length);
  for (const item of instrument.items) {
    const [subscale, reverse] = table[item.number]!;
    expect([item.number, item.subscales]).toEqual([
      item.number,
      subscale === null ? [] : [subscale],
    ]);
    expect([item.number, item.reverse]).toEqual([item.number, reverse]);
  }
}

// 36-item WAI (shared/reference/instruments.md section 1; [C1], reverse list agreed by [C1] and [C2]):
// Goal 3 6 9 10 12 14 22 25 27 30 32 34 / Task 2 4 7 11 13 15 16 18 24 31 33 35 /
// Bond 1 5 8 17 19 20 21 23 26 28 29 36; reverse 1 3 7 9 10 11 12 15 20 27 29 31 33 34.
const G = "goal";
const T = "task";
const B = "bond";
const WAI36: KeyTable = {
  1: [B, true],
  2: [T, false],
  3: [G, true],
  4: [T, false],
  5: [B, false],
  6: [G, false],
  7: [T, true],
  8: [B, false],
  9: [G, true],
  10: [G, true],
  11: [T, true],
  12: [G, true],
  13: [T, false],
  14: [G, false],
  15: [T, true],
  16: [T, false],
  17: [B, false],
  18: [T, false],
  19: [B, false],
  20: [B, true],
  21: [B, false],
  22: [G, false],
  23: [B, false],
  24: [T, false],
  25: [G, false],
  26: [B, false],
  27: [G, true],
  28: [B, false],
  29: [B, true],
  30: [G, false],
  31: [T, true],
  32: [G, false],
  33: [T, true],
  34: [G, true],
  35: [T, false],
  36: [B, false],
};

describe("WAI 36-item forms", () => {
  it.each([waiC, waiT, waiO])("$id carries the 36-item key", (instrument) => {
    expectKey(instrument, WAI36);
    expect(instrument.keySource.status).toBe("derived");
    expect(instrument.licence.itemText).toBe("omitted");
    expect(instrument.items.every((item) => item.text === undefined)).toBe(true);
  });

  it("uses 1 Never … 7 Always for client and therapist, the evidence scale for observers", () => {
    expect(labelsOf(waiC).map((label) => label.label)).toEqual([
      "Never",
      "Rarely",
      "Occasionally",
      "Sometimes",
      "Often",
      "Very often",
      "Always",
    ]);
    expect(waiT.scale).toEqual(waiC.scale);
    expect(labelsOf(waiO)).toEqual([
      { value: 1, label: "Very strong evidence against" },
      { value: 4, label: "No evidence" },
      { value: 7, label: "Very strong evidence" },
    ]);
  });

  it("scores a hand-worked client response with a reversed and a missing item", () => {
    // All items 4, except item 1 (Bond, reversed) = 2 -> 8 - 2 = 6, and item 5 (Bond) missing.
    // Reversed items answered 4 stay 8 - 4 = 4.
    const answers: (number | null)[] = Array(36).fill(4);
    answers[0] = 2;
    answers[4] = null;
    const result = scoreResponses(waiC, deepFreeze(answers));
    // Bond: 11 answered = 6 + 10 × 4 = 46; mean 46/11; prorated 46/11 × 12 = 50.1818…
    expect(result.subscales.bond!.mean).toBeCloseTo(46 / 11, 12);
    expect(result.subscales.bond!.sum).toBeCloseTo((46 / 11) * 12, 12);
    expect(result.subscales.bond!.prorated).toBe(true);
    // Goal and Task: 12 × 4 = 48, nothing missing.
    expect(result.subscales.goal).toEqual({
      sum: 48,
      mean: 4,
      answered: 12,
      missing: 0,
      prorated: false,
    });
    expect(result.subscales.task!.sum).toBe(48);
    // Total: 35 answered = 6 + 34 × 4 = 142; prorated 142/35 × 36.
    expect(result.total.sum).toBeCloseTo((142 / 35) * 36, 12);
    expect(result.missingItems).toEqual([5]);
    expect(result.warnings.map((warning) => warning.code)).toEqual([
      "KEY_NOT_PRIMARY",
      "PRORATED",
      "PRORATED",
    ]);
  });
});

describe("WAI-S (Tracey & Kokotovic 1989)", () => {
  // Reference section 2 ([C3] item order + [C1] key): Task 1 2 8 12 / Bond 3 5 7 9 /
  // Goal 4 6 10 11; reverse 4 (WAI #12) and 10 (WAI #27).
  const WAIS: KeyTable = {
    1: [T, false],
    2: [T, false],
    3: [B, false],
    4: [G, true],
    5: [B, false],
    6: [G, false],
    7: [B, false],
    8: [T, false],
    9: [B, false],
    10: [G, true],
    11: [G, false],
    12: [T, false],
  };

  it("carries its own key, not the WAI-SR's", () => {
    expectKey(waiS, WAIS);
    expect(waiS.keySource.status).toBe("derived");
  });

  it("scores a hand-worked response with reversed and missing items", () => {
    // Item 4 = 2 -> 8 - 2 = 6; item 10 = 1 -> 7; item 5 missing.
    const result = scoreResponses(waiS, [7, 6, 5, 2, null, 6, 5, 7, 6, 1, 6, 7]);
    expect(result.subscales.goal!.sum).toBe(6 + 6 + 7 + 6); // items 4, 6, 10, 11 = 25
    expect(result.subscales.task!.sum).toBe(7 + 6 + 7 + 7); // items 1, 2, 8, 12 = 27
    // Bond: items 3, 7, 9 = 5 + 5 + 6 = 16 of 3 answered; prorated 16/3 × 4 = 21.333…
    expect(result.subscales.bond!.sum).toBeCloseTo((16 / 3) * 4, 12);
    // Total: 25 + 27 + 16 = 68 over 11 answered; prorated 68/11 × 12.
    expect(result.total.mean).toBeCloseTo(68 / 11, 12);
    expect(result.total.sum).toBeCloseTo((68 / 11) * 12, 12);
  });
});

describe("WAI-SR (Hatcher & Gillaspy 2006)", () => {
  // Printed on the client form [S5]: Goal 4 6 8 11 / Task 1 2 10 12 / Bond 3 5 7 9; no reverse item.
  const WAISR: KeyTable = {
    1: [T, false],
    2: [T, false],
    3: [B, false],
    4: [G, false],
    5: [B, false],
    6: [G, false],
    7: [B, false],
    8: [G, false],
    9: [B, false],
    10: [T, false],
    11: [G, false],
    12: [T, false],
  };

  it("carries the key printed on the form, confirmed at the primary source", () => {
    expectKey(waiSr, WAISR);
    expect(waiSr.keySource.status).toBe("confirmed-primary");
    expect(labelsOf(waiSr).map((label) => `${label.value} ${label.label}`)).toEqual([
      "1 Seldom",
      "2 Sometimes",
      "3 Fairly often",
      "4 Very often",
      "5 Always",
    ]);
    expect(waiSr.notes.join(" ")).toMatch(/36-item key/);
  });

  it("scores a hand-worked response with a missing item and no warning about its key", () => {
    const result = scoreResponses(waiSr, [4, 5, 4, 3, 5, 4, 4, null, 5, 4, 3, 4]);
    // Goal: items 4, 6, 11 = 3 + 4 + 3 = 10 over 3 answered; prorated 10/3 × 4.
    expect(result.subscales.goal!.sum).toBeCloseTo(40 / 3, 12);
    expect(result.subscales.task!.sum).toBe(4 + 5 + 4 + 4); // items 1, 2, 10, 12 = 17
    expect(result.subscales.bond!.sum).toBe(4 + 5 + 4 + 5); // items 3, 5, 7, 9 = 18
    expect(result.total.mean).toBeCloseTo(45 / 11, 12);
    expect(result.warnings.map((warning) => warning.code)).toEqual(["PRORATED", "PRORATED"]);
  });
});

describe("WAI-SRT (10-item therapist form)", () => {
  it("scores a total only", () => {
    expect(waiSrT.items).toHaveLength(10);
    expect(waiSrT.subscales).toEqual([]);
    const result = scoreResponses(waiSrT, [5, 4, 4, 5, 3, null, 4, 5, 4, 4]);
    // 38 over 9 answered; prorated 38/9 × 10.
    expect(result.total.sum).toBeCloseTo(380 / 9, 12);
    expect(result.subscales).toEqual({});
  });
});

describe("every WAI definition", () => {
  it.each([waiC, waiT, waiO, waiS, waiSr, waiSrT])(
    "$id passes defineInstrument unchanged",
    (instrument) => {
      expect(defineInstrument(instrument)).toEqual(instrument);
      expect(instrument.norms.status).toBe("none");
      expect(instrument.bands).toEqual([]);
    },
  );
});
