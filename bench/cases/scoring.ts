import type { Instrument } from "../../src/instruments/model.js";
import { getInstrument } from "../../src/instruments/registry.js";
import type { NumericMatrix } from "../../src/math/numericMatrix.js";
import { scoreResponses } from "../../src/scoring/scoreResponses.js";
import { scoreTable } from "../../src/scoring/scoreTable.js";
import { answerRecords, waiSrResponses } from "../data.js";
import { type BenchCase, describeAgreement, largestRelativeDifference } from "../measure.js";

/** Columnar scores of the raw loop: per score, sums then means, row after row. */
interface RawScores {
  sums: Float64Array[];
  means: Float64Array[];
  answered: Int32Array;
  prorated: Uint8Array;
}

/**
 * The baseline of both scoring cases: one loop over a Float64Array that checks each answer is
 * on the scale, reverse-keys it, sums the total and the subscales skipping NaN, and prorates
 * (mean of the answered items × item count) within the instrument's missing-item limits.
 */
export function rawScoringLoop(instrument: Instrument, matrix: NumericMatrix): RawScores {
  const { min, max } = instrument.scale;
  const cols = matrix.cols;
  const scoreItems = [
    instrument.items.map((item) => item.number - 1),
    ...instrument.subscales.map((subscale) => subscale.items.map((number) => number - 1)),
  ].map((items) => Int32Array.from(items));
  const limits = [
    instrument.missing.maxMissingTotal,
    ...instrument.subscales.map(() => instrument.missing.maxMissingPerSubscale),
  ];
  const reverse = Uint8Array.from(instrument.items, (item) => (item.reverse ? 1 : 0));
  const rows = matrix.rows;
  const sums = scoreItems.map(() => new Float64Array(rows));
  const means = scoreItems.map(() => new Float64Array(rows));
  const answeredItems = new Int32Array(rows);
  const prorated = new Uint8Array(rows);
  const keyed = new Float64Array(cols);
  const values = matrix.values;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const value = values[r * cols + c]!;
      if (Number.isNaN(value)) {
        keyed[c] = Number.NaN;
        continue;
      }
      if (!(value >= min && value <= max) || value !== Math.round(value))
        throw new Error(`off the scale at row ${r}`);
      keyed[c] = reverse[c] === 1 ? min + max - value : value;
    }
    for (let s = 0; s < scoreItems.length; s++) {
      const items = scoreItems[s]!;
      let sum = 0;
      let answered = 0;
      for (let j = 0; j < items.length; j++) {
        const value = keyed[items[j]!]!;
        if (!Number.isNaN(value)) {
          sum += value;
          answered++;
        }
      }
      if (items.length - answered > limits[s]!) throw new Error(`too many missing at row ${r}`);
      const mean = sum / answered;
      sums[s]![r] = answered === items.length ? sum : mean * items.length;
      means[s]![r] = mean;
      if (answered < items.length) prorated[r] = 1;
      if (s === 0) answeredItems[r] = answered;
    }
  }
  return { sums, means, answered: answeredItems, prorated };
}

function instrumentAndData(rows: number, seed: number) {
  const instrument = getInstrument("wai-sr");
  return { instrument, matrix: waiSrResponses(instrument, rows, seed) };
}

/** `scoreTable` on a Float64Array matrix of WAI-SR responses (the columnar fast path). */
export function scoreTableCase(rows: number, iterations: number): BenchCase {
  return {
    name: "scoreTable (NumericMatrix)",
    size: `${rows.toLocaleString("en")} x 12, 3% missing`,
    iterations,
    target: { kind: "ratio", max: 3 },
    prepare: () => {
      const { instrument, matrix } = instrumentAndData(rows, 6001);
      return {
        library: () => scoreTable(instrument, matrix),
        baseline: () => rawScoringLoop(instrument, matrix),
        agreement: () => {
          const table = scoreTable(instrument, matrix);
          const raw = rawScoringLoop(instrument, matrix);
          const difference = Math.max(
            ...table.scoreIds.map((id, s) =>
              Math.max(
                largestRelativeDifference(table.scores[id]!.sum, raw.sums[s]!),
                largestRelativeDifference(table.scores[id]!.mean, raw.means[s]!),
              ),
            ),
            largestRelativeDifference(table.answered, raw.answered),
            largestRelativeDifference(table.prorated, raw.prorated),
          );
          return describeAgreement("all 8 score columns", difference, 0);
        },
      };
    },
  };
}

/** `scoreResponses` called once per answer record (keyed by item number), against the raw loop. */
export function scoreResponsesCase(rows: number, iterations: number): BenchCase {
  return {
    name: "scoreResponses (records)",
    size: `${rows.toLocaleString("en")} objects`,
    iterations,
    target: null,
    prepare: () => {
      const { instrument, matrix } = instrumentAndData(rows, 6002);
      const records = answerRecords(matrix);
      const scoreAll = () => records.map((answers) => scoreResponses(instrument, answers));
      return {
        library: scoreAll,
        baseline: () => rawScoringLoop(instrument, matrix),
        agreement: () => {
          const results = scoreAll();
          const raw = rawScoringLoop(instrument, matrix);
          const totals = Float64Array.from(results, (result) => result.total.sum);
          const bonds = Float64Array.from(results, (result) => result.subscales.bond!.sum);
          const difference = Math.max(
            largestRelativeDifference(totals, raw.sums[0]!),
            largestRelativeDifference(bonds, raw.sums[3]!),
          );
          return describeAgreement("total and bond sums", difference, 0);
        },
      };
    },
  };
}
