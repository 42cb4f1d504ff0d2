import { describe, expect, it } from "vitest";
import { plotSeries } from "../../src/ruptures/plotSeries.js";
import type { SessionSeries } from "../../src/ruptures/types.js";
import { vShapedRuptures } from "../../src/ruptures/vShapedRuptures.js";
import { deepFreeze, thrownBy } from "../helpers.js";

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

// sessions 1-10 with session 4 unrated and session 7 absent: runs 1-3, 5-6, 8-10
const series: SessionSeries = deepFreeze([
  { session: 1, score: 38 },
  { session: 2, score: 39 },
  { session: 3, score: 38 },
  { session: 4, score: null },
  { session: 5, score: 38 },
  { session: 6, score: 30 },
  { session: 8, score: 39 },
  { session: 9, score: 38 },
  { session: 10, score: 39 },
]);

describe("plotSeries", () => {
  it("draws one series path per contiguous run and one point per score", () => {
    const svg = plotSeries(series, []);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.endsWith("</svg>")).toBe(true);
    expect(count(svg, /<path class="series"/g)).toBe(3);
    expect(count(svg, /<circle class="point"/g)).toBe(8);
    expect(svg).toContain(">Session</text>");
    expect(svg).toContain(">Score</text>");
  });

  it("marks each event's trough and repair, and draws the band", () => {
    const events = vShapedRuptures(series).events;
    expect(events).toHaveLength(1);
    const svg = plotSeries(series, events, {
      band: { lower: 30, upper: 36.9, label: "below threshold" },
    });
    expect(count(svg, /<g class="event event-v-shape">/g)).toBe(1);
    expect(count(svg, /class="rupture-marker"/g)).toBe(1);
    expect(count(svg, /class="repair-marker"/g)).toBe(events[0]?.sessions.repair === null ? 0 : 1);
    expect(count(svg, /<rect class="threshold-band"/g)).toBe(1);
    expect(svg).toContain("<title>below threshold</title>");
  });

  it("escapes every text it writes", () => {
    const svg = plotSeries(series, [], {
      title: 'A <b>&"client"\'',
      xLabel: "<x>",
      yLabel: "y & z",
    });
    expect(svg).toContain("A &lt;b&gt;&amp;&quot;client&quot;&#39;");
    expect(svg).not.toContain("<b>");
    expect(svg).toContain("&lt;x&gt;");
    expect(svg).toContain("y &amp; z");
  });

  it("handles an empty series and rejects bad events", () => {
    expect(count(plotSeries([], []), /<path class="series"/g)).toBe(0);
    expect(thrownBy(() => plotSeries(series, [{}] as never)).path).toBe("events[0]");
  });
});

describe("plotSeries: labels and events of the wrong type (F16)", () => {
  const dipEvent = vShapedRuptures(series).events[0]!;

  it("rejects a label that is not a string with INVALID_OPTION at its path", () => {
    for (const [options, path] of [
      [{ title: Number.NaN }, "options.title"],
      [{ title: null }, "options.title"],
      [{ xLabel: 3 }, "options.xLabel"],
      [{ yLabel: {} }, "options.yLabel"],
      [{ band: { lower: 30, upper: 36, label: ["x"] } }, "options.band.label"],
      [{ band: { lower: "30", upper: "36" } }, "options.band"],
      [{ band: { lower: 30, upper: Number.POSITIVE_INFINITY } }, "options.band"],
    ] as const) {
      expect(thrownBy(() => plotSeries(series, [], options as never))).toMatchObject({
        code: "INVALID_OPTION",
        path,
      });
    }
    // the finding's own reproduction: an empty series, no events
    expect(thrownBy(() => plotSeries([], [], { title: Number.NaN } as never)).code).toBe(
      "INVALID_OPTION",
    );
  });

  it("rejects an event field that is not a finite number (or null where allowed)", () => {
    const withField = (group: "sessions" | "scores", field: string, value: unknown) =>
      deepFreeze([{ ...dipEvent, [group]: { ...dipEvent[group], [field]: value } }]);
    for (const [events, path] of [
      [withField("sessions", "start", Number.NaN), "events[0].sessions.start"],
      [withField("sessions", "start", [5]), "events[0].sessions.start"],
      [withField("sessions", "start", null), "events[0].sessions.start"],
      [withField("sessions", "trough", "6"), "events[0].sessions.trough"],
      [withField("sessions", "repair", undefined), "events[0].sessions.repair"],
      [withField("scores", "start", Number.POSITIVE_INFINITY), "events[0].scores.start"],
      [withField("scores", "repair", {}), "events[0].scores.repair"],
    ] as const) {
      expect(thrownBy(() => plotSeries(series, events as never))).toMatchObject({
        code: "INVALID_INPUT",
        path,
      });
    }
  });

  it("rejects a method, kind or resolved of the wrong type", () => {
    for (const [change, path] of [
      [{ method: 3 }, "events[0].method"],
      [{ kind: null }, "events[0].kind"],
      [{ resolved: "yes" }, "events[0].resolved"],
    ] as const) {
      const events = deepFreeze([{ ...dipEvent, ...change }]);
      expect(thrownBy(() => plotSeries(series, events as never))).toMatchObject({
        code: "INVALID_INPUT",
        path,
      });
    }
  });
});

describe("plotSeries: extreme values (F13)", () => {
  // Frame (defaults 640 x 320): x from 56 to 624, y from 276 (bottom) to 40 (top).
  const cys = (svg: string) =>
    [...svg.matchAll(/class="point" cx="[^"]*" cy="([^"]*)"/g)].map((m) => m[1]);

  it("draws scores near the largest double without NaN or Infinity", () => {
    // no range: the axis runs from the lowest to the highest score, so 1 is at the bottom and
    // 1e308 at the top; the top tick label is 1e308 itself
    const svg = plotSeries(
      deepFreeze([
        { session: 1, score: 1 },
        { session: 2, score: 1e308 },
      ]),
      [],
    );
    expect(svg).not.toMatch(/NaN|Infinity/);
    expect(cys(svg)).toEqual(["276", "40"]);
    expect(svg).toContain(">1e+308</text>");
  });

  it("places 0 halfway between -1e308 and 1e308 (a width of 2e308 would overflow)", () => {
    const svg = plotSeries(
      deepFreeze([-1e308, 0, 1e308].map((score, index) => ({ session: index + 1, score }))),
      [],
    );
    expect(svg).not.toMatch(/NaN|Infinity/);
    expect(cys(svg)).toEqual(["276", "158", "40"]); // 158 = (276 + 40) / 2
  });

  it("pads a single largest double within the finite numbers", () => {
    // one value v is padded by v / 2: from v / 2 up to v (v + v / 2 overflows), v at the top
    const svg = plotSeries(deepFreeze([{ session: 1, score: Number.MAX_VALUE }]), []);
    expect(svg).not.toMatch(/NaN|Infinity/);
    expect(cys(svg)).toEqual(["40"]);
  });

  it("draws an event's session outside the plotted sessions at the edge", () => {
    const dipEvent = vShapedRuptures(series).events[0]!;
    const far = deepFreeze([{ ...dipEvent, sessions: { ...dipEvent.sessions, trough: 1e308 } }]);
    const svg = plotSeries(series, far);
    expect(svg).not.toMatch(/NaN|Infinity/);
    expect(svg).toMatch(/class="rupture-marker" cx="624"/);
  });
});
