import { AllianceError, type AllianceErrorCode, describeValue } from "../errors.js";
import { optionsRecord } from "../guards.js";
import type { Instrument } from "../instruments/model.js";
import { type InstrumentOrId, resolveInstrument } from "../scoring/resolveInstrument.js";
import type { RandomSource } from "./randomSource.js";
import { readGeneratorOptions } from "./readGeneratorOptions.js";
import { scalePoints } from "./scalePoints.js";
import { shuffledIndices } from "./shuffledIndices.js";

/**
 * The ways {@link invalidResponses} breaks a response set, in the order it generates them.
 *
 * @category Testing
 * @example
 * invalidResponses("wai-sr", { kinds: INVALID_RESPONSE_KINDS.filter((kind) => kind !== "wrong-shape") });
 */
export const INVALID_RESPONSE_KINDS = [
  "out-of-range",
  "off-step",
  "not-a-number",
  "infinite",
  "string",
  "unknown-item",
  "too-many-missing",
  "too-many-missing-in-subscale",
  "wrong-length",
  "unsafe-key",
  "duplicate-item",
  "wrong-shape",
] as const;

/**
 * One way of breaking a response set (see {@link INVALID_RESPONSE_KINDS}).
 *
 * @category Testing
 */
export type InvalidResponseKind = (typeof INVALID_RESPONSE_KINDS)[number];

/**
 * An invalid response set and the error `scoreResponses` must throw for it.
 *
 * @category Testing
 */
export interface InvalidResponseCase {
  /** How the set is broken. */
  kind: InvalidResponseKind;
  /** The `AllianceError` code `scoreResponses(instrument, answers)` throws. */
  code: AllianceErrorCode;
  /** The error's `path` as `scoreResponses` reports it, e.g. `answers[6]` or `answers["__proto__"]`. */
  path: string;
  /** What is wrong, in words, e.g. "item 7 is 6, above the scale maximum 5". */
  description: string;
  /**
   * `array` (item order, also valid input shape for `scoreTable`), `record` (keyed by item
   * number or id) or `other` (neither).
   */
  shape: "array" | "record" | "other";
  /** The answers. Typed `unknown`: they break the `Answers` type on purpose. */
  answers: unknown;
}

/**
 * Options of {@link invalidResponses}.
 *
 * @category Testing
 */
export interface InvalidResponsesOptions {
  /** Seed of the generator: the same seed gives the same cases on every runtime (default 1, a library choice). */
  seed?: number;
  /** Cases of each kind (default 1, a library choice). */
  count?: number;
  /** Which kinds to generate (default all of {@link INVALID_RESPONSE_KINDS}). */
  kinds?: readonly InvalidResponseKind[];
}

/**
 * Seeded invalid response sets for an instrument, each with the `AllianceError` code and path
 * `scoreResponses` must throw: an answer off the scale (`OUT_OF_RANGE`) or between two steps
 * (`OUT_OF_RANGE`); `NaN`, `±Infinity` or a numeric string (`NOT_A_NUMBER`); a key that names
 * no item (`UNKNOWN_ITEM`); more missing answers than the total's or a subscale's limit
 * (`TOO_MANY_MISSING`); one answer too few or too many (`WRONG_LENGTH`); a `__proto__`,
 * `constructor` or `prototype` key (`UNSAFE_KEY`); an item given by both number and id, or a
 * comma-separated string instead of answers (`INVALID_INPUT`). Every other answer of a case is
 * valid, so each case fails for its one stated reason.
 *
 * A kind that cannot occur for the instrument is left out: `off-step` when the scale rounds
 * between-step values (a VAS with `offStep: "round"`), `too-many-missing-in-subscale` when no
 * subscale can exceed its limit while the total stays within its own.
 *
 * @category Testing
 * @throws AllianceError INVALID_OPTION for options that are not an object, a seed or count as
 *   `validResponses`, `kinds` that is not an array, or an entry of it (a hole included) that is
 *   not one of {@link INVALID_RESPONSE_KINDS}
 * @throws AllianceError for the instrument: UNKNOWN_INSTRUMENT (an unknown id), INVALID_INPUT
 *   (neither an id nor an object), INVALID_DEFINITION or UNSAFE_KEY (a definition
 *   `defineInstrument` rejects)
 * @example
 * for (const bad of invalidResponses("wai-sr", { seed: 3 })) {
 *   expect(() => myValidator(bad.answers)).toThrow(); // and check bad.code
 * }
 */
export function invalidResponses(
  instrumentOrId: InstrumentOrId,
  options: InvalidResponsesOptions = {},
): InvalidResponseCase[] {
  const instrument = resolveInstrument(instrumentOrId);
  const { random, count } = readGeneratorOptions(options, 1);
  const kinds = readKinds(optionsRecord(options).kinds);
  const context: CaseContext = { instrument, points: scalePoints(instrument), random, index: 0 };
  const cases: InvalidResponseCase[] = [];
  for (const kind of kinds) {
    for (let index = 0; index < count; index++) {
      const made = BUILDERS[kind]({ ...context, index });
      if (made === null) break;
      cases.push({ kind, ...made });
    }
  }
  return cases;
}

/**
 * The kinds asked for, read by index so that a hole in a sparse array is seen (array methods
 * such as `every` skip holes).
 */
function readKinds(kinds: unknown): readonly InvalidResponseKind[] {
  if (kinds === undefined) return INVALID_RESPONSE_KINDS;
  if (!Array.isArray(kinds)) throw invalidKinds("options.kinds", "an array of", kinds);
  const read: InvalidResponseKind[] = [];
  for (let index = 0; index < kinds.length; index++) {
    const kind: unknown = kinds[index];
    if (!(INVALID_RESPONSE_KINDS as readonly unknown[]).includes(kind))
      throw invalidKinds(`options.kinds[${index}]`, "one of", kind);
    read.push(kind as InvalidResponseKind);
  }
  return read;
}

/** INVALID_OPTION for `kinds`: `expected` is "an array of" or "one of", followed by the kinds. */
function invalidKinds(path: string, expected: string, got: unknown): AllianceError {
  const names = INVALID_RESPONSE_KINDS.map((kind) => JSON.stringify(kind)).join(", ");
  return new AllianceError({
    code: "INVALID_OPTION",
    path,
    message: `expected ${expected} ${names}, got ${describeValue(got)}`,
  });
}

interface CaseContext {
  instrument: Instrument;
  points: readonly number[];
  random: RandomSource;
  /** 0-based number of the case within its kind. */
  index: number;
}

type BuiltCase = Omit<InvalidResponseCase, "kind">;

const BUILDERS: Record<InvalidResponseKind, (context: CaseContext) => BuiltCase | null> = {
  "out-of-range": (context) => {
    const { max, min, step } = context.instrument.scale;
    const above = context.index % 2 === 0;
    const value = tidy(above ? max + step : min - step);
    const bound = above ? `above the scale maximum ${max}` : `below the scale minimum ${min}`;
    return withOneAnswer(
      context,
      value,
      "OUT_OF_RANGE",
      (item) => `item ${item} is ${value}, ${bound}`,
    );
  },
  "off-step": (context) => {
    const { scale } = context.instrument;
    if (scale.kind === "vas" && scale.offStep === "round") return null;
    const lower = context.points[context.random.index(context.points.length - 1)]!;
    const value = tidy(lower + scale.step / 2);
    return withOneAnswer(
      context,
      value,
      "OUT_OF_RANGE",
      (item) => `item ${item} is ${value}, between two steps of ${scale.step}`,
    );
  },
  "not-a-number": (context) =>
    withOneAnswer(context, Number.NaN, "NOT_A_NUMBER", (item) => `item ${item} is NaN`),
  infinite: (context) => {
    const value = context.index % 2 === 0 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
    return withOneAnswer(context, value, "NOT_A_NUMBER", (item) => `item ${item} is ${value}`);
  },
  string: (context) => {
    const value = String(context.random.pick(context.points));
    return withOneAnswer(
      context,
      value,
      "NOT_A_NUMBER",
      (item) => `item ${item} is the string ${JSON.stringify(value)}`,
    );
  },
  "unknown-item": (context) => {
    const key = context.index % 2 === 0 ? String(context.instrument.items.length + 1) : "0";
    return withExtraKey(
      context,
      key,
      "UNKNOWN_ITEM",
      `the key ${JSON.stringify(key)} names no item of ${context.instrument.id}`,
    );
  },
  "too-many-missing": (context) => {
    const { maxMissingTotal } = context.instrument.missing;
    const answers = completeAnswers(context);
    const missing = shuffledIndices(answers.length, context.random).slice(0, maxMissingTotal + 1);
    for (const index of missing) answers[index] = null;
    return {
      code: "TOO_MANY_MISSING",
      path: "answers",
      description: `${missing.length} answers missing (items ${itemList(missing)}); the total allows ${maxMissingTotal}`,
      shape: "array",
      answers,
    };
  },
  "too-many-missing-in-subscale": (context) => {
    const { maxMissingPerSubscale, maxMissingTotal } = context.instrument.missing;
    const candidates = context.instrument.subscales.filter(
      (subscale) =>
        subscale.items.length > maxMissingPerSubscale && maxMissingPerSubscale < maxMissingTotal,
    );
    if (candidates.length === 0) return null;
    const subscale = context.random.pick(candidates);
    const answers = completeAnswers(context);
    const missing = shuffledIndices(subscale.items.length, context.random)
      .slice(0, maxMissingPerSubscale + 1)
      .map((position) => subscale.items[position]! - 1);
    for (const index of missing) answers[index] = null;
    return {
      code: "TOO_MANY_MISSING",
      path: "answers",
      description: `${missing.length} answers of subscale ${subscale.id} missing (items ${itemList(missing)}); a subscale allows ${maxMissingPerSubscale}, the total ${maxMissingTotal}`,
      shape: "array",
      answers,
    };
  },
  "wrong-length": (context) => {
    const answers = completeAnswers(context);
    if (context.index % 2 === 0) answers.pop();
    else answers.push(context.random.pick(context.points));
    return {
      code: "WRONG_LENGTH",
      path: "answers",
      description: `${answers.length} answers for the ${context.instrument.items.length} items`,
      shape: "array",
      answers,
    };
  },
  "unsafe-key": (context) => {
    const key = (["__proto__", "constructor", "prototype"] as const)[context.index % 3]!;
    return withExtraKey(context, key, "UNSAFE_KEY", `an own key ${JSON.stringify(key)}`);
  },
  "duplicate-item": (context) => {
    const item = context.random.pick(context.instrument.items);
    return withExtraKey(
      context,
      item.id,
      "INVALID_INPUT",
      `item ${item.number} given twice, as ${JSON.stringify(String(item.number))} and ${JSON.stringify(item.id)}`,
    );
  },
  "wrong-shape": (context) => ({
    code: "INVALID_INPUT",
    path: "answers",
    description: "a comma-separated string instead of an array or a record",
    shape: "other",
    answers: completeAnswers(context).join(","),
  }),
};

/** A complete, valid set of answers in item order. */
function completeAnswers(context: CaseContext): (number | null)[] {
  return context.instrument.items.map(() => context.random.pick(context.points));
}

/** A complete set with the answer of one random item replaced by `value`. */
function withOneAnswer(
  context: CaseContext,
  value: unknown,
  code: AllianceErrorCode,
  describe: (itemNumber: number) => string,
): BuiltCase {
  const answers: unknown[] = completeAnswers(context);
  const index = context.random.index(answers.length);
  answers[index] = value;
  return {
    code,
    path: `answers[${index}]`,
    description: describe(index + 1),
    shape: "array",
    answers,
  };
}

/**
 * A complete set keyed by item number, plus one more own key. Integer-like keys come first in
 * a record's key order, so the extra key is the first one that fails.
 */
function withExtraKey(
  context: CaseContext,
  key: string,
  code: AllianceErrorCode,
  description: string,
): BuiltCase {
  const answers: Record<string, unknown> = Object.fromEntries(
    completeAnswers(context).map((value, index) => [String(index + 1), value]),
  );
  Object.defineProperty(answers, key, {
    value: context.random.pick(context.points),
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return { code, path: `answers[${JSON.stringify(key)}]`, description, shape: "record", answers };
}

/** 1-based item numbers, ascending, for a description. */
function itemList(indices: readonly number[]): string {
  return [...indices]
    .sort((a, b) => a - b)
    .map((index) => index + 1)
    .join(", ");
}

/** A sum such as 10 + 0.1 written as 10.1, not 10.099999999999999. */
function tidy(value: number): number {
  return Number(value.toFixed(12));
}
