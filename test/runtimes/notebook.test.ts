import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

// The notebook's cells are run by scripts/check-runtimes.sh after the build; these checks need
// no build, so a broken notebook is found by `npm test` first.
const notebook = JSON.parse(readFileSync("examples/notebook/alliance.ipynb", "utf8")) as {
  nbformat: number;
  metadata: { kernelspec?: { name?: string } };
  cells: { cell_type: string; source: string[]; metadata: { tags?: string[] } }[];
};
const { version, exports } = JSON.parse(readFileSync("package.json", "utf8")) as {
  version: string;
  exports: Record<string, unknown>;
};
const codeCells = notebook.cells.filter((cell) => cell.cell_type === "code");
const importsOf = (source: string) =>
  [...source.matchAll(/from "(npm:[^"]+)"/g)].map((match) => match[1]!);

describe("examples/notebook/alliance.ipynb", () => {
  it("is an nbformat 4 notebook for the Deno kernel", () => {
    expect(notebook.nbformat).toBe(4);
    expect(notebook.metadata.kernelspec?.name).toBe("deno");
    expect(codeCells.length).toBeGreaterThan(3);
  });

  it("imports the package at this version's major.minor, through npm: specifiers only", () => {
    const [major, minor] = version.split(".");
    for (const specifier of codeCells.flatMap((cell) => importsOf(cell.source.join("")))) {
      expect(specifier, "update the notebook's npm: specifiers to the new version").toMatch(
        new RegExp(`^npm:therapeutic-alliance@${major}\\.${minor}(/[a-z-]+)?$`),
      );
    }
  });

  it("tags every cell that imports a subpath not yet exported, so CI skips it with a notice", () => {
    for (const cell of codeCells) {
      const tags = cell.metadata.tags ?? [];
      for (const specifier of importsOf(cell.source.join(""))) {
        const subpath = specifier.replace(/^npm:therapeutic-alliance@[^/]+/, ".");
        if (subpath === "." || subpath in exports) continue;
        expect(tags).toContain(`requires-subpath:${subpath}`);
      }
    }
  });

  it("stores no outputs (they are made when the notebook is run)", () => {
    for (const cell of codeCells) expect((cell as { outputs?: unknown[] }).outputs).toEqual([]);
  });
});
