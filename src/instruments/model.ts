import { z } from "zod";

/**
 * How sure the project is of an instrument's scoring key, from the source it was checked at.
 * `confirmed-primary`: the published form, the authors' site or the original paper.
 * `confirmed-secondary`: an independent reference or an institutional page.
 * `derived`: worked out from two or more sources (the reasoning is recorded).
 * `code-only`: found only in third-party public code.
 *
 * @category Instruments
 */
export const keyStatusSchema = z.enum([
  "confirmed-primary",
  "confirmed-secondary",
  "derived",
  "code-only",
]);
/** @category Instruments */
export type KeyStatus = z.infer<typeof keyStatusSchema>;

const finite = z.number().finite();
const text = z.string().min(1);

/**
 * One labelled point of a Likert scale, e.g. `{ value: 1, label: "Seldom" }`.
 *
 * @category Instruments
 */
export const scaleLabelSchema = z.object({ value: finite, label: text });
/** @category Instruments */
export type ScaleLabel = z.infer<typeof scaleLabelSchema>;

/**
 * The response scale every item of an instrument shares. A `likert` scale has integer-like
 * points from `min` to `max` by `step`, each labelled; a `vas` (visual-analogue) scale is
 * continuous from `min` to `max`, recorded to `step` (e.g. 0.1 cm), with its two end labels, and
 * says whether a value between two steps is rejected or rounded to the nearest step.
 *
 * @category Instruments
 */
export const responseScaleSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("likert"),
    min: finite,
    max: finite,
    step: finite.positive(),
    labels: z.array(scaleLabelSchema).min(2),
  }),
  z.object({
    kind: z.literal("vas"),
    min: finite,
    max: finite,
    step: finite.positive(),
    endLabels: z.object({ min: text, max: text }),
    /** What to do with a value between two steps (e.g. 9.95 on a 0.1 scale): reject or round to the nearest step. */
    offStep: z.enum(["reject", "round"]),
  }),
]);
/** @category Instruments */
export type ResponseScale = z.infer<typeof responseScaleSchema>;

/**
 * One item: its 1-based number on the form, a stable id (used as a column or field name),
 * the subscales it belongs to, and whether it is reverse-keyed (scored `min + max - x`).
 * `text` is the item wording and is present only where the licence allows it.
 *
 * @category Instruments
 */
export const itemSchema = z.object({
  number: z.number().int().positive(),
  id: z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, "an id of letters, digits and _"),
  subscales: z.array(text),
  reverse: z.boolean(),
  text: text.optional(),
});
/** @category Instruments */
export type Item = z.infer<typeof itemSchema>;

/**
 * A subscale: an id, a label, and the item numbers summed into it.
 *
 * @category Instruments
 */
export const subscaleSchema = z.object({
  id: z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, "an id of letters, digits and _"),
  label: text,
  items: z.array(z.number().int().positive()).min(1),
});
/** @category Instruments */
export type Subscale = z.infer<typeof subscaleSchema>;

/**
 * A bibliographic citation. `doi` is given only where it was established.
 *
 * @category Instruments
 */
export const citationSchema = z.object({
  authors: text,
  year: z.number().int(),
  title: text,
  source: text,
  doi: text.optional(),
});
/** @category Instruments */
export type Citation = z.infer<typeof citationSchema>;

/**
 * Where the scoring key comes from and how sure the project is of it.
 *
 * @category Instruments
 */
export const keySourceSchema = z.object({
  status: keyStatusSchema,
  note: text,
  sources: z.array(text).min(1),
});
/** @category Instruments */
export type KeySource = z.infer<typeof keySourceSchema>;

/**
 * The licence of the item wording: `included` only where the holder allows it.
 *
 * @category Instruments
 */
export const licenceSchema = z.object({
  itemText: z.enum(["included", "omitted"]),
  holder: text,
  note: text,
});
/** @category Instruments */
export type Licence = z.infer<typeof licenceSchema>;

/**
 * The missing-data rule: how many items may be missing from each subscale and from the total
 * before the score is withheld, and whether scores with missing items are prorated
 * (mean of the answered items times the number of items) or not allowed at all (`none`).
 *
 * @category Instruments
 */
export const missingRuleSchema = z.object({
  maxMissingPerSubscale: z.number().int().nonnegative(),
  maxMissingTotal: z.number().int().nonnegative(),
  method: z.enum(["prorate", "none"]),
  source: text,
});
/** @category Instruments */
export type MissingRule = z.infer<typeof missingRuleSchema>;

/**
 * A bound of a band: the value and whether a score equal to it is inside the band.
 *
 * @category Instruments
 */
export const bandBoundSchema = z.object({ value: finite, inclusive: z.boolean() });
/** @category Instruments */
export type BandBound = z.infer<typeof bandBoundSchema>;

/**
 * An interpretation band or cut-off for one score (`total` or a subscale id), always with the
 * source that defines it and the confidence the project has in that source.
 *
 * @category Instruments
 */
export const bandSchema = z.object({
  id: z.string().regex(/^[A-Za-z][A-Za-z0-9_-]*$/),
  score: text,
  metric: z.enum(["sum", "mean"]),
  label: text,
  lower: bandBoundSchema.optional(),
  upper: bandBoundSchema.optional(),
  meaning: text,
  source: text,
  status: keyStatusSchema,
});
/** @category Instruments */
export type Band = z.infer<typeof bandSchema>;

/**
 * What the authors say about norms. `none` where they state there are none (e.g. Horvath on
 * the WAI), so that an interpretation can say so instead of inventing a band.
 *
 * @category Instruments
 */
export const normsSchema = z.object({
  status: z.enum(["none", "bands", "unknown"]),
  note: text,
  source: text,
});
/** @category Instruments */
export type Norms = z.infer<typeof normsSchema>;

/**
 * A complete instrument definition: identity, provenance, licence, scale, items, subscales,
 * how the total is formed, the missing-data rule, and sourced bands.
 *
 * @category Instruments
 */
export const instrumentSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, "a lower-case id such as wai-sr"),
  name: text,
  abbreviation: text,
  version: text,
  rater: z.enum(["client", "therapist", "observer", "parent"]),
  citation: citationSchema,
  keySource: keySourceSchema,
  licence: licenceSchema,
  scale: responseScaleSchema,
  items: z.array(itemSchema).min(1),
  subscales: z.array(subscaleSchema),
  total: z.object({ method: z.enum(["sum", "mean"]) }),
  missing: missingRuleSchema,
  bands: z.array(bandSchema),
  norms: normsSchema,
  notes: z.array(text),
});
/**
 * An instrument definition, as `defineInstrument` accepts and returns it.
 *
 * @category Instruments
 */
export type Instrument = z.infer<typeof instrumentSchema>;
