import { parseArgs } from "node:util";
import type { AllianceWarning } from "../errors.js";
import { cohenKappa } from "../reliability/cohenKappa.js";
import { cronbachAlpha } from "../reliability/cronbachAlpha.js";
import { intraclassCorrelation } from "../reliability/intraclassCorrelation.js";
import { krippendorffAlpha } from "../reliability/krippendorffAlpha.js";
import { mcdonaldOmega } from "../reliability/mcdonaldOmega.js";
import { splitHalf } from "../reliability/splitHalf.js";
import type { CliIo } from "./io.js";
import { columnIndices, numericCell, readTable } from "./readTable.js";
import { parseFormat } from "./rowWriter.js";
import { cell, textTable } from "./textTable.js";
import { UsageError } from "./usageError.js";

export const RELIABILITY_HELP = `Usage: alliance reliability --stat STAT [options] [FILE|-]

Computes a reliability or agreement statistic on columns of a CSV (one row per respondent,
target or unit; empty cells and NA are missing). Numbers match R psych (see docs/reliability.md).

Statistics (--stat):
  alpha         Cronbach's alpha, standardized alpha, G6, Feldt and Duhachek intervals,
                alpha if an item is dropped and item statistics (psych::alpha)
  omega         McDonald's omega hierarchical and total (psych::omega; --nfactors, default 3)
  split-half    split-half reliabilities: max (lambda 4), min (beta), mean (psych::splitHalf)
  icc           the six Shrout-Fleiss intraclass correlations (psych::ICC; columns = raters)
  kappa         Cohen's kappa, unweighted and weighted (psych::cohen.kappa; two columns)
  krippendorff  Krippendorff's alpha (columns = coders; --measure nominal|ordinal|interval|ratio)

Options:
  -s, --stat STAT            the statistic (default alpha)
  -c, --columns A,B,C        the columns to use (default: every column but the --id ones)
      --id COLUMN            a column to leave out (repeatable)
      --reverse A,B          items to reverse-key (alpha, omega, split-half)
      --missing pairwise|listwise   (alpha, omega, split-half; default pairwise, as psych)
      --level 0.95           confidence level of the intervals
      --nfactors N           group factors for omega (default 3)
      --weights none|linear|quadratic   kappa weights (default quadratic, as psych)
      --measure LEVEL        Krippendorff's level of measurement (default interval here)
  -f, --format table|json    output (default: table on a terminal, json otherwise)
  -h, --help                 this help

Examples:
  alliance reliability --stat alpha --id client --id session examples/data/wai-sr-simulated.csv
  alliance reliability --stat icc --columns rater1,rater2,rater3 ratings.csv
  alliance reliability --stat kappa --columns coder_a,coder_b --weights none codes.csv`;

const STATS = ["alpha", "omega", "split-half", "icc", "kappa", "krippendorff"] as const;
type Stat = (typeof STATS)[number];

/** Runs `alliance reliability`; returns the exit code. */
export async function reliabilityCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      stat: { type: "string", short: "s", default: "alpha" },
      columns: { type: "string", short: "c" },
      id: { type: "string", multiple: true },
      reverse: { type: "string" },
      missing: { type: "string" },
      level: { type: "string" },
      nfactors: { type: "string" },
      weights: { type: "string" },
      measure: { type: "string" },
      format: { type: "string", short: "f" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    await io.stdout(`${RELIABILITY_HELP}\n`);
    return 0;
  }
  const stat = STATS.find((candidate) => candidate === values.stat);
  if (stat === undefined)
    throw new UsageError(`--stat takes ${STATS.join(", ")}, got ${JSON.stringify(values.stat)}`);
  if (positionals.length > 1)
    throw new UsageError(`reliability reads one file, got ${positionals.length}`);
  const format = parseFormat(values.format, io.stdoutIsTTY);
  const table = await readTable(io, positionals[0] ?? "-");
  const names =
    values.columns === undefined
      ? table.header.filter((name) => !(values.id ?? []).includes(name))
      : splitList(values.columns);
  const columns = columnIndices(table, names);
  const matrix = table.records.map((record) =>
    columns.map((column) => nullable(numericCell(table, record, column))),
  );
  const reverse = splitList(values.reverse ?? "");
  columnIndices(table, reverse);
  const common = {
    missing: choice(values.missing, ["pairwise", "listwise"] as const, "--missing"),
    level: optionalNumber(values.level, "--level"),
    itemNames: names,
    keys: reverse.length > 0 ? names.map((name) => (reverse.includes(name) ? -1 : 1)) : undefined,
  };
  const result = compute(stat, matrix, names, common, values);
  if (format === "json") {
    await io.stdout(`${JSON.stringify(result, null, 2)}\n`);
  } else {
    await io.stdout(report(stat, result));
  }
  for (const warning of (result as { warnings?: AllianceWarning[] }).warnings ?? [])
    io.stderr(`warning: ${warning.code}: ${warning.message}\n`);
  return 0;
}

type Common = {
  missing: "pairwise" | "listwise" | undefined;
  level: number | undefined;
  itemNames: string[];
  keys: number[] | undefined;
};

function compute(
  stat: Stat,
  matrix: (number | null)[][],
  names: string[],
  common: Common,
  values: Record<string, unknown>,
): unknown {
  const itemOptions = Object.fromEntries(
    Object.entries(common).filter(([, value]) => value !== undefined),
  );
  switch (stat) {
    case "alpha":
      return cronbachAlpha(matrix, itemOptions);
    case "omega":
      return mcdonaldOmega(matrix, {
        ...itemOptions,
        nfactors: optionalNumber(values.nfactors as string | undefined, "--nfactors") ?? 3,
      });
    case "split-half":
      return splitHalf(matrix, itemOptions);
    case "icc":
      return intraclassCorrelation(
        matrix,
        common.level === undefined ? {} : { level: common.level },
      );
    case "kappa": {
      if (names.length !== 2)
        throw new UsageError(
          `kappa compares two raters: give --columns A,B (got ${names.length} columns)`,
        );
      const weights = choice(
        values.weights as string | undefined,
        ["none", "linear", "quadratic"] as const,
        "--weights",
      );
      return cohenKappa(
        matrix.map((row) => row[0]!),
        matrix.map((row) => row[1]!),
        {
          ...(weights === undefined ? {} : { weights }),
          ...(common.level === undefined ? {} : { level: common.level }),
        },
      );
    }
    case "krippendorff": {
      const measure =
        choice(
          values.measure as string | undefined,
          ["nominal", "ordinal", "interval", "ratio"] as const,
          "--measure",
        ) ?? "interval";
      return krippendorffAlpha(matrix, { level: measure });
    }
  }
}

function report(stat: Stat, result: unknown): string {
  switch (stat) {
    case "alpha": {
      const alpha = result as ReturnType<typeof cronbachAlpha>;
      const summary = textTable(
        [
          "raw alpha",
          "std alpha",
          "G6(smc)",
          "average r",
          "S/N",
          "ase",
          `Feldt ${alpha.feldt.level * 100}% CI`,
          "n",
          "k",
        ],
        [
          [
            cell(alpha.rawAlpha),
            cell(alpha.stdAlpha),
            cell(alpha.g6),
            cell(alpha.averageR),
            cell(alpha.signalNoise, 2),
            cell(alpha.ase),
            `${cell(alpha.feldt.lower)}–${cell(alpha.feldt.upper)}`,
            String(alpha.n),
            String(alpha.k),
          ],
        ],
        0,
      );
      const items = textTable(
        ["item", "n", "raw r", "std r", "r.cor", "r.drop", "mean", "sd", "alpha if dropped"],
        alpha.items.map((item, index) => [
          item.item,
          String(item.n),
          cell(item.rawR, 2),
          cell(item.stdR, 2),
          cell(item.rCor, 2),
          cell(item.rDrop, 2),
          cell(item.mean, 2),
          cell(item.sd, 2),
          cell(alpha.alphaDrop[index]?.rawAlpha),
        ]),
      );
      return `Cronbach's alpha (psych::alpha)\n${summary}\n${items}`;
    }
    case "omega": {
      const omega = result as ReturnType<typeof mcdonaldOmega>;
      return `McDonald's omega (psych::omega, ${omega.nfactors} group factors)\n${textTable(["omega h", "omega total", "omega limit", "ECV", "alpha", "omega total (1 factor)", "n", "k"], [[cell(omega.omegaH), cell(omega.omegaTotal), cell(omega.omegaLimit), cell(omega.ecv), cell(omega.alpha), cell(omega.omegaTotalOneFactor), String(omega.n), String(omega.k)]], 0)}`;
    }
    case "split-half": {
      const split = result as ReturnType<typeof splitHalf>;
      return `Split-half reliabilities (psych::splitHalf)\n${textTable(["max (lambda 4)", "min (beta)", "mean", "alpha"], [[cell(split.maxSplit), cell(split.minSplit), cell(split.meanSplit), cell(split.alpha)]], 0)}`;
    }
    case "icc": {
      const icc = result as ReturnType<typeof intraclassCorrelation>;
      return `Intraclass correlations (psych::ICC; ${icc.n} targets, ${icc.k} raters)\n${textTable(
        ["form", "McGraw-Wong", "ICC", "F", "df1", "df2", "p", `${icc.level * 100}% CI`],
        icc.results.map((form) => [
          form.type,
          form.mcGrawWong,
          cell(form.icc),
          cell(form.F, 2),
          String(form.df1),
          cell(form.df2, 0),
          cell(form.p, 4),
          `${cell(form.ci.lower)}–${cell(form.ci.upper)}`,
        ]),
        2,
      )}`;
    }
    case "kappa": {
      const kappa = result as ReturnType<typeof cohenKappa>;
      return `Cohen's kappa (psych::cohen.kappa; ${kappa.n} pairs)\n${textTable(
        ["", "kappa", "se", `${kappa.level * 100}% CI`],
        [
          [
            "unweighted",
            cell(kappa.kappa),
            cell(kappa.seKappa),
            `${cell(kappa.ciKappa.lower)}–${cell(kappa.ciKappa.upper)}`,
          ],
          [
            "weighted",
            cell(kappa.weightedKappa),
            cell(kappa.seWeighted),
            `${cell(kappa.ciWeighted.lower)}–${cell(kappa.ciWeighted.upper)}`,
          ],
        ],
      )}`;
    }
    case "krippendorff": {
      const alpha = result as ReturnType<typeof krippendorffAlpha>;
      return `Krippendorff's alpha (${alpha.level})\n${textTable(["alpha", "observed D", "expected D", "units", "coders"], [[cell(alpha.alpha), cell(alpha.observedDisagreement), cell(alpha.expectedDisagreement), String(alpha.units), String(alpha.coders)]], 0)}`;
    }
  }
}

function nullable(value: number): number | null {
  return Number.isNaN(value) ? null : value;
}

function splitList(text: string): string[] {
  return text
    .split(",")
    .map((name) => name.trim())
    .filter((name) => name !== "");
}

function optionalNumber(text: string | undefined, flag: string): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value))
    throw new UsageError(`${flag} takes a number, got ${JSON.stringify(text)}`);
  return value;
}

function choice<T extends string>(
  text: string | undefined,
  allowed: readonly T[],
  flag: string,
): T | undefined {
  if (text === undefined) return undefined;
  const found = allowed.find((candidate) => candidate === text);
  if (found === undefined)
    throw new UsageError(`${flag} takes ${allowed.join(", ")}, got ${JSON.stringify(text)}`);
  return found;
}
