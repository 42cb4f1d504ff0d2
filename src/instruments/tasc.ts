/**
 * The Therapeutic Alliance Scale for Children, revised (TASC-R): a 12-item youth self-report
 * and its parallel caregiver form (TASC-R Parent; the TASCP of Accurso et al. 2013), each rated
 * 1–4 with items 2, 5, 7, 8 and 11 reverse-scored, summed to 12–48; higher = stronger alliance.
 *
 * Scoring keys only: no licence statement for the wording was found, so it is treated as
 * copyrighted. The sources were checked for this catalogue (notes of issue #3); tags such as
 * [S52] are those of the project's reference, shared/reference/instruments.md, section 11.
 *
 * @module
 */
import type { Instrument, Item, Licence, MissingRule, Norms, ResponseScale } from "./model.js";

/**
 * 1 "Not true" … 4 "Very much true" (Blueprint [S52, S54]). Greenspace labels the same 1–4
 * points "not at all" … "very much" [S53]; the two middle labels were not found.
 */
const NOT_TRUE_TO_VERY_MUCH_TRUE: ResponseScale = {
  kind: "likert",
  min: 1,
  max: 4,
  step: 1,
  labels: [
    { value: 1, label: "Not true" },
    { value: 4, label: "Very much true" },
  ],
};

/** The youth form: reverse-scored (5 − x) items 2, 5, 7, 8, 11 ([S52]). */
const TASC_ITEMS: Item[] = [
  { number: 1, id: "tasc_1", subscales: [], reverse: false },
  { number: 2, id: "tasc_2", subscales: [], reverse: true },
  { number: 3, id: "tasc_3", subscales: [], reverse: false },
  { number: 4, id: "tasc_4", subscales: [], reverse: false },
  { number: 5, id: "tasc_5", subscales: [], reverse: true },
  { number: 6, id: "tasc_6", subscales: [], reverse: false },
  { number: 7, id: "tasc_7", subscales: [], reverse: true },
  { number: 8, id: "tasc_8", subscales: [], reverse: true },
  { number: 9, id: "tasc_9", subscales: [], reverse: false },
  { number: 10, id: "tasc_10", subscales: [], reverse: false },
  { number: 11, id: "tasc_11", subscales: [], reverse: true },
  { number: 12, id: "tasc_12", subscales: [], reverse: false },
];

/** The parent form: the same reverse-scored items 2, 5, 7, 8, 11 ([S54]). */
const TASCP_ITEMS: Item[] = [
  { number: 1, id: "tascp_1", subscales: [], reverse: false },
  { number: 2, id: "tascp_2", subscales: [], reverse: true },
  { number: 3, id: "tascp_3", subscales: [], reverse: false },
  { number: 4, id: "tascp_4", subscales: [], reverse: false },
  { number: 5, id: "tascp_5", subscales: [], reverse: true },
  { number: 6, id: "tascp_6", subscales: [], reverse: false },
  { number: 7, id: "tascp_7", subscales: [], reverse: true },
  { number: 8, id: "tascp_8", subscales: [], reverse: true },
  { number: 9, id: "tascp_9", subscales: [], reverse: false },
  { number: 10, id: "tascp_10", subscales: [], reverse: false },
  { number: 11, id: "tascp_11", subscales: [], reverse: true },
  { number: 12, id: "tascp_12", subscales: [], reverse: false },
];

/** No author rule for missing items was found; this one is the library's choice. */
const QUARTER_MISSING: MissingRule = {
  maxMissingPerSubscale: 0,
  maxMissingTotal: 3,
  method: "prorate",
  source:
    "Library choice: no author rule for missing items was found. At most 3 of the 12 items may be missing; the total is then prorated (mean of the answered items times 12) and flagged.",
};

/** No licence statement was found for either form. */
const TASC_LICENCE: Licence = {
  itemText: "omitted",
  holder: "Not established (TASC: Shirk and colleagues; TASCP: Accurso, Hawley & Garland)",
  note: "No licence statement for the wording was found, so it is treated as copyrighted and not shipped. Supply your licensed wording through defineInstrument if you hold it.",
};

/** Blueprint: "There is no cutoff score" ([S52], [S54]). */
const TASC_NORMS: Norms = {
  status: "none",
  note: "There is no cut-off score: the total is read against the same client's earlier totals, higher meaning a stronger alliance.",
  source: "[S52] Blueprint, TASC-R; [S54] Blueprint, TASC-R Parent",
};

/**
 * TASC-R, youth self-report (ages 10–17 per Blueprint; 12–18 per Greenspace). Total only:
 * the two-factor structure reported for it has no item map in an available source.
 *
 * @category Instruments
 */
export const tascR: Instrument = {
  id: "tasc-r",
  name: "Therapeutic Alliance Scale for Children, revised (youth form)",
  abbreviation: "TASC-R",
  version: "revised, 12 items",
  rater: "client",
  citation: {
    authors: "Shirk, S. R., & Saiz, C. C.",
    year: 1992,
    title:
      "Clinical, empirical, and developmental perspectives on the therapeutic relationship in child psychotherapy",
    source:
      "Development and Psychopathology (volume and pages not seen; cited as the origin of the TASC, though the abstract does not name the scale)",
    doi: "10.1017/S0954579400004946",
  },
  keySource: {
    status: "confirmed-secondary",
    note: "12 items rated 1 (not true) to 4 (very much true), items 2, 5, 7, 8 and 11 reverse-scored, summed to 12–48, higher = stronger alliance, no cut-off: Blueprint's scoring page. Greenspace independently gives 12 items, a 1–4 scale and a summed total, and says the scale covers negative as well as positive qualities of the relationship, but gives no item numbers, so the reverse items rest on one institutional source. The original paper and form were not available.",
    sources: [
      "[S52] Blueprint, TASC-R scoring page",
      "[S53] Greenspace, TASC page (12 items, 1–4, sum; anchors 'not at all' … 'very much')",
      "[S56] McLeod, Southam-Gerow & Kendall 2017, PMC5587348 (TASC-C and TASC-T in use; abstract)",
    ],
  },
  licence: TASC_LICENCE,
  scale: NOT_TRUE_TO_VERY_MUCH_TRUE,
  items: TASC_ITEMS,
  subscales: [],
  total: { method: "sum" },
  missing: QUARTER_MISSING,
  bands: [],
  norms: TASC_NORMS,
  notes: [
    "Anchor labels conflict between sources (Blueprint: 'Not true' … 'Very much true'; Greenspace: 'not at all' … 'very much'); the 1–4 values agree.",
    "A therapist version (TASC-T) exists; its key was not found and it is not shipped.",
  ],
};

/**
 * TASC-R Parent (the Therapeutic Alliance Scale for Caregivers and Parents, TASCP), for
 * caregivers of children aged 4–13: the youth form's 12-item structure and key. Accurso,
 * Hawley & Garland (2013), Psychological Assessment 25(1), 244–252.
 *
 * @category Instruments
 */
export const tascRParent: Instrument = {
  ...tascR,
  id: "tasc-r-parent",
  name: "Therapeutic Alliance Scale for Children, revised (parent form)",
  abbreviation: "TASC-R Parent",
  version: "revised, 12 items (TASCP)",
  rater: "parent",
  citation: {
    authors: "Accurso, E. C., Hawley, K. M., & Garland, A. F.",
    year: 2013,
    title: "Psychometric properties of the Therapeutic Alliance Scale for Caregivers and Parents",
    source: "Psychological Assessment, 25(1), 244–252 (PMC3647370; DOI not established)",
  },
  keySource: {
    status: "confirmed-secondary",
    note: "12 items rated 1 (not true) to 4 (very much true), items 2, 5, 7, 8 and 11 reverse-scored, summed to 12–48, no cut-off: Blueprint's parent-form scoring page (the same vendor as the youth form's key). The psychometric paper (abstract) confirms the form's use with caregivers of children aged 4–13 and a factor structure parallel to the child form; its item table was not available.",
    sources: [
      "[S54] Blueprint, TASC-R Parent scoring page",
      "[S55] Accurso, Hawley & Garland 2013, PMC3647370 (abstract)",
    ],
  },
  items: TASCP_ITEMS,
  notes: [
    "Two within-level factors are reported (Accurso et al. 2013) but their item map was not available: total only.",
  ],
};
