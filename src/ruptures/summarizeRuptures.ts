import { AllianceError, type AllianceWarning, describeValue } from "../errors.js";
import { assertSafeKey, isRecord } from "../guards.js";
import { RUPTURE_SOURCES } from "./citations.js";
import { copyCitations } from "./readOptions.js";
import type { RuptureCitation, RuptureEvent } from "./types.js";

/**
 * McLaughlin et al. (2014) client groups.
 *
 * @category Ruptures
 */
export type RuptureGroup = "repaired-rupture" | "unrepaired-rupture" | "no-rupture";

/**
 * One client's classification.
 *
 * @category Ruptures
 */
export interface ClientRuptureSummary {
  id: string;
  group: RuptureGroup;
  /** Rupture events counted (sudden gains are not ruptures and are skipped). */
  ruptures: number;
  repaired: number;
  unrepaired: number;
  /** Ruptures whose repair could not be decided (`resolved: null`); counted as unrepaired. */
  unknown: number;
}

/**
 * Result of {@link summarizeRuptures}.
 *
 * @category Ruptures
 */
export interface RuptureSummary {
  /** Clients, in input order. */
  clients: ClientRuptureSummary[];
  /** Number of clients. */
  n: number;
  counts: { repairedRupture: number; unrepairedRupture: number; noRupture: number };
  /** Counts / n, or `null` when there are no clients. */
  proportions: { repairedRupture: number; unrepairedRupture: number; noRupture: number } | null;
  citations: RuptureCitation[];
  warnings: AllianceWarning[];
}

/**
 * Anything with the events of one client: the result of any detection method.
 *
 * @category Ruptures
 */
export type RuptureResultLike = { readonly events: readonly Readonly<RuptureEvent>[] };

function entriesOf(resultsByClient: unknown): [string, unknown][] {
  if (resultsByClient instanceof Map) {
    return [...resultsByClient].map(([key, value], index) => {
      if (typeof key !== "string") {
        throw new AllianceError({
          code: "INVALID_INPUT",
          path: `resultsByClient[${index}]`,
          message: `expected a string client id, got ${describeValue(key)}`,
        });
      }
      return [key, value];
    });
  }
  if (!isRecord(resultsByClient)) {
    throw new AllianceError({
      code: "INVALID_INPUT",
      path: "resultsByClient",
      message: `expected a Map or a record of results by client id, got ${describeValue(resultsByClient)}`,
    });
  }
  return Object.keys(resultsByClient).map((key) => {
    assertSafeKey(key, `resultsByClient[${JSON.stringify(key)}]`);
    return [key, resultsByClient[key]];
  });
}

function classify(id: string, result: unknown): ClientRuptureSummary {
  if (!isRecord(result) || !Array.isArray(result.events)) {
    throw new AllianceError({
      code: "INVALID_INPUT",
      path: `resultsByClient[${JSON.stringify(id)}]`,
      message: `expected a result with an events array, got ${describeValue(result)}`,
    });
  }
  let repaired = 0;
  let unrepaired = 0;
  let unknown = 0;
  const events = (result as unknown as RuptureResultLike).events;
  for (let index = 0; index < events.length; index++) {
    const event: unknown = events[index];
    if (!isRecord(event)) {
      throw new AllianceError({
        code: "INVALID_INPUT",
        path: `resultsByClient[${JSON.stringify(id)}].events[${index}]`,
        message: `expected an event object, got ${describeValue(event)}`,
      });
    }
    if (event.kind === "sudden-gain") continue;
    if (event.resolved === true) repaired++;
    else if (event.resolved === false) unrepaired++;
    else unknown++;
  }
  const ruptures = repaired + unrepaired + unknown;
  const group: RuptureGroup =
    ruptures === 0
      ? "no-rupture"
      : unrepaired + unknown > 0
        ? "unrepaired-rupture"
        : "repaired-rupture";
  return { id, group, ruptures, repaired, unrepaired, unknown };
}

/**
 * Classifies clients as repaired rupture, unrepaired rupture or no rupture (the three groups
 * of McLaughlin et al. 2014) from per-client detection results, with counts and proportions.
 *
 * Rule: no rupture event -> no rupture; every rupture repaired (`resolved: true`) -> repaired
 * rupture; otherwise (one unrepaired or undecidable rupture is enough) -> unrepaired rupture.
 * How McLaughlin et al. grouped a client with both kinds is not confirmed; this rule is a
 * library choice. Sudden gains are not ruptures and are skipped.
 *
 * Reference: McLaughlin et al. (2014) J Consult Clin Psychol 82(1), 112-121 (PMC3921691).
 * No R equivalent.
 *
 * @category Ruptures
 * @throws AllianceError INVALID_INPUT (not a Map or record, a result without events), UNSAFE_KEY
 * @example
 * summarizeRuptures({ a: { events: [] }, b: detectRuptures(series, { method: "v-shape" }) }).counts;
 * // => { repairedRupture: 1, unrepairedRupture: 0, noRupture: 1 }
 */
export function summarizeRuptures(
  resultsByClient:
    | ReadonlyMap<string, RuptureResultLike>
    | Readonly<Record<string, RuptureResultLike>>,
): RuptureSummary {
  const clients = entriesOf(resultsByClient).map(([id, result]) => classify(id, result));
  const counts = { repairedRupture: 0, unrepairedRupture: 0, noRupture: 0 };
  for (const client of clients) {
    if (client.group === "repaired-rupture") counts.repairedRupture++;
    else if (client.group === "unrepaired-rupture") counts.unrepairedRupture++;
    else counts.noRupture++;
  }
  const n = clients.length;
  const warnings: AllianceWarning[] =
    n === 0
      ? [
          {
            code: "NOT_ENOUGH_DATA",
            path: "resultsByClient",
            message: "no clients; proportions are null",
          },
        ]
      : [];
  return {
    clients,
    n,
    counts,
    proportions:
      n === 0
        ? null
        : {
            repairedRupture: counts.repairedRupture / n,
            unrepairedRupture: counts.unrepairedRupture / n,
            noRupture: counts.noRupture / n,
          },
    citations: copyCitations(RUPTURE_SOURCES.mclaughlin2014, RUPTURE_SOURCES.libraryChoice),
    warnings,
  };
}
