/**
 * What the CLI reads and writes, so that tests can run it in-process with strings and the
 * real entry point can hand it the process's streams and files.
 */
export interface CliIo {
  /** Bytes or text of a file path, or of standard input for `-`. */
  open(path: string): AsyncIterable<Uint8Array | string>;
  /** Writes to standard output. May return a promise to respect back-pressure. */
  stdout(text: string): void | Promise<void>;
  /** Writes to standard error. */
  stderr(text: string): void;
  /** True when standard output is a terminal (tables by default). */
  stdoutIsTTY: boolean;
  /** True when standard error is a terminal (progress lines). */
  stderrIsTTY: boolean;
  /** Writes a whole file, creating its folder (used by `ruptures --plot`). */
  writeFile?(path: string, text: string): Promise<void>;
  /** Path of the bundled example caseload, for `alliance demo`. */
  bundledExample?: string;
}

/**
 * Decodes a byte stream as UTF-8, strictly: invalid bytes are an error, not U+FFFD.
 *
 * @throws Error with the byte offset of the first invalid sequence
 */
export async function* decodeUtf8(
  chunks: AsyncIterable<Uint8Array | string>,
): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let offset = 0;
  for await (const chunk of chunks) {
    if (typeof chunk === "string") {
      yield chunk;
      continue;
    }
    try {
      yield decoder.decode(chunk, { stream: true });
    } catch {
      throw new InvalidUtf8Error(offset);
    }
    offset += chunk.byteLength;
  }
  try {
    const rest = decoder.decode();
    if (rest !== "") yield rest;
  } catch {
    throw new InvalidUtf8Error(offset);
  }
}

/** The input is not UTF-8 text. */
export class InvalidUtf8Error extends Error {
  constructor(readonly nearByte: number) {
    super(
      `the input is not valid UTF-8 text (in the block starting at byte ${nearByte}); save it as UTF-8 CSV`,
    );
  }
}
