import { describe, expect, it } from "vitest";
import type { AllianceError } from "../../src/errors.js";
import type { ResponseScale } from "../../src/instruments/model.js";
import { vasFromMillimetres } from "../../src/scoring/vasFromMillimetres.js";
import { codeOf, deepFreeze } from "../helpers.js";

const endLabels = { min: "low", max: "high" };
// A 0-10 line recorded to 0.1 (1 mm on a 100 mm line), as the SRS/ORS definitions use.
const rejecting = deepFreeze<Extract<ResponseScale, { kind: "vas" }>>({
  kind: "vas",
  min: 0,
  max: 10,
  step: 0.1,
  endLabels,
  offStep: "reject",
});
const rounding = deepFreeze({ ...rejecting, offStep: "round" as const });

describe("vasFromMillimetres", () => {
  it("divides whole millimetres by 10 on a 0-10 scale over a 100 mm line", () => {
    // hand-worked: 57 mm / 100 mm * (10 - 0) = 5.7; 3 mm -> 0.3; 0 -> 0; 100 -> 10
    expect(vasFromMillimetres(57, rejecting)).toBe(5.7);
    expect(vasFromMillimetres(3, rejecting)).toBe(0.3);
    expect(vasFromMillimetres(0, rejecting)).toBe(0);
    expect(vasFromMillimetres(100, rejecting)).toBe(10);
  });

  it("rejects a mark between two millimetres when the scale rejects off-step values", () => {
    expect(codeOf(() => vasFromMillimetres(57.5, rejecting))).toBe("OUT_OF_RANGE");
  });

  it("rounds a mark between two millimetres when the scale rounds", () => {
    // 57.4 mm -> 5.74 -> nearest 0.1 is 5.7; 57.6 mm -> 5.76 -> 5.8
    expect(vasFromMillimetres(57.4, rounding)).toBe(5.7);
    expect(vasFromMillimetres(57.6, rounding)).toBe(5.8);
  });

  it("rejects a mark before the line or past its end", () => {
    expect(codeOf(() => vasFromMillimetres(-0.1, rejecting))).toBe("OUT_OF_RANGE");
    expect(codeOf(() => vasFromMillimetres(100.1, rounding))).toBe("OUT_OF_RANGE");
    expect(codeOf(() => vasFromMillimetres(103, rejecting))).toBe("OUT_OF_RANGE");
  });

  it("rejects values that are not finite numbers", () => {
    expect(codeOf(() => vasFromMillimetres(Number.NaN, rejecting))).toBe("NOT_A_NUMBER");
    expect(codeOf(() => vasFromMillimetres(Number.POSITIVE_INFINITY, rejecting))).toBe(
      "NOT_A_NUMBER",
    );
    expect(codeOf(() => vasFromMillimetres("57" as unknown as number, rejecting))).toBe(
      "NOT_A_NUMBER",
    );
  });

  it("accepts another line length and checks it", () => {
    // hand-worked: 60 mm on a 120 mm line is half way: 0 + 0.5 * 10 = 5
    expect(vasFromMillimetres(60, rejecting, { lineLengthMm: 120 })).toBe(5);
    expect(codeOf(() => vasFromMillimetres(5, rejecting, { lineLengthMm: 0 }))).toBe(
      "INVALID_OPTION",
    );
  });

  it("rejects a Likert scale", () => {
    const likert = {
      kind: "likert" as const,
      min: 1,
      max: 5,
      step: 1,
      labels: [
        { value: 1, label: "a" },
        { value: 5, label: "b" },
      ],
    };
    expect(codeOf(() => vasFromMillimetres(50, likert))).toBe("INVALID_INPUT");
  });

  it("names the caller's path in the error", () => {
    try {
      vasFromMillimetres(120, rejecting, { path: "answers[2]" });
      expect.unreachable();
    } catch (error) {
      expect((error as AllianceError).path).toBe("answers[2]");
      expect((error as AllianceError).message).toContain("0 to 100 mm");
    }
  });

  it("refuses a path that is not a string instead of ignoring it", () => {
    expect(codeOf(() => vasFromMillimetres(50, rejecting, { path: 3 as never }))).toBe(
      "INVALID_OPTION",
    );
  });
});
