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

function format(value: number): string {
  return String(Math.round(value * 100) / 100);
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

function x(frame: Frame, session: number): number {
  return (
    frame.left + ((session - frame.xMin) / (frame.xMax - frame.xMin)) * (frame.right - frame.left)
  );
}

function y(frame: Frame, score: number): number {
  const clamped = Math.min(frame.yMax, Math.max(frame.yMin, score));
  return (
    frame.bottom - ((clamped - frame.yMin) / (frame.yMax - frame.yMin)) * (frame.bottom - frame.top)
  );
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
 * An axis range with a finite, positive width: one distinct value is padded by 1 (or by half
 * its size, where adding 1 would not change it), and a width that overflows is quartered.
 */
function drawableRange(low: number, high: number): [number, number] {
  let [min, max] = [low, high];
  if (!(max - min > 0)) {
    const pad = Math.max(1, Math.abs(min) / 2);
    [min, max] = [min - pad, max + pad];
  }
  if (!Number.isFinite(max - min)) [min, max] = [min / 4, max / 4];
  return [min, max];
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
    const value = frame.yMin + ((frame.yMax - frame.yMin) * tick) / 4;
    parts.push(
      `<text class="tick y-tick" x="${frame.left - 6}" y="${format(y(frame, value) + 4)}" text-anchor="end">${format(value)}</text>`,
    );
  }
  // At most 13 ticks, counted rather than stepped, so that huge session numbers (where adding
  // the step no longer changes the number) cannot loop forever.
  const step = Math.max(1, Math.ceil((frame.xMax - frame.xMin) / 12));
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

function checkEvents(events: unknown): readonly Readonly<RuptureEvent>[] {
  if (!Array.isArray(events)) {
    throw new AllianceError({
      code: "INVALID_INPUT",
      path: "events",
      message: `expected an array of rupture events, got ${describeValue(events)}`,
    });
  }
  events.forEach((event: unknown, index) => {
    const sessions = isRecord(event) ? event.sessions : undefined;
    if (
      !isRecord(event) ||
      !isRecord(sessions) ||
      typeof sessions.trough !== "number" ||
      !isRecord(event.scores)
    ) {
      throw new AllianceError({
        code: "INVALID_INPUT",
        path: `events[${index}]`,
        message: `expected a rupture event with sessions and scores, got ${describeValue(event)}`,
      });
    }
  });
  return events;
}

/**
 * Draws a client's session series with its rupture events as a self-contained SVG string (no
 * DOM, no dependency): the series as one line per run of consecutive observed sessions (missing
 * sessions are gaps), a point per score, an optional shaded threshold band, each event as a
 * group with a ring at the trough, a line from the start, a triangle at the repair and a
 * `<title>` tooltip, plus title and axis labels. All text is XML-escaped.
 *
 * Reference: none (presentation). R: comparable to `suddengains::plot_sg()`.
 *
 * @category Ruptures
 * @throws AllianceError INVALID_INPUT (bad events), INVALID_OPTION, plus the series errors of
 * {@link validateSeries}
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
  if (
    settings.band !== undefined &&
    !(isRecord(settings.band) && settings.band.lower <= settings.band.upper)
  ) {
    throw new AllianceError({
      code: "INVALID_OPTION",
      path: "options.band",
      message: `expected { lower, upper } with lower <= upper, got ${describeValue(settings.band)}`,
    });
  }
  const frame = makeFrame(grid, width, height, settings);
  const label = escapeText(settings.title ?? "Session series");
  const body = [
    `<title>${label}</title>`,
    ...band(frame, settings),
    ...axes(frame, settings, width, height),
    ...seriesPaths(grid, frame),
    ...points(grid, frame),
    ...eventMarks(checkEvents(events), frame),
  ];
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" font-family="sans-serif" font-size="12">${body.join("")}</svg>`;
}
