import { AllianceError, describeValue } from "../errors.js";
import { isRecord } from "../guards.js";
import {
  type PostSessionOptions,
  type PostSessionResult,
  type PostSessionRow,
  postSessionRuptures,
} from "./postSessionRuptures.js";
import {
  type ReliableDropOptions,
  type ReliableDropResult,
  reliableDrops,
} from "./reliableDrops.js";
import {
  type SrsAlertOptions,
  type SrsAlertResult,
  type SrsSession,
  srsAlerts,
} from "./srsAlerts.js";
import {
  type SuddenChangeOptions,
  type SuddenChangeResult,
  suddenChanges,
} from "./suddenChanges.js";
import type { SessionSeries } from "./types.js";
import { type VShapeOptions, type VShapeResult, vShapedRuptures } from "./vShapedRuptures.js";

/**
 * Options of {@link detectRuptures}: a `method` and that method's own options.
 *
 * @category Ruptures
 */
export type DetectRupturesOptions =
  | ({ method: "sudden-change" } & SuddenChangeOptions)
  | ({ method: "v-shape" } & VShapeOptions)
  | ({ method: "reliable-drop" } & ReliableDropOptions)
  | ({ method: "srs" } & SrsAlertOptions)
  | ({ method: "post-session" } & PostSessionOptions);

/**
 * What {@link detectRuptures} returns: the chosen method's result.
 *
 * @category Ruptures
 */
export type DetectRupturesResult =
  | SuddenChangeResult
  | VShapeResult
  | ReliableDropResult
  | SrsAlertResult
  | PostSessionResult;

const METHODS = ["sudden-change", "v-shape", "reliable-drop", "srs", "post-session"] as const;

/**
 * Runs one rupture-detection method on one client's data: `"sudden-change"`
 * ({@link suddenChanges}), `"v-shape"` ({@link vShapedRuptures}), `"reliable-drop"`
 * ({@link reliableDrops}), `"srs"` ({@link srsAlerts}, with SRS sessions as input) or
 * `"post-session"` ({@link postSessionRuptures}, with post-session report rows as input). The
 * other options go to the method unchanged; every event carries its method, evidence and
 * citations, so results of different methods can be pooled in {@link summarizeRuptures}.
 *
 * Reference: see each method. No R equivalent.
 *
 * @category Ruptures
 * @throws AllianceError INVALID_OPTION for options that are not an object or an unknown method,
 * plus the errors of the method: INVALID_INPUT, INVALID_SERIES, NOT_A_NUMBER, OUT_OF_RANGE
 * (including a computed value that overflows), INVALID_OPTION, and WRONG_LENGTH (`"srs"`: not
 * 4 items)
 * @example
 * const series = [38, 39, 38, 37, 38, 30, 38, 39, 38, 39].map((score, i) => ({ session: i + 1, score }));
 * detectRuptures(series, { method: "v-shape", k: 2 }).events.length; // => 1
 */
export function detectRuptures(
  series: SessionSeries,
  options: { method: "sudden-change" } & SuddenChangeOptions,
): SuddenChangeResult;
export function detectRuptures(
  series: SessionSeries,
  options: { method: "v-shape" } & VShapeOptions,
): VShapeResult;
export function detectRuptures(
  series: SessionSeries,
  options: { method: "reliable-drop" } & ReliableDropOptions,
): ReliableDropResult;
export function detectRuptures(
  series: readonly Readonly<SrsSession>[],
  options: { method: "srs" } & SrsAlertOptions,
): SrsAlertResult;
export function detectRuptures(
  rows: readonly Readonly<PostSessionRow>[],
  options: { method: "post-session" } & PostSessionOptions,
): PostSessionResult;
export function detectRuptures(
  data: readonly unknown[],
  options: DetectRupturesOptions,
): DetectRupturesResult {
  if (!isRecord(options) || !(METHODS as readonly unknown[]).includes(options.method)) {
    throw new AllianceError({
      code: "INVALID_OPTION",
      path: "options.method",
      message: `expected one of ${METHODS.map((method) => `"${method}"`).join(", ")}, got ${describeValue(isRecord(options) ? options.method : options)}`,
    });
  }
  const { method, ...rest } = options;
  switch (method) {
    case "sudden-change":
      return suddenChanges(data as SessionSeries, rest as SuddenChangeOptions);
    case "v-shape":
      return vShapedRuptures(data as SessionSeries, rest as VShapeOptions);
    case "reliable-drop":
      return reliableDrops(data as SessionSeries, rest as ReliableDropOptions);
    case "srs":
      return srsAlerts(data as readonly SrsSession[], rest as SrsAlertOptions);
    case "post-session":
      return postSessionRuptures(data as readonly PostSessionRow[], rest as PostSessionOptions);
  }
}
