/**
 * The Working Alliance Inventory family: the 36-item WAI (client, therapist and observer
 * forms), the Tracey & Kokotovic short form (WAI-S), the Hatcher & Gillaspy revised short
 * form (WAI-SR) and the 10-item revised therapist short form (WAI-SR-T).
 *
 * Scoring keys only: the items are copyright Adam O. Horvath, with permissions through the
 * Society for Psychotherapy Research, so no item wording ships here. The keys and their
 * confidence come from the project's reference (shared/reference/instruments.md, sections
 * 1–3), which records every source consulted; the tags [S5], [C1] … below are its source tags.
 *
 * @module
 */
import type { Instrument, Item, Licence, MissingRule, Norms, ResponseScale } from "./model.js";

/** Copyright and permission for every WAI form ([S3], [S4], [S5], [S14]). */
const WAI_LICENCE: Licence = {
  itemText: "omitted",
  holder: "Adam O. Horvath; permissions through the Society for Psychotherapy Research (SPR)",
  note: 'The forms print "Items copyright © Adam Horvath". Use is free for research and clinical work with permission; item wording is not shipped. Supply your licensed wording through defineInstrument if you hold it.',
};

/** Horvath: the WAI is not a standardised measure and has no norms, cut-offs or bands ([S2]). */
const WAI_NORMS: Norms = {
  status: "none",
  note: "The WAI is not a standardised measure: its author states it has no standardised scores, cut-offs or interpretations, and that to his knowledge no alliance measure has. Compare a client with themselves over time, not with a band.",
  source: "Horvath, A. O. \"Criteria for 'good alliance'\", wai.profhorvath.com/criteria [S2]",
};

/** 1 Never … 7 Always: client and therapist forms of the 36-item WAI and the WAI-S ([S9], [S10], [C3]). */
const NEVER_TO_ALWAYS: ResponseScale = {
  kind: "likert",
  min: 1,
  max: 7,
  step: 1,
  labels: [
    { value: 1, label: "Never" },
    { value: 2, label: "Rarely" },
    { value: 3, label: "Occasionally" },
    { value: 4, label: "Sometimes" },
    { value: 5, label: "Often" },
    { value: 6, label: "Very often" },
    { value: 7, label: "Always" },
  ],
};

/**
 * Observer form, manual revision IV (Darchuk et al. 2000, first page [S11]): an evidence scale
 * on which raters start from 4. Only the three anchors the manual's first page prints are given.
 */
const EVIDENCE_SCALE: ResponseScale = {
  kind: "likert",
  min: 1,
  max: 7,
  step: 1,
  labels: [
    { value: 1, label: "Very strong evidence against" },
    { value: 4, label: "No evidence" },
    { value: 7, label: "Very strong evidence" },
  ],
};

/** Seldom … Always, 1–5: the WAI-SR client and therapist forms ([S5] labels; [S6] numbers). */
const SELDOM_TO_ALWAYS: ResponseScale = {
  kind: "likert",
  min: 1,
  max: 5,
  step: 1,
  labels: [
    { value: 1, label: "Seldom" },
    { value: 2, label: "Sometimes" },
    { value: 3, label: "Fairly often" },
    { value: 4, label: "Very often" },
    { value: 5, label: "Always" },
  ],
};

/** No author rule for missing items was found for any WAI form; this one is the library's choice. */
function quarterMissing(perSubscale: number, total: number): MissingRule {
  return {
    maxMissingPerSubscale: perSubscale,
    maxMissingTotal: total,
    method: "prorate",
    source:
      "Library choice: no author rule for missing items was found. At most a quarter of a subscale's items (and of all items) may be missing; scores are then prorated (mean of the answered items times the item count) and flagged.",
  };
}

/**
 * The 36-item key. Reverse items: [C1] and [C2] agree exactly, and each item is negatively
 * worded. Subscales: [C1], cross-checked against the WAI-SR form's printed key and the WAI-S
 * item set (see the reference, section 1).
 */
const WAI36_ITEMS: Item[] = [
  { number: 1, id: "wai_1", subscales: ["bond"], reverse: true },
  { number: 2, id: "wai_2", subscales: ["task"], reverse: false },
  { number: 3, id: "wai_3", subscales: ["goal"], reverse: true },
  { number: 4, id: "wai_4", subscales: ["task"], reverse: false },
  { number: 5, id: "wai_5", subscales: ["bond"], reverse: false },
  { number: 6, id: "wai_6", subscales: ["goal"], reverse: false },
  { number: 7, id: "wai_7", subscales: ["task"], reverse: true },
  { number: 8, id: "wai_8", subscales: ["bond"], reverse: false },
  { number: 9, id: "wai_9", subscales: ["goal"], reverse: true },
  { number: 10, id: "wai_10", subscales: ["goal"], reverse: true },
  { number: 11, id: "wai_11", subscales: ["task"], reverse: true },
  { number: 12, id: "wai_12", subscales: ["goal"], reverse: true },
  { number: 13, id: "wai_13", subscales: ["task"], reverse: false },
  { number: 14, id: "wai_14", subscales: ["goal"], reverse: false },
  { number: 15, id: "wai_15", subscales: ["task"], reverse: true },
  { number: 16, id: "wai_16", subscales: ["task"], reverse: false },
  { number: 17, id: "wai_17", subscales: ["bond"], reverse: false },
  { number: 18, id: "wai_18", subscales: ["task"], reverse: false },
  { number: 19, id: "wai_19", subscales: ["bond"], reverse: false },
  { number: 20, id: "wai_20", subscales: ["bond"], reverse: true },
  { number: 21, id: "wai_21", subscales: ["bond"], reverse: false },
  { number: 22, id: "wai_22", subscales: ["goal"], reverse: false },
  { number: 23, id: "wai_23", subscales: ["bond"], reverse: false },
  { number: 24, id: "wai_24", subscales: ["task"], reverse: false },
  { number: 25, id: "wai_25", subscales: ["goal"], reverse: false },
  { number: 26, id: "wai_26", subscales: ["bond"], reverse: false },
  { number: 27, id: "wai_27", subscales: ["goal"], reverse: true },
  { number: 28, id: "wai_28", subscales: ["bond"], reverse: false },
  { number: 29, id: "wai_29", subscales: ["bond"], reverse: true },
  { number: 30, id: "wai_30", subscales: ["goal"], reverse: false },
  { number: 31, id: "wai_31", subscales: ["task"], reverse: true },
  { number: 32, id: "wai_32", subscales: ["goal"], reverse: false },
  { number: 33, id: "wai_33", subscales: ["task"], reverse: true },
  { number: 34, id: "wai_34", subscales: ["goal"], reverse: true },
  { number: 35, id: "wai_35", subscales: ["task"], reverse: false },
  { number: 36, id: "wai_36", subscales: ["bond"], reverse: false },
];

const WAI36_SUBSCALES = [
  { id: "goal", label: "Goal", items: [3, 6, 9, 10, 12, 14, 22, 25, 27, 30, 32, 34] },
  { id: "task", label: "Task", items: [2, 4, 7, 11, 13, 15, 16, 18, 24, 31, 33, 35] },
  { id: "bond", label: "Bond", items: [1, 5, 8, 17, 19, 20, 21, 23, 26, 28, 29, 36] },
];

const WAI36_CITATION = {
  authors: "Horvath, A. O., & Greenberg, L. S.",
  year: 1989,
  title: "Development and validation of the Working Alliance Inventory",
  source: "Journal of Counseling Psychology, 36(2), 223–233",
  doi: "10.1037/0022-0167.36.2.223",
};

const WAI36_KEY_NOTE =
  "Reverse items 1, 3, 7, 9, 10, 11, 12, 15, 20, 27, 29, 31, 33, 34: two independent public code sources agree exactly and each item is negatively worded. Goal/Task/Bond key: from one public code source [C1], cross-checked against the WAI-SR form's printed key (10 of 12 mapped items agree; the other two, #24 and #25, are the known WAI/WAI-SR difference) and against the WAI-S item set (4/4/4 split). A second code source [C2] disagrees on items 9, 16, 18, 21, 24, 25, 34 and 35 and was rejected. No primary key (Horvath & Greenberg 1989 or the WAI package) was available.";

const WAI36_SOURCES = [
  "[C1] public React component 'WaiView' (36-item client and therapist keys)",
  "[C2] public Python WAI-O prompt module (conflicting key, rejected)",
  "[S5] WAI-SR client form (printed key, used as a cross-check)",
  "[C3] public Ruby survey DSL (WAI-S item set, used as a cross-check)",
  "[S9], [S10] hiboop and Rehabilitation Measures Database (36 items, 1–7 anchors, ranges)",
];

/**
 * Working Alliance Inventory, 36-item client form (WAI-C). Sums: subscales 12–84, total 36–252.
 * Horvath & Greenberg (1989). doi:10.1037/0022-0167.36.2.223
 *
 * @category Instruments
 */
export const waiC: Instrument = {
  id: "wai-c",
  name: "Working Alliance Inventory, client form",
  abbreviation: "WAI-C",
  version: "36-item long form",
  rater: "client",
  citation: WAI36_CITATION,
  keySource: { status: "derived", note: WAI36_KEY_NOTE, sources: WAI36_SOURCES },
  licence: WAI_LICENCE,
  scale: NEVER_TO_ALWAYS,
  items: WAI36_ITEMS,
  subscales: WAI36_SUBSCALES,
  total: { method: "sum" },
  missing: quarterMissing(3, 9),
  bands: [],
  norms: WAI_NORMS,
  notes: [
    "Scale: 1 Never … 7 Always (CONFIRMED-secondary). Sums after reversal (8 - x) are the common convention; some studies report item means, which the result also gives.",
  ],
};

/**
 * Working Alliance Inventory, 36-item therapist form (WAI-T): the client form's numbering,
 * reverse items and subscales, with therapist wording ([C1]).
 *
 * @category Instruments
 */
export const waiT: Instrument = {
  ...waiC,
  id: "wai-t",
  name: "Working Alliance Inventory, therapist form",
  abbreviation: "WAI-T",
  rater: "therapist",
  notes: [
    "Same numbering, reverse items and subscales as the client form in the one public source that lists both [C1]; only the wording changes.",
  ],
};

/**
 * Working Alliance Inventory, observer form (WAI-O), rated on the manual's evidence scale.
 * The key assumes the observer form keeps the client form's numbering; see `keySource.note`.
 *
 * @category Instruments
 */
export const waiO: Instrument = {
  ...waiC,
  id: "wai-o",
  name: "Working Alliance Inventory, observer form",
  abbreviation: "WAI-O",
  version: "36-item observer form, manual revision IV",
  rater: "observer",
  citation: {
    authors: "Darchuk, A., Wang, V., Weibel, D., Fende, J., Anderson, T., & Horvath, A.",
    year: 2000,
    title: "Manual for the Working Alliance Inventory – Observer Form (WAI-O), Revision IV",
    source: "Unpublished manual, Simon Fraser University",
  },
  keySource: {
    status: "derived",
    note: `Assumes the observer form keeps the client form's item numbering, reverse items and subscales, as the client and therapist forms do; only the manual's first page (the evidence scale) was available, and the one public observer-form key [C2] conflicts with the client key. ${WAI36_KEY_NOTE}`,
    sources: ["[S11] WAI-O manual, revision IV (first page: the evidence scale)", ...WAI36_SOURCES],
  },
  scale: EVIDENCE_SCALE,
  notes: [
    "Evidence scale: 1 = very strong evidence against, 4 = no evidence, 7 = very strong evidence; raters start from 4 (manual revision IV). Points 2, 3, 5 and 6 carry no printed label in the available page.",
  ],
};

/**
 * Working Alliance Inventory – Short form (WAI-S; Tracey & Kokotovic 1989): 12 of the 36
 * items, 4 per subscale, on the 7-point scale, items 4 and 10 reverse-keyed.
 * Items in order = WAI #2, 4, 8, 12, 21, 22, 23, 24, 26, 27, 32, 35 ([C3]).
 *
 * @category Instruments
 */
export const waiS: Instrument = {
  id: "wai-s",
  name: "Working Alliance Inventory – Short form (Tracey & Kokotovic)",
  abbreviation: "WAI-S",
  version: "12-item short form",
  rater: "client",
  citation: {
    authors: "Tracey, T. J., & Kokotovic, A. M.",
    year: 1989,
    title: "Factor structure of the Working Alliance Inventory",
    source:
      "Psychological Assessment: A Journal of Consulting and Clinical Psychology, 1(3), 207–210 (DOI not established)",
  },
  keySource: {
    status: "derived",
    note: "Item set and order from one public code source [C3] (WAI #2, 4, 8, 12, 21, 22, 23, 24, 26, 27, 32, 35); 12 items with 4 per subscale is confirmed by secondary sources [S9, S13]. Subscales and reverse items follow from mapping these to the 36-item key [C1], which splits them exactly 4/4/4 as the authors built the form. Not the WAI-SR key: vendors confuse the two [S17].",
    sources: [
      "[C3] public Ruby survey DSL (item set and order)",
      "[C1] 36-item key",
      "[S9], [S13] secondary sources and the paper's abstract",
    ],
  },
  licence: WAI_LICENCE,
  scale: NEVER_TO_ALWAYS,
  items: [
    { number: 1, id: "wais_1", subscales: ["task"], reverse: false },
    { number: 2, id: "wais_2", subscales: ["task"], reverse: false },
    { number: 3, id: "wais_3", subscales: ["bond"], reverse: false },
    { number: 4, id: "wais_4", subscales: ["goal"], reverse: true },
    { number: 5, id: "wais_5", subscales: ["bond"], reverse: false },
    { number: 6, id: "wais_6", subscales: ["goal"], reverse: false },
    { number: 7, id: "wais_7", subscales: ["bond"], reverse: false },
    { number: 8, id: "wais_8", subscales: ["task"], reverse: false },
    { number: 9, id: "wais_9", subscales: ["bond"], reverse: false },
    { number: 10, id: "wais_10", subscales: ["goal"], reverse: true },
    { number: 11, id: "wais_11", subscales: ["goal"], reverse: false },
    { number: 12, id: "wais_12", subscales: ["task"], reverse: false },
  ],
  subscales: [
    { id: "goal", label: "Goal", items: [4, 6, 10, 11] },
    { id: "task", label: "Task", items: [1, 2, 8, 12] },
    { id: "bond", label: "Bond", items: [3, 5, 7, 9] },
  ],
  total: { method: "sum" },
  missing: quarterMissing(1, 3),
  bands: [],
  norms: WAI_NORMS,
  notes: ["Sums: subscales 4–28, total 12–84 (range CONFIRMED-secondary [S9])."],
};

/**
 * Working Alliance Inventory – Short Revised, client form (WAI-SR; Hatcher & Gillaspy 2006):
 * 12 positively worded items on a 5-point scale, key printed on the form.
 *
 * @category Instruments
 */
export const waiSr: Instrument = {
  id: "wai-sr",
  name: "Working Alliance Inventory – Short Revised, client form",
  abbreviation: "WAI-SR",
  version: "12-item short revised form",
  rater: "client",
  citation: {
    authors: "Hatcher, R. L., & Gillaspy, J. A.",
    year: 2006,
    title:
      "Development and validation of a revised short version of the Working Alliance Inventory",
    source: "Psychotherapy Research, 16(1), 12–25",
    doi: "10.1080/10503300500352500",
  },
  keySource: {
    status: "confirmed-primary",
    note: 'The published client form prints its key ("Goal Items: 4, 6, 8, 11"; Task 1, 2, 10, 12; Bond 3, 5, 7, 9) and all 12 items are positively worded, so none is reverse-keyed; the alternating left-right layout of the printed options is a presentation device. Numeric values 1 = Seldom … 5 = Always: secondary [S6].',
    sources: [
      "[S5] WAI-SR client form (printed key)",
      "[S6] Rivet template (1–5 values)",
      "[S17] Blueprint (same key)",
    ],
  },
  licence: WAI_LICENCE,
  scale: SELDOM_TO_ALWAYS,
  items: [
    { number: 1, id: "waisr_1", subscales: ["task"], reverse: false },
    { number: 2, id: "waisr_2", subscales: ["task"], reverse: false },
    { number: 3, id: "waisr_3", subscales: ["bond"], reverse: false },
    { number: 4, id: "waisr_4", subscales: ["goal"], reverse: false },
    { number: 5, id: "waisr_5", subscales: ["bond"], reverse: false },
    { number: 6, id: "waisr_6", subscales: ["goal"], reverse: false },
    { number: 7, id: "waisr_7", subscales: ["bond"], reverse: false },
    { number: 8, id: "waisr_8", subscales: ["goal"], reverse: false },
    { number: 9, id: "waisr_9", subscales: ["bond"], reverse: false },
    { number: 10, id: "waisr_10", subscales: ["task"], reverse: false },
    { number: 11, id: "waisr_11", subscales: ["goal"], reverse: false },
    { number: 12, id: "waisr_12", subscales: ["task"], reverse: false },
  ],
  subscales: [
    { id: "goal", label: "Goal", items: [4, 6, 8, 11] },
    { id: "task", label: "Task", items: [1, 2, 10, 12] },
    { id: "bond", label: "Bond", items: [3, 5, 7, 9] },
  ],
  total: { method: "sum" },
  missing: quarterMissing(1, 3),
  bands: [],
  norms: WAI_NORMS,
  notes: [
    "Do not score WAI-SR items pulled out of a 36-item WAI response with the 36-item key: WAI #24 is a Goal item on the WAI-SR (item 8) but a Task item on the WAI, and #25 the reverse (item 1).",
    "The printed options alternate direction (items 2, 5, 6, 8, 10, 11 run Always→Seldom): map the label to its value, never the position.",
    "Sums (subscales 4–20, total 12–60) are the common convention (secondary [S6, S17]); some studies report item means, which the result also gives. Vendor bands such as 12–35 / 36–47 / 48–60 are not the authors' and are not shipped.",
  ],
};

/**
 * Working Alliance Inventory – Short Revised, therapist form (WAI-SRT): 10 items on the
 * WAI-SR's 5-point scale. Total only: no source available confirms how it splits into subscales.
 *
 * @category Instruments
 */
export const waiSrT: Instrument = {
  id: "wai-sr-t",
  name: "Working Alliance Inventory – Short Revised, therapist form",
  abbreviation: "WAI-SRT",
  version: "10-item short revised therapist form",
  rater: "therapist",
  citation: {
    authors: "Hatcher, R. L., Lindqvist, K., & Falkenström, F.",
    year: 2020,
    title:
      "Psychometric evaluation of the Working Alliance Inventory—Therapist version: Current and new short forms",
    source: "Psychotherapy Research, 706–717 (published online 17 October 2019)",
    doi: "10.1080/10503307.2019.1677964",
  },
  keySource: {
    status: "confirmed-primary",
    note: "Items and scale from the published 10-item therapist form [S5b]: the WAI-SR's 5-point labels, no negatively worded item. The form prints no subscale key and the paper's key was not available, so only the total is scored; the subscales one could derive from the 36-item key are UNCONFIRMED (item 10, WAI-T #24, is Task under that key but Goal under WAI-SR logic).",
    sources: ["[S5b] WAI-SRT therapist form", "[S16] Hatcher, Lindqvist & Falkenström (abstract)"],
  },
  licence: WAI_LICENCE,
  scale: SELDOM_TO_ALWAYS,
  items: [
    { number: 1, id: "waisrt_1", subscales: [], reverse: false },
    { number: 2, id: "waisrt_2", subscales: [], reverse: false },
    { number: 3, id: "waisrt_3", subscales: [], reverse: false },
    { number: 4, id: "waisrt_4", subscales: [], reverse: false },
    { number: 5, id: "waisrt_5", subscales: [], reverse: false },
    { number: 6, id: "waisrt_6", subscales: [], reverse: false },
    { number: 7, id: "waisrt_7", subscales: [], reverse: false },
    { number: 8, id: "waisrt_8", subscales: [], reverse: false },
    { number: 9, id: "waisrt_9", subscales: [], reverse: false },
    { number: 10, id: "waisrt_10", subscales: [], reverse: false },
  ],
  subscales: [],
  total: { method: "sum" },
  missing: quarterMissing(0, 2),
  bands: [],
  norms: WAI_NORMS,
  notes: [
    "Total only (10–50). Whether this form is the paper's new short form, and how it splits into subscales, is UNCONFIRMED.",
  ],
};
