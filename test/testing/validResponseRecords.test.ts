import { describe, expect, it } from "vitest";
import { scoreResponses } from "../../src/scoring/scoreResponses.js";
import { validResponseRecords } from "../../src/testing/validResponseRecords.js";
import { validResponses } from "../../src/testing/validResponses.js";
import { thrownBy } from "../helpers.js";

describe("validResponseRecords", () => {
  it("keys the same seeded sets by item number or by item id", () => {
    const options = { seed: 21, count: 25, missingRate: 0.2 };
    const arrays = validResponses("wai-s", options);
    const byNumber = validResponseRecords("wai-s", options);
    const byId = validResponseRecords("wai-s", { ...options, keyBy: "id" });
    expect(Object.keys(byNumber[0]!)).toEqual([
      "1",
      "2",
      "3",
      "4",
      "5",
      "6",
      "7",
      "8",
      "9",
      "10",
      "11",
      "12",
    ]);
    expect(Object.keys(byId[0]!)[0]).toBe("wais_1");
    arrays.forEach((answers, index) => {
      const expected = scoreResponses("wai-s", answers);
      expect(scoreResponses("wai-s", byNumber[index]!)).toEqual(expected);
      expect(scoreResponses("wai-s", byId[index]!)).toEqual(expected);
    });
  });

  it("rejects an unknown keyBy", () => {
    const error = thrownBy(() => validResponseRecords("srs", { keyBy: "label" as never }));
    expect([error.code, error.path]).toEqual(["INVALID_OPTION", "options.keyBy"]);
  });
});
