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
