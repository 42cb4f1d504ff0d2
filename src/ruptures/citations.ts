import type { RuptureCitation } from "./types.js";

/**
 * The sources the rupture rules rest on, with what each contributes and how far it is
 * confirmed. Status follows /work/shared/reference/ruptures.md (the project's source review).
 * Data only; nothing runs at import.
 *
 * @category Ruptures
 */
export const RUPTURE_SOURCES = {
  tangDeRubeis1999: {
    authors: "Tang & DeRubeis",
    year: 1999,
    title:
      "Sudden gains and critical sessions in cognitive-behavioral therapy for depression. J Consult Clin Psychol 67(6), 894-904",
    doi: "10.1037/0022-006X.67.6.894",
    status: "CONFIRMED",
    note: "Criteria 1-3 (cut-off, 25 % of the pre-gain score, pre/post t test), as implemented in R suddengains 0.7.2.",
  },
  lutz2013: {
    authors: "Lutz, Ehrlich, Rubel, Hallwachs, Röttger, Jorasz, et al.",
    year: 2013,
    title:
      "The ups and downs of psychotherapy: Sudden gains and sudden losses identified with session reports. Psychother Res 23(1), 14-24",
    doi: "10.1080/10503307.2012.693837",
    status: "CONFIRMED",
    note: "Sudden losses and the critical value adjusted for missing sessions, as credited in the suddengains documentation.",
  },
  suddengains: {
    authors: "Wiedemann, Thew, Stott & Ehlers",
    year: 2020,
    title:
      "suddengains: An R package to identify sudden gains in longitudinal data. PLoS ONE 15(3), e0230276 (code: CRAN 0.7.2, commit e964e74)",
    doi: "10.1371/journal.pone.0230276",
    status: "CONFIRMED",
    note: "identify_sg / identify_sl / create_bysg behaviour ported (windows, >= and >, NA rules, reversal indexing); the loss percentage is made symmetric on purpose.",
  },
  gaynor2003: {
    authors: "Gaynor et al.",
    year: 2003,
    title: "Gaynor et al. (2003) stability criterion, as summarised in PMC4606893, Table 2 note",
    doi: null,
    status: "PARTLY CONFIRMED",
    note: "At least 50 % of the gain kept over the next two scores; whether 'next two' starts at the post-gain session is not confirmed (window offset is an option).",
  },
  kelly2005: {
    authors: "Kelly et al.",
    year: 2005,
    title: "Kelly et al. (2005) stability criterion, as summarised in PMC4606893, Table 2 note",
    doi: null,
    status: "PARTLY CONFIRMED",
    note: "Change >= 1.5 x SD of the patient's whole series replaces the t test.",
  },
  jacobsonTruax1991: {
    authors: "Jacobson & Truax",
    year: 1991,
    title:
      "Clinical significance: A statistical approach to defining meaningful change in psychotherapy research. J Consult Clin Psychol 59(1), 12-19",
    doi: "10.1037/0022-006X.59.1.12",
    status: "CONFIRMED",
    note: "Reliable change: 1.96 x sqrt(2) x SD x sqrt(1 - reliability), as in suddengains::define_crit1_cutoff.",
  },
  stiles2004: {
    authors: "Stiles et al.",
    year: 2004,
    title:
      "Rupture-repair sequences in post-session alliance ratings (as described by Gumz et al. 2012)",
    doi: null,
    status: "UNCONFIRMED",
    note: "Called ad hoc by its authors; exact threshold, reference mean and repair window not available.",
  },
  strauss2006: {
    authors: "Strauss et al.",
    year: 2006,
    title:
      "Rupture-repair episodes in cognitive therapy for avoidant and obsessive-compulsive personality disorders (PMC3268072)",
    doi: null,
    status: "UNCONFIRMED",
    note: "Rupture-repair episodes predicted improvement; the exact rule (a '15 %' drop?) is not confirmed.",
  },
  gumz2012: {
    authors: "Gumz, Brähler, Geyer & Erices",
    year: 2012,
    title:
      "Crisis-repair sequences - considerations on the classification and assessment of breaches in the therapeutic relationship. BMC Med Res Methodol 12, 10",
    doi: "10.1186/1471-2288-12-10",
    status: "PARTLY CONFIRMED",
    note: "Report 1-SD and 2-SD thresholds; use the stricter of intra- and inter-individual SD; simple V and multi-session decline patterns; number, magnitude and length.",
  },
  mclaughlin2014: {
    authors: "McLaughlin et al.",
    year: 2014,
    title:
      "Rupture-repair groups in prolonged exposure therapy (alliance rated each session). J Consult Clin Psychol 82(1), 112-121 (PMC3921691)",
    doi: null,
    status: "PARTLY CONFIRMED",
    note: "Groups clients as repaired rupture, unrepaired rupture or no rupture; how a client with both kinds is grouped is a library choice.",
  },
  duncan2003: {
    authors: "Duncan, Miller, Sparks, Claud, Reynolds, Brown & Johnson",
    year: 2003,
    title:
      "The Session Rating Scale: Preliminary psychometric properties of a 'working' alliance measure. J Brief Ther 3(1), 3-12",
    doi: null,
    status: "PARTLY CONFIRMED",
    note: "SRS v3: four 0-10 visual-analogue items, total 0-40. The cut-off wording of the primary text was not available.",
  },
  srsCutoffStrict: {
    authors: "cauceos.com SRS glossary; bearnaiserestaurant.com SRS scoring Q&A (secondary)",
    year: null,
    title: "'below 36 signals friction' / 'any score lower than 36 overall, or 9 on any scale'",
    doi: null,
    status: "UNCONFIRMED",
    note: "Secondary sources for the strict rule: total < 36, any item < 9.",
  },
  srsCutoffInclusive: {
    authors: "hiboop.com SRS guide (secondary)",
    year: null,
    title: "'total <= 36 = alliance concern; any item below 8-9 warrants a check-in'",
    doi: null,
    status: "UNCONFIRMED",
    note: "Secondary source for the inclusive rule: total <= 36.",
  },
  muran2009: {
    authors: "Muran, Safran, Gorman, Samstag, Eubanks-Carter & Winston",
    year: 2009,
    title:
      "Early alliance ruptures and their resolution in three brief treatments for personality disorders. Psychotherapy 46(2), 233-248",
    doi: null,
    status: "PARTLY CONFIRMED",
    note: "Patient and therapist rate rupture intensity and resolution after each session (PSQ); item wording, anchors and any flag threshold are not confirmed.",
  },
  eubanks2015: {
    authors: "Eubanks, Muran & Safran",
    year: 2015,
    title: "Rupture Resolution Rating System (3RS): Manual",
    doi: "10.13140/2.1.1666.8488",
    status: "PARTLY CONFIRMED",
    note: "Withdrawal and confrontation rupture markers and resolution strategies; segment length, significance scale, marker names and aggregation are not confirmed.",
  },
  eubanks2019: {
    authors: "Eubanks, Muran & Safran",
    year: 2019,
    title:
      "Rupture Resolution Rating System (3RS): Development and validation. Psychother Res 29(3), 306-319",
    doi: "10.1080/10503307.2018.1552034",
    status: "PARTLY CONFIRMED",
    note: "Session-level frequencies of confrontation and withdrawal markers and of resolution strategies were rated reliably (ICC .85-.98).",
  },
  libraryChoice: {
    authors: "therapeutic-alliance",
    year: null,
    title: "Library choice",
    doi: null,
    status: "LIBRARY CHOICE",
    note: "A default or rule of this library, not attributed to any author.",
  },
} as const satisfies Record<string, RuptureCitation>;
