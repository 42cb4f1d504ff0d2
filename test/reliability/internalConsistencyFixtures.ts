/** Loads the R-generated fixtures of scripts/fixtures-internal-consistency.R. */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";
import { relativeError } from "../helpers.js";

const directory = fileURLToPath(new URL("../fixtures/internal-consistency/", import.meta.url));

export interface Dataset {
  columns: string[];
  rows: (number | null)[][];
}

export function readFixture<T>(name: string): T {
  return JSON.parse(readFileSync(`${directory}${name}.json`, "utf8")) as T;
}

const datasets = readFixture<Record<string, Dataset>>("datasets");

export function dataset(name: string): Dataset {
  const found = datasets[name];
  if (found === undefined) throw new Error(`no dataset ${name} in the fixtures`);
  return found;
}

/**
 * Asserts |actual - expected| / |expected| < tolerance, naming the field on failure. A value R
 * gives as exactly 0 (a correlation that cancels) is held to |actual| < 1e-12 instead, since
 * no relative error exists there.
 */
export function expectClose(
  actual: number,
  expected: number,
  tolerance: number,
  field: string,
): void {
  if (expected === 0) {
    expect(Math.abs(actual), `${field}: got ${actual}, R gives 0`).toBeLessThan(1e-12);
    return;
  }
  const error = relativeError(actual, expected);
  expect(error, `${field}: got ${actual}, R gives ${expected}`).toBeLessThan(tolerance);
}
