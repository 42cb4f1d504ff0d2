/**
 * Golden cases: one response set per case with the scores it must get, worked out by hand
 * from the scoring keys, never by this library. The arithmetic is written beside each case.
 * The keys, with the sources each was checked against (recorded in each definition's
 * `keySource`, src/instruments/*.ts, and the project's instrument reference):
 * - WAI, 36 items: Horvath & Greenberg (1989), doi:10.1037/0022-0167.36.2.223; reverse items
 *   and Goal/Task/Bond key derived from two public code sources and the WAI-SR's printed key;
 * - WAI-S: Tracey & Kokotovic (1989), derived from the 36-item key;
 * - WAI-SR: Hatcher & Gillaspy (2006), doi:10.1080/10503300500352500, key printed on the form;
 * - WAI-SRT: Hatcher, Lindqvist & Falkenström (2020), doi:10.1080/10503307.2019.1677964;
 * - SRS: Duncan et al. (2003); ORS: Miller et al. (2003); CORS: Duncan et al. (2006); CSRS:
 *   the SRS format (derived; see its `keySource`): four 0–10 lines, summed, none reversed;
 * - TASC-R: Shirk & Saiz (1992); TASC-R Parent: Accurso, Hawley & Garland (2013).
 * Reverse-keyed answers score `min + max - x`: 8 - x on 1–7, 5 - x on 1–4. A score with
 * missing items is prorated: mean of the answered items times the item count (the library's
 * documented rule, a library choice for every built-in instrument).
 *
 * Every value is plain JSON-able data; fractions are written as the division that gives them.
 *
 * @module
 */

/**
 * The expected value of one score (the total or a subscale).
 *
 * @category Testing
 */
export interface GoldenScore {
  /** Sum of the keyed answers, prorated when items are missing. */
  sum: number;
  /** Mean of the answered keyed items. */
  mean: number;
  answered: number;
  missing: number;
  prorated: boolean;
}

/**
 * A response set and the scores `scoreResponses` must give it.
 *
 * @category Testing
 */
export interface GoldenCase {
  /** Registry id of the instrument. */
  instrumentId: string;
  /** What the case checks. */
  description: string;
  /** Answers in item order (index 0 = item 1); `null` = missing. */
  answers: readonly (number | null)[];
  expected: {
    total: GoldenScore;
    /** Keyed by subscale id; `{}` for an instrument scored as a total only. */
    subscales: Readonly<Record<string, GoldenScore>>;
    /** Numbers of the missing items, ascending. */
    missingItems: readonly number[];
  };
}

function complete(sum: number, mean: number, items: number): GoldenScore {
  return { sum, mean, answered: items, missing: 0, prorated: false };
}

function prorated(sum: number, mean: number, answered: number, missing: number): GoldenScore {
  return { sum, mean, answered, missing, prorated: true };
}

// WAI, 36 items (section 1). Reverse: 1, 3, 7, 9, 10, 11, 12, 15, 20, 27, 29, 31, 33, 34.
// Goal 3, 6, 9, 10, 12, 14, 22, 25, 27, 30, 32, 34 (reverse: 3, 9, 10, 12, 27, 34 = 6 items)
// Task 2, 4, 7, 11, 13, 15, 16, 18, 24, 31, 33, 35 (reverse: 7, 11, 15, 31, 33 = 5 items)
// Bond 1, 5, 8, 17, 19, 20, 21, 23, 26, 28, 29, 36 (reverse: 1, 20, 29 = 3 items)

const WAI36_CASES: GoldenCase[] = [
  {
    instrumentId: "wai-c",
    description: "Goal answered 7, Task 4, Bond 1 throughout: reverse keys change every subscale",
    // raw 7 on every Goal item, 4 on every Task item, 1 on every Bond item
    answers: [
      1, 4, 7, 4, 1, 7, 4, 1, 7, 7, 4, 7, 4, 7, 4, 4, 1, 4, 1, 1, 1, 7, 1, 4, 7, 1, 7, 1, 1, 7, 4,
      7, 4, 7, 4, 1,
    ],
    expected: {
      // 48 + 48 + 30 = 126; 126 / 36 = 3.5. Unreversed it would be 84 + 48 + 12 = 144.
      total: complete(126, 3.5, 36),
      subscales: {
        // 6 reverse items 8 - 7 = 1 → 6; 6 others 7 → 42; 6 + 42 = 48; 48 / 12 = 4
        goal: complete(48, 4, 12),
        // 5 reverse items 8 - 4 = 4 → 20; 7 others 4 → 28; 20 + 28 = 48; 48 / 12 = 4
        task: complete(48, 4, 12),
        // 3 reverse items 8 - 1 = 7 → 21; 9 others 1 → 9; 21 + 9 = 30; 30 / 12 = 2.5
        bond: complete(30, 2.5, 12),
      },
      missingItems: [],
    },
  },
  {
    instrumentId: "wai-c",
    description: "the same answers with items 3 (Goal, reverse) and 8 (Bond) missing: prorated",
    answers: [
      1,
      4,
      null,
      4,
      1,
      7,
      4,
      null,
      7,
      7,
      4,
      7,
      4,
      7,
      4,
      4,
      1,
      4,
      1,
      1,
      1,
      7,
      1,
      4,
      7,
      1,
      7,
      1,
      1,
      7,
      4,
      7,
      4,
      7,
      4,
      1,
    ],
    expected: {
      // keyed sum 126 - 1 (item 3: 8 - 7) - 1 (item 8) = 124 over 34 answered:
      // mean 124 / 34 = 62 / 17; sum 62 / 17 × 36 = 2232 / 17
      total: prorated(2232 / 17, 62 / 17, 34, 2),
      subscales: {
        // 48 - 1 = 47 over 11: mean 47 / 11; sum 47 / 11 × 12 = 564 / 11
        goal: prorated(564 / 11, 47 / 11, 11, 1),
        task: complete(48, 4, 12),
        // 30 - 1 = 29 over 11: mean 29 / 11; sum 29 / 11 × 12 = 348 / 11
        bond: prorated(348 / 11, 29 / 11, 11, 1),
      },
      missingItems: [3, 8],
    },
  },
  {
    instrumentId: "wai-t",
    description: "every item answered 5: reverse items score 8 - 5 = 3",
    answers: [
      5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5,
      5, 5, 5, 5, 5,
    ],
    expected: {
      // 22 items × 5 = 110; 14 reverse × 3 = 42; 110 + 42 = 152 (= 48 + 50 + 54); 152 / 36 = 38 / 9
      total: complete(152, 38 / 9, 36),
      subscales: {
        // 6 reverse × 3 = 18; 6 × 5 = 30; 48; 48 / 12 = 4
        goal: complete(48, 4, 12),
        // 5 reverse × 3 = 15; 7 × 5 = 35; 50; 50 / 12 = 25 / 6
        task: complete(50, 25 / 6, 12),
        // 3 reverse × 3 = 9; 9 × 5 = 45; 54; 54 / 12 = 4.5
        bond: complete(54, 4.5, 12),
      },
      missingItems: [],
    },
  },
  {
    instrumentId: "wai-t",
    description:
      "every item answered 5 but items 1 (Bond, reverse), 2 (Task) and 6 (Goal): prorated",
    answers: [
      null,
      null,
      5,
      5,
      5,
      null,
      5,
      5,
      5,
      5,
      5,
      5,
      5,
      5,
      5,
      5,
      5,
      5,
      5,
      5,
      5,
      5,
      5,
      5,
      5,
      5,
      5,
      5,
      5,
      5,
      5,
      5,
      5,
      5,
      5,
      5,
    ],
    expected: {
      // 152 - 3 (item 1: 8 - 5) - 5 (item 2) - 5 (item 6) = 139 over 33: mean 139 / 33;
      // sum 139 / 33 × 36 = 1668 / 11
      total: prorated(1668 / 11, 139 / 33, 33, 3),
      subscales: {
        // 48 - 5 = 43 over 11: mean 43 / 11; sum 43 / 11 × 12 = 516 / 11
        goal: prorated(516 / 11, 43 / 11, 11, 1),
        // 50 - 5 = 45 over 11: mean 45 / 11; sum 45 / 11 × 12 = 540 / 11
        task: prorated(540 / 11, 45 / 11, 11, 1),
        // 54 - 3 = 51 over 11: mean 51 / 11; sum 51 / 11 × 12 = 612 / 11
        bond: prorated(612 / 11, 51 / 11, 11, 1),
      },
      missingItems: [1, 2, 6],
    },
  },
  {
    instrumentId: "wai-o",
    description: "every item rated 4 (no evidence, where raters start): reverse 8 - 4 = 4",
    answers: [
      4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
      4, 4, 4, 4, 4,
    ],
    expected: {
      // 36 × 4 = 144; mean 4; each subscale 12 × 4 = 48
      total: complete(144, 4, 36),
      subscales: {
        goal: complete(48, 4, 12),
        task: complete(48, 4, 12),
        bond: complete(48, 4, 12),
      },
      missingItems: [],
    },
  },
  {
    instrumentId: "wai-o",
    description: "Goal items rated 6, Task 4, Bond 2",
    // raw 6 on every Goal item, 4 on every Task item, 2 on every Bond item
    answers: [
      2, 4, 6, 4, 2, 6, 4, 2, 6, 6, 4, 6, 4, 6, 4, 4, 2, 4, 2, 2, 2, 6, 2, 4, 6, 2, 6, 2, 2, 6, 4,
      6, 4, 6, 4, 2,
    ],
    expected: {
      // 48 + 48 + 36 = 132; 132 / 36 = 11 / 3
      total: complete(132, 11 / 3, 36),
      subscales: {
        // 6 reverse × (8 - 6 = 2) = 12; 6 × 6 = 36; 48; mean 4
        goal: complete(48, 4, 12),
        // 5 reverse × (8 - 4 = 4) = 20; 7 × 4 = 28; 48; mean 4
        task: complete(48, 4, 12),
        // 3 reverse × (8 - 2 = 6) = 18; 9 × 2 = 18; 36; 36 / 12 = 3
        bond: complete(36, 3, 12),
      },
      missingItems: [],
    },
  },
  {
    instrumentId: "wai-o",
    description:
      "every item rated 4, items 10 and 30 (Goal) and 20 (Bond) missing: prorated, same means",
    answers: [
      4,
      4,
      4,
      4,
      4,
      4,
      4,
      4,
      4,
      null,
      4,
      4,
      4,
      4,
      4,
      4,
      4,
      4,
      4,
      null,
      4,
      4,
      4,
      4,
      4,
      4,
      4,
      4,
      4,
      null,
      4,
      4,
      4,
      4,
      4,
      4,
    ],
    expected: {
      // 33 × 4 = 132 over 33: mean 4; sum 4 × 36 = 144
      total: prorated(144, 4, 33, 3),
      subscales: {
        // 10 × 4 = 40 over 10: mean 4; sum 4 × 12 = 48
        goal: prorated(48, 4, 10, 2),
        task: complete(48, 4, 12),
        // 11 × 4 = 44 over 11: mean 4; sum 4 × 12 = 48
        bond: prorated(48, 4, 11, 1),
      },
      missingItems: [10, 20, 30],
    },
  },
];

// WAI-S (section 2): Task 1, 2, 8, 12; Bond 3, 5, 7, 9; Goal 4, 6, 10, 11; reverse 4 and 10 (8 - x).
const WAI_S_CASES: GoldenCase[] = [
  {
    instrumentId: "wai-s",
    description: "a complete set with both reverse items low",
    answers: [6, 5, 7, 2, 6, 5, 7, 1, 6, 3, 4, 5],
    expected: {
      // 20 + 17 + 26 = 63; 63 / 12 = 5.25
      total: complete(63, 5.25, 12),
      subscales: {
        // item 4: 8 - 2 = 6; item 6: 5; item 10: 8 - 3 = 5; item 11: 4; 6 + 5 + 5 + 4 = 20; mean 5
        goal: complete(20, 5, 4),
        // items 1, 2, 8, 12: 6 + 5 + 1 + 5 = 17; 17 / 4 = 4.25
        task: complete(17, 4.25, 4),
        // items 3, 5, 7, 9: 7 + 6 + 7 + 6 = 26; 26 / 4 = 6.5
        bond: complete(26, 6.5, 4),
      },
      missingItems: [],
    },
  },
  {
    instrumentId: "wai-s",
    description: "items 3 (Bond) and 10 (Goal, reverse) missing: prorated",
    answers: [6, 5, null, 2, 6, 5, 7, 1, 6, null, 4, 5],
    expected: {
      // 63 - 7 (item 3) - 5 (item 10 keyed) = 51 over 10: mean 5.1; sum 5.1 × 12 = 61.2
      total: prorated(61.2, 5.1, 10, 2),
      subscales: {
        // 6 + 5 + 4 = 15 over 3: mean 5; sum 5 × 4 = 20
        goal: prorated(20, 5, 3, 1),
        task: complete(17, 4.25, 4),
        // 6 + 7 + 6 = 19 over 3: mean 19 / 3; sum 19 / 3 × 4 = 76 / 3
        bond: prorated(76 / 3, 19 / 3, 3, 1),
      },
      missingItems: [3, 10],
    },
  },
];

// WAI-SR (section 3a): Goal 4, 6, 8, 11; Task 1, 2, 10, 12; Bond 3, 5, 7, 9; no reverse items.
const WAI_SR_CASES: GoldenCase[] = [
  {
    instrumentId: "wai-sr",
    description: "a complete set",
    answers: [4, 5, 4, 3, 5, 4, 4, 4, 5, 4, 3, 4],
    expected: {
      // 14 + 17 + 18 = 49; 49 / 12
      total: complete(49, 49 / 12, 12),
      subscales: {
        // items 4, 6, 8, 11: 3 + 4 + 4 + 3 = 14; 14 / 4 = 3.5
        goal: complete(14, 3.5, 4),
        // items 1, 2, 10, 12: 4 + 5 + 4 + 4 = 17; 17 / 4 = 4.25
        task: complete(17, 4.25, 4),
        // items 3, 5, 7, 9: 4 + 5 + 4 + 5 = 18; 18 / 4 = 4.5
        bond: complete(18, 4.5, 4),
      },
      missingItems: [],
    },
  },
  {
    instrumentId: "wai-sr",
    description: "items 6 (Goal) and 9 (Bond) missing: prorated",
    answers: [2, 1, 5, 3, 4, null, 3, 2, null, 1, 4, 2],
    expected: {
      // 9 + 6 + 12 = 27 over 10: mean 2.7; sum 2.7 × 12 = 32.4
      total: prorated(32.4, 2.7, 10, 2),
      subscales: {
        // items 4, 8, 11: 3 + 2 + 4 = 9 over 3: mean 3; sum 3 × 4 = 12
        goal: prorated(12, 3, 3, 1),
        // items 1, 2, 10, 12: 2 + 1 + 1 + 2 = 6; 6 / 4 = 1.5
        task: complete(6, 1.5, 4),
        // items 3, 5, 7: 5 + 4 + 3 = 12 over 3: mean 4; sum 4 × 4 = 16
        bond: prorated(16, 4, 3, 1),
      },
      missingItems: [6, 9],
    },
  },
  {
    instrumentId: "wai-sr",
    description: "every item at the scale maximum 5",
    answers: [5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5],
    expected: {
      // 12 × 5 = 60; each subscale 4 × 5 = 20
      total: complete(60, 5, 12),
      subscales: { goal: complete(20, 5, 4), task: complete(20, 5, 4), bond: complete(20, 5, 4) },
      missingItems: [],
    },
  },
];

// WAI-SRT (section 3b): 10 items, 1–5, no reverse items, total only.
const WAI_SR_T_CASES: GoldenCase[] = [
  {
    instrumentId: "wai-sr-t",
    description: "a complete set",
    answers: [5, 4, 4, 3, 5, 4, 2, 4, 5, 3],
    expected: {
      // 5 + 4 + 4 + 3 + 5 + 4 + 2 + 4 + 5 + 3 = 39; 39 / 10 = 3.9
      total: complete(39, 3.9, 10),
      subscales: {},
      missingItems: [],
    },
  },
  {
    instrumentId: "wai-sr-t",
    description: "items 2 and 7 missing: prorated",
    answers: [5, null, 4, 3, 5, 4, null, 4, 5, 3],
    expected: {
      // 39 - 4 - 2 = 33 over 8: mean 33 / 8 = 4.125; sum 4.125 × 10 = 41.25
      total: prorated(41.25, 4.125, 8, 2),
      subscales: {},
      missingItems: [2, 7],
    },
  },
];

// SRS, CSRS, ORS, CORS (section 6): four 0–10 lines in steps of 0.1, summed; no reverse items.
const VAS_CASES: GoldenCase[] = [
  {
    instrumentId: "srs",
    description: "four marks",
    answers: [9.1, 8.7, 9.5, 10],
    // 9.1 + 8.7 + 9.5 + 10 = 37.3; 37.3 / 4 = 9.325
    expected: { total: complete(37.3, 9.325, 4), subscales: {}, missingItems: [] },
  },
  {
    instrumentId: "srs",
    description: "marks at both ends of the line",
    answers: [0, 0.1, 5, 9.9],
    // 0 + 0.1 + 5 + 9.9 = 15; 15 / 4 = 3.75
    expected: { total: complete(15, 3.75, 4), subscales: {}, missingItems: [] },
  },
  {
    instrumentId: "csrs",
    description: "four marks",
    answers: [7.5, 8, 6.2, 9],
    // 7.5 + 8 + 6.2 + 9 = 30.7; 30.7 / 4 = 7.675
    expected: { total: complete(30.7, 7.675, 4), subscales: {}, missingItems: [] },
  },
  {
    instrumentId: "ors",
    description: "four marks",
    answers: [3.2, 4.8, 6, 5.5],
    // 3.2 + 4.8 + 6 + 5.5 = 19.5; 19.5 / 4 = 4.875
    expected: { total: complete(19.5, 4.875, 4), subscales: {}, missingItems: [] },
  },
  {
    instrumentId: "cors",
    description: "four marks, one at each end",
    answers: [10, 0, 2.5, 7.3],
    // 10 + 0 + 2.5 + 7.3 = 19.8; 19.8 / 4 = 4.95
    expected: { total: complete(19.8, 4.95, 4), subscales: {}, missingItems: [] },
  },
];

// TASC-R and TASC-R Parent (section 11): 12 items, 1–4, reverse 2, 5, 7, 8, 11 (5 - x), total only.
const TASC_CASES: GoldenCase[] = [
  {
    instrumentId: "tasc-r",
    description: "a complete set with the reverse items low",
    answers: [4, 1, 4, 3, 2, 4, 1, 1, 3, 4, 2, 4],
    expected: {
      // keyed: 4, 5-1=4, 4, 3, 5-2=3, 4, 5-1=4, 5-1=4, 3, 4, 5-2=3, 4
      // 4 + 4 + 4 + 3 + 3 + 4 + 4 + 4 + 3 + 4 + 3 + 4 = 44; 44 / 12 = 11 / 3 (unreversed: 33)
      total: complete(44, 11 / 3, 12),
      subscales: {},
      missingItems: [],
    },
  },
  {
    instrumentId: "tasc-r",
    description: "items 5 (reverse) and 12 missing: prorated",
    answers: [4, 1, 4, 3, null, 4, 1, 1, 3, 4, 2, null],
    expected: {
      // 44 - 3 (item 5 keyed) - 4 (item 12) = 37 over 10: mean 3.7; sum 3.7 × 12 = 44.4
      total: prorated(44.4, 3.7, 10, 2),
      subscales: {},
      missingItems: [5, 12],
    },
  },
  {
    instrumentId: "tasc-r-parent",
    description: "a complete set",
    answers: [2, 3, 2, 2, 4, 3, 3, 2, 1, 2, 4, 3],
    expected: {
      // keyed: 2, 5-3=2, 2, 2, 5-4=1, 3, 5-3=2, 5-2=3, 1, 2, 5-4=1, 3
      // 2 + 2 + 2 + 2 + 1 + 3 + 2 + 3 + 1 + 2 + 1 + 3 = 24; 24 / 12 = 2 (unreversed: 31)
      total: complete(24, 2, 12),
      subscales: {},
      missingItems: [],
    },
  },
  {
    instrumentId: "tasc-r-parent",
    description: "items 5 and 8 (reverse) and 6 missing: prorated",
    answers: [2, 3, 2, 2, null, null, 3, null, 1, 2, 4, 3],
    expected: {
      // 24 - 1 (item 5: 5 - 4) - 3 (item 6) - 3 (item 8: 5 - 2) = 17 over 9: mean 17 / 9;
      // sum 17 / 9 × 12 = 68 / 3
      total: prorated(68 / 3, 17 / 9, 9, 3),
      subscales: {},
      missingItems: [5, 6, 8],
    },
  },
];

/**
 * Hand-computed golden cases for every built-in instrument: answers with the scores
 * `scoreResponses` must give them, complete and (where the instrument allows missing items)
 * prorated. The arithmetic is written beside each case in the source; the package's own test
 * suite checks every case. Compare sums and means to about 1e-12 relative: a prorated score
 * is a quotient that floating point cannot always hit exactly.
 *
 * @category Testing
 * @example
 * for (const golden of goldenCases) {
 *   const result = scoreResponses(golden.instrumentId, golden.answers);
 *   expect(result.total.sum).toBeCloseTo(golden.expected.total.sum, 10);
 * }
 */
export const goldenCases: readonly GoldenCase[] = [
  ...WAI36_CASES,
  ...WAI_S_CASES,
  ...WAI_SR_CASES,
  ...WAI_SR_T_CASES,
  ...VAS_CASES,
  ...TASC_CASES,
];
