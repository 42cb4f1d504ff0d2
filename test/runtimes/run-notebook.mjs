// Extracts the code cells of a Deno Jupyter notebook into one module, in order, so that Deno
// can run them as the kernel would (cells share one scope; top-level await works).
// A cell tagged `requires-subpath:./x` is left out, with a notice, while the package's
// `exports` has no "./x" (a section written ahead of its subpath).
// node run-notebook.mjs <notebook.ipynb> <package.json> <out.ts>
import { readFileSync, writeFileSync } from "node:fs";

const [notebookPath, packagePath, outPath] = process.argv.slice(2);
const notebook = JSON.parse(readFileSync(notebookPath, "utf8"));
const subpaths = Object.keys(JSON.parse(readFileSync(packagePath, "utf8")).exports);
const kernel = notebook.metadata?.kernelspec?.name;
if (notebook.nbformat !== 4 || kernel !== "deno") {
  console.error(
    `${notebookPath}: expected an nbformat 4 notebook with the deno kernel, got nbformat ${notebook.nbformat}, kernel ${kernel}`,
  );
  process.exit(1);
}

const source = (cell) => (Array.isArray(cell.source) ? cell.source.join("") : cell.source);
const missingSubpaths = (cell) =>
  (cell.metadata?.tags ?? [])
    .filter((tag) => tag.startsWith("requires-subpath:"))
    .map((tag) => tag.slice("requires-subpath:".length))
    .filter((subpath) => !subpaths.includes(subpath));

const chunks = [];
notebook.cells.forEach((cell, index) => {
  if (cell.cell_type !== "code") return;
  const missing = missingSubpaths(cell);
  if (missing.length > 0) {
    console.log(
      `notebook cell ${index + 1} SKIPPED: the package does not export ${missing.join(", ")} yet`,
    );
    return;
  }
  chunks.push(`// ---- notebook cell ${index + 1}\n${source(cell)}\n`);
});
writeFileSync(outPath, chunks.join("\n"));
console.log(`${notebookPath}: ${chunks.length} code cells extracted`);
