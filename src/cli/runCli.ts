import { AllianceError } from "../errors.js";
import { DEMO_HELP, demoCommand } from "./demoCommand.js";
import { INSTRUMENTS_HELP, instrumentsCommand } from "./instrumentsCommand.js";
import { type CliIo, InvalidUtf8Error } from "./io.js";
import { RELIABILITY_HELP, reliabilityCommand } from "./reliabilityCommand.js";
import { RUPTURES_HELP, rupturesCommand } from "./rupturesCommand.js";
import { SCORE_HELP, scoreCommand } from "./scoreCommand.js";
import { UsageError } from "./usageError.js";

export const MAIN_HELP = `Usage: alliance COMMAND [options]

Score therapeutic-alliance questionnaires, check their reliability, and find ruptures.

Commands:
  score        score a CSV of responses (alliance score --help)
  reliability  alpha, omega, split-half, ICC, kappa or Krippendorff's alpha on CSV columns
  ruptures     find ruptures in long-format session scores, with optional SVG plots
  instruments  list the built-in instruments, or describe one
  demo         score the bundled simulated caseload, report reliability and ruptures

Each command has --help with examples.

Options:
  -h, --help     this help
  -v, --version  the package version
      --debug    show stack traces of unexpected errors

Exit codes: 0 success; 1 data problem (a row or file that cannot be read or scored); 2 usage error.`;

const COMMANDS: Record<
  string,
  { run: (args: string[], io: CliIo) => Promise<number>; help: string }
> = {
  score: { run: scoreCommand, help: SCORE_HELP },
  reliability: { run: reliabilityCommand, help: RELIABILITY_HELP },
  ruptures: { run: rupturesCommand, help: RUPTURES_HELP },
  instruments: { run: instrumentsCommand, help: INSTRUMENTS_HELP },
  demo: { run: demoCommand, help: DEMO_HELP },
};

/**
 * Runs the `alliance` command line with `args` (without `node` and the script), reading and
 * writing through `io`, and returns the exit code. Never throws: errors become messages on
 * standard error (with a stack trace only under `--debug`).
 */
export async function runCli(argv: readonly string[], io: CliIo, version: string): Promise<number> {
  const debug = argv.includes("--debug");
  const args = argv.filter((arg) => arg !== "--debug");
  const [command, ...rest] = args;
  try {
    if (command === undefined || command === "-h" || command === "--help" || command === "help") {
      await io.stdout(`${MAIN_HELP}\n`);
      return command === undefined ? 2 : 0;
    }
    if (command === "-v" || command === "--version") {
      await io.stdout(`${version}\n`);
      return 0;
    }
    const entry = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
    if (entry === undefined)
      throw new UsageError(
        `unknown command ${JSON.stringify(command)}; the commands are ${Object.keys(COMMANDS).join(", ")}`,
      );
    return await entry.run(rest, io);
  } catch (error) {
    return reportError(error, command, io, debug);
  }
}

function reportError(
  error: unknown,
  command: string | undefined,
  io: CliIo,
  debug: boolean,
): number {
  const helpHint =
    command !== undefined && Object.hasOwn(COMMANDS, command)
      ? `alliance ${command} --help`
      : "alliance --help";
  if (error instanceof UsageError || isParseArgsError(error)) {
    io.stderr(`alliance: ${(error as Error).message}\nSee: ${helpHint}\n`);
    return 2;
  }
  if (error instanceof AllianceError) {
    io.stderr(`alliance: ${error.code}: ${error.message}\n`);
    if (debug) io.stderr(`${error.stack}\n`);
    return error.code === "UNKNOWN_INSTRUMENT" ? 2 : 1;
  }
  if (error instanceof InvalidUtf8Error || isFileError(error)) {
    io.stderr(`alliance: ${(error as Error).message}\n`);
    if (debug) io.stderr(`${(error as Error).stack}\n`);
    return 1;
  }
  io.stderr(
    `alliance: unexpected error: ${error instanceof Error ? error.message : String(error)}\n${debug && error instanceof Error ? `${error.stack}\n` : "Run again with --debug for a stack trace.\n"}`,
  );
  return 1;
}

function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && code.startsWith("ERR_PARSE_ARGS");
}

function isFileError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "ENOENT" || code === "EACCES" || code === "EISDIR";
}
