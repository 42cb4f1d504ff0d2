import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { detectRuptures } from "../../src/ruptures/detectRuptures.js";
import { plotSeries } from "../../src/ruptures/plotSeries.js";
import { reliableDrops } from "../../src/ruptures/reliableDrops.js";
import { suddenChanges } from "../../src/ruptures/suddenChanges.js";
import type { RuptureEvent, SessionSeries } from "../../src/ruptures/types.js";
import { vShapedRuptures } from "../../src/ruptures/vShapedRuptures.js";
import { deepFreeze } from "../helpers.js";

/** Integer scores 0-40 with some missing; integers keep shifted arithmetic exact. */
const scores = fc.array(fc.option(fc.integer({ min: 0, max: 40 }), { nil: null, freq: 6 }), {
  minLength: 4,
  maxLength: 24,
});

function toSeries(
  values: readonly (number | null)[],
  map: (value: number) => number = (value) => value,
): SessionSeries {
  return deepFreeze(
    values.map((score, index) => ({
      session: index + 1,
      score: score === null ? null : map(score),
    })),
  );
}

/** What must not change under shifts and rescaling: which sessions, whether repaired, the pattern. */
function shape(events: readonly RuptureEvent[]): unknown[] {
  return events.map((event) => ({
    kind: event.kind,
    sessions: event.sessions,
    resolved: event.resolved,
    pattern: (event as { pattern?: string }).pattern,
  }));
}

const vOptions = fc.record({
  k: fc.constantFrom(1, 1.5, 2),
  reference: fc.constantFrom("mean-others", "mean-all", "previous") as fc.Arbitrary<
    "mean-others" | "mean-all" | "previous"
  >,
  repairWindow: fc.integer({ min: 1, max: 5 }),
  repairTo: fc.constantFrom("reference", "pre-drop") as fc.Arbitrary<"reference" | "pre-drop">,
});

const suddenOptions = fc.record({
  direction: fc.constantFrom("loss", "gain") as fc.Arbitrary<"loss" | "gain">,
  cutoff: fc.integer({ min: 1, max: 15 }),
  stability: fc.constantFrom("tang-derubeis", "gaynor-2003", "kelly-2005") as fc.Arbitrary<
    "tang-derubeis" | "gaynor-2003" | "kelly-2005"
  >,
  adjust: fc.boolean(),
});

describe("rupture properties", () => {
  it("finds no events in a constant series", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 4, max: 30 }),
        vOptions,
        suddenOptions,
        (level, length, v, sudden) => {
          const series = toSeries(Array.from({ length }, () => level));
          expect(vShapedRuptures(series, v).events).toEqual([]);
          expect(suddenChanges(series, sudden).events).toEqual([]);
          expect(reliableDrops(series, { sd: 5, reliability: 0.8 }).events).toEqual([]);
        },
      ),
    );
  });

  it("shifting every score by a constant changes nothing (criterion 2 off: it is relative to the level)", () => {
    fc.assert(
      fc.property(
        scores,
        fc.integer({ min: -100, max: 100 }),
        vOptions,
        suddenOptions,
        (values, shift, v, sudden) => {
          const plain = toSeries(values);
          const shifted = toSeries(values, (value) => value + shift);
          expect(shape(vShapedRuptures(shifted, v).events)).toEqual(
            shape(vShapedRuptures(plain, v).events),
          );
          const options = { ...sudden, pct: null };
          expect(shape(suddenChanges(shifted, options).events)).toEqual(
            shape(suddenChanges(plain, options).events),
          );
          const rci = { sd: 4, reliability: 0.7 };
          expect(shape(reliableDrops(shifted, rci).events)).toEqual(
            shape(reliableDrops(plain, rci).events),
          );
        },
      ),
    );
  });

  it("rescaling scores (and SD-unit inputs with them) does not change SD-based results", () => {
    // powers of two keep the floating-point arithmetic exact
    fc.assert(
      fc.property(
        scores,
        fc.constantFrom(0.25, 0.5, 2, 4, 8),
        vOptions,
        suddenOptions,
        (values, factor, v, sudden) => {
          const plain = toSeries(values);
          const scaled = toSeries(values, (value) => value * factor);
          const scaledV = vShapedRuptures(scaled, v);
          const plainV = vShapedRuptures(plain, v);
          expect(shape(scaledV.events)).toEqual(shape(plainV.events));
          scaledV.events.forEach((event, index) => {
            expect(event.magnitude).toBeCloseTo((plainV.events[index]?.magnitude ?? 0) * factor, 9);
          });
          const suddenScaled = { ...sudden, cutoff: sudden.cutoff * factor };
          expect(shape(suddenChanges(scaled, suddenScaled).events)).toEqual(
            shape(suddenChanges(plain, sudden).events),
          );
          expect(shape(reliableDrops(scaled, { sd: 4 * factor, reliability: 0.7 }).events)).toEqual(
            shape(reliableDrops(plain, { sd: 4, reliability: 0.7 }).events),
          );
        },
      ),
    );
  });

  it("reversing the scale direction swaps gains and losses", () => {
    fc.assert(
      fc.property(scores, suddenOptions, vOptions, (values, sudden, v) => {
        const plain = toSeries(values);
        const mirrored = toSeries(values, (value) => 40 - value);
        const other = sudden.direction === "loss" ? "gain" : "loss";
        const options = { ...sudden, pct: null };
        // the same score changes, named the other way round, when higher is no longer better
        expect(
          suddenChanges(plain, { ...options, higherIsBetter: false, direction: other }).events.map(
            (e) => e.sessions,
          ),
        ).toEqual(suddenChanges(plain, options).events.map((e) => e.sessions));
        // mirroring the scores turns losses into gains
        expect(
          suddenChanges(mirrored, { ...options, direction: other }).events.map((e) => e.sessions),
        ).toEqual(suddenChanges(plain, options).events.map((e) => e.sessions));
        expect(shape(vShapedRuptures(mirrored, { ...v, higherIsBetter: false }).events)).toEqual(
          shape(vShapedRuptures(plain, v).events),
        );
      }),
    );
  });

  it("never mutates its (deeply frozen) input", () => {
    fc.assert(
      fc.property(scores, (values) => {
        const series = toSeries(values);
        const copy = JSON.parse(JSON.stringify(series));
        const events = detectRuptures(series, { method: "v-shape", k: 1 }).events;
        detectRuptures(series, {
          method: "sudden-change",
          direction: "loss",
          cutoff: 3,
          details: true,
        });
        detectRuptures(series, { method: "reliable-drop", sd: 3, reliability: 0.7 });
        plotSeries(series, deepFreeze(events));
        expect(series).toEqual(copy);
      }),
    );
  });
});
