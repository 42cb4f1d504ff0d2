/**
 * The Outcome Rating Scale (ORS; Miller, Duncan et al. 2003) and the Child Outcome Rating Scale
 * (CORS; Duncan et al. 2006): four 10 cm visual-analogue lines the client marks at the start of
 * a session about the past week, each scored 0–10 from the left end, summed to 0–40; higher =
 * better functioning. Not alliance measures, but the SRS's partners in routine feedback.
 *
 * Scoring logic only: the ORS is © 2000 Scott D. Miller & Barry L. Duncan, licensed through the
 * developers, so no wording or form ships here. Tags such as [S31] are those of the project's
 * reference, shared/reference/instruments.md, section 6; the sources were re-checked for
 * this catalogue (notes of issue #3).
 *
 * @module
 */
import type { BandAlternatives, ChangeThreshold } from "./interpretationRules.js";
import type { Instrument, Licence } from "./model.js";
import { ALL_FOUR_MARKS, VAS_0_TO_10 } from "./srs.js";

/** Copyright and licensing of the ORS family ([S31], [C4]). */
const ORS_LICENCE: Licence = {
  itemText: "omitted",
  holder:
    "© 2000 Scott D. Miller & Barry L. Duncan; International Center for Clinical Excellence (scottdmiller.com)",
  note: "CORC: a paper-and-pencil licence is free to individual practitioners; group practices and agencies buy licences from the developers, and all use is subject to the developers' licensing conditions. Neither the wording nor the form is shipped.",
};

/**
 * Outcome Rating Scale (ORS), for ages 13 and over. Four VAS items 0–10 (individually,
 * interpersonally, socially, overall), total 0–40. Miller et al. (2003), Journal of Brief
 * Therapy 2(2), 91–100.
 *
 * @category Instruments
 */
export const ors: Instrument = {
  id: "ors",
  name: "Outcome Rating Scale",
  abbreviation: "ORS",
  version: "adult and adolescent form (13+)",
  rater: "client",
  citation: {
    authors: "Miller, S. D., Duncan, B. L., Brown, J., Sparks, J. A., & Claud, D. A.",
    year: 2003,
    title:
      "The Outcome Rating Scale: A preliminary study of the reliability, validity, and feasibility of a brief visual analog measure",
    source: "Journal of Brief Therapy, 2(2), 91–100 (no DOI)",
  },
  keySource: {
    status: "confirmed-secondary",
    note: "Four 10 cm visual-analogue lines (individually: personal well-being; interpersonally: close relationships; socially: work, school, friendships; overall), marked low to the left and high to the right, each scored 0–10, summed to 0–40, higher = better functioning. Format from CORC and the hiboop guide, stored the same way by CamCOPS and the NHS reference table (range 0–40). The paper's method section and the manual were not available.",
    sources: [
      "[S31] CORC, ORS and CORS page (four 10 cm VAS, low left, high right; 13-year-old reading level; terms of use)",
      "[S36] hiboop ORS scoring guide (0–40, cut-off, reliable change)",
      "[S33] Miller et al. 2003, first pages",
      "[C4] CamCOPS ors task (four 0–10 values; copyright)",
      "[C5] NHS MHSDS reference table (ORS total 0–40, SNOMED CT 716613004)",
    ],
  },
  licence: ORS_LICENCE,
  scale: VAS_0_TO_10,
  items: [
    { number: 1, id: "individually", subscales: [], reverse: false },
    { number: 2, id: "interpersonally", subscales: [], reverse: false },
    { number: 3, id: "socially", subscales: [], reverse: false },
    { number: 4, id: "overall", subscales: [], reverse: false },
  ],
  subscales: [],
  total: { method: "sum" },
  missing: ALL_FOUR_MARKS,
  bands: [
    {
      id: "clinical-range",
      score: "total",
      metric: "sum",
      label: "Total at or below 25 (clinical range)",
      upper: { value: 25, inclusive: true },
      meaning:
        "Distress typical of people who seek therapy rather than of those who do not (the adult clinical cut-off of 25).",
      source: "[S36] hiboop ORS scoring guide (clinical cut-off 25, at or below = clinical range)",
      status: "confirmed-secondary",
    },
    {
      id: "below-25",
      score: "total",
      metric: "sum",
      label: "Total below 25",
      upper: { value: 25, inclusive: false },
      meaning: "The same cut-off of 25 read as strictly below 25.",
      source:
        'Public code only: a test catalogue ("below the clinical cut-off (25)": 0–24) and a clinical note ("below this suggests significant distress")',
      status: "code-only",
    },
  ],
  norms: {
    status: "bands",
    note: "An adult clinical cut-off (25) and a reliable-change value are reported by secondary sources and public code; they disagree on the change value (5 or 6.6). Age-specific cut-offs for adolescents were not found in an available source. The cut-off contextualises a score; it is not a diagnosis.",
    source:
      "[S36] hiboop; [C5] NHS CYP-IAPT 2015 thresholds in MHSDS code; Duncan's own explanation of the cut-off (betteroutcomesnow.com, 2017) does not give the numbers in the available excerpt",
  },
  notes: [
    "Reliable change (a difference between two ORS totals): 5 points by default [S36], or 6.6 (NHS England CYP-IAPT 2015, code-only [C5]); choose with interpret(score, ors, { previous, choices: { 'ors-reliable-change': 'rc-6.6' } }).",
    "Give a mark in millimetres along the 100 mm line with vasFromMillimetres().",
  ],
};

/**
 * Child Outcome Rating Scale (CORS), ages 6–12: the ORS format with child-friendly wording and
 * faces. Four VAS items 0–10 (me, family, school, everything), total 0–40. No cut-off was
 * found in an available source.
 *
 * @category Instruments
 */
export const cors: Instrument = {
  ...ors,
  id: "cors",
  name: "Child Outcome Rating Scale",
  abbreviation: "CORS",
  version: "child form (6–12)",
  citation: {
    authors: "Duncan, B. L., Sparks, J. A., Miller, S. D., Bohanske, R. T., & Claud, D. A.",
    year: 2006,
    title:
      "Giving youth a voice: A preliminary study of the reliability and validity of a brief outcome measure for children, adolescents, and caretakers",
    source: "Journal of Brief Therapy, 5(2), from p. 71 (no DOI)",
  },
  keySource: {
    status: "confirmed-secondary",
    note: "CORC: the CORS has the same format as the ORS (four 10 cm lines) with child-friendly language and faces, for ages 6–12. The four domains (me, family, school, everything) are from a licensed vendor's page. Range 0–40 in the NHS reference table. The paper was available as its abstract only.",
    sources: [
      "[S31] CORC, ORS and CORS page (same format as the ORS; ages 6–12)",
      "MyOutcomes, Child Outcome Rating Scale page (domains me, family, school, everything)",
      "[S34] Duncan et al. 2006, abstract",
      "[C5] NHS MHSDS reference table (CORS total 0–40, SNOMED CT 718458005)",
    ],
  },
  items: [
    { number: 1, id: "me", subscales: [], reverse: false },
    { number: 2, id: "family", subscales: [], reverse: false },
    { number: 3, id: "school", subscales: [], reverse: false },
    { number: 4, id: "everything", subscales: [], reverse: false },
  ],
  bands: [],
  norms: {
    status: "unknown",
    note: "No CORS cut-off was found in an available source (figures quoted elsewhere, such as 32 for children, could not be traced to the developers). A reliable-change value of 10 is used by NHS England (CYP-IAPT 2015; code-only).",
    source: "[S34] abstract only; [C5] NHS CYP-IAPT 2015 thresholds in MHSDS code",
  },
  notes: ["Give a mark in millimetres along the 100 mm line with vasFromMillimetres()."],
};

/**
 * The ORS clinical cut-off: "≤ 25" (default, the one secondary page) or "< 25" (public code).
 *
 * @category Instruments
 */
export const orsBandAlternatives: readonly BandAlternatives[] = [
  {
    instrumentId: "ors",
    group: "ors-cutoff",
    bandIds: ["clinical-range", "below-25"],
    defaultBandId: "clinical-range",
    note: 'The secondary scoring guide counts 25 itself in the clinical range ("≤ 25"); two public code sources read the cut-off as "below 25". The default follows the secondary page; the developers\' wording was not available.',
  },
];

/**
 * Reliable change on the ORS total (5 by default, or 6.6) and on the CORS total (10).
 *
 * @category Instruments
 */
export const orsChangeThresholds: readonly ChangeThreshold[] = [
  {
    instrumentId: "ors",
    id: "rc-5",
    score: "total",
    metric: "sum",
    value: 5,
    meaning: "A change of 5 points or more between two ORS totals exceeds measurement error.",
    source: "[S36] hiboop ORS scoring guide (reliable change 5 points)",
    status: "confirmed-secondary",
    group: "ors-reliable-change",
    isDefault: true,
  },
  {
    instrumentId: "ors",
    id: "rc-6.6",
    score: "total",
    metric: "sum",
    value: 6.6,
    meaning:
      "A change of 6.6 points or more between two ORS totals exceeds measurement error (NHS England children and young people's IAPT threshold).",
    source:
      '[C5] NHS MHSDS analytics code: "Outcome Rating Scale total score, 6.60 -- CYP IAPT 2015"',
    status: "code-only",
    group: "ors-reliable-change",
    isDefault: false,
  },
  {
    instrumentId: "cors",
    id: "rc-10",
    score: "total",
    metric: "sum",
    value: 10,
    meaning:
      "A change of 10 points or more between two CORS totals exceeds measurement error (NHS England children and young people's IAPT threshold).",
    source:
      '[C5] NHS MHSDS analytics code: "Child Outcome Rating Scale total score, 10 -- CYP IAPT 2015"',
    status: "code-only",
    group: "cors-reliable-change",
    isDefault: true,
  },
];
