// Imports the installed package the way a consumer does and checks a few hand-computed
// results. Runs unchanged in Node, Deno and Bun (scripts/check-runtimes.sh). Arguments: the
// package's subpaths (".", "./instruments", …) as listed in its package.json `exports`; each
// is imported on its own, so a run with one argument loads only that subpath.
const runtime = globalThis.Deno ? "deno" : globalThis.Bun ? "bun" : "node";
const subpaths = globalThis.Deno ? globalThis.Deno.args : globalThis.process.argv.slice(2);

function check(condition, what) {
  if (!condition) throw new Error(`${runtime}: ${what}`);
}

// WAI-SR (Hatcher & Gillaspy 2006 key): Goal 4, 6, 8, 11 = 3 + 4 + 4 + 3 = 14;
// Task 1, 2, 10, 12 = 4 + 5 + 4 + 4 = 17; Bond 3, 5, 7, 9 = 4 + 5 + 4 + 5 = 18; total 49.
const answers = [4, 5, 4, 3, 5, 4, 4, 4, 5, 4, 3, 4];

function checkScoring({ scoreResponses }) {
  const result = scoreResponses("wai-sr", answers);
  check(result.total.sum === 49 && result.subscales.goal.sum === 14, "WAI-SR score");
  try {
    scoreResponses("wai-sr", [9, ...answers.slice(1)]);
    check(false, "an answer of 9 was accepted");
  } catch (error) {
    check(error.code === "OUT_OF_RANGE" && error.path === "answers[0]", "error code and path");
  }
}

/** Checks per subpath, each hand-computed. */
const subpathChecks = {
  ".": (module) => {
    checkScoring(module);
    check(module.getInstrument("wai-sr").items.length === 12, "getInstrument from the root");
  },
  "./instruments": (module) => {
    check(module.listInstruments().length >= 12, "instrument list");
    check(module.getInstrument("wai-sr").subscales.length === 3, "WAI-SR subscales");
  },
  "./scoring": (module) => {
    checkScoring(module);
    check(module.scoreTable("wai-sr", [answers]).scores.total.sum[0] === 49, "WAI-SR table score");
  },
  "./reliability": (module) => {
    // alpha = k / (k - 1) × (1 - Σ item variances / total variance) = 2 × (1 - 2 / 3) = 2 / 3
    // for items [1, 2, 3] and [1, 3, 2] (variances 1 and 1; totals 2, 5, 5, variance 3).
    const alpha = module.cronbachAlpha([
      [1, 1],
      [2, 3],
      [3, 2],
    ]).rawAlpha;
    check(Math.abs(alpha - 2 / 3) < 1e-12, `cronbachAlpha gave ${alpha}`);
  },
  "./ruptures": (module) => {
    const series = [5, 6, 5].map((score, index) => ({ session: index + 1, score }));
    check(module.plotSeries(series, []).startsWith("<svg"), "plotSeries returns SVG");
  },
  "./interop": (module) => {
    const questionnaire = module.toFhirQuestionnaire("wai-sr");
    check(
      questionnaire.resourceType === "Questionnaire",
      "toFhirQuestionnaire gives a Questionnaire",
    );
  },
  "./notebook": (module) => {
    // 0.87642 rounded to 3 decimals; Jupyter gets an HTML table with the cell escaped.
    const table = module.notebookTable([{ scale: "<bond>", alpha: 0.87642 }]);
    check(table.cells[0].join("|") === "<bond>|0.876", `notebookTable cells ${table.cells[0]}`);
    const html = table[Symbol.for("Jupyter.display")]()["text/html"];
    check(html.includes("<td>&lt;bond&gt;</td>"), "notebookTable escapes HTML");
  },
  "./testing": async (module) => {
    const { scoreResponses } = await import("therapeutic-alliance/scoring");
    for (const golden of module.goldenCases) {
      const scored = scoreResponses(golden.instrumentId, golden.answers);
      const expected = golden.expected.total.sum;
      check(
        Math.abs(scored.total.sum - expected) <= 1e-12 * Math.abs(expected),
        `golden ${golden.instrumentId}`,
      );
    }
    // The generator must give the same sets on every runtime (pinned in test/testing).
    const third = module.validResponses("wai-sr", { seed: 1, count: 3 })[2];
    check(third.join(",") === "2,3,2,3,4,5,2,5,2,4,2,5", `seeded sets differ: ${third}`);
  },
};

for (const subpath of subpaths) {
  const specifier =
    subpath === "." ? "therapeutic-alliance" : `therapeutic-alliance/${subpath.slice(2)}`;
  const module = await import(specifier);
  check(Object.keys(module).length > 0, `${specifier} exports nothing`);
  await subpathChecks[subpath]?.(module);
}
console.log(`${runtime}: ESM import OK: ${subpaths.join(" ")}`);
