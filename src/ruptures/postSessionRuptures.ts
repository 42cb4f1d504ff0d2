import { AllianceError, type AllianceWarning, describeValue } from "../errors.js";
import { isRecord, optionsRecord } from "../guards.js";
import { RUPTURE_SOURCES } from "./citations.js";
import {
  copyCitations,
  readChoiceOption,
  readNumberOption,
  readOptionalRating,
} from "./readOptions.js";
import type { CriterionResult, RuptureEvent, RuptureResult } from "./types.js";

/**
 * One rater's post-session rupture report (after the Post-Session Questionnaire of Muran et
 * al.; item wording and anchors are not confirmed, so the fields are generic).
 *
 * @category Ruptures
 */
export interface PostSessionReport {
  /** Did a rupture (tension, problem) occur? `null`/absent when not asked or not answered. */
  presence?: boolean | null;
  /** Rupture intensity rating. */
  intensity?: number | null;
  /** Rating of how far the rupture was resolved. */
  resolution?: number | null;
}

/**
 * One session's post-session reports by client and/or therapist.
 *
 * @category Ruptures
 */
export interface PostSessionRow {
  /** Session number; strictly increasing. */
  session: number;
  /** The client's report. */
  client?: PostSessionReport | null;
  /** The therapist's report. */
  therapist?: PostSessionReport | null;
}

/**
 * Options of {@link postSessionRuptures}. No threshold has a published default.
 *
 * @category Ruptures
 */
export interface PostSessionOptions {
  /** Whose report flags a rupture: `"either"` (default; library choice), `"both"`, `"client"` or `"therapist"`. */
  rater?: "client" | "therapist" | "either" | "both";
  /** Intensity at or above which a report counts as a rupture; `null`/absent: intensity is not used. */
  intensityThreshold?: number | null;
  /** Resolution at or above which a rupture counts as resolved; `null`/absent: resolution is not judged. */
  resolutionThreshold?: number | null;
  /** Allowed rating range for intensity and resolution; ratings outside throw `OUT_OF_RANGE`. */
  scale?: { readonly min: number; readonly max: number };
}

/**
 * Agreement between client and therapist on whether a rupture occurred, over the sessions where
 * both reports could be judged.
 *
 * @category Ruptures
 */
export interface RaterAgreement {
  /** Sessions with a judgeable report from both raters. */
  n: number;
  both: number;
  clientOnly: number;
  therapistOnly: number;
  neither: number;
  /** (both + neither) / n, or `null` when n = 0. */
  percentAgreement: number | null;
  /** Cohen's (1960) kappa for the 2 x 2 table, or `null` when n = 0 or chance agreement is 1. */
  kappa: number | null;
}

/**
 * Result of {@link postSessionRuptures}.
 *
 * @category Ruptures
 */
export interface PostSessionResult extends RuptureResult {
  method: "post-session";
  /** Client-therapist agreement on rupture presence. */
  agreement: RaterAgreement;
  /** The settings used. */
  settings: {
    rater: "client" | "therapist" | "either" | "both";
    intensityThreshold: number | null;
    resolutionThreshold: number | null;
  };
}

type Settings = PostSessionResult["settings"];

/** One rater's report, judged. */
interface Judged {
  flag: boolean | null;
  intensity: number | null;
  resolution: number | null;
}

function judge(
  report: unknown,
  path: string,
  settings: Settings,
  scale: PostSessionOptions["scale"],
): Judged {
  if (report === null || report === undefined)
    return { flag: null, intensity: null, resolution: null };
  if (!isRecord(report)) {
    throw new AllianceError({
      code: "INVALID_INPUT",
      path,
      message: `expected { presence?, intensity?, resolution? }, got ${describeValue(report)}`,
    });
  }
  const presence = report.presence;
  if (presence !== null && presence !== undefined && typeof presence !== "boolean") {
    throw new AllianceError({
      code: "INVALID_INPUT",
      path: `${path}.presence`,
      message: `expected true, false or null, got ${describeValue(presence)}`,
    });
  }
  const intensity = readOptionalRating(report.intensity, `${path}.intensity`, scale);
  const resolution = readOptionalRating(report.resolution, `${path}.resolution`, scale);
  const threshold = settings.intensityThreshold;
  const intense = threshold !== null && intensity !== null && intensity >= threshold;
  const known = typeof presence === "boolean" || (threshold !== null && intensity !== null);
  return {
    flag: presence === true || intense ? true : known ? false : null,
    intensity,
    resolution,
  };
}

function sessionFlag(client: Judged, therapist: Judged, rater: Settings["rater"]): boolean | null {
  if (rater === "client") return client.flag;
  if (rater === "therapist") return therapist.flag;
  if (rater === "either") {
    if (client.flag === true || therapist.flag === true) return true;
    return client.flag === false && therapist.flag === false ? false : null;
  }
  if (client.flag === false || therapist.flag === false) return false;
  return client.flag === true && therapist.flag === true ? true : null;
}

function resolutionOf(reporters: readonly Judged[], threshold: number | null): boolean | null {
  if (threshold === null) return null;
  const known = reporters.filter((report) => report.resolution !== null);
  if (known.length === 0) return null;
  return known.every((report) => report.resolution! >= threshold);
}

function readSettings(options: PostSessionOptions): Settings {
  const optional = (value: unknown, name: string): number | null =>
    value == null ? null : readNumberOption(value, name, 0);
  if (options.scale !== undefined) {
    const { min, max } = isRecord(options.scale)
      ? options.scale
      : { min: Number.NaN, max: Number.NaN };
    if (!Number.isFinite(min) || !Number.isFinite(max) || min >= max) {
      throw new AllianceError({
        code: "INVALID_OPTION",
        path: "options.scale",
        message: `expected { min, max } with finite min < max, got ${describeValue(options.scale)}`,
      });
    }
  }
  return {
    rater: readChoiceOption(
      options.rater,
      "rater",
      ["client", "therapist", "either", "both"],
      "either",
    ),
    intensityThreshold: optional(options.intensityThreshold, "intensityThreshold"),
    resolutionThreshold: optional(options.resolutionThreshold, "resolutionThreshold"),
  };
}

function agreementOf(
  pairs: readonly (readonly [boolean, boolean])[],
  warnings: AllianceWarning[],
): RaterAgreement {
  let both = 0;
  let clientOnly = 0;
  let therapistOnly = 0;
  let neither = 0;
  for (const [client, therapist] of pairs) {
    if (client && therapist) both++;
    else if (client) clientOnly++;
    else if (therapist) therapistOnly++;
    else neither++;
  }
  const n = pairs.length;
  if (n === 0) {
    warnings.push({
      code: "NO_PAIRED_REPORTS",
      path: "rows",
      message:
        "no session has a judgeable report from both client and therapist; agreement is null",
    });
    return { n, both, clientOnly, therapistOnly, neither, percentAgreement: null, kappa: null };
  }
  const observed = (both + neither) / n;
  const chance =
    ((both + clientOnly) * (both + therapistOnly) +
      (therapistOnly + neither) * (clientOnly + neither)) /
    (n * n);
  if (chance === 1) {
    warnings.push({
      code: "KAPPA_UNDEFINED",
      path: "rows",
      message:
        "both raters gave one and the same answer throughout (chance agreement 1); kappa is null",
    });
  }
  return {
    n,
    both,
    clientOnly,
    therapistOnly,
    neither,
    percentAgreement: observed,
    kappa: chance === 1 ? null : (observed - chance) / (1 - chance),
  };
}

function makeEvent(
  session: number,
  reporters: readonly Judged[],
  who: string,
  settings: Settings,
): RuptureEvent {
  const intensities = reporters
    .map((report) => report.intensity)
    .filter((value): value is number => value !== null);
  const resolved = resolutionOf(reporters, settings.resolutionThreshold);
  const criteria: CriterionResult[] = reporters.map((report, index) => ({
    name: reporters.length === 2 ? (index === 0 ? "client" : "therapist") : who,
    passed: report.flag,
    value: report.intensity,
    threshold: settings.intensityThreshold,
    rule: "presence = yes, or intensity >= intensityThreshold",
  }));
  criteria.push({
    name: "resolution",
    passed: resolved,
    value: null,
    threshold: settings.resolutionThreshold,
    rule: "every known resolution rating of the reporting raters >= resolutionThreshold",
  });
  return {
    method: "post-session",
    kind: `post-session-${who}`,
    sessions: { start: session, trough: session, repair: resolved ? session : null },
    scores: { start: null, trough: null, repair: null },
    magnitude: intensities.length === 0 ? null : Math.max(...intensities),
    length: 0,
    resolved,
    evidence: {
      rule: `rupture reported by ${who}`,
      threshold: settings.intensityThreshold,
      referenceValue: null,
      sdUsed: null,
      criteria,
    },
    citations: copyCitations(RUPTURE_SOURCES.muran2009, RUPTURE_SOURCES.libraryChoice),
  };
}

/**
 * Ruptures from post-session questionnaire items (presence, intensity, resolution; Muran et al.
 * 2009 rated rupture intensity and resolution by patient and therapist after each session), and
 * client-therapist agreement.
 *
 * A rater reports a rupture when presence is yes or intensity >= `intensityThreshold`; the
 * session is flagged by `rater` (either, both, client or therapist). A flagged rupture is
 * resolved when every known resolution rating of the reporting raters is >= `resolutionThreshold`
 * (within the session, so `repair` is the same session). Agreement: the 2 x 2 table of client
 * and therapist flags over sessions where both can be judged, percent agreement and Cohen's
 * kappa, (po - pe) / (1 - pe). The PSQ's item wording, its 1-5 anchors and any flag rule are not
 * confirmed, so every threshold is the user's (library shape, ruptures.md section 5).
 *
 * References: Muran et al. (2009) Psychotherapy 46(2), 233-248; Cohen (1960) Educ Psychol Meas
 * 20, 37-46, doi:10.1177/001316446002000104. R: `psych::cohen.kappa()` for the kappa.
 *
 * @category Ruptures
 * @throws AllianceError INVALID_INPUT, NOT_A_NUMBER, OUT_OF_RANGE (a rating outside `scale`),
 * INVALID_SERIES (unordered sessions), INVALID_OPTION
 * @example
 * postSessionRuptures(
 *   [{ session: 1, client: { presence: false }, therapist: { presence: true, resolution: 4 } }],
 *   { resolutionThreshold: 4 },
 * ).events[0].resolved; // => true
 */
export function postSessionRuptures(
  rows: readonly Readonly<PostSessionRow>[],
  options: PostSessionOptions = {},
): PostSessionResult {
  const settings = readSettings(optionsRecord(options));
  const scale = (options as PostSessionOptions).scale;
  if (!Array.isArray(rows)) {
    throw new AllianceError({
      code: "INVALID_INPUT",
      path: "rows",
      message: `expected an array of { session, client?, therapist? }, got ${describeValue(rows)}`,
    });
  }
  const events: RuptureEvent[] = [];
  const warnings: AllianceWarning[] = [];
  const pairs: (readonly [boolean, boolean])[] = [];
  let previous = Number.NEGATIVE_INFINITY;
  rows.forEach((row: unknown, index) => {
    if (!isRecord(row) || typeof row.session !== "number" || !Number.isFinite(row.session)) {
      throw new AllianceError({
        code: "INVALID_INPUT",
        path: `rows[${index}]`,
        message: `expected { session: number, client?, therapist? }, got ${describeValue(row)}`,
      });
    }
    if (row.session <= previous) {
      throw new AllianceError({
        code: "INVALID_SERIES",
        path: `rows[${index}].session`,
        message: `expected sessions in strictly increasing order, got ${row.session} after ${previous}`,
      });
    }
    previous = row.session;
    const client = judge(row.client, `rows[${index}].client`, settings, scale);
    const therapist = judge(row.therapist, `rows[${index}].therapist`, settings, scale);
    if (client.flag !== null && therapist.flag !== null) pairs.push([client.flag, therapist.flag]);
    if (sessionFlag(client, therapist, settings.rater) !== true) return;
    const reporters = [client, therapist].filter((report) => report.flag === true);
    const who = reporters.length === 2 ? "both" : client.flag === true ? "client" : "therapist";
    events.push(makeEvent(row.session, reporters, who, settings));
  });
  return {
    method: "post-session",
    higherIsBetter: true,
    events,
    warnings,
    agreement: agreementOf(pairs, warnings),
    settings,
  };
}
