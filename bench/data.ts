import type { Instrument } from "../src/instruments/model.js";
import type { NumericMatrix } from "../src/math/numericMatrix.js";
import { seededRandom } from "../src/math/seededRandom.js";
import type { SessionSeries } from "../src/ruptures/types.js";
import type { Answer } from "../src/scoring/types.js";
import { clampRound, integerBetween, normal } from "./random.js";

/**
 * Simulated data for the benchmarks. Every generator takes a seed, so a run, a re-run and the
 * R comparison see the same numbers. None of it is real client data.
 */

/**
 * WAI-SR responses (1–5) from a one-factor model, with 3 % of cells missing: each subscale
 * loses one of its four items with probability 0.12 (4 × 0.03), so no row breaks the
 * instrument's limit of one missing item per subscale and every row can be scored.
 */
export function waiSrResponses(instrument: Instrument, rows: number, seed: number): NumericMatrix {
  const random = seededRandom(seed);
  const cols = instrument.items.length;
  const values = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    const trait = normal(random);
    for (let c = 0; c < cols; c++)
      values[r * cols + c] = clampRound(3.6 + 0.8 * trait + 0.7 * normal(random), 1, 5);
    for (const subscale of instrument.subscales) {
      if (random() >= 0.12) continue;
      const item = subscale.items[integerBetween(random, 0, subscale.items.length - 1)]!;
      values[r * cols + item - 1] = Number.NaN;
    }
  }
  return { values, rows, cols };
}

/** The same responses as answer records keyed by item number (`"1"` … `"12"`), `null` = missing. */
export function answerRecords(matrix: NumericMatrix): Record<string, Answer>[] {
  const records: Record<string, Answer>[] = [];
  for (let r = 0; r < matrix.rows; r++) {
    const record: Record<string, Answer> = {};
    for (let c = 0; c < matrix.cols; c++) {
      const value = matrix.values[r * matrix.cols + c]!;
      record[String(c + 1)] = Number.isNaN(value) ? null : value;
    }
    records.push(record);
  }
  return records;
}

/** Likert items (1 to `points`) loading on one factor, no missing cells: the alpha data. */
export function likertItems(
  rows: number,
  cols: number,
  points: number,
  seed: number,
): NumericMatrix {
  const random = seededRandom(seed);
  const values = new Float64Array(rows * cols);
  const centre = (points + 1) / 2;
  for (let r = 0; r < rows; r++) {
    const trait = normal(random);
    for (let c = 0; c < cols; c++)
      values[r * cols + c] = clampRound(centre + trait + 1.2 * normal(random), 1, points);
  }
  return { values, rows, cols };
}

/** Ratings of `rows` targets by `cols` judges: target effect + judge bias + noise, no missing cells. */
export function judgeRatings(rows: number, cols: number, seed: number): NumericMatrix {
  const random = seededRandom(seed);
  const bias = Array.from({ length: cols }, () => 0.5 * normal(random));
  const values = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    const target = 2 * normal(random);
    for (let c = 0; c < cols; c++)
      values[r * cols + c] = Math.round((50 + target + bias[c]! + normal(random)) * 100) / 100;
  }
  return { values, rows, cols };
}

/** Two raters sorting the same subjects into categories 1–5; they agree 70 % of the time. */
export function ratingPairs(pairs: number, seed: number): { rater1: number[]; rater2: number[] } {
  const random = seededRandom(seed);
  const rater1: number[] = [];
  const rater2: number[] = [];
  for (let i = 0; i < pairs; i++) {
    const first = integerBetween(random, 1, 5);
    rater1.push(first);
    rater2.push(random() < 0.7 ? first : integerBetween(random, 1, 5));
  }
  return { rater1, rater2 };
}

/** Units coded by coders on a 1–7 interval scale, 5 % of cells missing. */
export function codedUnits(units: number, coders: number, seed: number): NumericMatrix {
  const random = seededRandom(seed);
  const values = new Float64Array(units * coders);
  for (let u = 0; u < units; u++) {
    const truth = 4 + 1.5 * normal(random);
    for (let c = 0; c < coders; c++) {
      values[u * coders + c] =
        random() < 0.05 ? Number.NaN : clampRound(truth + 0.8 * normal(random), 1, 7);
    }
  }
  return { values, rows: units, cols: coders };
}

/**
 * WAI-SR totals (12–60) of `clients` clients over `sessions` sessions: a slowly rising alliance,
 * 2 % missing sessions, and in 3 % of sessions a rupture (a drop of 8 to 15 points) that is
 * repaired over the next two sessions.
 */
export function allianceSeries(
  clients: number,
  sessions: number,
  seed: number,
): { series: SessionSeries[]; scores: Float64Array } {
  const random = seededRandom(seed);
  const scores = new Float64Array(clients * sessions);
  const series: SessionSeries[] = [];
  for (let client = 0; client < clients; client++) {
    const start = 40 + 5 * normal(random);
    let dip = 0;
    const points: { session: number; score: number | null }[] = [];
    for (let s = 0; s < sessions; s++) {
      dip = random() < 0.03 ? integerBetween(random, 8, 15) : dip / 2;
      const score = clampRound(start + 0.2 * s - dip + 2 * normal(random), 12, 60);
      const missing = random() < 0.02;
      scores[client * sessions + s] = missing ? Number.NaN : score;
      points.push({ session: s + 1, score: missing ? null : score });
    }
    series.push(points);
  }
  return { series, scores };
}
