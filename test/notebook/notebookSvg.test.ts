import { describe, expect, it } from "vitest";
import { JUPYTER_DISPLAY } from "../../src/notebook/jupyterDisplay.js";
import { notebookSvg } from "../../src/notebook/notebookSvg.js";
import { plotSeries } from "../../src/ruptures/plotSeries.js";
import { thrownBy } from "../helpers.js";

describe("notebookSvg", () => {
  it("hands plotSeries' SVG to Jupyter as image/svg+xml", () => {
    const svg = plotSeries(
      [
        { session: 1, score: 40 },
        { session: 2, score: 30 },
      ],
      [],
    );
    const image = notebookSvg(svg);
    const bundle = image[JUPYTER_DISPLAY]();
    expect(bundle["image/svg+xml"]).toBe(svg);
    expect(bundle["text/plain"]).toBe(`(an SVG image, ${Buffer.byteLength(svg)} bytes)`);
    expect(String(image)).toBe(svg);
  });

  it("rejects what is not SVG markup", () => {
    expect(thrownBy(() => notebookSvg(3 as never))).toMatchObject({
      code: "INVALID_INPUT",
      path: "svg",
    });
    expect(thrownBy(() => notebookSvg("<div></div>"))).toMatchObject({
      code: "INVALID_INPUT",
      path: "svg",
    });
  });
});
