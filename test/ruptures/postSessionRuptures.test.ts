import { describe, expect, it } from "vitest";
import { postSessionRuptures } from "../../src/ruptures/postSessionRuptures.js";
import { deepFreeze, thrownBy } from "../helpers.js";

const rows = deepFreeze([
  {
    session: 1,
    client: { presence: false },
    therapist: { presence: true, intensity: 3, resolution: 4 },
  },
  {
    session: 2,
    client: { presence: true, intensity: 4, resolution: 2 },
    therapist: { presence: true, intensity: 2, resolution: 5 },
  },
  { session: 3, client: { presence: false }, therapist: { presence: false } },
  { session: 4, client: { intensity: 5 }, therapist: null },
  { session: 5, client: { presence: false }, therapist: { presence: false } },
]);
const thresholds = { intensityThreshold: 4, resolutionThreshold: 4 } as const;

describe("postSessionRuptures", () => {
  it("flags a session when either rater reports a rupture (presence, or intensity >= 4)", () => {
    const result = postSessionRuptures(rows, thresholds);
    expect(
      result.events.map((event) => [
        event.sessions.trough,
        event.kind,
        event.magnitude,
        event.resolved,
      ]),
    ).toEqual([
      [1, "post-session-therapist", 3, true], // resolution 4 >= 4
      [2, "post-session-both", 4, false], // client's resolution 2 < 4
      [4, "post-session-client", 5, null], // intensity 5 >= 4; no resolution rating
    ]);
    expect(result.events[0]?.sessions.repair).toBe(1);
  });

  it("other rater rules: both, client only", () => {
    expect(
      postSessionRuptures(rows, { ...thresholds, rater: "both" }).events.map(
        (e) => e.sessions.trough,
      ),
    ).toEqual([2]);
    expect(
      postSessionRuptures(rows, { ...thresholds, rater: "client" }).events.map(
        (e) => e.sessions.trough,
      ),
    ).toEqual([2, 4]);
  });

  it("without an intensity threshold an intensity alone decides nothing", () => {
    const result = postSessionRuptures(rows);
    expect(result.events.map((event) => event.sessions.trough)).toEqual([1, 2]);
    expect(result.events[0]?.resolved).toBeNull(); // no resolution threshold
  });

  it("reports client-therapist agreement with Cohen's kappa", () => {
    // paired sessions 1 (no, yes), 2 (yes, yes), 3 (no, no), 5 (no, no): po = 3/4;
    // pe = (1 * 2 + 3 * 2) / 16 = 0.5; kappa = (0.75 - 0.5) / (1 - 0.5) = 0.5
    const { agreement } = postSessionRuptures(rows, thresholds);
    expect(agreement).toEqual({
      n: 4,
      both: 1,
      clientOnly: 0,
      therapistOnly: 1,
      neither: 2,
      percentAgreement: 0.75,
      kappa: 0.5,
    });
  });

  it("gives a null kappa with a warning when chance agreement is 1", () => {
    const same = postSessionRuptures(
      deepFreeze([{ session: 1, client: { presence: false }, therapist: { presence: false } }]),
    );
    expect(same.agreement.kappa).toBeNull();
    expect(same.warnings[0]?.code).toBe("KAPPA_UNDEFINED");
  });

  it("rejects malformed rows and ratings outside the scale", () => {
    expect(
      thrownBy(() => postSessionRuptures([{ session: 1, client: { presence: "yes" as never } }]))
        .path,
    ).toBe("rows[0].client.presence");
    const outside = () =>
      postSessionRuptures([{ session: 1, client: { intensity: 7 } }], {
        scale: { min: 1, max: 5 },
      });
    expect(thrownBy(outside).code).toBe("OUT_OF_RANGE");
    expect(thrownBy(() => postSessionRuptures([{ session: 2 }, { session: 1 }])).code).toBe(
      "INVALID_SERIES",
    );
    expect(thrownBy(() => postSessionRuptures(rows, { rater: "observer" as never })).path).toBe(
      "options.rater",
    );
  });
});
