/**
 * Object safety: records keyed by user input reject `__proto__`, `constructor` and `prototype`
 * (UNSAFE_KEY), the CLI rejects such CSV headers, no source line assigns by a computed key
 * onto an object without review, and the built-in prototypes are untouched afterwards.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import type { CliIo } from "../../src/cli/io.js";
import { runCli } from "../../src/cli/runCli.js";
import { AllianceError } from "../../src/errors.js";
import { defineInstrument } from "../../src/instruments/defineInstrument.js";
import { getInstrument } from "../../src/instruments/registry.js";
import { scoreQuestionnaireResponse } from "../../src/interop/scoreQuestionnaireResponse.js";
import { toFhirQuestionnaireResponse } from "../../src/interop/toFhirQuestionnaireResponse.js";
import { groupSeries } from "../../src/ruptures/groupSeries.js";
import { summarizeRuptures } from "../../src/ruptures/summarizeRuptures.js";
import { interpret } from "../../src/scoring/interpret.js";
import { scoreResponses } from "../../src/scoring/scoreResponses.js";
import { deepFreeze } from "../helpers.js";
import { copyData, guardPrototypes } from "./harness.js";

guardPrototypes();

const UNSAFE = ["__proto__", "constructor", "prototype"] as const;

/** Calls `fn`, which must throw UNSAFE_KEY with a path naming where the key was. */
function expectUnsafeKey(fn: () => unknown, pathPart: string): void {
  let thrown: unknown;
  try {
    fn();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(AllianceError);
  expect((thrown as AllianceError).code).toBe("UNSAFE_KEY");
  expect((thrown as AllianceError).path).toContain(pathPart);
  expect((thrown as AllianceError).message).toMatch(/not allowed/);
}

describe("records keyed by user input reject prototype keys", () => {
  const waiSrAnswers = Object.fromEntries(
    Array.from({ length: 12 }, (_, index) => [String(index + 1), 3]),
  );

  it.each(UNSAFE)("scoreResponses: an answer record with %s", (key) => {
    const answers = deepFreeze(JSON.parse(`{${JSON.stringify(key)}: 3, "1": 4}`));
    expect(Object.hasOwn(answers, key)).toBe(true);
    expectUnsafeKey(() => scoreResponses("wai-sr", { ...waiSrAnswers, ...answers }), key);
    expectUnsafeKey(() => scoreResponses("wai-sr", answers), key);
  });

  it.each(UNSAFE)("interpret: a choice keyed %s", (key) => {
    const score = scoreResponses("srs", [9, 9, 9, 9]);
    const choices = JSON.parse(`{${JSON.stringify(key)}: "at-or-below-36"}`);
    expectUnsafeKey(() => interpret(score, "srs", deepFreeze({ choices })), key);
  });

  it.each(UNSAFE)("defineInstrument: an item or subscale id %s", (key) => {
    const definition = copyData(getInstrument("wai-sr")) as unknown as {
      items: { id: string }[];
      subscales: { id: string }[];
    };
    definition.items[0]!.id = key;
    // zod's schema (INVALID_DEFINITION) or assertSafeKey (UNSAFE_KEY) refuses it first.
    expect(() => defineInstrument(deepFreeze(definition))).toThrow(AllianceError);
    const other = copyData(getInstrument("wai-sr")) as unknown as typeof definition;
    other.subscales[0]!.id = key;
    expect(() => defineInstrument(deepFreeze(other))).toThrow(AllianceError);
  });

  it.each(UNSAFE)("groupSeries: a column named %s", (key) => {
    const rows = deepFreeze([JSON.parse(`{"client": "a", "s": 1, ${JSON.stringify(key)}: 5}`)]);
    expectUnsafeKey(
      () => groupSeries(rows, { id: "client", session: "s", score: key }),
      "columns.score",
    );
  });

  it.each(UNSAFE)("summarizeRuptures: a client id %s", (key) => {
    const results = deepFreeze(JSON.parse(`{${JSON.stringify(key)}: {"events": []}}`));
    expectUnsafeKey(() => summarizeRuptures(results), key);
    // A Map's keys are data, never assigned onto an object: the summary lists clients in an array.
    expect(summarizeRuptures(new Map([[key, { events: [] }]])).clients[0]!.id).toBe(key);
  });

  it.each(UNSAFE)("scoreQuestionnaireResponse: an item linkId %s", (key) => {
    const response = copyData(
      toFhirQuestionnaireResponse("wai-sr", [4, 5, 4, 3, 5, 4, 4, 3, 5, 4, 3, 4]),
    ) as unknown as { item: { linkId: string }[] };
    response.item[0]!.linkId = key;
    expect(() => scoreQuestionnaireResponse("wai-sr", deepFreeze(response) as never)).toThrow(
      AllianceError,
    );
  });

  it("a record with a null prototype is read like a plain one", () => {
    const answers = Object.assign(Object.create(null), waiSrAnswers);
    expect(scoreResponses("wai-sr", deepFreeze(answers)).total.sum).toBe(36);
  });
});

/** Runs the CLI in-process on an in-memory file, like test/cli/runCli.test.ts. */
async function runCsv(args: string[], content: string | Uint8Array) {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    async *open() {
      yield content;
    },
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    stdoutIsTTY: false,
    stderrIsTTY: false,
  };
  const code = await runCli(args, io, "0.0.0");
  return { code, stdout, stderr };
}

describe("CLI: prototype keys as CSV headers", () => {
  it.each(UNSAFE)("a %s header is rejected with UNSAFE_KEY and its column", async (key) => {
    for (const header of [
      `${key},1,2,3,4,5,6,7,8,9,10,11,12`,
      `id,1,2,3,4,5,6,7,8,9,10,11,12,${key}`,
    ]) {
      const { code, stdout, stderr } = await runCsv(
        ["score", "-i", "wai-sr", "--id", key, "in.csv"],
        `${header}\na,4,5,4,3,5,4,4,4,5,4,3,4\n`,
      );
      expect(code).not.toBe(0);
      expect(stderr).toContain("UNSAFE_KEY");
      expect(stderr).toMatch(/column \d+/);
      expect(stdout).not.toContain('"polluted"');
    }
  });
});

/**
 * Every assignment by a computed key in src/ (`target[key] = …`, `??=`, `+=`, …). A key that
 * is an index (a loop counter or an offset into an array or typed array) is safe; any other
 * key must be listed here after review, with why it cannot be a prototype key.
 */
const REVIEWED: Record<string, string> = {
  "src/interop/answersSchema.ts: shape[item.id]":
    "item ids come from the instrument (assertSafeKey in defineInstrument); the shape goes to z.object",
  "src/interop/scoreQuestionnaireResponse.ts: collected.answers[item.id]":
    "item ids come from the instrument, whose ids defineInstrument passes through assertSafeKey",
  "src/ruptures/summarize3rsSession.ts: markers[family]": "family is one of three fixed names",
  "src/cli/rowWriter.ts: record[name]":
    "record has a null prototype; names are CSV headers, checked against UNSAFE_KEYS",
  "src/cli/rowWriter.ts: record[id]": "record has a null prototype; ids are instrument score ids",
  "src/scoring/scoreTable.ts: scores[score.id]":
    "score ids are subscale ids, passed through assertSafeKey by defineInstrument",
};

/** Keys that index arrays or typed arrays: counters, offsets, arithmetic on them. */
const INDEX_KEY =
  /^(\+\+)?([a-z]|at|index|row|col|column|position|pick|df|offset|from|to|start|end|unit|entries|distinct|missingCount|[a-z]+Index|[\w.]+\s*[-+*]\s*[\w.]+(\s*[-+*]\s*[\w.]+)*|\d+)(\+\+)?$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith(".ts")
        ? [join(dir, entry.name)]
        : [],
  );
}

describe("no unreviewed assignment by a computed key in src/", () => {
  it("every `x[key] =` either uses an index or is reviewed", () => {
    const root = join(__dirname, "../..");
    const assignment = /([\w.]+)\[([^\]]+)\]\s*(?:=(?!=)|\?\?=|\+=|-=|\|\|=)/g;
    const unreviewed: string[] = [];
    const seen = new Set<string>();
    for (const file of sourceFiles(join(root, "src"))) {
      const name = relative(root, file);
      for (const line of readFileSync(file, "utf8").split("\n")) {
        if (/^\s*(\*|\/\/)/.test(line)) continue; // comments and TSDoc
        for (const match of line.matchAll(assignment)) {
          const [, target, key] = match;
          if (INDEX_KEY.test(key!.trim())) continue;
          const id = `${name}: ${target}[${key}]`;
          seen.add(id);
          if (REVIEWED[id] === undefined) unreviewed.push(`${id}    <- ${line.trim()}`);
        }
      }
    }
    expect(unreviewed).toEqual([]);
    // The allow-list stays honest: every reviewed place still exists.
    expect(Object.keys(REVIEWED).filter((id) => !seen.has(id))).toEqual([]);
  });

  it("no eval, no Function constructor, no network or file access outside the CLI", () => {
    const root = join(__dirname, "../..");
    const offenders: string[] = [];
    for (const file of sourceFiles(join(root, "src"))) {
      const name = relative(root, file);
      const text = readFileSync(file, "utf8");
      if (/\beval\(|new Function\(/.test(text)) offenders.push(`${name}: eval/Function`);
      if (/\bfetch\(|XMLHttpRequest|WebSocket|from "node:(http|https|net|dgram|tls)"/.test(text))
        offenders.push(`${name}: network`);
      if (!name.startsWith("src/cli/") && /from "node:(fs|fs\/promises|child_process)"/.test(text))
        offenders.push(`${name}: file or process access outside the CLI`);
    }
    expect(offenders).toEqual([]);
  });
});

describe("prototypes after hostile keys", () => {
  it("nothing above reached Object.prototype", () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(Object.keys(Array.prototype)).toEqual([]);
  });
});
