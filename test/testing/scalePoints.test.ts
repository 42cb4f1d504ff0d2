import { describe, expect, it } from "vitest";
import { scalePoints } from "../../src/testing/scalePoints.js";

describe("scalePoints", () => {
  it("lists a Likert scale's points", () => {
    expect(scalePoints("wai-sr")).toEqual([1, 2, 3, 4, 5]);
    expect(scalePoints("wai-c")).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(scalePoints("tasc-r")).toEqual([1, 2, 3, 4]);
  });

  it("lists a 0-10 VAS in tenths, each written as its decimal", () => {
    const points = scalePoints("srs");
    expect(points).toHaveLength(101);
    expect(points.slice(0, 4)).toEqual([0, 0.1, 0.2, 0.3]);
    expect(points[73]).toBe(7.3);
    expect(points[100]).toBe(10);
  });
});
