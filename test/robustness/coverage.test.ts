/**
 * Issue 7 asks for the fuzz suite to cover every public function: each function exported by
 * the package's entries must be the `name` of a fuzz target in test/robustness/, or be listed
 * below with the reason it has none.
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as root from "../../src/index.js";
import * as fastCheckTesting from "../../src/testing/arbitraries.js";
import * as testing from "../../src/testing/index.js";

const WITHOUT_TARGET: Readonly<Record<string, string>> = {
  AllianceError: "the error class itself: every target checks the errors it throws",
  describeValue: "never throws: fuzz.scoring.test.ts gives it every hostile value directly",
  listInstruments: "takes no input: fuzz.scoring.test.ts checks extra arguments change nothing",
  renderInstrumentsDoc:
    "takes no input: fuzz.scoring.test.ts checks extra arguments change nothing",
};

const folder = new URL("./", import.meta.url).pathname;
const suite = readdirSync(folder)
  .filter((file) => file.endsWith(".ts"))
  .map((file) => readFileSync(folder + file, "utf8"))
  .join("\n");

const exported = [
  ...Object.entries(root),
  ...Object.entries(testing),
  ...Object.entries(fastCheckTesting),
]
  .filter(([, value]) => typeof value === "function")
  .map(([name]) => name);

describe("fuzz coverage", () => {
  it.each([...new Set(exported)])("%s has a fuzz target or a stated reason", (name) => {
    const targeted = suite.includes(`name: "${name}"`);
    expect(targeted || name in WITHOUT_TARGET).toBe(true);
  });

  it("every stated exemption is still an export without a target", () => {
    for (const name of Object.keys(WITHOUT_TARGET)) {
      expect(exported).toContain(name);
      expect(suite.includes(`name: "${name}"`)).toBe(false);
    }
  });
});
