/** JSON text as people save it: a byte-order mark, and syntax errors found by line and column. */
import fs from "fs";
import path from "path";
import { parseStrategyJson, readJsonText } from "../../src/document/parse";
import { parsePartnershipJson } from "../support/partnershipJson";
import { EXAMPLES_DIR, cleanInput, cleanStrategyInput } from "./fixtures";

const BOM = "\uFEFF";

/** The one issue a text that is not JSON gets, failing if it parses. */
function problemWith(text: string): string {
  const result = readJsonText(text);
  if (result.ok) throw new Error("expected the text to be refused");
  expect(result.issues).toHaveLength(1);
  expect(result.issues[0]?.path).toBe("(document)");
  return result.issues[0]?.message ?? "";
}

describe("a UTF-8 byte-order mark", () => {
  test("at the start is ignored (Notepad and PowerShell 5 write one)", () => {
    const result = readJsonText(BOM + JSON.stringify(cleanInput()));
    expect(result).toEqual({ ok: true, json: cleanInput() });
    expect(parsePartnershipJson(BOM + JSON.stringify(cleanInput())).ok).toBe(true);
    expect(parseStrategyJson(BOM + JSON.stringify(cleanStrategyInput())).ok).toBe(true);
  });

  test("before an example file as it is on disk", () => {
    const text = fs.readFileSync(path.join(EXAMPLES_DIR, "commercial-imaging-ai.json"), "utf8");
    const result = parsePartnershipJson(BOM + text);
    expect(result.ok && result.document.reference).toBe("DP-2025-011");
  });

  test("inside a text value is part of the text", () => {
    expect(readJsonText(`{"a": "${BOM}x"}`)).toEqual({ ok: true, json: { a: `${BOM}x` } });
  });

  test("does not move the column of an error on the first line", () => {
    // {"a": 1,}  the "}" is the 9th character once the mark is set aside
    expect(problemWith(`${BOM}{"a": 1,}`)).toBe(
      "is not valid JSON: a field name in double quotes was expected (is there a comma too many?) at line 1, column 9"
    );
  });
});

describe("a syntax error is reported with its line and column", () => {
  test("a trailing comma after the last field", () => {
    const text = ["{", '  "format": "nhsdp.partnership",', '  "version": 2,', "}", ""].join("\n");
    // line 4 is the "}" that follows the comma, in column 1
    expect(problemWith(text)).toBe(
      "is not valid JSON: a field name in double quotes was expected (is there a comma too many?) at line 4, column 1"
    );
  });

  test("a trailing comma inside a document, as an editor shows it", () => {
    const pretty = JSON.stringify(cleanInput(), null, 2);
    // Lines 1-7 of the pretty document:
    //   1 {
    //   2   "format": "nhsdp.partnership",
    //   3   "version": 2,
    //   4   "reference": "DP-TEST-001",
    //   5   "trust": {
    //   6     "name": "Test Teaching Hospitals NHS Foundation Trust"
    //   7   },
    // A comma at the end of line 6 leaves the "}" of line 7, in column 3, where a field name should be.
    const broken = pretty.replace('Foundation Trust"\n  },', 'Foundation Trust",\n  },');
    expect(broken).not.toBe(pretty);
    expect(problemWith(broken)).toBe(
      "is not valid JSON: a field name in double quotes was expected (is there a comma too many?) at line 7, column 3"
    );
    expect(parsePartnershipJson(broken)).toEqual({
      ok: false,
      issues: [
        {
          path: "(document)",
          message:
            "is not valid JSON: a field name in double quotes was expected (is there a comma too many?) at line 7, column 3",
        },
      ],
    });
  });

  test("a trailing comma in a list", () => {
    // line 2 is `  "lines": [1, 2,]`: two spaces, "lines" in columns 3-9, ":" 10, " " 11, "[" 12,
    // "1" 13, "," 14, " " 15, "2" 16, "," 17 and the "]" in column 18
    expect(problemWith('{\n  "lines": [1, 2,]\n}')).toBe(
      "is not valid JSON: a value was expected at line 2, column 18"
    );
  });

  test("Windows line endings count as one line break each", () => {
    expect(problemWith('{\r\n  "a": 1,\r\n}\r\n')).toBe(
      "is not valid JSON: a field name in double quotes was expected (is there a comma too many?) at line 3, column 1"
    );
  });

  test("a missing closing brace is found at the end of the text", () => {
    // `{`, newline, `  "a": 1` (8 characters), newline: the end is line 3, column 1
    expect(problemWith('{\n  "a": 1\n')).toBe(
      'is not valid JSON: a closing "}" was expected at line 3, column 1'
    );
    // without the last newline, the end is just after the "1" in column 8: column 9
    expect(problemWith('{\n  "a": 1')).toBe(
      'is not valid JSON: a closing "}" was expected at line 2, column 9'
    );
  });

  test("a closing brace too many", () => {
    expect(problemWith('{"a": 1}\n}')).toBe(
      "is not valid JSON: the document should end here at line 2, column 1"
    );
  });

  test("a comment", () => {
    expect(problemWith('{\n  // the trust\n  "a": 1\n}')).toBe(
      "is not valid JSON: comments are not allowed in JSON at line 2, column 3"
    );
  });

  test("a text value not closed before the line ends", () => {
    // the text starts at its opening quote, column 7
    expect(problemWith('{"a": "x\ny"}')).toBe(
      "is not valid JSON: a text value is not closed with a double quote at line 1, column 7"
    );
  });
});

describe("an empty file", () => {
  test.each([
    ["nothing", ""],
    ["only spaces and line breaks", "  \n\t\r\n "],
    ["only a byte-order mark", BOM],
  ])("holding %s says so", (_what, text) => {
    expect(problemWith(text)).toBe("is empty: it holds no JSON");
    expect(parsePartnershipJson(text)).toEqual({
      ok: false,
      issues: [{ path: "(document)", message: "is empty: it holds no JSON" }],
    });
  });
});

test("valid JSON that is not a document is left for the schema", () => {
  expect(readJsonText("[1, 2]")).toEqual({ ok: true, json: [1, 2] });
  expect(readJsonText("null")).toEqual({ ok: true, json: null });
});
