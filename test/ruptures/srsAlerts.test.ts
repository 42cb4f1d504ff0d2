import { describe, expect, it } from "vitest";
import { srsAlerts } from "../../src/ruptures/srsAlerts.js";
import { deepFreeze, thrownBy } from "../helpers.js";

// ruptures.md section 4: items 9.5, 9.0, 8.5, 9.0 sum to 36.0; "<= 36" fires, "< 36" does not;
// the item rule fires for 8.5 < 9.
const borderline = deepFreeze([{ session: 1, items: [9.5, 9, 8.5, 9] }]);

describe("srsAlerts", () => {
  it("documents the <= / < conflict on the worked example", () => {
    const strict = srsAlerts(borderline);
    expect(strict.settings).toMatchObject({ totalCutoff: 36, inclusive: false, itemCutoff: 9 });
    expect(strict.events.map((event) => event.kind)).toEqual(["srs-item"]);
    const inclusive = srsAlerts(borderline, { inclusive: true });
    expect(inclusive.events.map((event) => event.kind)).toEqual(["srs-total", "srs-item"]);
    expect(inclusive.events[0]?.magnitude).toBe(0); // 36 - 36
    expect(inclusive.events[0]?.evidence.rule).toBe("SRS total <= 36");
    const citations = inclusive.events[0]?.citations
      .map((citation) => citation.authors)
      .join(" | ");
    expect(citations).toContain("hiboop");
    expect(citations).toContain("cauceos");
  });

  it("names the low item and its value", () => {
    const [item] = srsAlerts(borderline).events;
    const low = item?.evidence.criteria.filter((criterion) => criterion.passed);
    expect(low?.map((criterion) => [criterion.name, criterion.value])).toEqual([
      ["approach or method", 8.5],
    ]);
    expect(item?.magnitude).toBe(0.5); // 9 - 8.5
  });

  it("resolves an alert at the first later session where the rule no longer fires; drops are opt-in", () => {
    const data = deepFreeze([
      { session: 1, items: [9, 9, 9, 9] }, // 36: no alert under "< 36"
      { session: 2, total: 30 }, // total alert (magnitude 6); drop 36 -> 30
      { session: 3, total: 33 }, // still below 36
      { session: 4, items: [9.5, 9.5, 9, 9.5] }, // 37.5: clears the total alert and the drop
    ]);
    const plain = srsAlerts(data);
    expect(
      plain.events.map((event) => [event.kind, event.sessions.trough, event.sessions.repair]),
    ).toEqual([
      ["srs-total", 2, 4],
      ["srs-total", 3, 4],
    ]);
    expect(plain.events[0]?.length).toBe(2);
    const withDrop = srsAlerts(data, { dropThreshold: 5 });
    const drop = withDrop.events.find((event) => event.kind === "srs-drop");
    expect(drop?.sessions).toEqual({ start: 1, trough: 2, repair: 4 });
    expect(drop?.magnitude).toBe(6);
    expect(drop?.resolved).toBe(true);
  });

  it("leaves resolution unknown at the last session, and warns when no total can be formed", () => {
    const result = srsAlerts(
      deepFreeze([
        { session: 1, items: [9, null, 9, 9] },
        { session: 2, total: 20 },
      ]),
    );
    expect(result.events.map((event) => [event.kind, event.resolved])).toEqual([
      ["srs-total", null],
    ]);
    expect(result.warnings[0]?.code).toBe("MISSING_TOTAL");
  });

  it("rejects malformed administrations", () => {
    expect(thrownBy(() => srsAlerts([{ session: 1, items: [9, 9, 9, 9, 9] }])).code).toBe(
      "WRONG_LENGTH",
    );
    expect(thrownBy(() => srsAlerts([{ session: 1, items: [9, 11, 9, 9] }])).path).toBe(
      "srsSeries[0].items[1]",
    );
    expect(thrownBy(() => srsAlerts([{ session: 1, total: 41 }])).code).toBe("OUT_OF_RANGE");
    expect(thrownBy(() => srsAlerts([{ session: 1, items: [9, 9, 9, 9], total: 30 }])).code).toBe(
      "INVALID_INPUT",
    );
    expect(
      thrownBy(() =>
        srsAlerts([
          { session: 2, total: 30 },
          { session: 2, total: 30 },
        ]),
      ).code,
    ).toBe("INVALID_SERIES");
    expect(thrownBy(() => srsAlerts(borderline, { totalCutoff: 50 })).path).toBe(
      "options.totalCutoff",
    );
  });
});

describe("srsAlerts: extreme session numbers (F13)", () => {
  it("refuses sessions so far apart that an alert's length would overflow", () => {
    // total 20 < 36 at session -1e308, back to 40 at 1e308: length 2e308 would overflow
    const sessions = deepFreeze([
      { session: -1e308, total: 20 },
      { session: 1e308, total: 40 },
    ]);
    expect(thrownBy(() => srsAlerts(sessions))).toMatchObject({
      code: "OUT_OF_RANGE",
      path: "srsSeries[1].session",
    });
  });
});
