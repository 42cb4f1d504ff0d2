import { describe, expect, it } from "vitest";
import { summarize3rsSession } from "../../src/ruptures/summarize3rsSession.js";
import { deepFreeze, thrownBy } from "../helpers.js";

// Marker names here are placeholder labels chosen by the test, not the manual's vocabulary.
const segments = deepFreeze([
  { start: 0, end: 5, withdrawalMarkers: ["marker A", "marker A"], significance: 2 },
  {
    start: 5,
    end: 10,
    confrontationMarkers: ["marker C"],
    resolutionStrategies: ["strategy X"],
    significance: 4,
  },
  { start: 10, end: 15 },
  {
    start: 15,
    end: 20,
    withdrawalMarkers: ["marker A", "marker B"],
    resolutionStrategies: ["strategy Y"],
  },
]);

describe("summarize3rsSession", () => {
  it("aggregates by segment, as the documented rules say", () => {
    const summary = summarize3rsSession(segments);
    expect(summary.segments).toBe(4);
    expect(summary.codedDuration).toBe(20);
    // withdrawal in segments 1 and 4; "marker A" listed twice in segment 1 counts once: 1 + 2 = 3
    expect(summary.withdrawal).toEqual({
      segments: 2,
      occurrences: 3,
      byMarker: [
        { marker: "marker A", segments: 2 },
        { marker: "marker B", segments: 1 },
      ],
    });
    expect(summary.confrontation.segments).toBe(1);
    expect(summary.resolution.segments).toBe(2);
    expect(summary.ruptureSegments).toBe(3); // segments 1, 2, 4
    expect(summary.ruptureSegmentsWithResolution).toBe(2); // segments 2 and 4
    expect(summary.significance).toEqual({ n: 2, mean: 3, min: 2, max: 4 }); // (2 + 4) / 2
    expect(summary.citations.map((citation) => citation.status)).toEqual([
      "PARTLY CONFIRMED",
      "PARTLY CONFIRMED",
      "LIBRARY CHOICE",
    ]);
  });

  it("checks names against a vocabulary when one is given", () => {
    const vocabulary = { withdrawal: ["marker A"] };
    expect(thrownBy(() => summarize3rsSession(segments, { vocabulary })).code).toBe("UNKNOWN_ITEM");
    expect(thrownBy(() => summarize3rsSession(segments, { vocabulary })).path).toBe(
      "segments[3].withdrawalMarkers[1]",
    );
  });

  it("warns on an empty session and rejects bad segments", () => {
    expect(summarize3rsSession([]).warnings[0]?.code).toBe("NO_SEGMENTS");
    expect(thrownBy(() => summarize3rsSession([{ start: 5, end: 5 }])).code).toBe("INVALID_INPUT");
    expect(
      thrownBy(() =>
        summarize3rsSession([
          { start: 0, end: 5 },
          { start: 4, end: 8 },
        ]),
      ).code,
    ).toBe("INVALID_SERIES");
    const scale = { significanceScale: { min: 1, max: 5 } };
    expect(
      thrownBy(() => summarize3rsSession([{ start: 0, end: 5, significance: 6 }], scale)).code,
    ).toBe("OUT_OF_RANGE");
    expect(
      thrownBy(() => summarize3rsSession([{ start: 0, end: 5, withdrawalMarkers: [""] }])).code,
    ).toBe("INVALID_INPUT");
  });
});

describe("summarize3rsSession: extreme values (F13)", () => {
  it("refuses a coded duration or a mean significance that overflows", () => {
    // one segment from -1e308 to 1e308 lasts 2e308
    expect(thrownBy(() => summarize3rsSession([{ start: -1e308, end: 1e308 }]))).toMatchObject({
      code: "OUT_OF_RANGE",
      path: "segments",
    });
    // without a significanceScale, ratings 1e308 + 1e308 overflow before the division
    const rated = deepFreeze([
      { start: 0, end: 5, significance: 1e308 },
      { start: 5, end: 10, significance: 1e308 },
    ]);
    expect(thrownBy(() => summarize3rsSession(rated))).toMatchObject({
      code: "OUT_OF_RANGE",
      path: "segments",
    });
  });
});
