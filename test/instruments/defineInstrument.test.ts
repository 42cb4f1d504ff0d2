import { describe, expect, it } from "vitest";
import { defineInstrument } from "../../src/instruments/defineInstrument.js";
import type { Instrument } from "../../src/instruments/model.js";
import { listInstruments } from "../../src/instruments/registry.js";
import { deepFreeze, thrownBy } from "../helpers.js";

/** A small valid local form: 4 items on 1–5, two subscales, item 2 reverse-keyed. */
function localForm(): Instrument {
  return {
    id: "local-form",
    name: "A local two-scale form",
    abbreviation: "LF",
    version: "1",
    rater: "client",
    citation: { authors: "Us", year: 2026, title: "A local form", source: "in-house" },
    keySource: { status: "confirmed-primary", note: "our own form", sources: ["in-house"] },
    licence: { itemText: "included", holder: "Us", note: "ours" },
    scale: {
      kind: "likert",
      min: 1,
      max: 5,
      step: 1,
      labels: [1, 2, 3, 4, 5].map((value) => ({ value, label: `point ${value}` })),
    },
    items: [
      { number: 1, id: "lf_1", subscales: ["a"], reverse: false, text: "I like it" },
      { number: 2, id: "lf_2", subscales: ["a"], reverse: true, text: "I dislike it" },
      { number: 3, id: "lf_3", subscales: ["b"], reverse: false },
      { number: 4, id: "lf_4", subscales: ["b"], reverse: false },
    ],
    subscales: [
      { id: "a", label: "A", items: [1, 2] },
      { id: "b", label: "B", items: [3, 4] },
    ],
    total: { method: "sum" },
    missing: { maxMissingPerSubscale: 1, maxMissingTotal: 1, method: "prorate", source: "ours" },
    bands: [],
    norms: { status: "unknown", note: "none yet", source: "ours" },
    notes: [],
  };
}

/** The INVALID_DEFINITION path thrown for a broken copy of the local form. */
function problemOf(change: (definition: Instrument) => void): {
  code?: string;
  path?: string;
  message: string;
} {
  const definition = structuredClone(localForm());
  change(definition);
  return thrownBy(() => defineInstrument(definition));
}

describe("defineInstrument", () => {
  it("returns a frozen copy of a valid definition without touching the input", () => {
    const input = deepFreeze(localForm());
    const defined = defineInstrument(input);
    expect(defined).toEqual(input);
    expect(defined).not.toBe(input);
    expect(Object.isFrozen(defined.items[0])).toBe(true);
  });

  it("accepts every built-in definition", () => {
    for (const instrument of listInstruments())
      expect(defineInstrument(instrument)).toEqual(instrument);
  });

  it.each([
    [
      "an item naming an unknown subscale",
      (d: Instrument) => {
        d.items[0]!.subscales = ["c"];
      },
      "items[0].subscales[0]",
    ],
    [
      "a subscale listing an unknown item",
      (d: Instrument) => {
        d.subscales[0]!.items = [1, 2, 9];
      },
      "subscales[0].items[2]",
    ],
    [
      "a subscale missing an item that names it",
      (d: Instrument) => {
        d.subscales[0]!.items = [1];
      },
      "subscales[0].items",
    ],
    [
      "an item number repeated",
      (d: Instrument) => {
        d.items[2]!.number = 2;
      },
      "items[2].number",
    ],
    [
      "a gap in item numbers",
      (d: Instrument) => {
        d.items[3]!.number = 5;
      },
      "items[3].number",
    ],
    [
      "a duplicate item id",
      (d: Instrument) => {
        d.items[1]!.id = "lf_1";
      },
      "items[1].id",
    ],
    [
      "labels not covering the scale's end",
      (d: Instrument) => {
        if (d.scale.kind === "likert") d.scale.labels.pop();
      },
      "scale.labels",
    ],
    [
      "a label off the scale",
      (d: Instrument) => {
        if (d.scale.kind === "likert") d.scale.labels[2]!.value = 2.5;
      },
      "scale.labels[2].value",
    ],
    [
      "a missing rule larger than a subscale",
      (d: Instrument) => {
        d.missing.maxMissingPerSubscale = 2;
      },
      "missing.maxMissingPerSubscale",
    ],
    [
      "a total missing rule as large as the form",
      (d: Instrument) => {
        d.missing.maxMissingTotal = 4;
      },
      "missing.maxMissingTotal",
    ],
    [
      "missing items allowed without prorating",
      (d: Instrument) => {
        d.missing.method = "none";
      },
      "missing",
    ],
    [
      "min not below max",
      (d: Instrument) => {
        d.scale.max = 1;
      },
      "scale",
    ],
    [
      "a band on an unknown score",
      (d: Instrument) => {
        d.bands = [
          {
            id: "x",
            score: "c",
            metric: "sum",
            label: "x",
            lower: { value: 1, inclusive: true },
            meaning: "x",
            source: "x",
            status: "derived",
          },
        ];
      },
      "bands[0].score",
    ],
    [
      "a wrong type (zod)",
      (d: Instrument) => {
        (d as unknown as { rater: string }).rater = "robot";
      },
      "rater",
    ],
  ])("rejects %s", (_name, change, path) => {
    const error = problemOf(change);
    expect(error.code).toBe("INVALID_DEFINITION");
    expect(error.path).toBe(path);
  });

  it("rejects a reverse-keyed visual-analogue item", () => {
    const error = problemOf((d) => {
      d.scale = {
        kind: "vas",
        min: 0,
        max: 10,
        step: 0.1,
        endLabels: { min: "low", max: "high" },
        offStep: "reject",
      };
      d.items[1]!.reverse = true;
    });
    expect(error.code).toBe("INVALID_DEFINITION");
    expect(error.path).toBe("items[1].reverse");
  });

  it("rejects prototype keys as ids", () => {
    const error = problemOf((d) => {
      d.subscales[0]!.id = "constructor";
      d.items[0]!.subscales = ["constructor"];
      d.items[1]!.subscales = ["constructor"];
    });
    expect(error.code).toBe("UNSAFE_KEY");
  });
});
