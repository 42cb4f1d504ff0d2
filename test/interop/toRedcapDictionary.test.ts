import { describe, expect, it } from "vitest";
import type { Instrument } from "../../src/instruments/model.js";
import { getInstrument, listInstruments } from "../../src/instruments/registry.js";
import { CsvReader } from "../../src/interop/csvRecords.js";
import {
  REDCAP_DICTIONARY_COLUMNS,
  toRedcapDictionary,
} from "../../src/interop/toRedcapDictionary.js";
import { scoreResponses } from "../../src/scoring/scoreResponses.js";
import { deepFreeze, thrownBy } from "../helpers.js";
import { type CalcValue, evaluateCalc } from "./redcapCalc.js";
import { completeSamples, withMissing } from "./sampleAnswers.js";

type DictionaryRow = Record<string, string>;

function parse(csv: string): { header: string[]; rows: DictionaryRow[] } {
  const reader = new CsvReader();
  const records = [...reader.push(csv), ...reader.end()];
  const [header, ...rest] = records.map((record) => record.fields);
  return {
    header: header ?? [],
    rows: rest.map((fields) => {
      expect(fields).toHaveLength(18);
      return Object.fromEntries((header ?? []).map((name, index) => [name, fields[index] ?? ""]));
    }),
  };
}

/** What REDCap would store for one response set: radio codes as marked, sliders 0–100. */
function storedRecord(instrument: Instrument, answers: readonly (number | null)[]) {
  const { scale } = instrument;
  const record: Record<string, CalcValue> = {};
  instrument.items.forEach((item, index) => {
    const value = answers[index];
    record[item.id.toLowerCase()] =
      value === null || value === undefined
        ? ""
        : scale.kind === "vas"
          ? Math.round(((value - scale.min) / (scale.max - scale.min)) * 100)
          : value;
  });
  return record;
}

/** Runs every calc field in dictionary order, as REDCap does on save. */
function calculate(rows: readonly DictionaryRow[], record: Record<string, CalcValue>) {
  for (const row of rows) {
    if (row["Field Type"] !== "calc") continue;
    record[row["Variable / Field Name"]!] = evaluateCalc(
      row["Choices, Calculations, OR Slider Labels"]!,
      record,
    );
  }
  return record;
}

describe("toRedcapDictionary", () => {
  it("writes the 18 columns in order and a record id first", () => {
    const { header, rows } = parse(toRedcapDictionary("wai-sr"));
    expect(header).toEqual([...REDCAP_DICTIONARY_COLUMNS]);
    expect(header).toHaveLength(18);
    expect(rows[0]).toMatchObject({
      "Variable / Field Name": "record_id",
      "Form Name": "wai_sr",
      "Field Type": "text",
    });
    expect(rows.map((row) => row["Variable / Field Name"])).toEqual([
      "record_id",
      ...Array.from({ length: 12 }, (_, index) => `waisr_${index + 1}`),
      "wai_sr_total",
      "wai_sr_goal",
      "wai_sr_task",
      "wai_sr_bond",
    ]);
  });

  it("writes radio items with raw codes, one matrix group, and hidden keyed fields", () => {
    const { rows } = parse(toRedcapDictionary(getInstrument("wai-s"), { recordIdField: null }));
    const item4 = rows.find((row) => row["Variable / Field Name"] === "wais_4");
    expect(item4).toMatchObject({
      "Field Type": "radio",
      "Field Label": "Item 4",
      "Choices, Calculations, OR Slider Labels":
        "1, Never | 2, Rarely | 3, Occasionally | 4, Sometimes | 5, Often | 6, Very often | 7, Always",
      "Matrix Group Name": "wai_s_items",
    });
    const radios = rows.filter((row) => row["Field Type"] === "radio");
    expect(new Set(radios.map((row) => row["Matrix Group Name"]))).toEqual(
      new Set(["wai_s_items"]),
    );
    expect(new Set(radios.map((row) => row["Choices, Calculations, OR Slider Labels"])).size).toBe(
      1,
    );
    const keyed = rows.filter((row) => row["Field Annotation"] === "@HIDDEN");
    // WAI-S reverse-keyed items: 4 and 10 (src/instruments/wai.ts).
    expect(
      keyed.map((row) => [
        row["Variable / Field Name"],
        row["Choices, Calculations, OR Slider Labels"],
      ]),
    ).toEqual([
      ["wais_4_r", 'if([wais_4]<>"",8-[wais_4],"")'],
      ["wais_10_r", 'if([wais_10]<>"",8-[wais_10],"")'],
    ]);
  });

  it("writes sliders for visual-analogue items", () => {
    const { rows } = parse(toRedcapDictionary("srs"));
    expect(rows[1]).toMatchObject({
      "Variable / Field Name": "relationship",
      "Field Type": "slider",
      "Choices, Calculations, OR Slider Labels":
        "Left end of the 10 cm line (low) | | Right end of the 10 cm line (high)",
      "Text Validation Type OR Show Slider Number": "number",
      "Text Validation Min": "0",
      "Text Validation Max": "100",
      "Matrix Group Name": "",
    });
    const total = rows.find((row) => row["Variable / Field Name"] === "srs_total");
    expect(total?.["Choices, Calculations, OR Slider Labels"]).toBe(
      'if((if([relationship]<>"",1,0)+if([goals_and_topics]<>"",1,0)+if([approach_or_method]<>"",1,0)+if([overall]<>"",1,0))=4,sum([relationship],[goals_and_topics],[approach_or_method],[overall])*10/100,"")',
    );
  });

  it("computes a hand-scored WAI-S record", () => {
    // Same answers as the FHIR test: goal 19, task 9, bond 17, total 45; without item 3,
    // bond = 14 / 3 × 4 and total = 42 / 11 × 12.
    const instrument = getInstrument("wai-s");
    const { rows } = parse(toRedcapDictionary(instrument));
    const full = calculate(rows, storedRecord(instrument, [1, 2, 3, 4, 5, 6, 7, 1, 2, 3, 4, 5]));
    expect([full.wai_s_total, full.wai_s_goal, full.wai_s_task, full.wai_s_bond]).toEqual([
      45, 19, 9, 17,
    ]);
    const partial = calculate(
      rows,
      storedRecord(instrument, [1, 2, null, 4, 5, 6, 7, 1, 2, 3, 4, 5]),
    );
    expect(partial.wai_s_bond).toBeCloseTo(56 / 3, 12);
    expect(partial.wai_s_total).toBeCloseTo((42 / 11) * 12, 12);
  });

  for (const instrument of listInstruments()) {
    it(`calc fields give the scoreResponses sums for ${instrument.id}`, () => {
      const { rows } = parse(toRedcapDictionary(instrument));
      const scoreField = (id: string) => `${instrument.id.replaceAll("-", "_")}_${id}`;
      const check = (answers: readonly (number | null)[]) => {
        const expected = scoreResponses(instrument, answers);
        const record = calculate(rows, storedRecord(instrument, answers));
        expect(record[scoreField("total")]).toBeCloseTo(expected.total.sum, 9);
        for (const [id, value] of Object.entries(expected.subscales))
          expect(record[scoreField(id)]).toBeCloseTo(value.sum, 9);
      };
      for (const answers of completeSamples(instrument)) check(deepFreeze(answers));
      const [, , answers] = completeSamples(instrument) as [number[], number[], number[]];
      if (
        instrument.missing.maxMissingPerSubscale > 0 ||
        (instrument.subscales.length === 0 && instrument.missing.maxMissingTotal > 0)
      )
        check(withMissing(answers, [0]));
      const tooMany = withMissing(
        answers,
        Array.from({ length: instrument.missing.maxMissingTotal + 1 }, (_, index) => index),
      );
      expect(thrownBy(() => scoreResponses(instrument, tooMany)).code).toBe("TOO_MANY_MISSING");
      expect(calculate(rows, storedRecord(instrument, tooMany))[scoreField("total")]).toBe("");
    });
  }

  it("takes a form name and rejects bad names and clashing fields", () => {
    const { rows } = parse(toRedcapDictionary("wai-sr", { formName: "alliance" }));
    expect(rows.at(-4)?.["Variable / Field Name"]).toBe("alliance_total");
    expect(thrownBy(() => toRedcapDictionary("wai-sr", { formName: "Bad-Name" }))).toMatchObject({
      code: "INVALID_OPTION",
      path: "options.formName",
    });
    expect(
      thrownBy(() => toRedcapDictionary("wai-sr", { recordIdField: "waisr_1" })),
    ).toMatchObject({ code: "INVALID_DEFINITION" });
    const base = getInstrument("wai-sr");
    const piped = deepFreeze({
      ...structuredClone(base),
      id: "piped",
      scale: {
        ...base.scale,
        labels: [
          { value: 1, label: "Seldom | never" },
          { value: 5, label: "Always" },
        ],
      },
    });
    expect(thrownBy(() => toRedcapDictionary(piped))).toMatchObject({
      code: "INVALID_DEFINITION",
      path: "instrument.scale.labels",
    });
  });
});
