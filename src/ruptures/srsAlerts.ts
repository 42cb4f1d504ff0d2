import { AllianceError, type AllianceWarning, describeValue } from "../errors.js";
import { isRecord, optionsRecord } from "../guards.js";
import { RUPTURE_SOURCES } from "./citations.js";
import { notFinite } from "./notFinite.js";
import { copyCitations, readBooleanOption, readNumberOption } from "./readOptions.js";
import type { CriterionResult, RuptureCitation, RuptureEvent, RuptureResult } from "./types.js";

/**
 * One Session Rating Scale (SRS v3) administration: the four 0-10 visual-analogue items in form
 * order (relationship; goals and topics; approach or method; overall) and/or the 0-40 total.
 * Higher is better on every item and the total.
 *
 * @category Ruptures
 */
export interface SrsSession {
  /** Session number; strictly increasing across the series. */
  session: number;
  /** The four item scores (0-10, `null` when missing), in form order. */
  items?: readonly (number | null)[] | null;
  /** The total (0-40); when absent it is the sum of four present items. */
  total?: number | null;
}

/** SRS item names in form order (Duncan et al. 2003, via CORC and hiboop; CONFIRMED-secondary). */
const SRS_ITEMS = ["relationship", "goals and topics", "approach or method", "overall"] as const;

/**
 * Options of {@link srsAlerts}.
 *
 * @category Ruptures
 */
export interface SrsAlertOptions {
  /** Total cut-off. Default 36 (both secondary sources; the primary wording was not available). */
  totalCutoff?: number;
  /**
   * `false` (default): alert when total < cutoff ("below 36", cauceos; "lower than 36", S38);
   * `true`: alert when total <= cutoff ("<= 36", hiboop). The sources conflict.
   */
  inclusive?: boolean;
  /** Item cut-off, or `null` to switch the item alert off. Default 9 ("9 on any scale", S38; hiboop says "below 8-9"). */
  itemCutoff?: number | null;
  /** `false` (default): alert when an item < itemCutoff; `true`: when <= itemCutoff. */
  itemInclusive?: boolean;
  /** Alert when the total falls by at least this much from the previous total; `null` (default) switches it off (no published drop rule). */
  dropThreshold?: number | null;
}

/**
 * Result of {@link srsAlerts}.
 *
 * @category Ruptures
 */
export interface SrsAlertResult extends RuptureResult {
  method: "srs";
  /** The settings used, defaults filled in. */
  settings: {
    totalCutoff: number;
    inclusive: boolean;
    itemCutoff: number | null;
    itemInclusive: boolean;
    dropThreshold: number | null;
  };
}

interface Administration {
  session: number;
  items: readonly number[];
  total: number;
}

function readValue(value: unknown, path: string, max: number): number {
  if (value === null || value === undefined) return Number.NaN;
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new AllianceError({
      code: "NOT_A_NUMBER",
      path,
      message: `expected a number from 0 to ${max} or null, got ${describeValue(value)}`,
    });
  }
  if (value < 0 || value > max) {
    throw new AllianceError({
      code: "OUT_OF_RANGE",
      path,
      message: `expected a score from 0 to ${max}, got ${value}`,
    });
  }
  return value;
}

function readItems(value: unknown, path: string): number[] {
  if (value === null || value === undefined)
    return [Number.NaN, Number.NaN, Number.NaN, Number.NaN];
  if (!Array.isArray(value)) {
    throw new AllianceError({
      code: "INVALID_INPUT",
      path,
      message: `expected an array of 4 item scores, got ${describeValue(value)}`,
    });
  }
  if (value.length !== 4) {
    throw new AllianceError({
      code: "WRONG_LENGTH",
      path,
      message: `expected 4 SRS items, got ${value.length}`,
    });
  }
  return value.map((item, index) => readValue(item, `${path}[${index}]`, 10));
}

function readAdministration(entry: unknown, index: number, previous: number): Administration {
  const path = `srsSeries[${index}]`;
  if (!isRecord(entry)) {
    throw new AllianceError({
      code: "INVALID_INPUT",
      path,
      message: `expected { session, items?, total? }, got ${describeValue(entry)}`,
    });
  }
  const session = entry.session;
  if (typeof session !== "number" || !Number.isFinite(session)) {
    throw new AllianceError({
      code: "NOT_A_NUMBER",
      path: `${path}.session`,
      message: `expected a finite session number, got ${describeValue(session)}`,
    });
  }
  if (session <= previous) {
    throw new AllianceError({
      code: "INVALID_SERIES",
      path: `${path}.session`,
      message: `expected sessions in strictly increasing order, got ${session} after ${previous}`,
    });
  }
  const items = readItems(entry.items, `${path}.items`);
  const itemSum = items.reduce((sum, item) => sum + item, 0);
  let total = readValue(entry.total, `${path}.total`, 40);
  if (Number.isNaN(total)) total = itemSum;
  else if (!Number.isNaN(itemSum) && Math.abs(itemSum - total) > 1e-9) {
    throw new AllianceError({
      code: "INVALID_INPUT",
      path: `${path}.total`,
      message: `expected the total to equal the item sum ${itemSum}, got ${total}`,
    });
  }
  return { session, items, total };
}

function readSeries(srsSeries: unknown): Administration[] {
  if (!Array.isArray(srsSeries)) {
    throw new AllianceError({
      code: "INVALID_INPUT",
      path: "srsSeries",
      message: `expected an array of SRS sessions, got ${describeValue(srsSeries)}`,
    });
  }
  const administrations: Administration[] = [];
  let previous = Number.NEGATIVE_INFINITY;
  for (let index = 0; index < srsSeries.length; index++) {
    const administration = readAdministration(srsSeries[index], index, previous);
    previous = administration.session;
    administrations.push(administration);
  }
  const last = administrations.length - 1;
  const span = last > 0 ? administrations[last]!.session - administrations[0]!.session : 0;
  if (!Number.isFinite(span)) {
    // every event length is a difference of two session numbers, at most this span
    throw notFinite(
      `srsSeries[${last}].session`,
      "session numbers close enough that the last minus the first is finite",
      `a span from session ${administrations[0]!.session} to ${administrations[last]!.session}`,
      span,
    );
  }
  return administrations;
}

function readSettings(options: SrsAlertOptions): SrsAlertResult["settings"] {
  return {
    totalCutoff: readNumberOption(options.totalCutoff, "totalCutoff", 36, { min: 0, max: 40 }),
    inclusive: readBooleanOption(options.inclusive, "inclusive", false),
    itemCutoff:
      options.itemCutoff === null
        ? null
        : readNumberOption(options.itemCutoff, "itemCutoff", 9, { min: 0, max: 10 }),
    itemInclusive: readBooleanOption(options.itemInclusive, "itemInclusive", false),
    dropThreshold:
      options.dropThreshold == null
        ? null
        : readNumberOption(options.dropThreshold, "dropThreshold", 0, {
            min: 0,
            exclusiveMin: true,
          }),
  };
}

function below(value: number, cutoff: number, inclusive: boolean): boolean {
  return inclusive ? value <= cutoff : value < cutoff;
}

/** The first later administration where `clear` holds; `seen` is whether any later one could be judged. */
function findClear(
  list: readonly Administration[],
  from: number,
  clear: (entry: Administration) => boolean | null,
): { index: number; seen: boolean } {
  let seen = false;
  for (let index = from + 1; index < list.length; index++) {
    const outcome = clear(list[index]!);
    if (outcome === null) continue;
    seen = true;
    if (outcome) return { index, seen };
  }
  return { index: -1, seen };
}

interface Alert {
  kind: "srs-total" | "srs-item" | "srs-drop";
  start: number;
  at: number;
  magnitude: number;
  rule: string;
  threshold: number;
  referenceValue: number | null;
  criteria: CriterionResult[];
  citations: readonly RuptureCitation[];
  clear: (entry: Administration) => boolean | null;
}

function toEvent(list: readonly Administration[], alert: Alert): RuptureEvent {
  const { index, seen } = findClear(list, alert.at, alert.clear);
  const start = list[alert.start]!;
  const at = list[alert.at]!;
  const repair = index >= 0 ? list[index]! : null;
  const totalOrNull = (value: number): number | null => (Number.isNaN(value) ? null : value);
  return {
    method: "srs",
    kind: alert.kind,
    sessions: { start: start.session, trough: at.session, repair: repair?.session ?? null },
    scores: {
      start: totalOrNull(start.total),
      trough: totalOrNull(at.total),
      repair: repair === null ? null : totalOrNull(repair.total),
    },
    magnitude: alert.magnitude,
    length: (repair?.session ?? at.session) - start.session,
    resolved: repair !== null ? true : seen ? false : null,
    evidence: {
      rule: alert.rule,
      threshold: alert.threshold,
      referenceValue: alert.referenceValue,
      sdUsed: null,
      criteria: alert.criteria,
    },
    citations: copyCitations(...alert.citations),
  };
}

function totalAlert(
  index: number,
  entry: Administration,
  settings: SrsAlertResult["settings"],
): Alert | null {
  if (Number.isNaN(entry.total) || !below(entry.total, settings.totalCutoff, settings.inclusive))
    return null;
  const sign = settings.inclusive ? "<=" : "<";
  return {
    kind: "srs-total",
    start: index,
    at: index,
    magnitude: settings.totalCutoff - entry.total,
    rule: `SRS total ${sign} ${settings.totalCutoff}`,
    threshold: settings.totalCutoff,
    referenceValue: null,
    criteria: [
      {
        name: "total",
        passed: true,
        value: entry.total,
        threshold: settings.totalCutoff,
        rule: `total ${sign} cutoff`,
      },
    ],
    citations: [
      RUPTURE_SOURCES.duncan2003,
      RUPTURE_SOURCES.srsCutoffStrict,
      RUPTURE_SOURCES.srsCutoffInclusive,
    ],
    clear: (later) =>
      Number.isNaN(later.total)
        ? null
        : !below(later.total, settings.totalCutoff, settings.inclusive),
  };
}

function itemAlert(
  index: number,
  entry: Administration,
  settings: SrsAlertResult["settings"],
): Alert | null {
  const cutoff = settings.itemCutoff;
  if (cutoff === null) return null;
  const low = entry.items.map(
    (item) => !Number.isNaN(item) && below(item, cutoff, settings.itemInclusive),
  );
  if (!low.includes(true)) return null;
  const sign = settings.itemInclusive ? "<=" : "<";
  const lowest = entry.items.reduce(
    (low, item) => (Number.isNaN(item) ? low : Math.min(low, item)),
    Number.POSITIVE_INFINITY,
  );
  return {
    kind: "srs-item",
    start: index,
    at: index,
    magnitude: cutoff - lowest,
    rule: `any SRS item ${sign} ${cutoff}`,
    threshold: cutoff,
    referenceValue: null,
    criteria: entry.items.map((item, position) => ({
      name: SRS_ITEMS[position]!,
      passed: Number.isNaN(item) ? null : low[position]!,
      value: Number.isNaN(item) ? null : item,
      threshold: cutoff,
      rule: `item ${sign} item cutoff`,
    })),
    citations: [
      RUPTURE_SOURCES.duncan2003,
      RUPTURE_SOURCES.srsCutoffStrict,
      RUPTURE_SOURCES.srsCutoffInclusive,
    ],
    clear: (later) => {
      const known = later.items.filter((item) => !Number.isNaN(item));
      return known.length === 0
        ? null
        : known.every((item) => !below(item, cutoff, settings.itemInclusive));
    },
  };
}

function dropAlert(
  previous: number,
  index: number,
  list: readonly Administration[],
  settings: SrsAlertResult["settings"],
): Alert | null {
  const threshold = settings.dropThreshold;
  if (threshold === null || previous < 0) return null;
  const before = list[previous]!.total;
  const drop = before - list[index]!.total;
  if (!(drop >= threshold)) return null;
  return {
    kind: "srs-drop",
    start: previous,
    at: index,
    magnitude: drop,
    rule: `SRS total falls by >= ${threshold} from the previous total`,
    threshold,
    referenceValue: before,
    criteria: [
      {
        name: "drop",
        passed: true,
        value: drop,
        threshold,
        rule: "previous total - total >= dropThreshold",
      },
    ],
    citations: [RUPTURE_SOURCES.duncan2003, RUPTURE_SOURCES.libraryChoice],
    clear: (later) => (Number.isNaN(later.total) ? null : later.total >= before),
  };
}

/**
 * Session Rating Scale (SRS v3) alerts, each with its rule: a low total, a low item, and
 * (optionally) a drop in the total from the previous session.
 *
 * - total: total < 36 by default, or total <= 36 with `inclusive: true`. The secondary sources
 *   conflict (cauceos "below 36", a Q&A page "lower than 36 overall, or 9 on any scale"; hiboop
 *   "<= 36"); the primary text (Duncan et al. 2003) was not available. The default follows the
 *   two sources for the strict rule.
 * - item: any item < 9 (S38; hiboop says "below 8-9"), switchable and configurable.
 * - drop: previous total - total >= `dropThreshold`; off by default (no published rule).
 * An alert is resolved at the first later session where the same rule no longer fires (for a
 * drop: the total is back at the pre-drop total); `null` when no later session can be judged.
 * The total is the given `total` or the sum of four present items. Higher is better.
 *
 * References: Duncan et al. (2003) J Brief Ther 3(1), 3-12; cut-off sources as above
 * (see docs/ruptures.md). No R equivalent.
 *
 * @category Ruptures
 * @throws AllianceError INVALID_INPUT (not an array, an entry not an object, items not an
 * array, a total that is not the item sum), WRONG_LENGTH (not 4 items), NOT_A_NUMBER,
 * OUT_OF_RANGE (item outside 0-10, total outside 0-40, or session numbers so far apart, near
 * ±1.8e308, that an event length would overflow), INVALID_SERIES (unordered sessions),
 * INVALID_OPTION
 * @example
 * srsAlerts([{ session: 1, items: [9.5, 9, 8.5, 9] }]).events.map((e) => e.kind);
 * // => ["srs-item"]  (total 36 is not < 36; 8.5 < 9)
 */
export function srsAlerts(
  srsSeries: readonly Readonly<SrsSession>[],
  options: SrsAlertOptions = {},
): SrsAlertResult {
  const settings = readSettings(optionsRecord(options));
  const list = readSeries(srsSeries);
  const events: RuptureEvent[] = [];
  const warnings: AllianceWarning[] = [];
  let previous = -1;
  for (let index = 0; index < list.length; index++) {
    const entry = list[index]!;
    const alerts = [
      totalAlert(index, entry, settings),
      itemAlert(index, entry, settings),
      dropAlert(previous, index, list, settings),
    ];
    for (const alert of alerts) if (alert !== null) events.push(toEvent(list, alert));
    if (Number.isNaN(entry.total)) {
      warnings.push({
        code: "MISSING_TOTAL",
        path: `srsSeries[${index}]`,
        message: `session ${entry.session} has no total (no total given and not all 4 items present); the total and drop rules were skipped`,
      });
    } else previous = index;
  }
  return { method: "srs", higherIsBetter: true, events, warnings, settings };
}
