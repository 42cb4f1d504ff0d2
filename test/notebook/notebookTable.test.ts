import { describe, expect, it } from "vitest";
import { JUPYTER_DISPLAY } from "../../src/notebook/jupyterDisplay.js";
import { notebookTable } from "../../src/notebook/notebookTable.js";
import { cronbachAlpha } from "../../src/reliability/cronbachAlpha.js";
import { deepFreeze, thrownBy } from "../helpers.js";

describe("notebookTable", () => {
  const rows = deepFreeze([
    { scale: "bond", alpha: 0.87642, n: 60 },
    { scale: "<goal & task>", alpha: null, n: 58, note: "few" },
  ]);

  it("renders rows as aligned text: union of keys, 3 decimals, NA for null", () => {
    expect(String(notebookTable(rows, { caption: "Alpha" }))).toBe(
      [
        "Alpha",
        "scale          alpha   n  note",
        "bond           0.876  60",
        "<goal & task>     NA  58   few",
        "",
      ].join("\n"),
    );
  });

  it("gives Jupyter an escaped HTML table and the same text", () => {
    const bundle = notebookTable(rows, { caption: "Alpha", digits: 1 })[JUPYTER_DISPLAY]();
    expect(bundle["text/html"]).toBe(
      "<table><caption>Alpha</caption><thead><tr><th>scale</th><th>alpha</th><th>n</th><th>note</th></tr></thead>" +
        "<tbody><tr><td>bond</td><td>0.9</td><td>60</td><td></td></tr>" +
        "<tr><td>&lt;goal &amp; task&gt;</td><td>NA</td><td>58</td><td>few</td></tr></tbody></table>",
    );
    expect(bundle["text/plain"]).toContain("bond             0.9  60");
    expect(Symbol.for("Jupyter.display")).toBe(JUPYTER_DISPLAY);
  });

  it("shows one result object as field/value rows, NaN and Infinity printed", () => {
    const table = notebookTable({
      icc: Number.NaN,
      f: Number.POSITIVE_INFINITY,
      ci: { lower: 0.12345, upper: 1 },
    });
    expect(table.columns).toEqual(["field", "value"]);
    expect(table.cells).toEqual([
      ["icc", "NaN"],
      ["f", "Infinity"],
      ["ci.lower", "0.123"],
      ["ci.upper", "1"],
    ]);
  });

  it("writes an object cell as its fields", () => {
    expect(notebookTable([{ ci: { lower: 0.5, upper: 0.75 } }]).cells).toEqual([
      ["lower: 0.500, upper: 0.750"],
    ]);
  });

  it("displays a real result: cronbachAlpha's raw alpha is a row", () => {
    // alpha of [[1,1],[2,3],[3,2]]: k = 2, item variances 1 and 1, total variance 3 → 2 × (1 − 2/3) = 0.667
    const table = notebookTable(
      cronbachAlpha([
        [1, 1],
        [2, 3],
        [3, 2],
      ]),
    );
    expect(table.cells).toContainEqual(["rawAlpha", "0.667"]);
  });

  it("is frozen and leaves its input alone", () => {
    const table = notebookTable(rows);
    expect(Object.isFrozen(table) && Object.isFrozen(table.cells[0])).toBe(true);
  });

  it("rejects rows that are not objects and bad options", () => {
    expect(thrownBy(() => notebookTable("x"))).toMatchObject({
      code: "INVALID_INPUT",
      path: "rows",
    });
    expect(thrownBy(() => notebookTable([{ a: 1 }, 2]))).toMatchObject({
      code: "INVALID_INPUT",
      path: "rows[1]",
    });
    expect(thrownBy(() => notebookTable([], { caption: 3 as never }))).toMatchObject({
      code: "INVALID_OPTION",
      path: "options.caption",
    });
    expect(thrownBy(() => notebookTable([], { digits: 1.5 }))).toMatchObject({
      code: "INVALID_OPTION",
      path: "options.digits",
    });
  });
});
