import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineInstrument } from "../../src/instruments/defineInstrument.js";
import { getInstrument, listInstruments } from "../../src/instruments/registry.js";
import { answersSchema } from "../../src/interop/answersSchema.js";
import { toJsonSchema } from "../../src/interop/toJsonSchema.js";
import { deepFreeze } from "../helpers.js";
import { completeSamples } from "./sampleAnswers.js";

type Schema = Record<string, unknown>;

/**
 * A tiny validator for the JSON Schema keywords these schemas use (type, properties, required,
 * additionalProperties: false, anyOf, minimum, maximum, multipleOf, enum), written from the
 * 2020-12 validation spec so the check does not depend on zod.
 */
function validates(schema: Schema, value: unknown): boolean {
  if (Array.isArray(schema.anyOf)) return schema.anyOf.some((branch) => validates(branch, value));
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) return false;
  if (schema.type === "null") return value === null;
  if (schema.type === "number") {
    if (typeof value !== "number" || !Number.isFinite(value)) return false;
    if (typeof schema.minimum === "number" && value < schema.minimum) return false;
    if (typeof schema.maximum === "number" && value > schema.maximum) return false;
    if (typeof schema.multipleOf === "number" && !Number.isInteger(value / schema.multipleOf))
      return false;
    return true;
  }
  if (schema.type === "object") {
    if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    const record = value as Record<string, unknown>;
    if (!((schema.required ?? []) as string[]).every((key) => key in record)) return false;
    return Object.entries(record).every(([key, entry]) =>
      key in properties
        ? validates(properties[key]!, entry)
        : schema.additionalProperties !== false,
    );
  }
  return schema.enum !== undefined;
}

function recordOf(ids: readonly string[], values: readonly (number | null)[]) {
  return Object.fromEntries(ids.map((id, index) => [id, values[index] ?? null]));
}

describe("toJsonSchema", () => {
  it("matches the stored snapshot for every built-in instrument", () => {
    for (const instrument of listInstruments())
      expect(toJsonSchema(instrument)).toMatchSnapshot(instrument.id);
  });

  it("pins the WAI-SR-T schema shape", () => {
    const schema = toJsonSchema("wai-sr-t");
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(Array.from({ length: 10 }, (_, i) => `waisrt_${i + 1}`));
    expect(schema.properties?.waisrt_1).toMatchInlineSnapshot(`
      {
        "anyOf": [
          {
            "maximum": 5,
            "minimum": 1,
            "multipleOf": 1,
            "type": "number",
          },
          {
            "type": "null",
          },
        ],
        "description": "Item 1: 1 to 5 (1 = Seldom, 2 = Sometimes, 3 = Fairly often, 4 = Very often, 5 = Always)",
      }
    `);
  });

  for (const instrument of listInstruments()) {
    it(`accepts valid and rejects invalid ${instrument.id} response sets`, () => {
      const schema = toJsonSchema(instrument) as Schema;
      const roundTrip = z.fromJSONSchema(schema as never);
      const zodSchema = answersSchema(instrument);
      const ids = instrument.items.map((item) => item.id);
      const { min, max, step } = instrument.scale;
      const valid = [
        ...completeSamples(instrument).map((answers) => recordOf(ids, answers)),
        recordOf(ids, []),
      ];
      const first = ids[0]!;
      const invalid = [
        { ...recordOf(ids, []), [first]: max + step },
        { ...recordOf(ids, []), [first]: min - step },
        { ...recordOf(ids, []), [first]: "3" },
        { ...recordOf(ids, []), extra: 1 },
        Object.fromEntries(ids.slice(1).map((id) => [id, null])),
        [min],
      ];
      // A Likert value between two points (1.5 on 1–7) is off the step.
      if (instrument.scale.kind === "likert")
        invalid.push({ ...recordOf(ids, []), [first]: min + step / 2 });
      for (const sample of valid.map(deepFreeze)) {
        expect(validates(schema, sample)).toBe(true);
        expect(roundTrip.safeParse(sample).success).toBe(true);
        expect(zodSchema.safeParse(sample).success).toBe(true);
      }
      for (const sample of invalid.map(deepFreeze)) {
        expect(validates(schema, sample)).toBe(false);
        expect(roundTrip.safeParse(sample).success).toBe(false);
        expect(zodSchema.safeParse(sample).success).toBe(false);
      }
    });
  }

  it("lists the points of a Likert scale that does not start at a multiple of its step", () => {
    const base = getInstrument("tasc-r");
    const shifted = defineInstrument({
      ...structuredClone(base),
      id: "shifted",
      scale: {
        kind: "likert",
        min: 0.5,
        max: 3.5,
        step: 1,
        labels: [
          { value: 0.5, label: "Low" },
          { value: 3.5, label: "High" },
        ],
      },
    });
    const property = toJsonSchema(shifted).properties?.tasc_1 as Schema;
    expect(validates(property, 1.5)).toBe(true);
    expect(validates(property, 1)).toBe(false);
    expect(property.anyOf).toEqual([
      { type: "number", enum: [0.5, 1.5, 2.5, 3.5] },
      { type: "null" },
    ]);
  });
});
