import fc from "fast-check";
import type { AllianceErrorCode } from "../../src/errors.js";
import { seededRandom } from "../../src/math/seededRandom.js";
import { detectRuptures } from "../../src/ruptures/detectRuptures.js";
import { groupSeries } from "../../src/ruptures/groupSeries.js";
import { plotSeries } from "../../src/ruptures/plotSeries.js";
import { postSessionRuptures } from "../../src/ruptures/postSessionRuptures.js";
import { reliableDrops } from "../../src/ruptures/reliableDrops.js";
import { srsAlerts } from "../../src/ruptures/srsAlerts.js";
import { suddenChanges } from "../../src/ruptures/suddenChanges.js";
import { summarize3rsSession } from "../../src/ruptures/summarize3rsSession.js";
import { summarizeRuptures } from "../../src/ruptures/summarizeRuptures.js";
import { validateSeries } from "../../src/ruptures/validateSeries.js";
import { vShapedRuptures } from "../../src/ruptures/vShapedRuptures.js";
import { sessionSeries } from "./arbitraries.js";
import { documentedTarget, type FuzzTarget, guardPrototypes } from "./harness.js";

guardPrototypes();

/** Registers a target whose `@throws` is in src/ruptures/NAME.ts above `export function NAME`. */
function rupturesTarget<Args extends readonly unknown[]>(target: FuzzTarget<Args>): void {
  documentedTarget({ file: `src/ruptures/${target.name}.ts` }, target);
}

/** Errors every series method inherits from validateSeries, plus bad options. */
const SERIES_CODES: readonly AllianceErrorCode[] = [
  "INVALID_INPUT",
  "INVALID_SERIES",
  "NOT_A_NUMBER",
  "OUT_OF_RANGE",
  "INVALID_OPTION",
];

const series = sessionSeries({ min: 1, max: 7 }, { min: 0, max: 14 });

/** Options every series method shares. */
const seriesOptions = {
  range: fc.constant({ min: 1, max: 7 }),
  higherIsBetter: fc.boolean(),
  sessionGaps: fc.constantFrom("missing", "ignore"),
};

const vShapeOptions = fc.record(
  {
    ...seriesOptions,
    k: fc.constantFrom(1, 1.5, 2, 3),
    reference: fc.constantFrom("mean-others", "mean-all", "previous"),
    repairWindow: fc.integer({ min: 1, max: 4 }),
    repairTo: fc.constantFrom("reference", "pre-drop"),
  },
  { requiredKeys: [] },
);

const reliableDropOptions = fc.record(
  {
    ...seriesOptions,
    sd: fc.double({ min: 0.1, max: 3, noNaN: true }),
    reliability: fc.double({ min: 0, max: 0.95, noNaN: true }),
    level: fc.constantFrom(0.9, 0.95),
    recovery: fc.constantFrom("pre-drop", "reliable-rise"),
    recoveryWindow: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
  },
  { requiredKeys: ["sd", "reliability"] },
);

const suddenChangeOptions = fc
  .record(
    {
      ...seriesOptions,
      direction: fc.constantFrom("loss", "gain"),
      cutoff: fc.oneof(
        fc.constant(null),
        fc.double({ min: 0.25, max: 3, noNaN: true }),
        fc.record({
          sd: fc.double({ min: 0.1, max: 3, noNaN: true }),
          reliability: fc.constantFrom(0, 0.5, 0.8),
        }),
      ),
      pct: fc.option(fc.constantFrom(0.1, 0.25), { nil: null }),
      crit3: fc.boolean(),
      stability: fc.constantFrom("tang-derubeis", "gaynor-2003", "kelly-2005"),
      firstIsBaseline: fc.boolean(),
      details: fc.boolean(),
    },
    { requiredKeys: ["direction", "cutoff"] },
  )
  .map((options) =>
    // At least one criterion must be on (cutoff, pct or crit3), else INVALID_OPTION by design.
    options.cutoff === null && (options.pct ?? null) === null
      ? { ...options, crit3: true }
      : options,
  );

rupturesTarget({
  name: "validateSeries",
  call: (data: unknown, options?: unknown) => validateSeries(data as never, options as never),
  valid: fc.tuple(
    series as fc.Arbitrary<unknown>,
    fc.option(fc.record(seriesOptions, { requiredKeys: [] }), {
      nil: undefined,
    }) as fc.Arbitrary<unknown>,
  ),
  codes: SERIES_CODES,
});

rupturesTarget({
  name: "vShapedRuptures",
  call: (data: unknown, options?: unknown) => vShapedRuptures(data as never, options as never),
  valid: fc.tuple(
    series as fc.Arbitrary<unknown>,
    fc.option(vShapeOptions, { nil: undefined }) as fc.Arbitrary<unknown>,
  ),
  codes: SERIES_CODES,
});

rupturesTarget({
  name: "reliableDrops",
  call: (data: unknown, options: unknown) => reliableDrops(data as never, options as never),
  valid: fc.tuple(series as fc.Arbitrary<unknown>, reliableDropOptions as fc.Arbitrary<unknown>),
  codes: SERIES_CODES,
});

rupturesTarget({
  name: "suddenChanges",
  call: (data: unknown, options: unknown) => suddenChanges(data as never, options as never),
  valid: fc.tuple(series as fc.Arbitrary<unknown>, suddenChangeOptions as fc.Arbitrary<unknown>),
  codes: SERIES_CODES,
});

/** SRS sessions: four items on 0–10 in 0.1 steps, or a total, some missing. */
const srsSessions = fc.tuple(fc.integer({ min: 0, max: 10 }), fc.integer()).map(([count, seed]) => {
  const random = seededRandom(seed);
  const item = () => Math.round(random() * 100) / 10;
  return Array.from({ length: count }, (_, index) => {
    const kind = random();
    if (kind < 0.1) return { session: index + 1, items: null };
    if (kind < 0.3) return { session: index + 1, total: Math.round(random() * 400) / 10 };
    return { session: index + 1, items: [item(), item(), item(), random() < 0.1 ? null : item()] };
  });
});

const srsOptions = fc.record(
  {
    totalCutoff: fc.constantFrom(36, 30),
    inclusive: fc.boolean(),
    itemCutoff: fc.option(fc.constantFrom(9, 8), { nil: null }),
    itemInclusive: fc.boolean(),
    dropThreshold: fc.option(fc.constantFrom(5, 3), { nil: null }),
  },
  { requiredKeys: [] },
);

rupturesTarget({
  name: "srsAlerts",
  call: (sessions: unknown, options?: unknown) => srsAlerts(sessions as never, options as never),
  valid: fc.tuple(
    srsSessions as fc.Arbitrary<unknown>,
    fc.option(srsOptions, { nil: undefined }) as fc.Arbitrary<unknown>,
  ),
  codes: [...SERIES_CODES, "WRONG_LENGTH"],
});

/** Post-session reports of client and therapist on a 1–5 scale. */
const postSessionRows = fc
  .tuple(fc.integer({ min: 0, max: 10 }), fc.integer())
  .map(([count, seed]) => {
    const random = seededRandom(seed);
    const rating = () => (random() < 0.2 ? null : 1 + Math.floor(random() * 5));
    const report = () =>
      random() < 0.15
        ? null
        : {
            presence: random() < 0.2 ? null : random() < 0.5,
            intensity: rating(),
            resolution: rating(),
          };
    return Array.from({ length: count }, (_, index) => ({
      session: index + 1,
      client: report(),
      therapist: report(),
    }));
  });

rupturesTarget({
  name: "postSessionRuptures",
  call: (rows: unknown, options?: unknown) => postSessionRuptures(rows as never, options as never),
  valid: fc.tuple(
    postSessionRows as fc.Arbitrary<unknown>,
    fc.option(
      fc.record(
        {
          rater: fc.constantFrom("client", "therapist", "either", "both"),
          intensityThreshold: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
          resolutionThreshold: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
          scale: fc.constant({ min: 1, max: 5 }),
        },
        { requiredKeys: [] },
      ),
      { nil: undefined },
    ) as fc.Arbitrary<unknown>,
  ),
  codes: SERIES_CODES,
});

/** 3RS segments: consecutive, with markers from a small vocabulary. */
const rrsSegments = fc.tuple(fc.integer({ min: 0, max: 8 }), fc.integer()).map(([count, seed]) => {
  const random = seededRandom(seed);
  const pick = (names: readonly string[]) => names.filter(() => random() < 0.3);
  return Array.from({ length: count }, (_, index) => ({
    start: index * 5,
    end: index * 5 + 5,
    withdrawalMarkers: pick(["minimal response", "avoidant storytelling", "denial"]),
    confrontationMarkers: pick(["complaint", "rejection"]),
    resolutionStrategies: pick(["invite", "clarify", "change task"]),
    significance: random() < 0.3 ? null : 1 + Math.floor(random() * 5),
  }));
});

rupturesTarget({
  name: "summarize3rsSession",
  call: (segments: unknown, options?: unknown) =>
    summarize3rsSession(segments as never, options as never),
  valid: fc.tuple(
    rrsSegments as fc.Arbitrary<unknown>,
    fc.option(
      fc.record({ significanceScale: fc.constant({ min: 1, max: 5 }) }, { requiredKeys: [] }),
      {
        nil: undefined,
      },
    ) as fc.Arbitrary<unknown>,
  ),
  codes: [
    "INVALID_INPUT",
    "NOT_A_NUMBER",
    "INVALID_SERIES",
    "OUT_OF_RANGE",
    "UNKNOWN_ITEM",
    "INVALID_OPTION",
  ],
});

const methodOptions = fc.oneof(
  vShapeOptions.map((options) => ({ method: "v-shape", ...options })),
  reliableDropOptions.map((options) => ({ method: "reliable-drop", ...options })),
  suddenChangeOptions.map((options) => ({ method: "sudden-change", ...options })),
);

rupturesTarget({
  name: "detectRuptures",
  call: (data: unknown, options: unknown) => detectRuptures(data as never, options as never),
  valid: fc.oneof(
    fc.tuple(series as fc.Arbitrary<unknown>, methodOptions as fc.Arbitrary<unknown>),
    fc.tuple(
      srsSessions as fc.Arbitrary<unknown>,
      fc.constant({ method: "srs" }) as fc.Arbitrary<unknown>,
    ),
    fc.tuple(
      postSessionRows as fc.Arbitrary<unknown>,
      fc.constant({ method: "post-session" }) as fc.Arbitrary<unknown>,
    ),
  ),
  codes: [...SERIES_CODES, "WRONG_LENGTH"],
});

/** Results per client, from vShapedRuptures on random series. */
const resultsByClient = fc
  .array(fc.tuple(fc.constantFrom("a", "b", "c", "d", "client 7"), series), { maxLength: 4 })
  .map((entries) =>
    Object.fromEntries(entries.map(([id, data]) => [id, { events: vShapedRuptures(data).events }])),
  );

rupturesTarget({
  name: "summarizeRuptures",
  call: (results: unknown) => summarizeRuptures(results as never),
  valid: fc.tuple(resultsByClient as fc.Arbitrary<unknown>),
  codes: ["INVALID_INPUT", "UNSAFE_KEY"],
});

/** Long-format rows: one per client and session, in random order. */
const longRows = fc.tuple(fc.integer({ min: 0, max: 12 }), fc.integer()).map(([count, seed]) => {
  const random = seededRandom(seed);
  const rows = Array.from({ length: count }, (_, index) => ({
    client: ["a", "b", 3][index % 3],
    s: Math.floor(index / 3) + 1,
    wai: random() < 0.1 ? null : 1 + Math.floor(random() * 7),
    pre: random() < 0.5 ? null : 1 + Math.floor(random() * 7),
  }));
  return rows.sort(() => random() - 0.5);
});

rupturesTarget({
  name: "groupSeries",
  call: (rows: unknown, columns: unknown) => groupSeries(rows as never, columns as never),
  valid: fc.tuple(
    longRows as fc.Arbitrary<unknown>,
    fc.constantFrom(
      { id: "client", session: "s", score: "wai" },
      { id: "client", session: "s", score: "wai", preScore: "pre" },
    ) as fc.Arbitrary<unknown>,
  ),
  codes: ["INVALID_INPUT", "NOT_A_NUMBER", "INVALID_SERIES", "INVALID_OPTION", "UNSAFE_KEY"],
});

rupturesTarget({
  name: "plotSeries",
  call: (data: unknown, events: unknown, options?: unknown) =>
    plotSeries(data as never, events as never, options as never),
  valid: series.chain((data) =>
    fc.tuple(
      fc.constant(data as unknown),
      fc.constant(vShapedRuptures(data).events as unknown),
      fc.option(
        fc.record(
          {
            title: fc.constantFrom('Client <A> & "B"', "x"),
            width: fc.integer({ min: 120, max: 900 }),
            height: fc.integer({ min: 120, max: 600 }),
            range: fc.constant({ min: 1, max: 7 }),
            band: fc.constant({ lower: 2, upper: 4, label: "<band>" }),
            sessionGaps: fc.constantFrom("missing", "ignore"),
          },
          { requiredKeys: [] },
        ),
        { nil: undefined },
      ) as fc.Arbitrary<unknown>,
    ),
  ),
  codes: SERIES_CODES,
  check: (svg) => {
    const text = svg as string;
    if (!text.startsWith("<svg")) throw new Error("not an SVG");
    if (/NaN|Infinity|undefined/.test(text))
      throw new Error("NaN, Infinity or undefined in the SVG");
    if (/<(?!\/?(svg|g|path|line|circle|text|title|rect|polyline|desc|tspan)\b)/.test(text)) {
      throw new Error(`unexpected element or unescaped "<" in the SVG: ${text.slice(0, 200)}`);
    }
  },
});
