import tQuantile from "@stdlib/stats-base-dists-t-quantile";
import { detectRuptures } from "../../src/ruptures/detectRuptures.js";
import { allianceSeries } from "../data.js";
import type { BenchCase } from "../measure.js";

const CUTOFF = 8;
const PCT = 0.15;

/** Mean, centred sum of squares and count of the non-NaN values in scores[from..to]. */
function windowMoments(scores: Float64Array, from: number, to: number): [number, number, number] {
  let sum = 0;
  let n = 0;
  for (let i = from; i <= to; i++) {
    const v = scores[i]!;
    if (!Number.isNaN(v)) {
      sum += v;
      n++;
    }
  }
  const mean = sum / n;
  let squares = 0;
  for (let i = from; i <= to; i++) {
    const v = scores[i]!;
    if (!Number.isNaN(v)) squares += (v - mean) * (v - mean);
  }
  return [mean, squares, n];
}

/**
 * Baseline of detectRuptures with `method: "sudden-change"`, direction loss: for every client
 * (a Float64Array slice, NaN = missing) and interval, Tang & DeRubeis' three criteria with the
 * t critical values computed once, then the reversal search of each flagged interval. Returns
 * the number of events and of repaired events.
 */
export function rawSuddenLosses(
  scores: Float64Array,
  clients: number,
  sessions: number,
): { events: number; repaired: number } {
  const critical = new Float64Array(5);
  for (let df = 2; df <= 4; df++) critical[df] = Math.abs(tQuantile(0.025, df));
  let events = 0;
  let repaired = 0;
  for (let client = 0; client < clients; client++) {
    const series = scores.subarray(client * sessions, (client + 1) * sessions);
    for (let post = 2; post <= sessions - 2; post++) {
      const before = series[post - 1]!;
      const change = before - series[post]!;
      if (Number.isNaN(change) || change < CUTOFF || change < PCT * before) continue;
      const [preMean, preSquares, preN] = windowMoments(series, Math.max(0, post - 3), post - 1);
      const [postMean, postSquares, postN] = windowMoments(
        series,
        post,
        Math.min(sessions - 1, post + 2),
      );
      if (preN < 2 || postN < 2) continue;
      const df = preN + postN - 2;
      if (!(preMean - postMean > critical[df]! * Math.sqrt((preSquares + postSquares) / df)))
        continue;
      events++;
      const reversalValue = series[post]! + change / 2;
      for (let i = post + 2; i < sessions; i++) {
        if (series[i]! > reversalValue) {
          repaired++;
          break;
        }
      }
    }
  }
  return { events, repaired };
}

export function detectRupturesCase(
  clients: number,
  sessions: number,
  iterations: number,
): BenchCase {
  return {
    name: "detectRuptures (sudden-change)",
    size: `${clients.toLocaleString("en")} clients x ${sessions} sessions`,
    iterations,
    target: null,
    prepare: () => {
      const { series, scores } = allianceSeries(clients, sessions, 6007);
      const options = {
        method: "sudden-change",
        direction: "loss",
        cutoff: CUTOFF,
        pct: PCT,
      } as const;
      const detectAll = () => series.map((client) => detectRuptures(client, options));
      return {
        library: detectAll,
        baseline: () => rawSuddenLosses(scores, clients, sessions),
        agreement: () => {
          const results = detectAll();
          const events = results.reduce((count, result) => count + result.events.length, 0);
          const repaired = results.reduce(
            (count, result) =>
              count + result.events.filter((event) => event.sessions.repair !== null).length,
            0,
          );
          const raw = rawSuddenLosses(scores, clients, sessions);
          const same = raw.events === events && raw.repaired === repaired;
          return `${same ? "" : "MISMATCH: "}events ${events} / baseline ${raw.events}, repaired ${repaired} / ${raw.repaired}`;
        },
      };
    },
  };
}
