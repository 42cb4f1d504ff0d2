// What each subpath must do in a real browser. Every expected value is worked out by hand in
// the comments (or is a published key or format constant), never computed by the library.
// A subpath with no entry here fails, so a new export cannot pass unchecked.

/**
 * Deep equality, with numbers equal within 1e-12 (relative above 1): a prorated total of
 * 32.4 may come out as 32.400000000000006.
 */
function equal(got, expected) {
  if (typeof expected === "number" && typeof got === "number") {
    return Math.abs(got - expected) <= 1e-12 * Math.max(1, Math.abs(expected));
  }
  if (
    typeof expected !== "object" ||
    expected === null ||
    typeof got !== "object" ||
    got === null
  ) {
    return Object.is(got, expected);
  }
  const keys = Object.keys(expected);
  return (
    Array.isArray(got) === Array.isArray(expected) &&
    Object.keys(got).length === keys.length &&
    keys.every((key) => equal(got[key], expected[key]))
  );
}

/** One comparison, as the verdict reports it. */
function same(name, got, expected) {
  return { name, ok: equal(got, expected), got, expected };
}

/** `run()` must throw an AllianceError with this code and path. */
function throwsAllianceError(name, run, code, path) {
  try {
    run();
    return { name, ok: false, got: "no error", expected: `AllianceError ${code} at ${path}` };
  } catch (error) {
    const got = `${error?.name} ${error?.code} at ${error?.path}`;
    const expected = `AllianceError ${code} at ${path}`;
    return { name, ok: got === expected, got, expected };
  }
}

// WAI-SR example of docs/getting-started.md, items 1…12. Published key (Hatcher & Gillaspy
// 2006): Goal = items 4, 6, 8, 11 -> 3 + 4 + 4 + 3 = 14; Task = items 1, 2, 10, 12 ->
// 4 + 5 + 4 + 4 = 17; Bond = items 3, 5, 7, 9 -> 4 + 5 + 4 + 5 = 18; total 49, mean 49 / 12.
const WAI_SR_ANSWERS = [4, 5, 4, 3, 5, 4, 4, 4, 5, 4, 3, 4];

function instruments(module) {
  const waiSr = module.getInstrument("wai-sr");
  return [
    same(
      "listInstruments() includes wai-sr",
      module.listInstruments().some((instrument) => instrument.id === "wai-sr"),
      true,
    ),
    same("WAI-SR has 12 items", waiSr.items.length, 12),
    same("WAI-SR scale is 1 to 5", [waiSr.scale.min, waiSr.scale.max], [1, 5]),
    same(
      "WAI-SR Goal is items 4, 6, 8, 11 (published key)",
      waiSr.subscales.find((subscale) => subscale.id === "goal")?.items,
      [4, 6, 8, 11],
    ),
  ];
}

function scoring(module) {
  const scores = module.scoreResponses("wai-sr", WAI_SR_ANSWERS);
  return [
    same("WAI-SR total sum", scores.total.sum, 49),
    same("WAI-SR total mean", scores.total.mean, 49 / 12),
    same("WAI-SR goal sum", scores.subscales.goal?.sum, 14),
    same("WAI-SR task sum", scores.subscales.task?.sum, 17),
    same("WAI-SR bond sum", scores.subscales.bond?.sum, 18),
    throwsAllianceError(
      "an answer of 6 on a 1-5 scale",
      () => module.scoreResponses("wai-sr", [4, 5, 4, 3, 5, 4, 4, 4, 6, 4, 3, 4]),
      "OUT_OF_RANGE",
      "answers[8]",
    ),
  ];
}

function reliability(module) {
  // Items (1, 2, 3) and (1, 3, 2): item variances 1 and 1; totals 2, 5, 5 with mean 4 and
  // variance (4 + 1 + 1) / 2 = 3; alpha = 2 / 1 * (1 - 2 / 3) = 2 / 3.
  // Feldt (1965) interval with n = 3, k = 2: F has (n - 1, (n - 1)(k - 1)) = (2, 2) df, whose
  // CDF is x / (1 + x), so its p-quantile is p / (1 - p): 39 at 0.975 and 1 / 39 at 0.025.
  // lower = 1 - (1 - alpha) * 39 = -12; upper = 1 - (1 - alpha) / 39 = 1 - 1 / 117.
  const alpha = module.cronbachAlpha([
    [1, 1],
    [2, 3],
    [3, 2],
  ]);
  // Raters (1, 1, 2, 2) and (1, 2, 2, 2): observed agreement 3 / 4; chance agreement
  // 2/4 * 1/4 + 2/4 * 3/4 = 1 / 2; kappa = (3/4 - 1/2) / (1 - 1/2) = 1 / 2.
  const kappa = module.cohenKappa([1, 1, 2, 2], [1, 2, 2, 2], { weights: "none" });
  return [
    same("cronbachAlpha raw alpha", alpha.rawAlpha, 2 / 3),
    same("cronbachAlpha Feldt lower (F quantile)", alpha.feldt.lower, -12),
    same("cronbachAlpha Feldt upper (F quantile)", alpha.feldt.upper, 1 - 1 / 117),
    same("cohenKappa unweighted", kappa.kappa, 0.5),
  ];
}

// Scores of sessions 1…10 with one dip at session 6.
const DIP_SERIES = [38, 39, 38, 37, 38, 30, 38, 39, 38, 39].map((score, index) => ({
  session: index + 1,
  score,
}));

function ruptures(module) {
  // V-shape, k = 2, reference = mean of the other sessions: the nine others sum to 344, mean
  // 344 / 9 = 38.22…; their squared deviations sum to 32 / 9, so SD = sqrt(32 / 9 / 8) = 2 / 3
  // and the threshold is 344 / 9 - 4 / 3. Only session 6 (30) falls below; session 7 (38) is
  // still below 38.22, session 8 (39) is the repair.
  const result = module.detectRuptures(DIP_SERIES, { method: "v-shape", k: 2 });
  const event = result.events[0];
  return [
    same("v-shape: one event", result.events.length, 1),
    same("v-shape: sessions", event?.sessions, { start: 5, trough: 6, repair: 8 }),
    same("v-shape: reference value", event?.evidence.referenceValue, 344 / 9),
    same("v-shape: SD used", event?.evidence.sdUsed, 2 / 3),
    same("v-shape: threshold", event?.evidence.threshold, 344 / 9 - 4 / 3),
    ...renderedPlot(
      module.plotSeries(DIP_SERIES, result.events, { title: "Client A", width: 480 }),
    ),
  ];
}

/** Parses plotSeries' SVG with the browser's XML parser, puts it in the page and measures it. */
function renderedPlot(svgText) {
  const parsed = new DOMParser().parseFromString(svgText, "image/svg+xml");
  const svg = document.importNode(parsed.documentElement, true);
  const figure = document.createElement("figure");
  figure.append(svg);
  document.getElementById("figures").append(figure);
  const marker = svg.querySelector("circle.rupture-marker");
  return [
    same("plotSeries: well-formed SVG", parsed.querySelector("parsererror") === null, true),
    same("plotSeries: root element", svg.tagName, "svg"),
    same("plotSeries: title", svg.querySelector("title")?.textContent, "Client A"),
    same("plotSeries: one rupture marker", svg.querySelectorAll("circle.rupture-marker").length, 1),
    same("plotSeries: one repair marker", svg.querySelectorAll("path.repair-marker").length, 1),
    same("plotSeries: rendered width (px)", svg.getBoundingClientRect().width, 480),
    same("plotSeries: marker is drawn", (marker?.getBBox().width ?? 0) > 0, true),
  ];
}

const ORDINAL_VALUE = "http://hl7.org/fhir/StructureDefinition/ordinalValue";
const CALCULATED_EXPRESSION =
  "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression";

function interop(module) {
  const questionnaire = module.toFhirQuestionnaire("wai-sr");
  const questions = questionnaire.item.filter((item) => item.type === "choice");
  const scoreItems = questionnaire.item.find((item) => item.type === "group")?.item ?? [];
  const response = module.toFhirQuestionnaireResponse("wai-sr", WAI_SR_ANSWERS);
  const schema = module.toJsonSchema("wai-sr");
  const dictionary = module.toRedcapDictionary("wai-sr").split("\r\n").filter(Boolean);
  return [
    same("FHIR: resourceType", questionnaire.resourceType, "Questionnaire"),
    same("FHIR: 12 choice items", questions.length, 12),
    same(
      "FHIR: each item's ordinalValue weights are 1 to 5",
      questions.every(
        (item) =>
          JSON.stringify(
            item.answerOption.map(
              (option) => option.extension.find((e) => e.url === ORDINAL_VALUE)?.valueDecimal,
            ),
          ) === "[1,2,3,4,5]",
      ),
      true,
    ),
    same(
      "FHIR: total and 3 subscales are SDC calculatedExpression items",
      scoreItems.filter((item) => item.extension?.some((e) => e.url === CALCULATED_EXPRESSION))
        .length,
      4,
    ),
    same(
      "FHIR: response round trip scores 49",
      module.scoreQuestionnaireResponse("wai-sr", response).total.sum,
      49,
    ),
    same("JSON Schema: an object", schema.type, "object"),
    same("JSON Schema: 12 item properties", Object.keys(schema.properties).length, 12),
    same(
      "JSON Schema: item 1 is an integer step from 1 to 5, or null",
      schema.properties.waisr_1.anyOf,
      [{ type: "number", minimum: 1, maximum: 5, multipleOf: 1 }, { type: "null" }],
    ),
    // REDCap data dictionary: header, record_id, 12 items, 4 calculated scores.
    same("REDCap: first column header", dictionary[0]?.split(",")[0], "Variable / Field Name"),
    same("REDCap: 18 lines", dictionary.length, 18),
  ];
}

function testing(module, scoringModule) {
  const sets = module.validResponses("wai-sr", { seed: 7, count: 50, missingRate: 0.1 });
  const onScale = (answer) =>
    answer === null || (Number.isInteger(answer) && answer >= 1 && answer <= 5);
  const scorable = sets.filter((set) => {
    try {
      scoringModule.scoreResponses("wai-sr", set);
      return true;
    } catch {
      return false;
    }
  });
  const invalid = module.invalidResponses("wai-sr", { seed: 3 });
  const golden = module.goldenCases.map((golden) => {
    const scores = scoringModule.scoreResponses(golden.instrumentId, golden.answers);
    return same(
      `golden case ${golden.instrumentId}: ${golden.description}`,
      { total: scores.total, subscales: scores.subscales },
      { total: golden.expected.total, subscales: golden.expected.subscales },
    );
  });
  return [
    same(
      "validResponses: 50 sets of 12 answers",
      sets.map((set) => set.length),
      Array(50).fill(12),
    ),
    same("validResponses: every answer on the scale or null", sets.flat().every(onScale), true),
    same("validResponses: every set scores", scorable.length, 50),
    same(
      "validResponses: the same seed gives the same sets",
      module.validResponses("wai-sr", { seed: 7, count: 50, missingRate: 0.1 }),
      sets,
    ),
    same("invalidResponses: some cases", invalid.length > 0, true),
    ...invalid.map((bad) =>
      throwsAllianceError(
        `invalidResponses ${bad.kind}`,
        () => scoringModule.scoreResponses("wai-sr", bad.answers),
        bad.code,
        bad.path,
      ),
    ),
    same("goldenCases: some cases", golden.length > 0, true),
    ...golden,
  ];
}

function fastCheckArbitraries(module, fc, scoringModule) {
  const arbitraries = module.arbitraries(fc);
  const runs = { seed: 42, numRuns: 100 };
  const valid = fc.check(
    fc.property(arbitraries.validAnswers("wai-sr"), (answers) => {
      scoringModule.scoreResponses("wai-sr", answers);
    }),
    runs,
  );
  const invalid = fc.check(
    fc.property(arbitraries.invalidCase("wai-sr"), (bad) => {
      const check = throwsAllianceError(
        bad.kind,
        () => scoringModule.scoreResponses("wai-sr", bad.answers),
        bad.code,
        bad.path,
      );
      if (!check.ok) throw new Error(`${check.got}, expected ${check.expected}`);
    }),
    runs,
  );
  return [
    same(
      "validAnswers: 100 runs score",
      valid.failed ? String(valid.errorInstance) : "passed",
      "passed",
    ),
    same(
      "invalidCase: 100 runs throw their code",
      invalid.failed ? String(invalid.errorInstance) : "passed",
      "passed",
    ),
  ];
}

function notebook(module) {
  // Two rows; 0.87642 rounded to 3 decimals; the union of keys gives the columns.
  const table = module.notebookTable([{ scale: "bond", alpha: 0.87642 }, { scale: "<goal>" }]);
  const bundle = table[Symbol.for("Jupyter.display")]();
  const image = module.notebookSvg('<svg xmlns="http://www.w3.org/2000/svg"></svg>');
  return [
    same("notebookTable: columns", table.columns, ["scale", "alpha"]),
    same("notebookTable: cells", table.cells, [
      ["bond", "0.876"],
      ["<goal>", ""],
    ]),
    same(
      "notebookTable: HTML escapes",
      bundle["text/html"].includes("<td>&lt;goal&gt;</td>"),
      true,
    ),
    same("notebookSvg: image/svg+xml", Object.keys(image[Symbol.for("Jupyter.display")]()), [
      "image/svg+xml",
      "text/plain",
    ]),
  ];
}

const CHECKS = {
  ".": (module) => [
    ...instruments(module),
    ...scoring(module),
    ...reliability(module),
    ...ruptures(module),
    ...interop(module),
    ...notebook(module),
  ],
  "./instruments": instruments,
  "./scoring": scoring,
  "./reliability": reliability,
  "./ruptures": ruptures,
  "./interop": interop,
  "./notebook": notebook,
  "./testing": async (module, load) => testing(module, await load("./scoring")),
  "./testing/fast-check": async (module, load) =>
    fastCheckArbitraries(module, await load("fast-check"), await load("./scoring")),
};

/**
 * Runs the checks of one subpath on its loaded bundle; `load(name)` imports another bundle
 * (a subpath, or "fast-check" for the vendored fast-check a consumer would bundle).
 */
export async function checksFor(subpath, module, load) {
  const checks = CHECKS[subpath];
  if (checks === undefined) {
    return [
      same(
        `browser checks for ${subpath} (add them to test/runtimes/browser/checks.js)`,
        "none",
        "some",
      ),
    ];
  }
  return checks(module, load);
}
