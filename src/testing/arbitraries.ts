import type * as FastCheck from "fast-check";
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
   * toward every answer at the scale minimum and nothing missing.
   */
  validAnswers(
    instrumentOrId: InstrumentOrId,
    options?: { missing?: boolean },
  ): FastCheck.Arbitrary<(number | null)[]>;
  /** One case of `invalidResponses` (any applicable kind, or those given), from a random seed. */
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
 * @throws AllianceError UNKNOWN_INSTRUMENT or INVALID_DEFINITION when an arbitrary is asked for
 * @example
 * import fc from "fast-check";
 * import { arbitraries } from "therapeutic-alliance/testing/fast-check";
 * const { validAnswers } = arbitraries(fc);
 * fc.assert(fc.property(validAnswers("wai-sr"), (answers) => myScore(answers) <= 60));
 */
export function arbitraries(fc: FastCheckModule): AllianceArbitraries {
  return {
    validAnswers: (instrumentOrId, options = {}) => {
      const instrument = resolveInstrument(instrumentOrId);
      const count = instrument.items.length;
      const values = fc.array(fc.constantFrom(...scalePoints(instrument)), {
        minLength: count,
        maxLength: count,
      });
      const wantsMissing =
        options.missing === false
          ? fc.constant([])
          : fc.array(fc.boolean(), { minLength: count, maxLength: count });
      return fc.tuple(values, wantsMissing).map(([answers, flags]) => {
        const allowMissing = missingBudget(instrument);
        return answers.map((answer, index) =>
          flags[index] === true && allowMissing(index) ? null : answer,
        );
      });
    },
    invalidCase: (instrumentOrId, options = {}) => {
      const instrument = resolveInstrument(instrumentOrId);
      const applicable = invalidResponses(
        instrument,
        options.kinds ? { kinds: options.kinds } : {},
      );
      const kinds = [...new Set(applicable.map((invalid) => invalid.kind))];
      return fc
        .tuple(fc.constantFrom(...kinds), fc.integer())
        .map(([kind, seed]) => invalidResponses(instrument, { seed, kinds: [kind] })[0]!);
    },
  };
}
