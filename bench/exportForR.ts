import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from "node:fs";
import { getInstrument } from "../src/instruments/registry.js";
import type { NumericMatrix } from "../src/math/numericMatrix.js";
import { cohenKappa } from "../src/reliability/cohenKappa.js";
import { cronbachAlpha } from "../src/reliability/cronbachAlpha.js";
import { intraclassCorrelation } from "../src/reliability/intraclassCorrelation.js";
import { scoreTable } from "../src/scoring/scoreTable.js";
import { judgeRatings, likertItems, ratingPairs, waiSrResponses } from "./data.js";
import { timeOne } from "./measure.js";

/** Sizes of the R comparison. psych::ICC runs on fewer targets: its aov() is far slower. */
export const R_SIZES = {
  scoreRows: 1_000_000,
  alphaRows: 100_000,
  alphaItems: 36,
  iccRows: 1_000,
  iccJudges: 10,
  kappaPairs: 1_000_000,
} as const;

/** Writes a matrix as CSV with a header, `NA` for a missing cell (as R's read.csv expects). */
function writeMatrixCsv(matrix: NumericMatrix, header: string[], path: string): void {
  const fd = openSync(path, "w");
  let chunk = `${header.join(",")}\n`;
  for (let r = 0; r < matrix.rows; r++) {
    const cells: string[] = [];
    for (let c = 0; c < matrix.cols; c++) {
      const value = matrix.values[r * matrix.cols + c]!;
      cells.push(Number.isNaN(value) ? "NA" : String(value));
    }
    chunk += `${cells.join(",")}\n`;
    if (chunk.length > 1 << 20) {
      writeSync(fd, chunk);
      chunk = "";
    }
  }
  writeSync(fd, chunk);
  closeSync(fd);
}

function columnNames(prefix: string, count: number): string[] {
  return Array.from({ length: count }, (_, c) => `${prefix}${c + 1}`);
}

function sum(values: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i]!;
  return total;
}

/**
 * Writes the data of the R comparison to `directory` (same generators and seeds as the bench)
 * and `ours.json`: the median time of this package on each data set (5 timed runs) and the
 * values R should reproduce.
 */
export function exportForR(directory: string): void {
  mkdirSync(directory, { recursive: true });
  const instrument = getInstrument("wai-sr");
  const responses = waiSrResponses(instrument, R_SIZES.scoreRows, 6001);
  writeMatrixCsv(responses, columnNames("i", responses.cols), `${directory}/wai-sr.csv`);
  const items = likertItems(R_SIZES.alphaRows, R_SIZES.alphaItems, 7, 6003);
  writeMatrixCsv(items, columnNames("V", items.cols), `${directory}/alpha.csv`);
  const ratings = judgeRatings(R_SIZES.iccRows, R_SIZES.iccJudges, 6004);
  writeMatrixCsv(ratings, columnNames("J", ratings.cols), `${directory}/icc.csv`);
  const { rater1, rater2 } = ratingPairs(R_SIZES.kappaPairs, 6005);
  const pairs: NumericMatrix = {
    values: Float64Array.from({ length: 2 * rater1.length }, (_, i) =>
      i % 2 === 0 ? rater1[i / 2]! : rater2[(i - 1) / 2]!,
    ),
    rows: rater1.length,
    cols: 2,
  };
  writeMatrixCsv(pairs, ["rater1", "rater2"], `${directory}/kappa.csv`);

  const table = scoreTable(instrument, responses);
  const alpha = cronbachAlpha(items);
  const icc = intraclassCorrelation(ratings);
  const kappa = cohenKappa(rater1, rater2);
  const ours = {
    scoreItems: {
      ms: timeOne(() => scoreTable(instrument, responses), 5),
      size: `${R_SIZES.scoreRows} x 12, 3% missing, 4 scales`,
      meanSums: table.scoreIds.map((id) => sum(table.scores[id]!.mean)),
    },
    alpha: {
      ms: timeOne(() => cronbachAlpha(items), 5),
      size: `${R_SIZES.alphaRows} x ${R_SIZES.alphaItems}`,
      rawAlpha: alpha.rawAlpha,
      stdAlpha: alpha.stdAlpha,
    },
    ICC: {
      ms: timeOne(() => intraclassCorrelation(ratings), 5),
      size: `${R_SIZES.iccRows} x ${R_SIZES.iccJudges}`,
      icc: icc.results.map((form) => form.icc),
    },
    cohenKappa: {
      ms: timeOne(() => cohenKappa(rater1, rater2), 5),
      size: `${R_SIZES.kappaPairs} pairs`,
      kappa: kappa.kappa,
      weightedKappa: kappa.weightedKappa,
    },
    scoreKeys: {
      total: instrument.items.map((item) => item.number),
      ...Object.fromEntries(instrument.subscales.map((subscale) => [subscale.id, subscale.items])),
    },
  };
  writeFileSync(`${directory}/ours.json`, `${JSON.stringify(ours, null, 2)}\n`);
  console.log(`R comparison data and our timings written to ${directory}`);
}
