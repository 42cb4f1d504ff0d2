/**
 * Fuzz suite of the notebook helpers (`notebookTable`, `notebookSvg`, `resultRows`). Their
 * results hold display functions, so each call is projected onto its data and its MIME bundle.
 * See harness.ts for the three properties each target gets.
 */
import fc from "fast-check";
import { JUPYTER_DISPLAY } from "../../src/notebook/jupyterDisplay.js";
import { notebookSvg } from "../../src/notebook/notebookSvg.js";
import { notebookTable } from "../../src/notebook/notebookTable.js";
import { resultRows } from "../../src/notebook/resultRows.js";
import { documentedTarget, guardPrototypes } from "./harness.js";

guardPrototypes();

/** A cell of a result or a row: numbers of every kind, text, null, lists, nested records. */
const cell = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.double(),
    fc.integer(),
    fc.string({ maxLength: 8 }),
    fc.constant(null),
    fc.boolean(),
    fc.array(fc.oneof(fc.double(), fc.constant(null)), { maxLength: 4 }),
    fc.dictionary(fc.string({ maxLength: 4 }), tie("value"), { maxKeys: 3 }),
  ),
})).value;

const record = fc.dictionary(fc.string({ maxLength: 6 }), cell, { maxKeys: 4 });

const tableOptions = fc.record(
  { caption: fc.string({ maxLength: 10 }), digits: fc.integer({ min: 0, max: 10 }) },
  { requiredKeys: [] },
);

documentedTarget(
  { file: "src/notebook/resultRows.ts" },
  {
    name: "resultRows",
    call: (result: unknown, options?: unknown) => resultRows(result, options as never),
    valid: fc.tuple(
      fc.oneof(record, fc.array(record, { maxLength: 3 })) as fc.Arbitrary<unknown>,
      fc.option(fc.record({ maxListValues: fc.integer({ min: 1, max: 20 }) }), {
        nil: undefined,
      }) as fc.Arbitrary<unknown>,
    ),
    codes: ["INVALID_INPUT", "INVALID_OPTION"],
    optionalArgs: [1],
    nonFiniteByDesign: "a result's own NaN or Infinity is shown as it is, not hidden",
  },
);

documentedTarget(
  { file: "src/notebook/notebookTable.ts" },
  {
    name: "notebookTable",
    call: (rows: unknown, options?: unknown) => {
      const table = notebookTable(rows, options as never);
      const { caption, columns, cells } = table;
      return { caption, columns, cells, bundle: table[JUPYTER_DISPLAY](), text: String(table) };
    },
    valid: fc.tuple(
      fc.oneof(fc.array(record, { maxLength: 5 }), record) as fc.Arbitrary<unknown>,
      fc.option(tableOptions, { nil: undefined }) as fc.Arbitrary<unknown>,
    ),
    codes: ["INVALID_INPUT", "INVALID_OPTION"],
    optionalArgs: [1],
  },
);

documentedTarget(
  { file: "src/notebook/notebookSvg.ts" },
  {
    name: "notebookSvg",
    call: (svg: unknown) => {
      const image = notebookSvg(svg as string);
      return { svg: image.svg, bundle: image[JUPYTER_DISPLAY](), text: String(image) };
    },
    valid: fc.tuple(
      fc
        .string({ maxLength: 40 })
        .map(
          (inner) => `<svg xmlns="http://www.w3.org/2000/svg">${inner}</svg>`,
        ) as fc.Arbitrary<unknown>,
    ),
    codes: ["INVALID_INPUT"],
  },
);
