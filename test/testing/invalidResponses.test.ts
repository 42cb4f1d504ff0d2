import { describe, expect, it } from "vitest";
import { AllianceError } from "../../src/errors.js";
import { listInstruments } from "../../src/instruments/registry.js";
import { scoreResponses } from "../../src/scoring/scoreResponses.js";
import { scoreTable } from "../../src/scoring/scoreTable.js";
import type { Answer, Answers } from "../../src/scoring/types.js";
import {
  INVALID_RESPONSE_KINDS,
  type InvalidResponseCase,
  invalidResponses,
} from "../../src/testing/invalidResponses.js";
import { deepFreeze, thrownBy } from "../helpers.js";

const ids = listInstruments().map((instrument) => instrument.id);

function scoringError(id: string, invalid: InvalidResponseCase) {
  const error = thrownBy(() => scoreResponses(id, deepFreeze(invalid.answers) as Answers));
  expect(error).toBeInstanceOf(AllianceError);
  return error;
}

describe("invalidResponses", () => {
  it.each(ids)("%s: every case throws its stated code at its stated path", (id) => {
    const cases = invalidResponses(id, { seed: 9, count: 12 });
    expect(cases.length).toBeGreaterThan(100);
    for (const invalid of cases) {
      const error = scoringError(id, invalid);
      expect({ kind: invalid.kind, code: error.code, path: error.path }).toEqual({
        kind: invalid.kind,
        code: invalid.code,
        path: invalid.path,
      });
    }
  });

  it.each(ids)("%s: array-shaped cases fail scoreTable with the same code", (id) => {
    for (const invalid of invalidResponses(id, { seed: 4, count: 4 })) {
      if (invalid.shape !== "array") continue;
      const table = scoreTable(id, [invalid.answers as Answer[]], { onError: "collect" });
      expect(table.errors.map((error) => error.code)).toEqual([invalid.code]);
    }
  });

  it("covers the kinds the issue names, for the WAI-SR", () => {
    const cases = invalidResponses("wai-sr", { seed: 2 });
    expect(cases.map((invalid) => invalid.kind)).toEqual([...INVALID_RESPONSE_KINDS]);
    const byKind = Object.fromEntries(cases.map((invalid) => [invalid.kind, invalid]));
    expect(byKind["unsafe-key"]!.path).toBe('answers["__proto__"]');
    expect(Object.keys(byKind["unsafe-key"]!.answers as object)).toContain("__proto__");
    expect(byKind["not-a-number"]!.code).toBe("NOT_A_NUMBER");
    expect(byKind["too-many-missing-in-subscale"]!.code).toBe("TOO_MANY_MISSING");
  });

  it("changes only the one answer at fault: the rest of each array case is on the scale", () => {
    for (const invalid of invalidResponses("wai-c", { seed: 8, count: 6 })) {
      if (invalid.shape !== "array" || !/^answers\[\d+\]$/.test(invalid.path)) continue;
      const at = Number(invalid.path.slice(8, -1));
      const others = (invalid.answers as unknown[]).filter((_, index) => index !== at);
      for (const answer of others) expect([1, 2, 3, 4, 5, 6, 7]).toContain(answer);
    }
  });

  it("leaves out kinds that cannot occur for the instrument", () => {
    // SRS: total only, so no subscale can exceed its limit.
    const srsKinds = invalidResponses("srs").map((invalid) => invalid.kind);
    expect(srsKinds).not.toContain("too-many-missing-in-subscale");
    // A VAS that rounds between-step marks has no off-step error.
    const rounding = structuredClone(listInstruments().find((i) => i.id === "srs")!);
    (rounding.scale as { offStep: string }).offStep = "round";
    const roundingKinds = invalidResponses(rounding).map((invalid) => invalid.kind);
    expect(roundingKinds).not.toContain("off-step");
    expect(roundingKinds).toContain("out-of-range");
  });

  it("is deterministic for a seed", () => {
    const first = invalidResponses("tasc-r", { seed: 77, count: 3 });
    const again = invalidResponses("tasc-r", { seed: 77, count: 3 });
    expect(again.map((invalid) => invalid.description)).toEqual(
      first.map((invalid) => invalid.description),
    );
  });

  it("generates only the kinds asked for, and rejects an unknown kind", () => {
    const cases = invalidResponses("ors", { kinds: ["string", "wrong-length"], count: 2 });
    expect(cases.map((invalid) => invalid.kind)).toEqual([
      "string",
      "string",
      "wrong-length",
      "wrong-length",
    ]);
    const error = thrownBy(() => invalidResponses("ors", { kinds: ["string", "typo" as never] }));
    expect([error.code, error.path]).toEqual(["INVALID_OPTION", "options.kinds[1]"]);
    expect(error.message).toContain('got "typo"');
    const notArray = thrownBy(() => invalidResponses("ors", { kinds: "string" as never }));
    expect([notArray.code, notArray.path]).toEqual(["INVALID_OPTION", "options.kinds"]);
  });

  it("names a hole in a sparse kinds array (F22: was TypeError BUILDERS[kind] is not a function)", () => {
    const holes = deepFreeze({ kinds: new Array(2) as never }); // [ , , ]
    const error = thrownBy(() => invalidResponses("wai-c", holes));
    expect(error).toBeInstanceOf(AllianceError);
    expect([error.code, error.path]).toEqual(["INVALID_OPTION", "options.kinds[0]"]);
    const laterHole = Object.assign(new Array(3), { 0: "string", 2: "unsafe-key" }) as never;
    expect(thrownBy(() => invalidResponses("wai-c", { kinds: laterHole })).path).toBe(
      "options.kinds[1]",
    );
  });
});
