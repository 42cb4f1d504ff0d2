import { AllianceError, describeValue } from "../errors.js";
import { isRecord } from "../guards.js";
import { readNumberOption } from "./readOptions.js";
import { type SessionGrid, toSessionGrid } from "./sessionGrid.js";
import type { RuptureEvent, SessionGapPolicy, SessionSeries } from "./types.js";

/**
 * Options of {@link plotSeries}.
 *
 * @category Ruptures
 */
export interface PlotSeriesOptions {
  /** Title shown above the plot (escaped). */
  title?: string;
  /** X axis label; default "Session". */
  xLabel?: string;
  /** Y axis label; default "Score". */
  yLabel?: string;
  /** Width and height in pixels; defaults 640 x 320. */
  width?: number;
  height?: number;
  /** Y axis range (e.g. the instrument's scale); default the data range. */
  range?: { readonly min: number; readonly max: number };
  /** A shaded band, e.g. from a rupture threshold to the reference value. */
  band?: { readonly lower: number; readonly upper: number; readonly label?: string };
  /** How absent session numbers are read (default "missing": drawn as gaps). */
  sessionGaps?: SessionGapPolicy;
}

/** Escapes text for SVG/XML content and attribute values. */
function escapeText(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** A number for the SVG, rounded to 2 decimals (integers as they are: 1e308 * 100 overflows). */
function format(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
}

interface Frame {
  left: number;
  right: number;
  top: number;
  bottom: number;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

/**
 * Where `value` lies from `min` (0) to `max` (1), clamped to that range. Halving every term
 * first keeps each difference finite for any finite numbers (max - min overflows for values
 * near ±1.8e308); halving is exact for normal numbers, so the result is that of
 * (value - min) / (max - min) wherever that is finite.
 */
function fraction(value: number, min: number, max: number): number {
  const clamped = Math.min(max, Math.max(min, value));
  return (clamped / 2 - min / 2) / (max / 2 - min / 2);
}

/** The number `share` (0 to 1) of the way from `min` to `max`, without overflow (see fraction). */
function between(min: number, max: number, share: number): number {
  return 2 * (min / 2 + (max / 2 - min / 2) * share);
}

/** X coordinate of a session; an event's session outside the plotted sessions sits at the edge. */
function x(frame: Frame, session: number): number {
  return frame.left + fraction(session, frame.xMin, frame.xMax) * (frame.right - frame.left);
}

/** Y coordinate of a score; a value outside the plotted range (a band edge or an event's score outside `range`) sits at the edge. */
function y(frame: Frame, score: number): number {
  return frame.bottom - fraction(score, frame.yMin, frame.yMax) * (frame.bottom - frame.top);
}

function makeFrame(
  grid: SessionGrid,
  width: number,
  height: number,
  options: PlotSeriesOptions,
): Frame {
  let yMin = Number.POSITIVE_INFINITY;
  let yMax = Number.NEGATIVE_INFINITY;
  for (const score of grid.scores) {
    if (Number.isNaN(score)) continue;
    yMin = Math.min(yMin, score);
    yMax = Math.max(yMax, score);
  }
  if (options.band !== undefined) {
    yMin = Math.min(yMin, options.band.lower);
    yMax = Math.max(yMax, options.band.upper);
  }
  if (options.range !== undefined) ({ min: yMin, max: yMax } = options.range);
  if (!Number.isFinite(yMin)) [yMin, yMax] = [0, 1];
  [yMin, yMax] = drawableRange(yMin, yMax);
  const count = grid.sessions.length;
  const [xMin, xMax] = drawableRange(
    count === 0 ? 0 : grid.sessions[0]!,
    count === 0 ? 1 : grid.sessions[count - 1]!,
  );
  return { left: 56, right: width - 16, top: 40, bottom: height - 44, xMin, xMax, yMin, yMax };
}

/**
 * An axis range with a positive width: one distinct value (or two so close that their halves
 * coincide) is padded by 1, or by half its size where adding 1 would not change it, within
 * the finite numbers.
 */
function drawableRange(low: number, high: number): [number, number] {
  if (high / 2 - low / 2 > 0) return [low, high];
  const pad = Math.max(1, Math.abs(low) / 2);
  return [Math.max(-Number.MAX_VALUE, low - pad), Math.min(Number.MAX_VALUE, high + pad)];
}

/** One `<path>` per run of consecutive observed points; a gap (missing score) ends a run. */
function seriesPaths(grid: SessionGrid, frame: Frame): string[] {
  const paths: string[] = [];
  let commands: string[] = [];
  const flush = (): void => {
    if (commands.length > 0)
      paths.push(
        `<path class="series" fill="none" stroke="#1f4e79" stroke-width="2" d="${commands.join(" ")}"/>`,
      );
    commands = [];
  };
  for (let index = 0; index < grid.scores.length; index++) {
    const score = grid.scores[index]!;
    if (Number.isNaN(score)) {
      flush();
      continue;
    }
    const point = `${format(x(frame, grid.sessions[index]!))} ${format(y(frame, score))}`;
    commands.push(commands.length === 0 ? `M ${point}` : `L ${point}`);
  }
  flush();
  return paths;
}

function points(grid: SessionGrid, frame: Frame): string[] {
  const circles: string[] = [];
  for (let index = 0; index < grid.scores.length; index++) {
    const score = grid.scores[index]!;
    if (Number.isNaN(score)) continue;
    circles.push(
      `<circle class="point" cx="${format(x(frame, grid.sessions[index]!))}" cy="${format(y(frame, score))}" r="3" fill="#1f4e79"/>`,
    );
  }
  return circles;
}

function axes(frame: Frame, options: PlotSeriesOptions, width: number, height: number): string[] {
  const parts = [
    `<line class="axis x-axis" x1="${frame.left}" y1="${frame.bottom}" x2="${frame.right}" y2="${frame.bottom}" stroke="#333"/>`,
    `<line class="axis y-axis" x1="${frame.left}" y1="${frame.top}" x2="${frame.left}" y2="${frame.bottom}" stroke="#333"/>`,
    `<text class="axis-label x-label" x="${format((frame.left + frame.right) / 2)}" y="${height - 8}" text-anchor="middle">${escapeText(options.xLabel ?? "Session")}</text>`,
    `<text class="axis-label y-label" x="14" y="${format((frame.top + frame.bottom) / 2)}" text-anchor="middle" transform="rotate(-90 14 ${format((frame.top + frame.bottom) / 2)})">${escapeText(options.yLabel ?? "Score")}</text>`,
  ];
  for (let tick = 0; tick <= 4; tick++) {
    const value = between(frame.yMin, frame.yMax, tick / 4);
    parts.push(
      `<text class="tick y-tick" x="${frame.left - 6}" y="${format(y(frame, value) + 4)}" text-anchor="end">${format(value)}</text>`,
    );
  }
  // At most 13 ticks, counted rather than stepped, so that huge session numbers (where adding
  // the step no longer changes the number) cannot loop forever.
  const step = Math.max(1, Math.ceil((frame.xMax / 2 - frame.xMin / 2) / 6));
  const first = Math.ceil(frame.xMin);
  for (let tick = 0; tick <= 12 && first + tick * step <= frame.xMax; tick++) {
    const session = first + tick * step;
    parts.push(
      `<text class="tick x-tick" x="${format(x(frame, session))}" y="${frame.bottom + 16}" text-anchor="middle">${format(session)}</text>`,
    );
  }
  if (options.title !== undefined) {
    parts.push(
      `<text class="title" x="${format(width / 2)}" y="22" text-anchor="middle" font-weight="bold">${escapeText(options.title)}</text>`,
    );
  }
  return parts;
}

function band(frame: Frame, options: PlotSeriesOptions): string[] {
  if (options.band === undefined) return [];
  const top = y(frame, options.band.upper);
  const bottom = y(frame, options.band.lower);
  const label =
    options.band.label === undefined ? "" : `<title>${escapeText(options.band.label)}</title>`;
  return [
    `<rect class="threshold-band" x="${frame.left}" y="${format(top)}" width="${format(frame.right - frame.left)}" height="${format(bottom - top)}" fill="#c0392b" fill-opacity="0.12">${label}</rect>`,
  ];
}

function describeEvent(event: Readonly<RuptureEvent>): string {
  const { start, trough, repair } = event.sessions;
  const repaired =
    repair === null
      ? event.resolved === null
        ? "repair not decidable"
        : "not repaired"
      : `repaired at session ${repair}`;
  return `${event.kind}: session ${start} to ${trough}, ${repaired}`;
}

function eventMarks(events: readonly Readonly<RuptureEvent>[], frame: Frame): string[] {
  return events.map((event) => {
    const { start, trough, repair } = event.sessions;
    const troughY = event.scores.trough === null ? frame.bottom : y(frame, event.scores.trough);
    const parts = [`<title>${escapeText(describeEvent(event))}</title>`];
    if (event.scores.start !== null && start !== trough) {
      parts.push(
        `<line class="episode" x1="${format(x(frame, start))}" y1="${format(y(frame, event.scores.start))}" x2="${format(x(frame, trough))}" y2="${format(troughY)}" stroke="#c0392b" stroke-width="3" stroke-opacity="0.6"/>`,
      );
    }
    parts.push(
      `<circle class="rupture-marker" cx="${format(x(frame, trough))}" cy="${format(troughY)}" r="6" fill="none" stroke="#c0392b" stroke-width="2"/>`,
    );
    if (repair !== null) {
      const repairX = x(frame, repair);
      const repairY = event.scores.repair === null ? frame.bottom : y(frame, event.scores.repair);
      parts.push(
        `<path class="repair-marker" d="M ${format(repairX - 6)} ${format(repairY + 5)} L ${format(repairX)} ${format(repairY - 6)} L ${format(repairX + 6)} ${format(repairY + 5)} Z" fill="#27ae60"/>`,
      );
    }
    return `<g class="event event-${escapeText(event.method)}">${parts.join("")}</g>`;
  });
}

/** Throws INVALID_INPUT at `path` unless `value` is a finite number (or, when allowed, null). */
function checkEventNumber(value: unknown, path: string, nullable: boolean): void {
  if (typeof value === "number" && Number.isFinite(value)) return;
  if (nullable && value === null) return;
  throw new AllianceError({
    code: "INVALID_INPUT",
    path,
    message: `expected a finite number${nullable ? " or null" : ""}, got ${describeValue(value)}`,
  });
}

/** Checks every field of an event that plotSeries reads. */
function checkEvent(event: unknown, index: number): void {
  const path = `events[${index}]`;
  if (!isRecord(event) || !isRecord(event.sessions) || !isRecord(event.scores)) {
    throw new AllianceError({
      code: "INVALID_INPUT",
      path,
      message: `expected a rupture event with sessions and scores, got ${describeValue(event)}`,
    });
  }
  for (const field of ["method", "kind"] as const) {
    if (typeof event[field] !== "string") {
      throw new AllianceError({
        code: "INVALID_INPUT",
        path: `${path}.${field}`,
        message: `expected a string, got ${describeValue(event[field])}`,
      });
    }
  }
  if (typeof event.resolved !== "boolean" && event.resolved !== null) {
    throw new AllianceError({
      code: "INVALID_INPUT",
      path: `${path}.resolved`,
      message: `expected true, false or null, got ${describeValue(event.resolved)}`,
    });
  }
  for (const field of ["start", "trough", "repair"] as const) {
    checkEventNumber(event.sessions[field], `${path}.sessions.${field}`, field === "repair");
    checkEventNumber(event.scores[field], `${path}.scores.${field}`, true);
  }
}

function checkEvents(events: unknown): readonly Readonly<RuptureEvent>[] {
  if (!Array.isArray(events)) {
    throw new AllianceError({
      code: "INVALID_INPUT",
      path: "events",
      message: `expected an array of rupture events, got ${describeValue(events)}`,
    });
  }
  for (let index = 0; index < events.length; index++) checkEvent(events[index], index);
  return events;
}

/** Throws INVALID_OPTION at `options.NAME` unless `value` is undefined or a string. */
function checkText(value: unknown, name: string): void {
  if (value === undefined || typeof value === "string") return;
  throw new AllianceError({
    code: "INVALID_OPTION",
    path: `options.${name}`,
    message: `expected a string, got ${describeValue(value)}`,
  });
}

/** Checks the band option: finite lower <= upper and an optional string label. */
function checkBand(band: unknown): void {
  if (band === undefined) return;
  if (
    !isRecord(band) ||
    typeof band.lower !== "number" ||
    typeof band.upper !== "number" ||
    !Number.isFinite(band.lower) ||
    !Number.isFinite(band.upper) ||
    band.lower > band.upper
  ) {
    throw new AllianceError({
      code: "INVALID_OPTION",
      path: "options.band",
      message: `expected { lower, upper } with finite lower <= upper, got ${describeValue(band)}`,
    });
  }
  checkText(band.label, "band.label");
}

/**
 * Draws a client's session series with its rupture events as a self-contained SVG string (no
 * DOM, no dependency): the series as one line per run of consecutive observed sessions (missing
 * sessions are gaps), a point per score, an optional shaded threshold band, each event as a
 * group with a ring at the trough, a line from the start, a triangle at the repair and a
 * `<title>` tooltip, plus title and axis labels. All text is XML-escaped.
 *
 * Every coordinate is finite for any finite input (see docs/ruptures.md, "Extreme values"):
 * positions are computed on halved values, so scores near ±1.8e308 draw without overflow, and
 * an event's session or score outside the plotted range is drawn at the edge. Labels must be
 * strings, and every event field drawn is checked first.
 *
 * Reference: none (presentation). R: comparable to `suddengains::plot_sg()`.
 *
 * @category Ruptures
 * @throws AllianceError INVALID_INPUT for events that are not an array, an event without
 * `sessions` and `scores` records (path `events[i]`), a `method`, `kind` or `resolved` of the
 * wrong type, a session or score that is not a finite number (`sessions.start` and
 * `sessions.trough` required, `sessions.repair` and the scores may be null; path e.g.
 * `events[i].sessions.start`); INVALID_OPTION for options that are not an object, a label
 * (`title`, `xLabel`, `yLabel`, `band.label`) that is not a string, a width or height that is
 * not a finite number >= 120, a band without finite lower <= upper, a bad `range` or
 * `sessionGaps`; plus the series errors of {@link validateSeries} (INVALID_INPUT,
 * INVALID_SERIES, NOT_A_NUMBER, OUT_OF_RANGE)
 * @example
 * const svg = plotSeries(series, vShapedRuptures(series).events, { title: "Client A" });
 * svg.startsWith("<svg"); // => true
 */
export function plotSeries(
  series: SessionSeries,
  events: readonly Readonly<RuptureEvent>[],
  options: PlotSeriesOptions = {},
): string {
  if (!isRecord(options)) {
    throw new AllianceError({
      code: "INVALID_OPTION",
      path: "options",
      message: `expected an options object, got ${describeValue(options)}`,
    });
  }
  const settings = options as PlotSeriesOptions;
  const grid = toSessionGrid(series, {
    ...(settings.sessionGaps === undefined ? {} : { sessionGaps: settings.sessionGaps }),
    ...(settings.range === undefined ? {} : { range: settings.range }),
  });
  const width = readNumberOption(settings.width, "width", 640, { min: 120 });
  const height = readNumberOption(settings.height, "height", 320, { min: 120 });
  for (const name of ["title", "xLabel", "yLabel"] as const) checkText(settings[name], name);
  checkBand(settings.band);
  const checkedEvents = checkEvents(events);
  const frame = makeFrame(grid, width, height, settings);
  const label = escapeText(settings.title ?? "Session series");
  const body = [
    `<title>${label}</title>`,
    ...band(frame, settings),
    ...axes(frame, settings, width, height),
    ...seriesPaths(grid, frame),
    ...points(grid, frame),
    ...eventMarks(checkedEvents, frame),
  ];
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" font-family="sans-serif" font-size="12">${body.join("")}</svg>`;
}
