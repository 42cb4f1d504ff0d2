import { deepFreeze } from "../deepFreeze.js";
import { AllianceError, describeValue } from "../errors.js";
import { assertSafeKey } from "../guards.js";
import { isOnScale } from "./isOnScale.js";
import { type Instrument, instrumentSchema } from "./model.js";

/**
 * Validates an instrument definition and checks that it is coherent, returning a frozen copy.
 * Use it to define your own instrument (a translation, a local form); every built-in
 * definition passes through it in the test suite.
 *
 * Beyond the shape (zod), it checks that item numbers run 1..k with no gap or repeat, item
 * and subscale ids are unique, every subscale an item names exists and lists that item back
 * (and the reverse), no visual-analogue item is reverse-keyed, the scale's labels lie on the
 * scale and label both ends, the missing-data rule leaves at least one answered item in every
 * subscale, and every band names a score that exists.
 *
 * @category Instruments
 * @throws AllianceError INVALID_DEFINITION with the path of the first problem found
 * @throws AllianceError UNSAFE_KEY for an item or subscale id `constructor` or `prototype`
 * @example
 * const twoItem = defineInstrument({ ...myDefinition, id: "my-form" });
 * scoreResponses(twoItem, [3, 4]).total.sum;
 */
export function defineInstrument(definition: unknown): Instrument {
  const parsed = instrumentSchema.safeParse(definition);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    invalid(formatPath(issue.path), issue.message);
  }
  const instrument = parsed.data;
  checkScale(instrument);
  checkItems(instrument);
  checkSubscales(instrument);
  checkMissingRule(instrument);
  checkBands(instrument);
  return deepFreeze(instrument);
}

function invalid(path: string, message: string): never {
  throw new AllianceError({ code: "INVALID_DEFINITION", path, message });
}

function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = "";
  for (const part of path)
    out += typeof part === "number" ? `[${part}]` : `${out === "" ? "" : "."}${String(part)}`;
  return out;
}

function checkScale({ scale }: Instrument): void {
  if (!(scale.min < scale.max))
    invalid("scale", `expected min < max, got min ${scale.min} and max ${scale.max}`);
  if (!isOnScale(scale.max, scale))
    invalid("scale.step", `expected max - min to be a whole number of steps of ${scale.step}`);
  if (scale.kind !== "likert") return;
  const seen = new Set<number>();
  scale.labels.forEach((label, index) => {
    if (!isOnScale(label.value, scale))
      invalid(
        `scale.labels[${index}].value`,
        `expected a point of the scale ${scale.min}..${scale.max} by ${scale.step}, got ${label.value}`,
      );
    if (seen.has(label.value))
      invalid(`scale.labels[${index}].value`, `the value ${label.value} is labelled twice`);
    seen.add(label.value);
  });
  if (!seen.has(scale.min) || !seen.has(scale.max))
    invalid(
      "scale.labels",
      `expected labels for both ends of the scale (${scale.min} and ${scale.max})`,
    );
}

function checkItems({ items, scale, subscales }: Instrument): void {
  const ids = new Set<string>();
  const subscaleIds = new Set(subscales.map((subscale) => subscale.id));
  items.forEach((item, index) => {
    if (item.number !== index + 1)
      invalid(
        `items[${index}].number`,
        `expected item numbers 1..${items.length} in order, got ${item.number} at position ${index}`,
      );
    assertSafeKey(item.id, `items[${index}].id`);
    if (ids.has(item.id))
      invalid(`items[${index}].id`, `the id ${JSON.stringify(item.id)} is used twice`);
    ids.add(item.id);
    if (item.reverse && scale.kind === "vas")
      invalid(`items[${index}].reverse`, "a visual-analogue item cannot be reverse-keyed");
    item.subscales.forEach((subscaleId, position) => {
      if (!subscaleIds.has(subscaleId))
        invalid(
          `items[${index}].subscales[${position}]`,
          `expected one of the subscales ${[...subscaleIds].join(", ") || "(none defined)"}, got ${describeValue(subscaleId)}`,
        );
    });
  });
}

function checkSubscales({ items, subscales }: Instrument): void {
  const ids = new Set<string>();
  subscales.forEach((subscale, index) => {
    assertSafeKey(subscale.id, `subscales[${index}].id`);
    if (subscale.id === "total")
      invalid(`subscales[${index}].id`, 'the id "total" is reserved for the total score');
    if (ids.has(subscale.id))
      invalid(`subscales[${index}].id`, `the id ${JSON.stringify(subscale.id)} is used twice`);
    ids.add(subscale.id);
    const listed = new Set<number>();
    subscale.items.forEach((number, position) => {
      const item = items[number - 1];
      const path = `subscales[${index}].items[${position}]`;
      if (item === undefined)
        invalid(path, `expected an item number from 1 to ${items.length}, got ${number}`);
      if (listed.has(number)) invalid(path, `item ${number} is listed twice`);
      listed.add(number);
      if (!item.subscales.includes(subscale.id))
        invalid(
          path,
          `item ${number} does not name the subscale ${JSON.stringify(subscale.id)} back`,
        );
    });
    items.forEach((item) => {
      if (item.subscales.includes(subscale.id) && !listed.has(item.number)) {
        invalid(
          `subscales[${index}].items`,
          `item ${item.number} names this subscale but is not listed in it`,
        );
      }
    });
  });
}

function checkMissingRule({ items, subscales, missing }: Instrument): void {
  if (
    missing.method === "none" &&
    (missing.maxMissingPerSubscale > 0 || missing.maxMissingTotal > 0)
  ) {
    invalid("missing", 'with method "none" no item may be missing: set both maxima to 0');
  }
  if (missing.maxMissingTotal >= items.length)
    invalid(
      "missing.maxMissingTotal",
      `expected fewer than the ${items.length} items, got ${missing.maxMissingTotal}`,
    );
  subscales.forEach((subscale, index) => {
    if (missing.maxMissingPerSubscale >= subscale.items.length) {
      invalid(
        "missing.maxMissingPerSubscale",
        `expected fewer than the ${subscale.items.length} items of subscales[${index}] (${subscale.id}), got ${missing.maxMissingPerSubscale}`,
      );
    }
  });
}

function checkBands({ bands, subscales }: Instrument): void {
  const scores = new Set(["total", ...subscales.map((subscale) => subscale.id)]);
  bands.forEach((band, index) => {
    if (!scores.has(band.score))
      invalid(
        `bands[${index}].score`,
        `expected one of ${[...scores].join(", ")}, got ${JSON.stringify(band.score)}`,
      );
    if (band.lower === undefined && band.upper === undefined)
      invalid(`bands[${index}]`, "expected a lower or an upper bound");
    if (
      band.lower !== undefined &&
      band.upper !== undefined &&
      band.lower.value > band.upper.value
    ) {
      invalid(
        `bands[${index}]`,
        `expected lower <= upper, got ${band.lower.value} > ${band.upper.value}`,
      );
    }
  });
}
