import { AllianceError, describeValue } from "../errors.js";
import { assertSafeKey, isRecord } from "../guards.js";
import type { Instrument } from "../instruments/model.js";
import type { Answers } from "./types.js";

/**
 * Converts one response set into a row of item values in item order, `NaN` for a missing
 * answer, and a function naming item i in the caller's input for error paths. Checks the
 * shape and the types; the scale is checked by the row kernel.
 *
 * @internal
 * @throws AllianceError INVALID_INPUT, WRONG_LENGTH, UNKNOWN_ITEM, UNSAFE_KEY or NOT_A_NUMBER
 */
export function answersToRow(
  instrument: Instrument,
  answers: Answers,
  path = "answers",
): { row: Float64Array; itemPath: (index: number) => string } {
  if (Array.isArray(answers))
    return { row: arrayToRow(instrument, answers, path), itemPath: (index) => `${path}[${index}]` };
  if (isRecord(answers)) return recordToRow(instrument, answers, path);
  throw new AllianceError({
    code: "INVALID_INPUT",
    path,
    message: `expected an array in item order or a record keyed by item number or id, got ${describeValue(answers)}`,
  });
}

function arrayToRow(
  instrument: Instrument,
  answers: ReadonlyArray<unknown>,
  path: string,
): Float64Array {
  const count = instrument.items.length;
  if (answers.length !== count) {
    throw new AllianceError({
      code: "WRONG_LENGTH",
      path,
      message: `expected ${count} answers (items 1 to ${count} of ${instrument.id}), got ${answers.length}`,
    });
  }
  const row = new Float64Array(count);
  for (let index = 0; index < count; index++) {
    row[index] = answerValue(answers[index]) ?? notANumber(answers[index], `${path}[${index}]`);
  }
  return row;
}

function recordToRow(
  instrument: Instrument,
  answers: Readonly<Record<string, unknown>>,
  path: string,
): { row: Float64Array; itemPath: (index: number) => string } {
  const row = new Float64Array(instrument.items.length).fill(Number.NaN);
  const keyOfItem: string[] = [];
  for (const key of Object.keys(answers)) {
    const keyPath = (): string => `${path}[${JSON.stringify(key)}]`;
    assertSafeKey(key, keyPath);
    const index = itemIndexOf(instrument, key);
    if (index < 0) {
      throw new AllianceError({
        code: "UNKNOWN_ITEM",
        path: keyPath(),
        message: `expected an item number from 1 to ${instrument.items.length} or an item id such as ${JSON.stringify(instrument.items[0]?.id)}, got ${JSON.stringify(key)}`,
      });
    }
    const earlier = keyOfItem[index];
    if (earlier !== undefined) {
      throw new AllianceError({
        code: "INVALID_INPUT",
        path: keyPath(),
        message: `item ${index + 1} is given twice, as ${JSON.stringify(earlier)} and ${JSON.stringify(key)}`,
      });
    }
    keyOfItem[index] = key;
    row[index] = answerValue(answers[key]) ?? notANumber(answers[key], keyPath());
  }
  return {
    row,
    itemPath: (index) => `${path}[${JSON.stringify(keyOfItem[index] ?? String(index + 1))}]`,
  };
}

/** The 0-based index of the item named by `key` (its number or its id), or -1. */
function itemIndexOf(instrument: Instrument, key: string): number {
  if (/^[1-9][0-9]*$/.test(key)) {
    const number = Number(key);
    return number <= instrument.items.length ? number - 1 : -1;
  }
  return instrument.items.findIndex((item) => item.id === key);
}

/** The answer as a number (NaN when missing), or undefined when it is not a finite number. */
function answerValue(answer: unknown): number | undefined {
  if (answer === null || answer === undefined) return Number.NaN;
  if (typeof answer === "number" && Number.isFinite(answer)) return answer;
  return undefined;
}

function notANumber(answer: unknown, path: string): never {
  throw new AllianceError({
    code: "NOT_A_NUMBER",
    path,
    message: `expected a finite number, or null for a missing answer, got ${describeValue(answer)}`,
  });
}
