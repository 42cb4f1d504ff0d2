/**
 * The fuzz harness: every public function is described once as a {@link FuzzTarget} (how to
 * call it, what random valid input looks like, which error codes it documents) and
 * {@link fuzzTarget} turns that into three fast-check properties:
 *
 * 1. valid input: the result holds only finite numbers, or a `warnings` entry explains a
 *    non-finite one; a legal refusal (e.g. NOT_ENOUGH_DATA) must be a documented AllianceError;
 * 2. hostile input: one node of a valid input (an argument, a cell, an option, a key's value)
 *    is replaced by a hostile value (wrong type, NaN, ±Infinity, -0, huge or tiny numbers,
 *    sparse arrays, numeric strings, nested objects, …); the call either returns a result that
 *    passes the check of 1. or throws an AllianceError with a documented code and a path, and
 *    nothing else (no TypeError, no RangeError);
 * 3. purity: deeply frozen input, two calls give equal results, and a JSON round trip of the
 *    input gives the same result as the input itself.
 *
 * FUZZ_RUNS (default 10,000) is the number of runs per function across the three properties;
 * `npm run fuzz` sets 100,000. With FUZZ_REPORT set to a file path, each property appends one
 * JSON line `{ target, property, runs, failed, ms }` for the fuzz script's report.
 */
import { appendFileSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AllianceError, type AllianceErrorCode } from "../../src/errors.js";
import { getInstrument } from "../../src/instruments/registry.js";
import { codeOf, deepFreeze } from "../helpers.js";

/** Runs per function across its properties. */
export const FUZZ_RUNS = Math.max(10, Number(process.env.FUZZ_RUNS ?? 10_000));

/** Share of the runs each property gets: the hostile property searches widest. */
const SHARES = { valid: 0.4, hostile: 0.5, purity: 0.1 } as const;

/** A fixed seed unless FUZZ_SEED is given, so that CI is reproducible. */
const SEED = process.env.FUZZ_SEED === undefined ? 20261126 : Number(process.env.FUZZ_SEED);

/** A public function under test. */
export interface FuzzTarget<Args extends readonly unknown[]> {
  /** Export name, e.g. `cronbachAlpha`. */
  name: string;
  /** Calls the function with the arguments. */
  call: (...args: Args) => unknown;
  /** Random valid arguments. */
  valid: fc.Arbitrary<Args>;
  /** The error codes the function documents (its `@throws`, including those it inherits). */
  codes: readonly AllianceErrorCode[];
  /** Codes a valid-looking input may legally get (e.g. NOT_ENOUGH_DATA for 2 constant rows). */
  refusals?: readonly AllianceErrorCode[];
  /** Extra check of a result, e.g. typed arrays that may hold NaN for rows in `errors`. */
  check?: (result: unknown, args: Args) => void;
  /** Index of the arguments that are optional (`undefined` is legal there). */
  optionalArgs?: readonly number[];
  /** Why the result holds non-finite numbers on purpose (e.g. generated invalid answers); skips the walk. */
  nonFiniteByDesign?: string;
  /** True when typed arrays in the result hold NaN by definition (missing cells); `check` then checks them. */
  typedArraysMayHoldNaN?: boolean;
  /**
   * Where the function's TSDoc is: a repository file and the exported symbol (default: the
   * target's name). With it, a test checks that `codes` are exactly the codes its `@throws` names.
   */
  documentedIn?: { file: string; symbol?: string };
}

/** Hostile constants: the values a careless or hostile caller passes where data belongs. */
const HOSTILE_CONSTANTS: readonly unknown[] = [
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  -0,
  1e308,
  -1e308,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  2 ** 53 + 2,
  1e-300,
  null,
  undefined,
  "",
  "3",
  " 4 ",
  "1e3",
  "NaN",
  "Infinity",
  "0x10",
  "__proto__",
  true,
  false,
  [],
  {},
  [[]],
  [null],
  [Number.NaN],
  Object.assign(new Array(3), { 0: 1, 2: 3 }), // sparse: [1, <hole>, 3]
  new Array(5), // all holes
  { valueOf: () => 3 },
  { toString: () => "3" },
  Object.create(null),
  new Map([["a", 1]]),
  new Date(Number.NaN),
  Symbol("hostile"),
  10n,
  () => 3,
];

/** Random hostile shapes: any double, big integers, short strings, small arrays, nested objects. */
const hostileShapes: fc.Arbitrary<unknown> = fc.oneof(
  fc.double(),
  fc.integer({ min: -(2 ** 31), max: 2 ** 31 }),
  fc.string({ maxLength: 6 }),
  fc.array(fc.oneof(fc.double(), fc.constant(null), fc.string({ maxLength: 2 })), { maxLength: 4 }),
  fc.sparseArray(fc.integer({ min: -2, max: 12 }), { maxLength: 6 }),
  fc.object({ maxDepth: 2, maxKeys: 3 }),
);

/**
 * The hostile pool: the constants plus 2,000 drawn shapes (fixed seed). Drawing an index into
 * a pool costs one integer per run, which keeps 10,000 runs per function affordable in CI.
 */
export const HOSTILE_POOL: readonly unknown[] = [
  ...HOSTILE_CONSTANTS,
  ...fc.sample(hostileShapes, { numRuns: 2000, seed: 7 }),
];

/** A hostile value from the pool (shrinks towards NaN, the first constant). */
export const hostileValue: fc.Arbitrary<unknown> = fc
  .integer({ min: 0, max: HOSTILE_POOL.length - 1 })
  .map((index) => HOSTILE_POOL[index]);

/** Every path (as keys) into a plain-data value: array entries, record values, typed-array cells. */
function nodePaths(
  value: unknown,
  prefix: (string | number)[] = [],
  out: (string | number)[][] = [],
) {
  out.push(prefix);
  if (ArrayBuffer.isView(value)) {
    const length = (value as unknown as ArrayLike<number>).length;
    for (let i = 0; i < Math.min(length, 64); i++) out.push([...prefix, i]);
  } else if (Array.isArray(value)) {
    for (const [index, inner] of value.entries()) nodePaths(inner, [...prefix, index], out);
  } else if (typeof value === "object" && value !== null && !(value instanceof Map)) {
    for (const key of Object.keys(value))
      nodePaths((value as Record<string, unknown>)[key], [...prefix, key], out);
  }
  return out;
}

/** Deep copy of plain data (arrays, records, typed arrays); other values are shared. */
export function copyData<T>(value: T): T {
  if (ArrayBuffer.isView(value)) return (value as unknown as Float64Array).slice() as T;
  if (Array.isArray(value)) {
    const copy = new Array(value.length);
    for (const key of Object.keys(value)) copy[Number(key)] = copyData(value[Number(key)]);
    return copy as T;
  }
  const proto =
    typeof value === "object" && value !== null ? Object.getPrototypeOf(value) : undefined;
  if (proto === Object.prototype || proto === null) {
    const copy: Record<string, unknown> = Object.create(proto);
    for (const [key, inner] of Object.entries(value as object)) {
      Object.defineProperty(copy, key, {
        value: copyData(inner),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return copy as T;
  }
  return value;
}

/** The arguments with the node at `pick` (modulo the node count) replaced by `bad`. */
export function mutate<Args extends readonly unknown[]>(
  args: Args,
  pick: number,
  bad: unknown,
): unknown[] {
  const copy = copyData([...args]);
  const paths = nodePaths(copy).slice(1); // never the argument list itself
  const path = paths[pick % paths.length]!;
  let parent: unknown = copy;
  for (const key of path.slice(0, -1)) parent = (parent as Record<string | number, unknown>)[key];
  const last = path[path.length - 1]!;
  if (ArrayBuffer.isView(parent)) {
    (parent as unknown as number[])[last as number] =
      typeof bad === "number" ? bad : Number.POSITIVE_INFINITY;
  } else {
    Object.defineProperty(parent, last, {
      value: bad,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return copy;
}

/**
 * Paths of the numbers in `value` that are not finite and that no `warnings` entry on the way
 * down explains. Typed arrays are walked like arrays.
 */
export function silentNonFinite(
  value: unknown,
  path = "result",
  warned = false,
  skipTyped = false,
): string[] {
  if (typeof value === "number") return Number.isFinite(value) || warned ? [] : [path];
  if (typeof value !== "object" || value === null) return [];
  if (ArrayBuffer.isView(value)) {
    if (skipTyped) return [];
    const cells = value as unknown as ArrayLike<number>;
    const found: string[] = [];
    for (let i = 0; i < cells.length; i++)
      if (!Number.isFinite(cells[i]!) && !warned) found.push(`${path}[${i}]`);
    return found;
  }
  const record = value as Record<string, unknown>;
  const warnsHere =
    warned || (Array.isArray(record.warnings) && (record.warnings as unknown[]).length > 0);
  const entries = value instanceof Map ? [...value.entries()] : Object.entries(record);
  return entries.flatMap(([key, inner]) =>
    silentNonFinite(inner, `${path}.${String(key)}`, warnsHere, skipTyped),
  );
}

/** Fails unless `error` is an AllianceError with one of `codes`, a string path and a message. */
export function expectDocumentedError(error: unknown, codes: readonly AllianceErrorCode[]): void {
  if (!(error instanceof AllianceError)) {
    const found = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    throw new Error(`expected an AllianceError, got ${found}`);
  }
  if (!codes.includes(error.code)) {
    throw new Error(
      `undocumented code ${error.code} (${error.message}); documented: ${codes.join(", ")}`,
    );
  }
  if (typeof error.path !== "string")
    throw new Error(`path is not a string: ${String(error.path)}`);
  if (error.reason.length === 0) throw new Error(`${error.code} without a message`);
  if (error.message.includes("[object Object]"))
    throw new Error(`unclear message: ${error.message}`);
}

/** Checks a returned result: finite numbers unless warned, plus the target's own check. */
function checkResult<Args extends readonly unknown[]>(
  target: FuzzTarget<Args>,
  result: unknown,
  args: Args,
) {
  const silent =
    target.nonFiniteByDesign === undefined
      ? silentNonFinite(result, "result", false, target.typedArraysMayHoldNaN === true)
      : [];
  if (silent.length > 0)
    throw new Error(`silent non-finite number at ${silent.slice(0, 20).join(", ")}`);
  target.check?.(result, args);
}

/** Calls the target and checks the outcome: a documented refusal, or a result that passes the checks. */
function callChecked<Args extends readonly unknown[]>(
  target: FuzzTarget<Args>,
  args: Args,
  allowed: readonly AllianceErrorCode[],
): void {
  let result: unknown;
  try {
    result = target.call(...args);
  } catch (error) {
    expectDocumentedError(error, allowed);
    return;
  }
  checkResult(target, result, args);
}

/** True when a value survives JSON unchanged in meaning (no typed arrays, Maps, functions). */
function isJsonData(value: unknown): boolean {
  if (typeof value === "number") return Number.isFinite(value); // JSON writes NaN and ±Infinity as null
  if (value === null || ["string", "boolean", "undefined"].includes(typeof value)) return true;
  if (Array.isArray(value)) return value.every(isJsonData);
  const proto = typeof value === "object" ? Object.getPrototypeOf(value) : undefined;
  if (proto === Object.prototype || proto === null)
    return Object.values(value as object).every(isJsonData);
  return false;
}

/** Runs one property with fc.check, appends the report line, and fails with fast-check's report. */
function runProperty(
  target: string,
  property: string,
  prop: fc.IProperty<unknown[]> | fc.IPropertyWithHooks<unknown[]>,
  runs: number,
) {
  const start = performance.now();
  const details = fc.check(prop, { numRuns: runs, seed: SEED, endOnFailure: false });
  const ms = performance.now() - start;
  if (process.env.FUZZ_REPORT !== undefined) {
    const line = { target, property, runs: details.numRuns, failed: details.failed ? 1 : 0, ms };
    appendFileSync(process.env.FUZZ_REPORT, `${JSON.stringify(line)}\n`);
  }
  if (details.failed) {
    const error = details.errorInstance;
    const reason = error instanceof Error ? error.message : String(error);
    const full = fc.stringify(details.counterexample);
    const example = full.length > 900 ? `${full.slice(0, 500)} … ${full.slice(-400)}` : full;
    throw new Error(
      `${target} ${property}: ${reason}\nCounterexample: ${example}\nseed ${details.seed}, path ${details.counterexamplePath}`,
    );
  }
}

/** Timeout of one property: generous, and scaled with the runs. */
function timeoutFor(runs: number): number {
  return Math.max(60_000, runs * 20);
}

/** Registers the three properties of a target as vitest tests. */
export function fuzzTarget<Args extends readonly unknown[]>(target: FuzzTarget<Args>): void {
  const runs = (part: number) => Math.max(1, Math.round(FUZZ_RUNS * part));
  const allowedOnValid = target.refusals ?? [];
  describe(target.name, () => {
    const documentedIn = target.documentedIn;
    if (documentedIn !== undefined) {
      it("its codes are the codes its @throws names", () => {
        const symbol = documentedIn.symbol ?? target.name;
        expect([...new Set(target.codes)].sort()).toEqual(
          documentedCodes(documentedIn.file, symbol),
        );
      });
    }
    it(
      "valid input: finite numbers or a warning, or a documented refusal",
      () => {
        const prop = fc.property(target.valid, (args) => {
          callChecked(target, deepFreeze(copyData(args)), allowedOnValid);
        });
        runProperty(target.name, "valid", prop as never, runs(SHARES.valid));
      },
      timeoutFor(runs(SHARES.valid)),
    );

    it(
      "hostile input: a documented AllianceError with a path, or a checked result",
      () => {
        const prop = fc.property(target.valid, fc.nat(), hostileValue, (args, pick, bad) => {
          const mutated = mutate(args, pick, bad) as unknown as Args;
          callChecked(target, deepFreeze(mutated), target.codes);
        });
        runProperty(target.name, "hostile", prop as never, runs(SHARES.hostile));
      },
      timeoutFor(runs(SHARES.hostile)),
    );

    it(
      "purity: frozen input, same result twice and after a JSON round trip",
      () => {
        const prop = fc.property(target.valid, (args) => {
          const frozen = deepFreeze(copyData(args));
          const before = typedSnapshot(frozen);
          const first = outcome(() => target.call(...frozen));
          expect(outcome(() => target.call(...frozen))).toEqual(first);
          expect(typedSnapshot(frozen)).toEqual(before);
          if (isJsonData(args)) {
            const roundTrip = args.map((arg) =>
              arg === undefined ? undefined : JSON.parse(JSON.stringify(arg)),
            ) as unknown as Args;
            expect(normalizeZero(outcome(() => target.call(...roundTrip)))).toEqual(
              normalizeZero(first),
            );
          }
        });
        runProperty(target.name, "purity", prop as never, runs(SHARES.purity));
      },
      timeoutFor(runs(SHARES.purity)),
    );
  });
}

/**
 * Registers one test per call: each function taking an instrument (an id or a definition)
 * throws the four instrument errors of resolveInstrument: UNKNOWN_INSTRUMENT for an unknown id,
 * INVALID_INPUT for neither an id nor an object, INVALID_DEFINITION for a definition
 * defineInstrument rejects, UNSAFE_KEY for an item id `constructor`.
 */
export function expectInstrumentErrors(
  calls: Record<string, (instrument: unknown) => unknown>,
): void {
  const unsafe = structuredClone(getInstrument("wai-sr"));
  (unsafe.items[0] as { id: string }).id = "constructor";
  it.each(Object.keys(calls))("%s", (name) => {
    const call = calls[name]!;
    expect(codeOf(() => call("wai-x"))).toBe("UNKNOWN_INSTRUMENT");
    expect(codeOf(() => call(42))).toBe("INVALID_INPUT");
    expect(codeOf(() => call({ id: "my-form" }))).toBe("INVALID_DEFINITION");
    expect(codeOf(() => call(deepFreeze(unsafe)))).toBe("UNSAFE_KEY");
  });
}

/** Registers a target whose TSDoc is in `where` (see {@link FuzzTarget.documentedIn}). */
export function documentedTarget<Args extends readonly unknown[]>(
  where: { file: string; symbol?: string },
  target: FuzzTarget<Args>,
): void {
  fuzzTarget({ ...target, documentedIn: where });
}

/** The text of a repository file. */
function repositoryFile(file: string): string {
  return readFileSync(new URL(`../../${file}`, import.meta.url), "utf8");
}

/** The codes named by the `@throws` tags of the TSDoc just above `export function|class symbol`, sorted. */
function documentedCodes(file: string, symbol: string): string[] {
  const text = repositoryFile(file);
  const at = text.search(new RegExp(`export (function|class) ${symbol}\\b`));
  if (at < 0) throw new Error(`no export ${symbol} in ${file}`);
  const doc = text.slice(text.lastIndexOf("/**", at), at);
  const throwsTags = doc
    .split(/\n \* @/)
    .filter((tag) => tag.startsWith("throws"))
    .join("\n");
  const allCodes = [...repositoryFile("src/errors.ts").matchAll(/\| "([A-Z_]+)"/g)];
  return allCodes
    .map((match) => match[1]!)
    .filter((code) => new RegExp(`\\b${code}\\b`).test(throwsTags))
    .sort();
}

/** A result or the error data of a call, so that purity also covers refusals. */
function outcome(call: () => unknown): unknown {
  try {
    return { result: call() };
  } catch (error) {
    return error instanceof AllianceError ? { error: error.toJSON() } : { crash: String(error) };
  }
}

/** -0 and 0 differ under toEqual but are the same number to a reader. */
function normalizeZero(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value, (_key, inner) =>
      ArrayBuffer.isView(inner) ? Array.from(inner as unknown as number[]) : inner,
    ),
  );
}

/** Copies of the typed arrays inside a value (they cannot be frozen, so we compare them). */
function typedSnapshot(value: unknown): number[][] {
  return nodePaths(value)
    .map((path) =>
      path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], value),
    )
    .filter((node) => ArrayBuffer.isView(node))
    .map((node) => Array.from(node as unknown as number[]));
}

/**
 * Registers beforeAll/afterAll hooks that fail the file when a test added a property to a
 * built-in prototype (prototype pollution through `__proto__`, `constructor.prototype`, …).
 */
export function guardPrototypes(): void {
  const prototypes = [
    Object.prototype,
    Array.prototype,
    Function.prototype,
    String.prototype,
    Number.prototype,
  ];
  let before: string[][] = [];
  beforeAll(() => {
    before = prototypes.map((proto) => Reflect.ownKeys(proto).map(String).sort());
  });
  afterAll(() => {
    const after = prototypes.map((proto) => Reflect.ownKeys(proto).map(String).sort());
    expect(after).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.toString.call([])).toBe("[object Array]");
  });
}
