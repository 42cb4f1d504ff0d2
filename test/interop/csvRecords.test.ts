import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CsvReader, csvField } from "../../src/interop/csvRecords.js";
import { thrownBy } from "../helpers.js";

function readAll(text: string, chunkSize = text.length || 1) {
  const reader = new CsvReader();
  const records = [];
  for (let i = 0; i < text.length; i += chunkSize)
    records.push(...reader.push(text.slice(i, i + chunkSize)));
  records.push(...reader.end());
  return records;
}

describe("CsvReader", () => {
  it("reads quoted fields, doubled quotes, embedded line breaks, CRLF and a BOM", () => {
    const text = '\uFEFFid,note\r\n"a, b","say ""hi"""\r\n"x\ny",2\n';
    expect(readAll(text)).toEqual([
      { fields: ["id", "note"], line: 1 },
      { fields: ["a, b", 'say "hi"'], line: 2 },
      { fields: ["x\ny", "2"], line: 3 },
    ]);
  });

  it("gives the same records whatever the chunk size", () => {
    const text = 'id,1,2\r\n"q,1",3,\n\nz,"",5\r\n';
    const whole = readAll(text);
    for (const size of [1, 2, 3, 7]) expect(readAll(text, size)).toEqual(whole);
    expect(whole).toEqual([
      { fields: ["id", "1", "2"], line: 1 },
      { fields: ["q,1", "3", ""], line: 2 },
      { fields: ["z", "", "5"], line: 4 },
    ]);
  });

  it("reads a last line without a line end, and nothing from an empty input", () => {
    expect(readAll("a,b")).toEqual([{ fields: ["a", "b"], line: 1 }]);
    expect(readAll("")).toEqual([]);
  });

  it("names the line and column of a misplaced quote or an open quoted field", () => {
    const inside = thrownBy(() => readAll('a,b\nc,d"e\n'));
    expect([inside.code, inside.path]).toEqual(["PARSE_ERROR", "line 2"]);
    expect(inside.message).toContain("column 4");
    expect(thrownBy(() => readAll('a,"b"c\n')).message).toContain("text after a closing quote");
    const open = thrownBy(() => readAll('a,b\n"c,d\n'));
    expect([open.code, open.path]).toEqual(["PARSE_ERROR", "line 2"]);
  });

  it("round-trips any fields written with csvField", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string(), { minLength: 2, maxLength: 5 }), {
          minLength: 1,
          maxLength: 5,
        }),
        (rows) => {
          const text = rows.map((row) => row.map(csvField).join(",")).join("\r\n");
          expect(readAll(text).map((record) => record.fields)).toEqual(rows);
        },
      ),
    );
  });
});
