import { AllianceError, describeValue } from "../errors.js";

/**
 * One CSV record: its fields and the 1-based line on which it starts.
 *
 * @category Interop
 */
export interface CsvRecord {
  fields: string[];
  line: number;
}

/**
 * An incremental RFC 4180 CSV reader: feed it text in chunks of any size with `push`, then
 * call `end`; each returns the records completed so far. It handles quoted fields with
 * commas, doubled quotes and line breaks, CRLF and LF line ends, and a leading byte-order
 * mark (as Excel and REDCap write it), and skips blank lines. Memory stays bounded by the
 * longest record, so a file of a million rows streams through it.
 *
 * @category Interop
 * @throws AllianceError PARSE_ERROR with the line and column of a quote in the wrong place or
 *   a quoted field left open at the end of the input; INVALID_INPUT for a chunk that is not text
 * @example
 * const reader = new CsvReader();
 * reader.push('id,1\r\n"a, b",4\n'); // => [{ fields: ["id", "1"], line: 1 }, { fields: ["a, b", "4"], line: 2 }]
 * reader.end(); // => []
 */
export class CsvReader {
  private field = "";
  private fields: string[] = [];
  private inQuotes = false;
  private quoteClosed = false;
  private recordLine = 1;
  private line = 1;
  private column = 0;
  private atStart = true;
  private afterCarriageReturn = false;

  /** Reads a chunk of text and returns the records it completed. */
  push(chunk: string): CsvRecord[] {
    if (typeof chunk !== "string") {
      throw new AllianceError({
        code: "INVALID_INPUT",
        path: "chunk",
        message: `expected text, got ${describeValue(chunk)}`,
      });
    }
    const records: CsvRecord[] = [];
    let text = chunk;
    if (this.atStart && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      this.atStart = false;
    }
    for (let i = 0; i < text.length; i++) this.read(text[i]!, records);
    return records;
  }

  /** Ends the input and returns the last record, if any. */
  end(): CsvRecord[] {
    if (this.inQuotes)
      this.fail(this.recordLine, "a quoted field is not closed before the end of the input");
    const records: CsvRecord[] = [];
    if (this.field !== "" || this.fields.length > 0 || this.quoteClosed) this.finishRecord(records);
    return records;
  }

  private read(char: string, records: CsvRecord[]): void {
    if (this.afterCarriageReturn) {
      this.afterCarriageReturn = false;
      if (char === "\n") return;
    }
    this.column++;
    if (this.inQuotes) this.readQuoted(char);
    else this.readPlain(char, records);
  }

  private readQuoted(char: string): void {
    if (char === '"') {
      this.inQuotes = false;
      this.quoteClosed = true;
      return;
    }
    this.field += char;
    if (char === "\n" || char === "\r") this.newLine(char);
  }

  private readPlain(char: string, records: CsvRecord[]): void {
    if (char === '"') {
      if (this.quoteClosed) {
        this.field += '"';
        this.inQuotes = true;
        this.quoteClosed = false;
        return;
      }
      if (this.field !== "")
        this.fail(this.line, `a quote inside an unquoted field at column ${this.column}`);
      this.inQuotes = true;
      return;
    }
    if (char === ",") {
      this.fields.push(this.field);
      this.field = "";
      this.quoteClosed = false;
      return;
    }
    if (char === "\n" || char === "\r") {
      this.finishRecord(records);
      this.newLine(char);
      this.recordLine = this.line;
      return;
    }
    if (this.quoteClosed)
      this.fail(this.line, `text after a closing quote at column ${this.column}`);
    this.field += char;
  }

  private newLine(char: string): void {
    this.line++;
    this.column = 0;
    this.afterCarriageReturn = char === "\r";
  }

  private finishRecord(records: CsvRecord[]): void {
    this.fields.push(this.field);
    const blank = this.fields.length === 1 && this.fields[0] === "" && !this.quoteClosed;
    if (!blank) records.push({ fields: this.fields, line: this.recordLine });
    this.fields = [];
    this.field = "";
    this.quoteClosed = false;
  }

  private fail(line: number, message: string): never {
    throw new AllianceError({ code: "PARSE_ERROR", path: `line ${line}`, message });
  }
}

/**
 * Formats one CSV field: quoted (with doubled quotes) only when it holds a comma, a quote or a
 * line break.
 *
 * @category Interop
 * @throws AllianceError INVALID_INPUT when `value` is not a string
 * @example
 * csvField('a "b", c'); // => '"a ""b"", c"'
 */
export function csvField(value: string): string {
  if (typeof value !== "string") {
    throw new AllianceError({
      code: "INVALID_INPUT",
      path: "value",
      message: `expected a string, got ${describeValue(value)}`,
    });
  }
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
