// Type-checked by `deno check` (scripts/check-runtimes.sh): the package's declarations must
// resolve under Deno's node16-style resolution, and the types must say what the values are.
import { type AllianceError, type ScoreResult, scoreResponses } from "therapeutic-alliance";
import { getInstrument, type Instrument } from "therapeutic-alliance/instruments";
import { type ScoreTableResult, scoreTable } from "therapeutic-alliance/scoring";

const instrument: Instrument = getInstrument("wai-sr");
const result: ScoreResult = scoreResponses(instrument, [4, 5, 4, 3, 5, 4, 4, 4, 5, 4, 3, 4]);
const total: number = result.total.sum;
const table: ScoreTableResult = scoreTable(instrument, [[4, 5, 4, 3, 5, 4, 4, 4, 5, 4, 3, 4]]);
const sums: Float64Array = table.scores["total"]!.sum;
const code: AllianceError["code"] = "OUT_OF_RANGE";

// @ts-expect-error: answers are numbers, not labels
scoreResponses(instrument, ["often"]);

console.log(total, sums[0], code);
