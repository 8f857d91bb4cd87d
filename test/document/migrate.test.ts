import { migrateToCurrent, SUPPORTED_VERSIONS } from "../../src/document/migrate";
import { parsePartnership } from "../../src/document/parse";
import { DOCUMENT_VERSION } from "../../src/document/schema";
import { cleanInput } from "./fixtures";

function withVersion(version: unknown): Record<string, unknown> {
  const doc: Record<string, unknown> = cleanInput();
  if (version === undefined) delete doc["version"];
  else doc["version"] = version;
  return doc;
}

describe("migrateToCurrent", () => {
  test("today only version 1 exists", () => {
    expect(DOCUMENT_VERSION).toBe(1);
    expect(SUPPORTED_VERSIONS).toEqual([1]);
  });

  test("a version-1 document passes through unchanged", () => {
    const doc = withVersion(1);
    const result = migrateToCurrent(doc);
    expect(result).toEqual({ ok: true, document: doc, fromVersion: 1 });
  });

  test("a future version is a clear issue at `version`, and nothing else is reported", () => {
    const doc = withVersion(2);
    doc["vatRate"] = "not checked"; // the fields of an unknown version are not judged by version 1's rules
    const result = parsePartnership(doc);
    expect(result).toEqual({
      ok: false,
      issues: [
        {
          path: "version",
          message:
            "is 2, a newer version of the partnership format than this add-in reads (up to version 1); update the add-in to open this document",
        },
      ],
    });
  });

  test.each([
    [undefined, /is required/],
    [0, /whole number from 1 to 1/],
    [-1, /whole number from 1 to 1/],
    [1.5, /whole number from 1 to 1/],
    ["1", /whole number from 1 to 1 \(got the text "1"\)/],
    [null, /got null/],
    [NaN, /got NaN/],
  ])("version %p is an issue at `version`", (version, message) => {
    const result = parsePartnership(withVersion(version));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]?.path).toBe("version");
    expect(result.issues[0]?.message).toMatch(message);
  });
});
