import { AllianceError, type AllianceWarning, describeValue } from "../errors.js";
import { assertSafeKey, isRecord, optionsRecord } from "../guards.js";
import {
  BAND_ALTERNATIVES,
  type BandAlternatives,
  CHANGE_THRESHOLDS,
  type ChangeThreshold,
} from "../instruments/interpretationRules.js";
import type { Band, BandBound, Instrument, KeyStatus, Norms } from "../instruments/model.js";
import { type InstrumentOrId, resolveInstrument } from "./resolveInstrument.js";
import type { ScoreResult, ScoreValue } from "./types.js";

/**
 * The parts of a score that {@link interpret} reads; a `scoreResponses` result has them all.
 *
 * @category Scoring
 */
export type InterpretableScore = Pick<ScoreResult, "instrumentId" | "total" | "subscales">;

/**
 * Options of {@link interpret}.
 *
 * @category Scoring
 */
export interface InterpretOptions {
  /**
   * Where sources disagree on a cut-off or a reliable-change value, which reading to apply,
   * keyed by the choice's group: e.g. `{ "srs-cutoff": "at-or-below-36" }` or
   * `{ "ors-reliable-change": "rc-6.6" }`. Unchosen groups use their documented default.
   */
  choices?: Readonly<Record<string, string>>;
  /** An earlier score of the same person on the same instrument, for reliable change. */
  previous?: InterpretableScore;
}

/**
 * A band or cut-off the score falls in, with the source that defines it.
 *
 * @category Scoring
 */
export interface BandMet {
  /** Id of the band within its instrument. */
  id: string;
  /** Short label, e.g. `Total below 36`. */
  label: string;
  /** The score compared: `total` or a subscale id. */
  score: string;
  /** Whether the sum or the mean was compared. */
  metric: "sum" | "mean";
  /** The value compared. */
  value: number;
  /** Lower bound of the band, when it has one. */
  lower: BandBound | null;
  /** Upper bound of the band, when it has one. */
  upper: BandBound | null;
  /** What falling in the band means. */
  meaning: string;
  /** Where the band comes from. */
  source: string;
  /** Confidence in that source. */
  status: KeyStatus;
}

/**
 * Which reading of a disputed cut-off or change value was applied.
 *
 * @category Scoring
 */
export interface ChoiceApplied {
  /** Name of the choice (the key of `InterpretOptions.choices`). */
  group: string;
  /** Id of the band or threshold applied. */
  applied: string;
  /** True when the caller chose it; false when it is the default. */
  chosen: boolean;
  /** Every alternative reading, the applied one included. */
  alternatives: string[];
  /** Why there is a choice and why the default is the default. */
  note: string;
}

/**
 * The change between an earlier and this score, judged against a reliable-change threshold.
 *
 * @category Scoring
 */
export interface ReliableChange {
  /** Id of the threshold. */
  id: string;
  /** The score compared: `total` or a subscale id. */
  score: string;
  /** Whether sums or means were compared. */
  metric: "sum" | "mean";
  /** The earlier value. */
  previous: number;
  /** This value. */
  current: number;
  /** current − previous. */
  change: number;
  /** The smallest change counted as reliable. */
  threshold: number;
  /** `up` or `down` when |change| reaches the threshold, else `none`. */
  reliable: "up" | "down" | "none";
  /** What a change of this size means. */
  meaning: string;
  /** Where the threshold comes from. */
  source: string;
  /** Confidence in that source. */
  status: KeyStatus;
}

/**
 * The interpretation of one score.
 *
 * @category Scoring
 */
export interface Interpretation {
  /** Id of the instrument. */
  instrumentId: string;
  /** Every band or cut-off the score falls in; empty when none is met or none exists. */
  bands: BandMet[];
  /** Reliable-change judgements (empty without `options.previous`). */
  changes: ReliableChange[];
  /** Which reading of each disputed cut-off or threshold was applied. */
  choices: ChoiceApplied[];
  /** What the authors say about norms, e.g. that there are none (the WAI). */
  norms: Norms;
  /** `NO_NORMS`, `NORMS_UNKNOWN`, `PRORATED_SCORE`. */
  warnings: AllianceWarning[];
}

/** Two values this close count as equal, so that a VAS total of 8.7 + 9.1 + 9.2 + 9.0 is 36. */
const TOLERANCE = 1e-9;

/**
 * Interprets a score against the instrument's sourced bands and cut-offs, and, given an earlier
 * score, against its reliable-change thresholds. It reports each band met with its source and
 * confidence; it invents none. Where the authors state there are no norms (the WAI, the TASC-R),
 * the result says so in `norms` and a `NO_NORMS` warning.
 *
 * A score is in a band when lower < value < upper, with `≤` at an inclusive bound; values
 * within 1e-9 of a bound count as equal to it (sums of 0.1-step VAS items carry binary
 * rounding noise). A change is reliable when |current − previous| ≥ threshold.
 *
 * Where sources disagree (SRS "< 36" or "≤ 36"; ORS reliable change 5 or 6.6) only one reading
 * is applied: `options.choices[group]`, else the documented default; `choices` in the result
 * says which, and each band or threshold carries its own source.
 *
 * Reference: Jacobson, N. S., & Truax, P. (1991). Clinical significance: A statistical approach
 * to defining meaningful change in psychotherapy research. Journal of Consulting and Clinical
 * Psychology, 59(1), 12–19. doi:10.1037/0022-006X.59.1.12 (cut-off and reliable-change logic).
 *
 * @category Scoring
 * @throws AllianceError INVALID_INPUT when a score is not a score of this instrument; NOT_A_NUMBER
 *   when a sum or mean it reads is not finite
 * @throws AllianceError INVALID_OPTION for options that are not an object, an unknown choice
 *   group or reading; UNSAFE_KEY for a prototype key among the choices
 * @throws AllianceError for the instrument: UNKNOWN_INSTRUMENT (an unknown id), INVALID_INPUT
 *   (neither an id nor an object), INVALID_DEFINITION or UNSAFE_KEY (a definition
 *   `defineInstrument` rejects)
 * @example
 * const score = scoreResponses("srs", [9, 9, 9, 9]); // total 36
 * interpret(score, "srs").bands;                     // => [] ("< 36" is the default reading)
 * interpret(score, "srs", { choices: { "srs-cutoff": "at-or-below-36" } }).bands[0].id; // => "at-or-below-36"
 */
export function interpret(
  score: InterpretableScore,
  instrumentOrId: InstrumentOrId,
  givenOptions: Readonly<InterpretOptions> = {},
): Interpretation {
  const options = optionsRecord(givenOptions);
  const instrument = resolveInstrument(instrumentOrId);
  checkScore(score, instrument, "score");
  if (options.previous !== undefined) checkScore(options.previous, instrument, "options.previous");
  const bandGroups = BAND_ALTERNATIVES.filter((group) => group.instrumentId === instrument.id);
  const thresholds = CHANGE_THRESHOLDS.filter(
    (threshold) => threshold.instrumentId === instrument.id,
  );
  const chosen = readChoices(options.choices, bandGroups, thresholds);

  const choices: ChoiceApplied[] = [];
  const skippedBands = new Set<string>();
  for (const group of bandGroups) {
    const applied = chosen.get(group.group) ?? group.defaultBandId;
    for (const id of group.bandIds) if (id !== applied) skippedBands.add(id);
    choices.push({
      group: group.group,
      applied,
      chosen: chosen.has(group.group),
      alternatives: [...group.bandIds],
      note: group.note,
    });
  }
  const bands = instrument.bands
    .filter((band) => !skippedBands.has(band.id))
    .flatMap((band) => bandMet(band, scoreValue(score, band.score, band.metric)));

  const appliedThresholds = applyThresholdChoices(thresholds, chosen, choices);
  const changes =
    options.previous === undefined
      ? []
      : appliedThresholds.map((threshold) => changeOf(threshold, options.previous!, score));

  return {
    instrumentId: instrument.id,
    bands,
    changes,
    choices,
    norms: instrument.norms,
    warnings: warningsFor(instrument, score, bands),
  };
}

function checkScore(
  score: unknown,
  instrument: Instrument,
  path: string,
): asserts score is InterpretableScore {
  if (!isRecord(score) || !isRecord(score.total) || !isRecord(score.subscales)) {
    throw new AllianceError({
      code: "INVALID_INPUT",
      path,
      message: `expected a score from scoreResponses, got ${describeValue(score)}`,
    });
  }
  if (score.instrumentId !== instrument.id) {
    throw new AllianceError({
      code: "INVALID_INPUT",
      path: `${path}.instrumentId`,
      message: `expected a score of ${instrument.id}, got one of ${describeValue(score.instrumentId)}`,
    });
  }
  checkSumAndMean(score.total, `${path}.total`);
  for (const subscale of instrument.subscales) {
    const value = score.subscales[subscale.id];
    if (!isRecord(value)) {
      throw new AllianceError({
        code: "INVALID_INPUT",
        path: `${path}.subscales`,
        message: `expected a score for the subscale ${JSON.stringify(subscale.id)}`,
      });
    }
    checkSumAndMean(value, `${path}.subscales.${subscale.id}`);
  }
}

/** A score's sum and mean must be finite numbers: a NaN would meet no band and say nothing. */
function checkSumAndMean(value: Readonly<Record<string, unknown>>, path: string): void {
  for (const field of ["sum", "mean"] as const) {
    const number = value[field];
    if (typeof number !== "number" || !Number.isFinite(number)) {
      throw new AllianceError({
        code: "NOT_A_NUMBER",
        path: `${path}.${field}`,
        message: `expected a finite number, got ${describeValue(number)}`,
      });
    }
  }
}

/** The caller's choices, checked: each group must exist for the instrument, each reading in it. */
function readChoices(
  choices: Readonly<Record<string, string>> | undefined,
  bandGroups: readonly BandAlternatives[],
  thresholds: readonly ChangeThreshold[],
): Map<string, string> {
  const read = new Map<string, string>();
  if (choices === undefined) return read;
  if (!isRecord(choices)) {
    throw new AllianceError({
      code: "INVALID_OPTION",
      path: "options.choices",
      message: `expected a record of group → reading, got ${describeValue(choices)}`,
    });
  }
  const readings = new Map<string, string[]>();
  for (const group of bandGroups) readings.set(group.group, [...group.bandIds]);
  for (const threshold of thresholds)
    readings.set(threshold.group, [...(readings.get(threshold.group) ?? []), threshold.id]);
  for (const [group, reading] of Object.entries(choices)) {
    assertSafeKey(group, `options.choices.${group}`);
    const allowed = readings.get(group);
    if (allowed === undefined) {
      const known = [...readings.keys()];
      throw new AllianceError({
        code: "INVALID_OPTION",
        path: `options.choices.${group}`,
        message: `expected one of the choices ${known.length > 0 ? known.join(", ") : "(this instrument has none)"}, got ${JSON.stringify(group)}`,
      });
    }
    if (typeof reading !== "string" || !allowed.includes(reading)) {
      throw new AllianceError({
        code: "INVALID_OPTION",
        path: `options.choices.${group}`,
        message: `expected one of ${allowed.join(", ")}, got ${describeValue(reading)}`,
      });
    }
    read.set(group, reading);
  }
  return read;
}

/** One threshold per group: the chosen one, else the default; records each choice made. */
function applyThresholdChoices(
  thresholds: readonly ChangeThreshold[],
  chosen: ReadonlyMap<string, string>,
  choices: ChoiceApplied[],
): ChangeThreshold[] {
  const groups = [...new Set(thresholds.map((threshold) => threshold.group))];
  return groups.map((group) => {
    const members = thresholds.filter((threshold) => threshold.group === group);
    const applied =
      members.find((threshold) => threshold.id === chosen.get(group)) ??
      members.find((threshold) => threshold.isDefault)!;
    if (members.length > 1) {
      choices.push({
        group,
        applied: applied.id,
        chosen: chosen.has(group),
        alternatives: members.map((threshold) => threshold.id),
        note: members
          .map((threshold) => `${threshold.id}: ${threshold.source} (${threshold.status})`)
          .join("; "),
      });
    }
    return applied;
  });
}

function scoreValue(score: InterpretableScore, scoreId: string, metric: "sum" | "mean"): number {
  const scored: ScoreValue = scoreId === "total" ? score.total : score.subscales[scoreId]!;
  return scored[metric];
}

function bandMet(band: Band, value: number): BandMet[] {
  if (!withinLower(value, band.lower) || !withinUpper(value, band.upper)) return [];
  return [
    {
      id: band.id,
      label: band.label,
      score: band.score,
      metric: band.metric,
      value,
      lower: band.lower ?? null,
      upper: band.upper ?? null,
      meaning: band.meaning,
      source: band.source,
      status: band.status,
    },
  ];
}

function equal(a: number, b: number): boolean {
  return Math.abs(a - b) <= TOLERANCE * Math.max(1, Math.abs(b));
}

function withinLower(value: number, bound: BandBound | undefined): boolean {
  if (bound === undefined) return true;
  if (equal(value, bound.value)) return bound.inclusive;
  return value > bound.value;
}

function withinUpper(value: number, bound: BandBound | undefined): boolean {
  if (bound === undefined) return true;
  if (equal(value, bound.value)) return bound.inclusive;
  return value < bound.value;
}

function changeOf(
  threshold: ChangeThreshold,
  previous: InterpretableScore,
  current: InterpretableScore,
): ReliableChange {
  const before = scoreValue(previous, threshold.score, threshold.metric);
  const after = scoreValue(current, threshold.score, threshold.metric);
  const change = after - before;
  const reaches = Math.abs(change) > threshold.value || equal(Math.abs(change), threshold.value);
  return {
    id: threshold.id,
    score: threshold.score,
    metric: threshold.metric,
    previous: before,
    current: after,
    change,
    threshold: threshold.value,
    reliable: !reaches ? "none" : change > 0 ? "up" : "down",
    meaning: threshold.meaning,
    source: threshold.source,
    status: threshold.status,
  };
}

function warningsFor(
  instrument: Instrument,
  score: InterpretableScore,
  bands: readonly BandMet[],
): AllianceWarning[] {
  const warnings: AllianceWarning[] = [];
  if (instrument.norms.status === "none") {
    warnings.push({
      code: "NO_NORMS",
      path: "norms",
      message: `${instrument.abbreviation} has no norms or cut-offs: ${instrument.norms.note} (${instrument.norms.source})`,
    });
  }
  if (instrument.norms.status === "unknown") {
    warnings.push({
      code: "NORMS_UNKNOWN",
      path: "norms",
      message: `no sourced norms or cut-offs are known for ${instrument.abbreviation}: ${instrument.norms.note}`,
    });
  }
  for (const band of bands) {
    const scored: ScoreValue = band.score === "total" ? score.total : score.subscales[band.score]!;
    if (scored.prorated) {
      warnings.push({
        code: "PRORATED_SCORE",
        path: `bands.${band.id}`,
        message: `the ${band.score} score was prorated from ${scored.answered} answered items; read the band with care`,
      });
    }
  }
  return warnings;
}
