import { describe, expect, it } from "vitest";
import { summarizeRuptures } from "../../src/ruptures/summarizeRuptures.js";
import type { RuptureEvent } from "../../src/ruptures/types.js";
import { deepFreeze, thrownBy } from "../helpers.js";

function event(kind: string, resolved: boolean | null): RuptureEvent {
  return {
    method: "v-shape",
    kind,
    sessions: { start: 1, trough: 2, repair: resolved ? 3 : null },
    scores: { start: 5, trough: 3, repair: resolved ? 5 : null },
    magnitude: 2,
    length: 1,
    resolved,
    evidence: { rule: "test", threshold: null, referenceValue: null, sdUsed: null, criteria: [] },
    citations: [],
  };
}

describe("summarizeRuptures", () => {
  it("groups clients as McLaughlin et al. (2014) did, with counts and proportions", () => {
    const results = deepFreeze({
      a: { events: [] },
      b: { events: [event("v-shape", true), event("v-shape", true)] },
      c: { events: [event("v-shape", true), event("v-shape", false)] },
      d: { events: [event("v-shape", null)] },
      e: { events: [event("sudden-gain", false)] },
    });
    const summary = summarizeRuptures(results);
    expect(summary.clients.map((client) => [client.id, client.group])).toEqual([
      ["a", "no-rupture"],
      ["b", "repaired-rupture"],
      ["c", "unrepaired-rupture"], // one unrepaired rupture is enough (library choice)
      ["d", "unrepaired-rupture"], // undecidable counts as unrepaired
      ["e", "no-rupture"], // sudden gains are not ruptures
    ]);
    expect(summary.clients[3]?.unknown).toBe(1);
    expect(summary.counts).toEqual({ repairedRupture: 1, unrepairedRupture: 2, noRupture: 2 });
    expect(summary.proportions).toEqual({
      repairedRupture: 0.2,
      unrepairedRupture: 0.4,
      noRupture: 0.4,
    });
  });

  it("takes a Map, warns on no clients, refuses unsafe keys", () => {
    const map = new Map([["x", { events: [event("v-shape", true)] }]]);
    expect(summarizeRuptures(map).counts.repairedRupture).toBe(1);
    const empty = summarizeRuptures({});
    expect(empty.proportions).toBeNull();
    expect(empty.warnings[0]?.code).toBe("NOT_ENOUGH_DATA");
    const unsafe = JSON.parse('{"__proto__": {"events": []}}');
    expect(thrownBy(() => summarizeRuptures(unsafe)).code).toBe("UNSAFE_KEY");
    expect(thrownBy(() => summarizeRuptures({ a: {} as never })).code).toBe("INVALID_INPUT");
  });
});
