import { Cursor } from "../../src/workbook/spec/cursor";
import { SheetSpecBuilder } from "../../src/workbook/spec/builder";
import { charactersPerLine, columnPixels } from "../../src/workbook/spec/styles";

describe("characters per line from column widths", () => {
  test("a column's pixels are whole 7-pixel digits plus 5 pixels of padding", () => {
    expect(columnPixels(40)).toBe(285); // 280 + 5
    expect(columnPixels(8.43)).toBe(64); // trunc(59.01) + 5
  });

  test("characters are the pixels less 6 of cell padding, at 6.5 pixels each", () => {
    expect(charactersPerLine([40])).toBe(42); // (285 - 6) / 6.5 = 42.9
    expect(charactersPerLine([24, 40])).toBe(69); // (173 + 285 - 6) / 6.5 = 69.5
  });
});

describe("Cursor", () => {
  function cursor(): Cursor {
    const sheet = new SheetSpecBuilder("S").columnWidth("A", 10).columnWidth("B", 20);
    return new Cursor(sheet, 2);
  }

  test("a heading leaves a blank row, bands the full width and keeps its next rows with it", () => {
    const at = cursor();
    at.heading("Costs");
    expect(at.row).toBe(3);
    expect(at.keepWithNext).toEqual([[2, 5]]);
    const spec = at.sheet.build();
    expect(spec.cells.map((c) => c.address)).toEqual(["A2", "B2"]);
  });

  test("a row is sized for text wrapped across the columns it spans, and never made shorter", () => {
    const at = cursor();
    // A:B is 75 + 145 = 220 px, so (220 - 6) / 6.5 = 32 characters a line: 70 characters take 3 lines.
    at.fitText("x".repeat(70), 1, 2);
    expect(at.sheet.heightOf(1)).toBe(45);
    at.fitLines(2);
    expect(at.sheet.heightOf(1)).toBe(45);
  });
});
