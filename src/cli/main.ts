#!/usr/bin/env node
import { once } from "node:events";
import { createReadStream, readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { runCli } from "./runCli.js";

const { version } = JSON.parse(
  readFileSync(new URL("../package.json", import.meta.url), "utf8"),
) as { version: string };

// A reader that stops early (`alliance score … | head`) is not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

async function write(text: string): Promise<void> {
  if (!process.stdout.write(text)) await once(process.stdout, "drain");
}

process.exitCode = await runCli(
  process.argv.slice(2),
  {
    open: (path) => (path === "-" ? process.stdin : createReadStream(path)),
    stdout: write,
    stderr: (text) => process.stderr.write(text),
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    writeFile: async (path, text) => {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, text, "utf8");
    },
    bundledExample: fileURLToPath(
      new URL("../examples/data/wai-sr-simulated.csv", import.meta.url),
    ),
  },
  version,
);
