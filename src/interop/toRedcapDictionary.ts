import { AllianceError, describeValue } from "../errors.js";
import { optionsRecord } from "../guards.js";
import type { Instrument } from "../instruments/model.js";
import { type InstrumentOrId, resolveInstrument } from "../scoring/resolveInstrument.js";
import { compileScoringPlan, type PlannedScore } from "../scoring/scoringPlan.js";
import { csvField } from "./csvRecords.js";
import { likertPoints } from "./likertPoints.js";

/**
 * Options of {@link toRedcapDictionary}.
 *
 * @category Interop
 * @example
 * toRedcapDictionary("srs", { formName: "srs_session", recordIdField: null });
 */
export interface RedcapDictionaryOptions {
  /** REDCap form (instrument) name: lower-case letters, digits and `_` (default: the id with `-` → `_`). */
  formName?: string;
  /** Name of a first `text` field for the record id (default `"record_id"`); `null` leaves it out. */
  recordIdField?: string | null;
}

/**
 * The 18 columns of a REDCap data dictionary, in order (Sage-Bionetworks/redcapdd
 * `get_dd_cols()`; the same in REDCap's own "Download the current Data Dictionary").
 *
 * @category Interop
 * @example
 * REDCAP_DICTIONARY_COLUMNS[5]; // => "Choices, Calculations, OR Slider Labels"
 */
export const REDCAP_DICTIONARY_COLUMNS: readonly string[] = [
  "Variable / Field Name",
  "Form Name",
  "Section Header",
  "Field Type",
  "Field Label",
  "Choices, Calculations, OR Slider Labels",
  "Field Note",
  "Text Validation Type OR Show Slider Number",
  "Text Validation Min",
  "Text Validation Max",
  "Identifier?",
  "Branching Logic (Show field only if...)",
  "Required Field?",
  "Custom Alignment",
  "Question Number (surveys only)",
  "Matrix Group Name",
  "Matrix Ranking?",
  "Field Annotation",
];

/** One dictionary row by column name; absent columns are empty. */
interface Row {
  field: string;
  type: string;
  label: string;
  header?: string;
  choices?: string;
  note?: string;
  validation?: string;
  min?: string;
  max?: string;
  matrix?: string;
  annotation?: string;
}

/** REDCap field and form names: lower-case letters, digits and underscores, starting with a letter. */
const REDCAP_NAME = /^[a-z][a-z0-9_]*$/;

/**
 * A REDCap data dictionary (CSV text, RFC 4180 quoting, CRLF line ends) for an instrument:
 * the 18 columns of {@link REDCAP_DICTIONARY_COLUMNS}, then one row per field.
 *
 * - `record_id` (optional): a `text` field, which REDCap wants first in a project.
 * - Likert items: `radio` fields named by the lower-cased item id, choices
 *   `raw, label | …` where raw is the answer **as marked** (1 … 7), not the reverse-keyed
 *   weight, so REDCap exports carry the same raw answers `scoreResponses` takes, and every item
 *   shares one choice list and so one `Matrix Group Name` (`{form}_items`). Points without a
 *   label are labelled with their number.
 * - Each reverse-keyed Likert item gets a hidden (`@HIDDEN`) `calc` field `{item}_r` =
 *   `if([item]<>"", min + max - [item], "")`, the keyed value the scores use.
 * - Visual-analogue items: `slider` fields (REDCap stores 0–100), labels
 *   `low end | | high end`, slider number shown, min 0, max 100. A slider value v stands for
 *   `min + v × (max − min) / 100` on the scale: 0–100 ↔ 0–10 cm in 0.1 cm steps for the
 *   SRS/ORS family. The score formulas apply this rescaling.
 * - One `calc` field per score, `{form}_total` then `{form}_{subscale}`, with n items of which
 *   at most m may be missing, c the count of answered items:
 *   `if(c = n, sum(items), if(c >= n − m, mean(items) × n, ""))` (only the first branch when
 *   m = 0). So complete forms give exactly the `scoreResponses` sum, forms within the limit
 *   its prorated sum (mean of the answered items × n), and forms beyond the limit a blank.
 *   REDCap's `sum()` and `mean()` are understood to skip blank fields (so a bare `sum()`
 *   would under-count a form with gaps, and a bare `mean()` would prorate without a limit);
 *   the explicit count makes the formula independent of that.
 *
 * These formulas are tested by a small evaluator of REDCap's calc syntax written from REDCap
 * guides, **not against a real REDCap instance**: import the dictionary into a test project
 * and check a few records before relying on the scores. References: REDCap data dictionary
 * columns, https://github.com/Sage-Bionetworks/redcapdd; calc syntax ("" for a blank field),
 * University of Florida CTSI, "Calculated Fields – REDCap How-To Guide" (2017).
 *
 * @category Interop
 * @throws AllianceError for the instrument: UNKNOWN_INSTRUMENT (an unknown id), INVALID_INPUT
 *   (neither an id nor an object), INVALID_DEFINITION or UNSAFE_KEY (a definition
 *   `defineInstrument` rejects)
 * @throws AllianceError INVALID_DEFINITION also when two items or scores map to the same REDCap
 *   field name, or a scale label holds "|"
 * @throws AllianceError INVALID_OPTION for options that are not an object, or a `formName` or
 *   `recordIdField` that is not a REDCap name
 * @example
 * const csv = toRedcapDictionary("wai-sr");
 * csv.split("\r\n")[1]; // => "record_id,wai_sr,,text,Record ID,,,,,,,,,,,,,"
 * csv.split("\r\n")[2]; // => 'waisr_1,wai_sr,"Working Alliance … (WAI-SR)",radio,Item 1,"1, Seldom | 2, Sometimes | …",…,wai_sr_items,,'
 */
export function toRedcapDictionary(
  instrumentOrId: InstrumentOrId,
  options?: RedcapDictionaryOptions,
): string {
  const instrument = resolveInstrument(instrumentOrId);
  const given = optionsRecord(options);
  const form = checkedName(given.formName ?? instrument.id.replaceAll("-", "_"), "formName");
  const recordId =
    given.recordIdField === null
      ? null
      : checkedName(given.recordIdField ?? "record_id", "recordIdField");
  const plan = compileScoringPlan(instrument, undefined);
  const names = fieldNames(instrument, form, plan.scores, recordId);
  const rows: Row[] = [];
  if (recordId !== null) rows.push({ field: recordId, type: "text", label: "Record ID" });
  rows.push(...itemRows(instrument, names.items, form));
  rows.push(...keyedRows(instrument, names.items, names.keyed));
  plan.scores.forEach((score, index) => {
    rows.push(scoreRow(instrument, score, names, index));
  });
  const lines = [REDCAP_DICTIONARY_COLUMNS, ...rows.map((row) => rowFields(row, form))];
  return `${lines.map((fields) => fields.map(csvField).join(",")).join("\r\n")}\r\n`;
}

interface FieldNames {
  /** Per item: its REDCap field. */
  items: string[];
  /** Per item: the field holding its keyed value (its own field unless reverse-keyed). */
  keyed: string[];
  /** Per planned score: its calc field. */
  scores: string[];
}

function checkedName(name: unknown, option: string): string {
  if (typeof name === "string" && REDCAP_NAME.test(name)) return name;
  throw new AllianceError({
    code: "INVALID_OPTION",
    path: `options.${option}`,
    message: `expected a REDCap name of lower-case letters, digits and _ starting with a letter, got ${describeValue(name)}`,
  });
}

function fieldNames(
  instrument: Instrument,
  form: string,
  scores: readonly PlannedScore[],
  recordId: string | null,
): FieldNames {
  const items = instrument.items.map((item) => item.id.toLowerCase());
  const keyed = instrument.items.map((item, index) =>
    item.reverse ? `${items[index]}_r` : items[index]!,
  );
  const scoreFields = scores.map((score) => `${form}_${score.id.toLowerCase()}`);
  const seen = new Set<string>(recordId === null ? [] : [recordId]);
  const all = [...items, ...keyed.filter((name, index) => name !== items[index]), ...scoreFields];
  for (const name of all) {
    if (seen.has(name)) {
      throw new AllianceError({
        code: "INVALID_DEFINITION",
        path: "instrument",
        message: `two fields would both be named ${JSON.stringify(name)} in REDCap (item ids are lower-cased; reverse-keyed items add {id}_r, scores {form}_{score}); rename an item or pass another formName`,
      });
    }
    seen.add(name);
  }
  return { items, keyed, scores: scoreFields };
}

function itemRows(instrument: Instrument, fields: readonly string[], form: string): Row[] {
  const { scale } = instrument;
  const header = `${instrument.name} (${instrument.abbreviation})`;
  return instrument.items.map((item, index): Row => {
    const label =
      instrument.licence.itemText === "included" && item.text !== undefined
        ? item.text
        : `Item ${item.number}`;
    const common = { field: fields[index]!, label, ...(index === 0 ? { header } : {}) };
    if (scale.kind === "vas") {
      return {
        ...common,
        type: "slider",
        choices: `${scale.endLabels.min} | | ${scale.endLabels.max}`,
        note: `Slider 0–100 = ${scale.min}–${scale.max} on the scale (value × ${scale.max - scale.min} / 100${scale.min === 0 ? "" : ` + ${scale.min}`})`,
        validation: "number",
        min: "0",
        max: "100",
      };
    }
    return {
      ...common,
      type: "radio",
      choices: likertPoints(instrument)
        .map((point) => `${point.value}, ${choiceLabel(point.label)}`)
        .join(" | "),
      ...(instrument.items.length > 1 ? { matrix: `${form}_items` } : {}),
    };
  });
}

/** REDCap separates choices with "|", so a label cannot hold one. */
function choiceLabel(label: string): string {
  if (!label.includes("|")) return label;
  throw new AllianceError({
    code: "INVALID_DEFINITION",
    path: "instrument.scale.labels",
    message: `a REDCap choice label cannot contain "|" (it separates the choices), got ${describeValue(label)}`,
  });
}

function keyedRows(
  instrument: Instrument,
  fields: readonly string[],
  keyed: readonly string[],
): Row[] {
  const { min, max } = instrument.scale;
  return instrument.items.flatMap((item, index): Row[] => {
    if (!item.reverse) return [];
    const field = fields[index]!;
    return [
      {
        field: keyed[index]!,
        type: "calc",
        label: `Item ${item.number}, reverse-keyed`,
        choices: `if([${field}]<>"",${min + max}-[${field}],"")`,
        note: `Scored ${min + max} - answer (reverse-keyed item)`,
        annotation: "@HIDDEN",
      },
    ];
  });
}

function scoreRow(
  instrument: Instrument,
  score: PlannedScore,
  names: FieldNames,
  index: number,
): Row {
  const items = Array.from(score.items);
  const n = items.length;
  const keyedList = items.map((item) => `[${names.keyed[item]}]`).join(",");
  const count = items.map((item) => `if([${names.items[item]}]<>"",1,0)`).join("+");
  const { sum, prorated } = scaledFormulas(instrument, keyedList, n);
  const whenComplete = `if((${count})=${n},${sum},`;
  const formula =
    score.maxMissing === 0
      ? `${whenComplete}"")`
      : `${whenComplete}if((${count})>=${n - score.maxMissing},${prorated},""))`;
  const label =
    score.id === "total"
      ? "Total"
      : (instrument.subscales.find((subscale) => subscale.id === score.id)?.label ?? score.id);
  return {
    field: names.scores[index]!,
    type: "calc",
    label: `${label} (sum)`,
    choices: formula,
    note:
      score.maxMissing === 0
        ? `Sum of ${n} items; blank unless every item is answered`
        : `Sum of ${n} items; with up to ${score.maxMissing} missing, the mean of the answered items × ${n}; blank beyond that`,
    ...(index === 0 ? { header: "Scores" } : {}),
  };
}

/** The sum and prorated-sum formulas in scale units (a slider's 0–100 rescaled to min–max). */
function scaledFormulas(
  instrument: Instrument,
  keyedList: string,
  n: number,
): { sum: string; prorated: string } {
  const { scale } = instrument;
  if (scale.kind === "likert")
    return { sum: `sum(${keyedList})`, prorated: `mean(${keyedList})*${n}` };
  const range = scale.max - scale.min;
  const offset = scale.min === 0 ? "" : `+${scale.min}`;
  return {
    sum: `sum(${keyedList})*${range}/100${scale.min === 0 ? "" : `+${n * scale.min}`}`,
    prorated: `(mean(${keyedList})*${range}/100${offset})*${n}`,
  };
}

function rowFields(row: Row, form: string): string[] {
  return [
    row.field,
    form,
    row.header ?? "",
    row.type,
    row.label,
    row.choices ?? "",
    row.note ?? "",
    row.validation ?? "",
    row.min ?? "",
    row.max ?? "",
    "",
    "",
    "",
    "",
    "",
    row.matrix ?? "",
    "",
    row.annotation ?? "",
  ];
}
