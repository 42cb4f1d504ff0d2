import { describe, expect, it } from "vitest";
import { detectRuptures } from "../../src/ruptures/detectRuptures.js";
import { postSessionRuptures } from "../../src/ruptures/postSessionRuptures.js";
import { reliableDrops } from "../../src/ruptures/reliableDrops.js";
import { srsAlerts } from "../../src/ruptures/srsAlerts.js";
import { suddenChanges } from "../../src/ruptures/suddenChanges.js";
import type { SessionSeries } from "../../src/ruptures/types.js";
import { vShapedRuptures } from "../../src/ruptures/vShapedRuptures.js";
import { deepFreeze, thrownBy } from "../helpers.js";

const dip: SessionSeries = deepFreeze(
  [38, 39, 38, 37, 38, 30, 38, 39, 38, 39].map((score, index) => ({ session: index + 1, score })),
);

describe("detectRuptures", () => {
  it("dispatches each method with its own options, unchanged", () => {
    expect(detectRuptures(dip, { method: "v-shape", k: 1 })).toEqual(
      vShapedRuptures(dip, { k: 1 }),
    );
    expect(
      detectRuptures(dip, { method: "sudden-change", direction: "loss", cutoff: 5, crit3: false }),
    ).toEqual(suddenChanges(dip, { direction: "loss", cutoff: 5, crit3: false }));
    const rci = { sd: 3, reliability: 0.8 };
    expect(detectRuptures(dip, { method: "reliable-drop", ...rci })).toEqual(
      reliableDrops(dip, rci),
    );
    const srs = deepFreeze([{ session: 1, total: 30 }]);
    expect(detectRuptures(srs, { method: "srs", inclusive: true })).toEqual(
      srsAlerts(srs, { inclusive: true }),
    );
    const reports = deepFreeze([{ session: 1, client: { presence: true } }]);
    expect(detectRuptures(reports, { method: "post-session" })).toEqual(
      postSessionRuptures(reports),
    );
  });

  it("events of every method carry method, sessions, evidence and citations", () => {
    const result = detectRuptures(dip, { method: "v-shape" });
    const [event] = result.events;
    expect(event?.method).toBe("v-shape");
    expect(Object.keys(event ?? {})).toEqual(
      expect.arrayContaining([
        "sessions",
        "scores",
        "magnitude",
        "length",
        "resolved",
        "evidence",
        "citations",
      ]),
    );
    expect(event?.citations.every((citation) => typeof citation.status === "string")).toBe(true);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it("rejects an unknown method", () => {
    expect(thrownBy(() => detectRuptures(dip, { method: "cusum" } as never))).toMatchObject({
      code: "INVALID_OPTION",
      path: "options.method",
    });
  });
});

describe("detectRuptures: extreme values (F13)", () => {
  it("refuses through each method what the method refuses", () => {
    const steps = deepFreeze(
      [1, 3.75, 5, 2.5, 3.5].map((score, index) => ({ session: index + 1, score })),
    );
    expect(
      thrownBy(() =>
        detectRuptures(steps, {
          method: "reliable-drop",
          sd: 6e-323,
          reliability: 0,
          higherIsBetter: false,
        }),
      ),
    ).toMatchObject({ code: "OUT_OF_RANGE", path: "options.sd" });
    const huge = deepFreeze(
      [1, 2, 3, 1.13e200, 5, 6].map((score, index) => ({ session: index + 1, score })),
    );
    expect(
      thrownBy(() =>
        detectRuptures(huge, {
          method: "sudden-change",
          direction: "loss",
          cutoff: { sd: 0.1, reliability: 0 },
          pct: null,
        }),
      ),
    ).toMatchObject({ code: "OUT_OF_RANGE", path: "series" });
  });
});
