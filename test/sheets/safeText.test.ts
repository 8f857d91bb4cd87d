import * as ExcelJS from "exceljs";
import fc from "fast-check";
import {
  MAX_SHEET_NAME,
  encodeXlsxText,
  escapeHeaderFooterText,
  formulaStringLiteral,
  isValidSheetName,
  looksLikeFormula,
  makeValidSheetName,
  normaliseCellText,
  officeTextLiteral,
  uniqueSheetName,
  uniqueSheetNames,
} from "../../src/workbook/spec/safeText";

describe("sheet names", () => {
  test.each([
    ["Quote", "Quote"],
    ["Partner A/B: Q1 [draft]*?", "Partner A-B- Q1 -draft---"],
    ["back\\slash", "back-slash"],
    ["  spaced  ", "spaced"],
    ["'quoted'", "quoted"],
    ["''' '' x ''", "x"],
    ["", "Sheet"],
    ["   ", "Sheet"],
    ["'''", "Sheet"],
    ["tab\there\u0001", "tab here"],
    ["A very long partner name that goes on and on", "A very long partner name that g"],
    ["Thirty characters exactly here'more", "Thirty characters exactly here"],
  ])("%j → %j", (desired, valid) => {
    expect(makeValidSheetName(desired)).toBe(valid);
    expect(isValidSheetName(valid)).toBe(true);
  });

  test("a surrogate pair is never split by the 31-character cut", () => {
    const name = makeValidSheetName(`${"x".repeat(30)}😀`);
    expect(name).toBe("x".repeat(30));
  });

  test("History is reserved", () => {
    expect(isValidSheetName("History")).toBe(false);
    expect(uniqueSheetName("history", [])).toBe("history (2)");
  });

  test("unique names: case-insensitive, numbered, base trimmed to fit 31 characters", () => {
    expect(uniqueSheetName("Quote", [])).toBe("Quote");
    expect(uniqueSheetName("Quote", ["quote"])).toBe("Quote (2)");
    expect(uniqueSheetName("Quote", ["QUOTE", "Quote (2)"])).toBe("Quote (3)");
    const long = "Population health linkage study";
    expect(long).toHaveLength(31);
    expect(uniqueSheetName(long, [long])).toBe("Population health linkage s (2)");
    expect(uniqueSheetName(long, [long])).toHaveLength(31);
    // A base cut just before a space loses the trailing space.
    expect(
      uniqueSheetName("Population health linkage  xxxx", [
        "Population health linkage  xxxx".slice(0, 31),
      ])
    ).toBe("Population health linkage (2)");
    const taken = [
      long,
      ...Array.from({ length: 8 }, (_, i) =>
        uniqueSheetName(long, [long]).replace("(2)", `(${i + 2})`)
      ),
    ];
    const tenth = uniqueSheetName(long, taken);
    expect(tenth).toMatch(/ \(10\)$/);
    expect(tenth.length).toBeLessThanOrEqual(MAX_SHEET_NAME);
    expect(uniqueSheetNames(["Quote", "Quote", "quote"], ["Quote"])).toEqual([
      "Quote (2)",
      "Quote (3)",
      "quote (4)",
    ]);
  });

  test("property: the result is always valid, at most 31 characters and new", () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 60 }),
        fc.array(fc.string({ maxLength: 40 }), { maxLength: 6 }),
        (desired, existing) => {
          const taken = [
            ...existing,
            makeValidSheetName(desired),
            `${makeValidSheetName(desired)} (2)`,
          ];
          const name = uniqueSheetName(desired, taken);
          return (
            isValidSheetName(name) &&
            name.length <= MAX_SHEET_NAME &&
            !taken.some((t) => t.toUpperCase() === name.toUpperCase()) &&
            !/[/\\?*:[\]]/.test(name)
          );
        }
      ),
      { numRuns: 500 }
    );
  });
});

describe("text cells", () => {
  test("formula-looking text is recognised", () => {
    for (const s of ["=1", "+1", "-1", "@SUM(1)", "\t=1", "\r=1", " =1"])
      expect(looksLikeFormula(s)).toBe(true);
    for (const s of ["1", "a=1", "'=1", "", "£5"]) expect(looksLikeFormula(s)).toBe(false);
  });

  test("Office.js text is always apostrophe-prefixed", () => {
    expect(officeTextLiteral("=cmd|' /C calc'!A0")).toBe("'=cmd|' /C calc'!A0");
    expect(officeTextLiteral("'quoted")).toBe("''quoted");
    expect(officeTextLiteral("plain")).toBe("'plain");
  });

  test("normalisation drops invisible control characters and lone surrogates only", () => {
    expect(normaliseCellText("a\u0000b\u0001c\u007f\td\ne\rf")).toBe("abc\td\ne\rf");
    expect(normaliseCellText("x\ud800y")).toBe("x\ufffdy");
    expect(normaliseCellText("😀")).toBe("😀");
  });

  test("OOXML escaping of _xHHHH_ and CR", () => {
    expect(encodeXlsxText("_x0041_")).toBe("_x005F_x0041_");
    expect(encodeXlsxText("_x005F_x0041_")).toBe("_x005F_x005F_x005F_x0041_");
    expect(encodeXlsxText("a\r\nb")).toBe("a_x000D_\nb");
    expect(encodeXlsxText("_x12_ plain")).toBe("_x12_ plain");
  });

  test("property: any text survives an ExcelJS write and read unchanged (after normalisation)", async () => {
    const strings = fc.sample(
      fc.oneof(
        fc.string({ unit: "binary", maxLength: 30 }),
        fc.stringMatching(/^[_x0-9A-Fa-f\r\n=+@-]{0,24}$/),
        fc.constantFrom("_x0041_", "_x005F_x0041_", "__x0041__", "_x0041__x0042_", "\r", "\r\n")
      ),
      { numRuns: 400, seed: 20250630 }
    );
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    const expected = strings.map(normaliseCellText);
    expected.forEach((s, i) => (ws.getCell(i + 1, 1).value = encodeXlsxText(s)));
    const buffer = await wb.xlsx.writeBuffer();
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(buffer);
    const got = expected.map((_, i) => {
      const v = back.getWorksheet("S")!.getCell(i + 1, 1).value;
      return v === null ? "" : v;
    });
    expect(got).toEqual(expected);
  });

  test("header/footer text: & is doubled, line breaks flattened", () => {
    expect(escapeHeaderFooterText("R&D &P\nnext")).toBe("R&&D &&P next");
  });

  test("formula string literals", () => {
    expect(formulaStringLiteral('say "hi"')).toBe('"say ""hi"""');
    expect(() => formulaStringLiteral("x".repeat(256))).toThrow(RangeError);
  });
});
