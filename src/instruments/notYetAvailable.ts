/**
 * Alliance instruments the catalogue does not ship yet, because their scoring key could not be
 * established from a source: what is known, what is missing, and the sources tried. Published
 * in docs/instruments.md ("Not yet available") so that nobody mistakes an absence for an
 * oversight. The research notes of issue #3 record every query; tags such as [S23] are those of
 * the project's reference, shared/reference/instruments.md.
 *
 * @module
 */

/**
 * An instrument that is not shipped, and why.
 *
 * @category Instruments
 */
export interface PendingInstrument {
  /** Abbreviation(s) of the form(s). */
  abbreviation: string;
  /** Full name. */
  name: string;
  /** Forms (rater versions) and the main citation. */
  forms: string;
  /** What the sources establish (items, scale, subscales), with its confidence. */
  known: string;
  /** What is missing before it can ship. */
  missing: string;
  /** Sources consulted. */
  sourcesTried: readonly string[];
}

/**
 * The instruments that cannot be shipped yet, in catalogue order.
 *
 * @category Instruments
 */
export const NOT_YET_AVAILABLE: readonly PendingInstrument[] = [
  {
    abbreviation: "HAq-II",
    name: "Revised Helping Alliance Questionnaire (patient and therapist forms)",
    forms:
      "Patient and therapist forms with parallel wording. Luborsky, Barber, Siqueland, Johnson, Najavits, Frank & Daley (1996), Journal of Psychotherapy Practice and Research 5(3), 260–271, PMID 22700294.",
    known:
      "19 items (abstract). Reverse-keyed items 4, 8, 11, 16, 19: DERIVED — they are the only negatively worded items of the published list, the French validation counts 5 negatively worded new items, and one public code source marks the same five. Response scale 1 Strongly disagree … 6 Strongly agree: CODE-ONLY, from a single public code source. The developers report a total score.",
    missing:
      "The response scale at a second, independent source (the paper's method section or appendix): with one source only, a 1–6 key would reverse a 1–5 or 1–7 form silently wrongly. Also sum versus mean, and a missing-item rule.",
    sourcesTried: [
      "[S23] PubMed abstract 22700294; copies of the paper on pdfslide, scribd, fdocuments, yumpu, mafiadoc (first page only)",
      "[S24] NIDA Data Share instrument page (HAq-I 4-point scale; HAq-II history)",
      "[S26] arabpsychology scale library (patient and therapist item lists)",
      "[S27] Le Bloc'h, de Roten, Drapeau & Despland 2006 (5 negatively worded items)",
      "[S25] Wongpakaran HAQ page",
      "Public code: wangjs9/ClientCAST client_questionnaires/questionnaires/HAQ-II.json (1–6 scale; items 4, 8, 11, 16, 19 keyed negatively)",
    ],
  },
  {
    abbreviation: "GSRS, CGSRS, YCSRS",
    name: "Group, Child Group and Young Child Session Rating Scales",
    forms:
      "Versions of the SRS: GSRS 13+, CGSRS 6–12, YCSRS 5 and under (no psychometric properties). © Miller, Duncan & Johnson. The child version, CSRS, ships as csrs.",
    known:
      "They exist for these ages (CORC, secondary); the NHS reference table gives the GSRS and CGSRS a 0–40 range (code-only), consistent with four 0–10 lines.",
    missing:
      "The item domains and format of each version in a source that states them, and any cut-off (none found).",
    sourcesTried: [
      "[S30] CORC, Session Rating Scale page",
      "[C5] NHS MHSDS reference table (SNOMED CT 718441000, 718431003; ranges 0–40)",
      "[S32] Duncan et al. 2003, title page and abstract",
    ],
  },
  {
    abbreviation: "CALPAS-P, CALPAS-T",
    name: "California Psychotherapy Alliance Scales (patient and therapist)",
    forms:
      "Gaston & Marmar (1994), in Horvath & Greenberg (Eds.), The Working Alliance (pp. 85–108); Gaston (1991), CALPAS-P reliability study.",
    known:
      "CALPAS-P: 24 items in 4 scales (patient working capacity, patient commitment, working strategy consensus, therapist understanding and involvement; names only partly confirmed); alpha .43–.73 per scale, .83 total (abstract, secondary).",
    missing:
      "The item-to-scale map, the response scale (7-point is reported only in the project brief), reverse items and the scoring rule (means?). The therapist form's existence and key.",
    sourcesTried: [
      "[S29] ResearchGate abstract 232521877 (CALPAS-P, N = 147)",
      "[S29b] Price & Jones 1998 (first page); Ankuta 1992 MSU thesis (first pages)",
      "Public code search for 'CALPAS' (no relevant hit)",
    ],
  },
  {
    abbreviation: "ARM, ARM-12, ARM-5",
    name: "Agnew Relationship Measure (28 items) and its short forms",
    forms:
      "Client and therapist forms. Agnew-Davies, Stiles, Hardy, Barkham & Shapiro (1998), British Journal of Clinical Psychology, doi:10.1111/j.2044-8260.1998.tb01291.x; short forms: Cahill et al. (2012).",
    known:
      "ARM: 28 items, scales Bond, Partnership, Confidence, Openness, Client Initiative (abstract). ARM-5: 5 items drawn from Bond, Partnership and Confidence, rated 1 Strongly disagree … 7 Strongly agree, scored as a mean; one vendor page says item 3 is keyed negatively (secondary, single source).",
    missing:
      "A second source for the ARM-5 key (the one public code file has only four items, none reversed, and contradicts the vendor on item 3); the ARM-12 item set; the full ARM item-to-scale map.",
    sourcesTried: [
      "[S39] Agnew-Davies et al. 1998, abstract (PubMed mirror, scilit, zendy)",
      "PsyPack, ARM-5 (client version) page (1–7, item 3 negative, mean)",
      "[S40] Mentalyc blog; Tacklit; Goodman Mental Health glossary",
      "Public code: ShawaizSarfraz117/MCW-Practice-Management-Software apps/back-office/public/surveys/ARM-5.json (four items only)",
      "statistics.datanalysis.net 'ARM-5' (an unrelated relationship scale; not used)",
    ],
  },
  {
    abbreviation: "STAR-P, STAR-C",
    name: "Scale To Assess the Therapeutic Relationship (patient and clinician)",
    forms:
      "McGuire-Snieckus, McCabe, Catty, Hansson & Priebe (2007), A new scale to assess the therapeutic relationship in community mental health care: STAR (usually cited as Psychological Medicine).",
    known:
      "12 items per form in three subscales: positive collaboration (6) and positive clinician input (3) in both; non-supportive clinician input (3, patient form) or emotional difficulties (3, clinician form). Test–retest r = .76 (P), .68 (C). A 0–4 scale is reported in one trial record quoted in public code.",
    missing:
      "The item-to-subscale numbers, the anchors, and how the negative subscales enter a total.",
    sourcesTried: [
      "[S41] Lund University record (abstract); pdfslide first page",
      "[S42] QMUL thesis record (McGuire-Snieckus)",
      "[S43] STAR-J, Frontiers in Psychiatry 2019 (abstract); [S44] N-STAR pilot (abstract)",
    ],
  },
  {
    abbreviation: "BLRI OS-40, OS-64",
    name: "Barrett-Lennard Relationship Inventory (other-to-self forms)",
    forms: "Barrett-Lennard (1962, 1986, 2015). Observer form Obs-40 (version 3) also exists.",
    known:
      "Four subscales: empathic understanding, level of regard, unconditionality of regard, congruence; six-point bipolar scale −3 … +3 with no zero (secondary). 64 items = 16 per subscale (secondary); 40 = 10 per subscale (by arithmetic).",
    missing:
      "Which items belong to which subscale and which are negatively worded (sign-reversed), for either form; the licence.",
    sourcesTried: [
      "[S45] Freire & Grafanaki, BLRI article (nmgpsy.com, psychspace.com)",
      "[S46] Bhatti, Roehampton PsychD thesis (abstract); Obs-40 with young people, 2023 (abstract)",
      "[S47] Empathy training literature review (16-item empathy subscale)",
    ],
  },
  {
    abbreviation: "RRI-C, RRI-T, RRI-C-SF",
    name: "Real Relationship Inventory (client and therapist forms; 8-item client short form)",
    forms:
      "RRI-T: Gelso et al. (2005), Journal of Counseling Psychology 52(4), 640–649, doi:10.1037/0022-0167.52.4.640. RRI-C: Kelley et al. (2010). RRI-C-SF: Stefana et al., Psychotherapy Research 35(3), 395–411, doi:10.1080/10503307.2024.2320331.",
    known:
      "24 items per form, Realism and Genuineness subscales plus a total (abstracts); a 12-item and an 8-item (4 + 4) client form; reliable-change benchmarks published for the short form (values not available).",
    missing: "The response scale, the item-to-subscale map and the reverse items of every form.",
    sourcesTried: [
      "[S48] Gelso et al. 2005, first page (scribd)",
      "[S49] Portuguese RRI-C, Research in Psychotherapy 2023 (abstract)",
      "[S50] PLoS One 24- and 12-item RRI-C study (abstract); [S51] RRI-C-SF (abstracts)",
      "Public code search for 'Real Relationship Inventory' (no hit)",
    ],
  },
  {
    abbreviation: "VTAS-R-SF",
    name: "Vanderbilt Therapeutic Alliance Scale – Revised, Short Form (observer)",
    forms:
      "Observer-rated; used with TPOCS-A in youth CBT (McLeod, Southam-Gerow & Kendall 2017, Psychological Assessment 29(12), 1550–1555, doi:10.1037/pas0000465).",
    known: "Exists; inter-rater ICC(2,2) > .75 and alpha > .80 in that study.",
    missing: "Items, scale and key.",
    sourcesTried: ["[S56] McLeod et al. 2017, PMC5587348 (abstract)"],
  },
  {
    abbreviation: "TASC-T",
    name: "Therapeutic Alliance Scale for Children, therapist form",
    forms: "Parallel therapist version of the TASC (Greenspace; McLeod et al. 2017).",
    known: "Exists, parallel to the youth form.",
    missing: "Its scale, reverse items and total in a source.",
    sourcesTried: ["[S53] Greenspace TASC page", "[S56] McLeod et al. 2017 (abstract)"],
  },
  {
    abbreviation: "br-WAI, WAI-SR-O, WAI-S-T, WAQ-6",
    name: "Other Working Alliance Inventory forms (brief revised, observer short, therapist short, 6-item questionnaire)",
    forms:
      "Mallinckrodt & Tekie (br-WAI); Ribeiro et al. 2021 (WAI-SR-O); Hatcher, Lindqvist & Falkenström 2020 (WAI-S-T); Falkenström et al. 2015 (WAQ-6). Not re-checked in issue #3: from the project reference.",
    known:
      "br-WAI: 16 items (8 Bond, 8 Tasks/Goals) with 7-point answers collapsed to 5 or 4 points. WAI-SR-O: exists (alpha .86). WAI-S-T: evaluated by Hatcher et al. WAQ-6: 6 items, 2 factors, composite score.",
    missing: "Item numbers, the br-WAI collapse map, and each key.",
    sourcesTried: [
      "[S16], [S20], [S21], [S22] in shared/reference/instruments.md (abstracts and title pages)",
    ],
  },
];
