import { AllianceError, describeValue } from "../errors.js";
import { JUPYTER_DISPLAY, type JupyterBundle } from "./jupyterDisplay.js";

/** An SVG image that Jupyter shows as a picture. */
export interface NotebookSvg {
  /** The SVG markup. */
  readonly svg: string;
  /** The Deno Jupyter kernel calls this to display the image (`image/svg+xml`). */
  [JUPYTER_DISPLAY](): JupyterBundle;
  /** The markup itself, so that `String(image)` can be written to a file. */
  toString(): string;
}

/**
 * Wraps SVG markup (e.g. from `plotSeries`) so that the Deno Jupyter kernel displays it as an
 * image when it is a cell's last expression.
 *
 * @category Notebook
 * @throws AllianceError INVALID_INPUT when `svg` is not a string holding an `<svg` element
 * @example
 * notebookSvg('<svg xmlns="http://www.w3.org/2000/svg"></svg>').svg.startsWith("<svg"); // => true
 */
export function notebookSvg(svg: string): NotebookSvg {
  if (typeof svg !== "string" || !svg.includes("<svg")) {
    throw new AllianceError({
      code: "INVALID_INPUT",
      path: "svg",
      message: `expected SVG markup (a string with an <svg> element), got ${describeValue(svg)}`,
    });
  }
  const bytes = new TextEncoder().encode(svg).length;
  return Object.freeze({
    svg,
    [JUPYTER_DISPLAY]: () => ({
      "image/svg+xml": svg,
      "text/plain": `(an SVG image, ${bytes} bytes)`,
    }),
    toString: () => svg,
  });
}
