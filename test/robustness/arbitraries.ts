/**
 * Random valid inputs shared by the fuzz suites. Large inputs (matrices, response sets) are
 * drawn from a seed with a small PRNG inside `map`, so that a run costs a few integers of
 * fast-check generation instead of one arbitrary per cell; a failure still reports the seed
 * and the shape, which reproduce it exactly.
 */
import fc from "fast-check";
import type { Instrument } from "../../src/instruments/model.js";
import { listInstruments } from "../../src/instruments/registry.js";
import { seededRandom } from "../../src/math/seededRandom.js";

/** The built-in instruments. */
export const instruments: readonly Instrument[] = listInstruments();

/** A seed and a missing-data rate (0, 5 % or 20 %). */
const draw = fc.record({ seed: fc.integer(), missingRate: fc.constantFrom(0, 0.05, 0.2) });

/** A point of an instrument's scale (min + k step, rounded to 1e-9 like the scoring tests). */
function pointOf(instrument: Instrument, random: () => number): number {
  const { min, max, step } = instrument.scale;
  const points = Math.round((max - min) / step);
  return Math.round((min + Math.floor(random() * (points + 1)) * step) * 1e9) / 1e9;
}

/** Response sets of an instrument, in item order, each answer on the scale or missing. */
export function responseSets(
  instrument: Instrument,
  count: { min: number; max: number },
): fc.Arbitrary<(number | null)[][]> {
  return fc.tuple(fc.integer(count), draw).map(([rows, { seed, missingRate }]) => {
    const random = seededRandom(seed);
    return Array.from({ length: rows }, () =>
      instrument.items.map(() => (random() < missingRate ? null : pointOf(instrument, random))),
    );
  });
}

/** One response set in item order. */
export function answersFor(instrument: Instrument): fc.Arbitrary<(number | null)[]> {
  return responseSets(instrument, { min: 1, max: 1 }).map((rows) => rows[0]!);
}

/** An instrument with a response set for it. */
export const instrumentWithAnswers: fc.Arbitrary<{
  instrument: Instrument;
  answers: (number | null)[];
}> = fc
  .constantFrom(...instruments)
  .chain((instrument) => answersFor(instrument).map((answers) => ({ instrument, answers })));

/** Shape of a random matrix. */
export interface MatrixShape {
  minRows?: number;
  maxRows?: number;
  minCols?: number;
  maxCols?: number;
  /** Whether cells may be missing (null). Default true. */
  missing?: boolean;
  /** Largest rating (ratings are 1..levels). Default 5. */
  levels?: number;
}

/** A matrix of 1..levels ratings, rows of equal length, some cells null. */
export function ratingMatrix(shape: MatrixShape = {}): fc.Arbitrary<(number | null)[][]> {
  const { minRows = 2, maxRows = 10, minCols = 2, maxCols = 5, missing = true, levels = 5 } = shape;
  return fc
    .tuple(
      fc.integer({ min: minRows, max: maxRows }),
      fc.integer({ min: minCols, max: maxCols }),
      draw,
    )
    .map(([rows, cols, { seed, missingRate }]) => {
      const random = seededRandom(seed);
      const rate = missing ? missingRate : 0;
      return Array.from({ length: rows }, () =>
        Array.from({ length: cols }, () =>
          random() < rate ? null : 1 + Math.floor(random() * levels),
        ),
      );
    });
}

/** A matrix as a NumericMatrix (NaN = missing). */
export function asNumericMatrix(rows: readonly (readonly (number | null)[])[]) {
  return {
    values: Float64Array.from(rows.flat(), (value) => value ?? Number.NaN),
    rows: rows.length,
    cols: rows[0]?.length ?? 0,
  };
}

/** A session series: increasing integer sessions, scores on a quarter-point grid in range, or missing. */
export function sessionSeries(
  range: { min: number; max: number } = { min: 1, max: 7 },
  length: { min: number; max: number } = { min: 0, max: 14 },
): fc.Arbitrary<{ session: number; score: number | null }[]> {
  return fc.tuple(fc.integer(length), draw).map(([points, { seed, missingRate }]) => {
    const random = seededRandom(seed);
    let session = 0;
    return Array.from({ length: points }, () => {
      session += random() < 0.1 ? 2 : 1;
      const quarter = Math.floor(random() * ((range.max - range.min) * 4 + 1));
      return { session, score: random() < missingRate ? null : range.min + quarter / 4 };
    });
  });
}
