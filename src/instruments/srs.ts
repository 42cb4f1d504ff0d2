/**
 * The Session Rating Scale, version 3 (SRS; Duncan, Miller et al. 2003): four 10 cm
 * visual-analogue lines the client marks at the end of a session, each scored 0–10 by the
 * distance of the mark from the left end, summed to 0–40.
 *
 * Scoring logic only: the SRS is © 2002 Scott D. Miller, Barry L. Duncan & Lynn Johnson, and
 * its use is licensed through the developers, so no wording or form ships here. The sources
 * were re-checked for this catalogue (notes of issue #3); tags such as [S30] are those of the
 * project's reference, shared/reference/instruments.md, section 6.
 *
 * @module
 */
import type { BandAlternatives } from "./interpretationRules.js";
import type { Instrument, Licence, MissingRule, ResponseScale } from "./model.js";

/**
 * 0–10 on a 10 cm line, recorded to 0.1 (one millimetre). The 0.1 step follows the secondary
 * sources that read the mark with a ruler in millimetres ([S37]; one low-authority page says
 * "to the nearest centimeter" [S38]). Rejecting a finer value (9.95) rather than rounding it
 * is the library's choice: a value finer than a millimetre was not read from the form.
 *
 * @internal
 */
export const VAS_0_TO_10: ResponseScale = {
  kind: "vas",
  min: 0,
  max: 10,
  step: 0.1,
  endLabels: { min: "Left end of the 10 cm line (low)", max: "Right end of the 10 cm line (high)" },
  offStep: "reject",
};

/**
 * With four items and no author rule, no item may be missing: a total from three marks would
 * rest on a guess about the fourth. This is the library's choice.
 *
 * @internal
 */
export const ALL_FOUR_MARKS: MissingRule = {
  maxMissingPerSubscale: 0,
  maxMissingTotal: 0,
  method: "none",
  source:
    "Library choice: no author rule for a missing line was found (SRS/ORS manuals not available); with four items every line is required.",
};

/** Copyright and licensing of the SRS family ([S30], [C4]). */
const SRS_LICENCE: Licence = {
  itemText: "omitted",
  holder:
    "© 2002 Scott D. Miller, Barry L. Duncan & Lynn Johnson; International Center for Clinical Excellence (scottdmiller.com)",
  note: "Paper use is licensed free to individual practitioners; groups and agencies buy licences from the developers; NHS use may be possible through NHS Digital (CamCOPS notes). Neither the wording nor the form is shipped; digital administration needs the developers' licence.",
};

/**
 * Session Rating Scale, version 3 (SRS), client form. Four VAS items 0–10, total 0–40,
 * higher = stronger alliance. Duncan et al. (2003), Journal of Brief Therapy 3(1), 3–12.
 *
 * @category Instruments
 */
export const srs: Instrument = {
  id: "srs",
  name: "Session Rating Scale",
  abbreviation: "SRS",
  version: "3",
  rater: "client",
  citation: {
    authors:
      "Duncan, B. L., Miller, S. D., Sparks, J. A., Claud, D. A., Reynolds, L. R., Brown, J., & Johnson, L. D.",
    year: 2003,
    title:
      'The Session Rating Scale: Preliminary psychometric properties of a "working" alliance measure',
    source: "Journal of Brief Therapy, 3(1), 3–12 (no DOI)",
  },
  keySource: {
    status: "confirmed-secondary",
    note: "Four 10 cm visual-analogue lines (relationship; goals and topics; approach or method; overall), each scored 0–10 from the left end, summed to 0–40, higher = better alliance. Format from the CORC measure page and the hiboop scoring guide, stored the same way (four 0–10 values) by CamCOPS and the NHS reference table (range 0–40); the paper's title page names the version (3). The paper's method section and the manual were not available, so the key is not confirmed at a primary source. There is no reverse keying on a VAS.",
    sources: [
      "[S30] CORC, Session Rating Scale page (four 10 cm VAS; ages; versions)",
      "[S36] hiboop SRS scoring guide (0–10 per line from the left, total 0–40)",
      "[S32] Duncan et al. 2003, title page and abstract (Session Rating Scale Version 3)",
      "[C4] CamCOPS srs task (four 0–10 values; copyright)",
      "[C5] NHS MHSDS reference table (SRS score 0–40, SNOMED CT 720482000)",
    ],
  },
  licence: SRS_LICENCE,
  scale: VAS_0_TO_10,
  items: [
    { number: 1, id: "relationship", subscales: [], reverse: false },
    { number: 2, id: "goals_and_topics", subscales: [], reverse: false },
    { number: 3, id: "approach_or_method", subscales: [], reverse: false },
    { number: 4, id: "overall", subscales: [], reverse: false },
  ],
  subscales: [],
  total: { method: "sum" },
  missing: ALL_FOUR_MARKS,
  bands: [
    {
      id: "below-36",
      score: "total",
      metric: "sum",
      label: "Total below 36",
      upper: { value: 36, inclusive: false },
      meaning:
        "Alliance concern: the session may not have fit the client; invite their comments (the developers' clinical threshold as secondary sources report it, read as strictly below 36).",
      source:
        '[S38] Q&A page quoting the scoring instructions ("any score lower than 36 overall, or 9 on any scale"); one public code note reads "below 36" the same way',
      status: "confirmed-secondary",
    },
    {
      id: "at-or-below-36",
      score: "total",
      metric: "sum",
      label: "Total at or below 36",
      upper: { value: 36, inclusive: true },
      meaning:
        "Alliance concern: the session may not have fit the client; invite their comments (the same threshold read as 36 or lower).",
      source: '[S36] hiboop SRS scoring guide ("at or below 36")',
      status: "confirmed-secondary",
    },
  ],
  norms: {
    status: "bands",
    note: "One clinical threshold (36) is reported for the SRS total, by secondary sources only, and they disagree on whether 36 itself is a concern; no norms by age were found. It is a prompt for a conversation, not a diagnosis.",
    source: "[S36] hiboop; [S38] Q&A page; developers' wording not available",
  },
  notes: [
    "Secondary sources also flag any single line below 9; the model's bands apply to totals, so check the items yourself for that prompt.",
    "Ages 13 and over. The child version is `csrs`; the group (GSRS, CGSRS) and young-child (YCSRS) versions are not shipped: see docs/instruments.md, Not yet available.",
    "Give a mark in millimetres along the 100 mm line with vasFromMillimetres().",
  ],
};

/**
 * Child Session Rating Scale (CSRS), ages 6–12: the SRS format with simpler wording and faces
 * at the ends of each line (listening, how important, what we did, overall), scored like the
 * SRS. No cut-off was found in an available source.
 *
 * @category Instruments
 */
export const csrs: Instrument = {
  ...srs,
  id: "csrs",
  name: "Child Session Rating Scale",
  abbreviation: "CSRS",
  version: "child form (6–12)",
  keySource: {
    status: "derived",
    note: "Four 10 cm visual-analogue lines from a sad face (left) to a happy face (right), rated by the child at the end of a session: two independent secondary sources (the Norwegian test-review database PsykTestBarn and a licensed vendor's page) agree on this format and on the four domains (being heard / listening; how important / goals; approach; overall). Scoring each line 0–10 from the left and summing to 0–40 is derived from the SRS, whose child version it is, and agrees with the 0–40 range of the NHS reference table. The developers' form and manual were not available.",
    sources: [
      "PsykTestBarn: Hanssen-Bauer & Kornør (2014), Psychometric properties of the Norwegian version of the CSRS, doi:10.21337/0034 (four VAS lines, sad to happy face; developed 2003 by Duncan, Miller & Sparks)",
      "MyOutcomes, Child Session Rating Scale page (mirrors the SRS; listening, goals, approach, overall)",
      "[S30] CORC, Session Rating Scale page (CSRS for ages 6–12)",
      "[C5] NHS MHSDS reference table (CSRS score 0–40, SNOMED CT 718762000)",
    ],
  },
  items: [
    { number: 1, id: "listening", subscales: [], reverse: false },
    { number: 2, id: "how_important", subscales: [], reverse: false },
    { number: 3, id: "approach", subscales: [], reverse: false },
    { number: 4, id: "overall", subscales: [], reverse: false },
  ],
  bands: [],
  norms: {
    status: "unknown",
    note: "No CSRS cut-off was found in an available source; the SRS threshold of 36 is not shipped for children because no source extends it to them.",
    source:
      "PsykTestBarn 2014 (no psychometric studies of the Scandinavian versions); MyOutcomes; CORC",
  },
  notes: [
    "The SRS's 36 threshold is deliberately not applied to the CSRS.",
    "Give a mark in millimetres along the 100 mm line with vasFromMillimetres().",
  ],
};

/**
 * The SRS cut-off: "< 36" (default) or "≤ 36". The default follows the project's reference,
 * which recommends "< 36"; choosing it is the library's decision, not the developers'.
 *
 * @category Instruments
 */
export const srsBandAlternatives: readonly BandAlternatives[] = [
  {
    instrumentId: "srs",
    group: "srs-cutoff",
    bandIds: ["below-36", "at-or-below-36"],
    defaultBandId: "below-36",
    note: 'Secondary sources disagree on whether a total of exactly 36 is a concern ("lower than 36" [S38] versus "at or below 36" [S36]); the developers\' own wording was not available. The library applies "< 36" unless you choose, as the project reference recommends.',
  },
];
