import fc from "fast-check";
import {
  A1Error,
  absoluteAddress,
  cellAddress,
  columnLetter,
  columnNumber,
  offsetAddress,
  parseCellAddress,
  parseRangeAddress,
  quoteSheetName,
  rangeAddress,
  rangesOverlap,
  sheetReference,
} from "../../src/workbook/spec/a1";

describe("A1 address maths", () => {
  test.each([
    [1, "A"],
    [26, "Z"],
    [27, "AA"],
    [52, "AZ"],
    [53, "BA"],
    [702, "ZZ"],
    [703, "AAA"],
    [16384, "XFD"],
  ])("column %i is %s", (n, letters) => {
    expect(columnLetter(n)).toBe(letters);
    expect(columnNumber(letters)).toBe(n);
    expect(columnNumber(letters.toLowerCase())).toBe(n);
  });

  test("columns outside Excel's grid are refused", () => {
    expect(() => columnLetter(0)).toThrow(A1Error);
    expect(() => columnLetter(16385)).toThrow(A1Error);
    expect(() => columnLetter(1.5)).toThrow(A1Error);
    expect(() => columnNumber("XFE")).toThrow(A1Error);
    expect(() => columnNumber("A1")).toThrow(A1Error);
    expect(() => cellAddress(0, 1)).toThrow(A1Error);
    expect(() => cellAddress(1_048_577, 1)).toThrow(A1Error);
  });

  test("column letters and numbers round-trip over the whole grid", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 16384 }), (n) => columnNumber(columnLetter(n)) === n)
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_048_576 }),
        fc.integer({ min: 1, max: 16384 }),
        fc.boolean(),
        (row, col, abs) => {
          const p = parseCellAddress(cellAddress(row, col, abs));
          return p.row === row && p.col === col;
        }
      )
    );
  });

  test("addresses and ranges", () => {
    expect(cellAddress(5, 2)).toBe("B5");
    expect(cellAddress(30, 6, true)).toBe("$F$30");
    expect(parseCellAddress("$b$5")).toEqual({ row: 5, col: 2 });
    expect(() => parseCellAddress("B0")).toThrow(A1Error);
    expect(() => parseCellAddress("Sheet1!B2")).toThrow(A1Error);
    expect(parseRangeAddress("D4:B2")).toEqual({ top: 2, left: 2, bottom: 4, right: 4 });
    expect(rangeAddress(parseRangeAddress("D4:B2"))).toBe("B2:D4");
    expect(rangeAddress(parseRangeAddress("C3"))).toBe("C3");
    expect(absoluteAddress("B2:D4")).toBe("$B$2:$D$4");
    expect(absoluteAddress("F30")).toBe("$F$30");
    expect(offsetAddress("B5", 1, 2)).toBe("D6");
    expect(rangesOverlap(parseRangeAddress("A1:B2"), parseRangeAddress("B2:C3"))).toBe(true);
    expect(rangesOverlap(parseRangeAddress("A1:B2"), parseRangeAddress("C1:C3"))).toBe(false);
  });

  test("sheet references are always quoted, apostrophes doubled", () => {
    expect(quoteSheetName("Quote")).toBe("'Quote'");
    expect(sheetReference("Partner's quote (2)", "$F$30")).toBe("'Partner''s quote (2)'!$F$30");
  });
});
