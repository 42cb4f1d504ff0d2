/** Each method's call to detectRuptures returns that method's result type (checked by tsc). */
import { describe, expect, expectTypeOf, it } from "vitest";
import { detectRuptures } from "../../src/ruptures/detectRuptures.js";
import type { SuddenChangeResult } from "../../src/ruptures/suddenChanges.js";
import type { VShapeResult } from "../../src/ruptures/vShapedRuptures.js";

describe("detectRuptures overloads", () => {
  it("narrow the result to the method's own type", () => {
    // ruptures.md 1.5 C: a lasting drop 38 -> 27 at sessions 3 -> 4.
    const series = [38, 39, 38, 27, 26, 27, 26, 27].map((score, i) => ({ session: i + 1, score }));
    const vShape = detectRuptures(series, { method: "v-shape" });
    expectTypeOf(vShape).toEqualTypeOf<VShapeResult>();
    expectTypeOf(vShape.events[0]?.pattern).toEqualTypeOf<
      "simple-v" | "multi-session-decline" | "unrepaired" | undefined
    >();
    const sudden = detectRuptures(series, {
      method: "sudden-change",
      direction: "loss",
      cutoff: 7,
    });
    expectTypeOf(sudden).toEqualTypeOf<SuddenChangeResult>();
    expect(sudden.events.map((event) => [event.sessions.start, event.sessions.trough])).toEqual([
      [3, 4],
    ]);
  });
});
