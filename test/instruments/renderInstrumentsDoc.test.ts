import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { NOT_YET_AVAILABLE } from "../../src/instruments/notYetAvailable.js";
import { listInstruments } from "../../src/instruments/registry.js";
import { renderInstrumentsDoc } from "../../src/instruments/renderInstrumentsDoc.js";

const committed = readFileSync(new URL("../../docs/instruments.md", import.meta.url), "utf8");

describe("docs/instruments.md", () => {
  it("is up to date with the registry (run `npm run docs:instruments` after changing an instrument)", () => {
    expect(committed).toBe(renderInstrumentsDoc());
  });

  it("has a row for every registered instrument and a section for every one not yet available", () => {
    const text = renderInstrumentsDoc();
    for (const instrument of listInstruments()) expect(text).toContain(`| ${instrument.id} | `);
    for (const pending of NOT_YET_AVAILABLE)
      expect(text).toContain(`### ${pending.abbreviation}: `);
    expect(text).toContain("## Not yet available");
  });

  it("shows the key as data: the TASC-R's reverse items, the SRS cut-offs, the WAI's absent norms", () => {
    const text = renderInstrumentsDoc();
    expect(text).toMatch(
      /\| tasc-r \| [^\n]*\| 2, 5, 7, 8, 11 \| confirmed-secondary \| omitted \|/,
    );
    expect(text).toContain("| srs | below-36 | total (sum) < 36 |");
    expect(text).toContain("| srs | at-or-below-36 | total (sum) ≤ 36 |");
    expect(text).toContain("| ors | rc-6.6 | change in total (sum) ≥ 6.6 |");
    expect(text).toMatch(/\| wai-sr \| none \| The WAI is not a standardised measure/);
  });

  it("is the same text on every call", () => {
    expect(renderInstrumentsDoc()).toBe(renderInstrumentsDoc());
  });
});
