import type * as FastCheck from "fast-check";
import { AllianceError, describeValue } from "../errors.js";
import { optionsRecord } from "../guards.js";
import { type InstrumentOrId, resolveInstrument } from "../scoring/resolveInstrument.js";
import {
  type InvalidResponseCase,
  type InvalidResponseKind,
  invalidResponses,
} from "./invalidResponses.js";
import { missingBudget } from "./missingBudget.js";
import { scalePoints } from "./scalePoints.js";

/**
 * The fast-check arbitraries {@link arbitraries} builds.
 *
 * @category Testing
 */
export interface AllianceArbitraries {
  /**
   * A valid response set in item order: each answer a scale point, and (unless
   * `missing: false`) some answers `null` within the instrument's missing-data rule. Shrinks
   * toward every answer at the scale minimum and nothing missing. Options are checked when the
   * arbitrary is built (see {@link arbitraries} for the errors).
   */
  validAnswers(
    instrumentOrId: InstrumentOrId,
    options?: { missing?: boolean },
  ): FastCheck.Arbitrary<(number | null)[]>;
  /**
   * One case of `invalidResponses` (any applicable kind, or those given), from a random seed.
   * At least one of the kinds given must be able to occur for the instrument.
   */
  invalidCase(
    instrumentOrId: InstrumentOrId,
    options?: { kinds?: readonly InvalidResponseKind[] },
  ): FastCheck.Arbitrary<InvalidResponseCase>;
}

/**
 * The parts of the fast-check module that {@link arbitraries} uses: pass the default import
 * (`import fc from "fast-check"`) or the namespace (`import * as fc from "fast-check"`).
 *
 * @category Testing
 */
export type FastCheckModule = Pick<
  typeof FastCheck,
  "array" | "boolean" | "constant" | "constantFrom" | "integer" | "tuple"
>;

/**
 * fast-check arbitraries for response sets, built with the fast-check module you pass in.
 * The package never imports fast-check itself (it is an optional peer): this module only
 * refers to its types, so it costs nothing to projects without it, and your arbitraries come
 * from your own copy of fast-check (3 or 4).
 *
 * Reference: fast-check, property-based testing for JavaScript (Dubien), fast-check.dev.
 *
 * @category Testing
 * @throws AllianceError INVALID_INPUT when `fc` lacks a function the arbitraries use. When an
 *   arbitrary is asked for: UNKNOWN_INSTRUMENT, INVALID_INPUT, INVALID_DEFINITION or UNSAFE_KEY
 *   for the instrument (as `scoreResponses`); INVALID_OPTION for options that are not an
 *   object, a `missing` that is not a boolean, `kinds` as `invalidResponses` rejects them, or
 *   kinds none of which can occur for the instrument
 * @example
 * import fc from "fast-check";
 * import { arbitraries } from "therapeutic-alliance/testing/fast-check";
 * const { validAnswers } = arbitraries(fc);
 * fc.assert(fc.property(validAnswers("wai-sr"), (answers) => myScore(answers) <= 60));
 */
export function arbitraries(fc: FastCheckModule): AllianceArbitraries {
  checkFastCheck(fc);
  return {
    validAnswers: (instrumentOrId, options) => {
      const instrument = resolveInstrument(instrumentOrId);
      const missing = readMissing(optionsRecord(options).missing);
      const count = instrument.items.length;
      const values = fc.array(fc.constantFrom(...scalePoints(instrument)), {
        minLength: count,
        maxLength: count,
      });
      const wantsMissing = missing
        ? fc.array(fc.boolean(), { minLength: count, maxLength: count })
        : fc.constant([]);
      return fc.tuple(values, wantsMissing).map(([answers, flags]) => {
        const allowMissing = missingBudget(instrument);
        return answers.map((answer, index) =>
          flags[index] === true && allowMissing(index) ? null : answer,
        );
      });
    },
    invalidCase: (instrumentOrId, options) => {
      const instrument = resolveInstrument(instrumentOrId);
      const { kinds: asked } = optionsRecord(options);
      const applicable = invalidResponses(instrument, asked === undefined ? {} : { kinds: asked });
      const kinds = [...new Set(applicable.map((invalid) => invalid.kind))];
      if (kinds.length === 0) {
        throw new AllianceError({
          code: "INVALID_OPTION",
          path: "options.kinds",
          message: `expected at least one kind that can occur for ${instrument.id}, got ${describeValue(asked)}`,
        });
      }
      return fc
        .tuple(fc.constantFrom(...kinds), fc.integer())
        .map(([kind, seed]) => invalidResponses(instrument, { seed, kinds: [kind] })[0]!);
    },
  };
}

/** The fast-check functions the arbitraries call, so that a wrong argument fails here and not inside a property. */
const FAST_CHECK_FUNCTIONS = ["array", "boolean", "constant", "constantFrom", "integer", "tuple"];

function checkFastCheck(fc: unknown): void {
  const missing = FAST_CHECK_FUNCTIONS.find(
    (name) => typeof (fc as Record<string, unknown> | null)?.[name] !== "function",
  );
  if (missing === undefined) return;
  throw new AllianceError({
    code: "INVALID_INPUT",
    path: "fc",
    message: `expected the fast-check module (import fc from "fast-check"), got ${describeValue(fc)} without a function ${missing}`,
  });
}

/** `options.missing`: true (the default) or false. */
function readMissing(missing: unknown): boolean {
  if (missing === undefined) return true;
  if (typeof missing === "boolean") return missing;
  throw new AllianceError({
    code: "INVALID_OPTION",
    path: "options.missing",
    message: `expected true or false, got ${describeValue(missing)}`,
  });
}
