/*
 * Where the next row of a generated sheet goes, shared by every layout that flows down the page
 * (quote, scenario): the row, the rows that must print together, section headings, and row heights
 * sized from the text and the widths of the columns it wraps in.
 */
import { columnLetter } from "./a1";
import type { SheetSpecBuilder } from "./builder";
import { blank, text } from "./spec";
import { HEADING, heightForLines, lineCount } from "./styles";

/**
 * Characters of 11-point Calibri text that fit on one line per xlsx width unit. A width unit is the
 * width of one digit (7 px); the average letter of running English text is narrower, but a line
 * also loses the cell's padding and the word that did not fit, so a line holds a little less than one
 * character a unit. test/sheets/rowHeights.test.ts checks the result with the font's own glyph widths.
 */
export const CHARACTERS_PER_WIDTH_UNIT = 0.9;

/** The characters that fit on one wrapped line across columns `first`..`last` of `widths` (1-based). */
export function charactersPerLine(
  widths: Readonly<Record<number, number>>,
  first: number,
  last: number = first
): number {
  let units = 0;
  for (let col = first; col <= last; col++) {
    const width = widths[col];
    if (width === undefined) throw new RangeError(`column ${columnLetter(col)} has no width set`);
    units += width;
  }
  return Math.floor(units * CHARACTERS_PER_WIDTH_UNIT);
}

export interface FlowLayout {
  /** The sheet's column widths by column number, in xlsx width units, as set on the sheet. */
  readonly columnWidths: Readonly<Record<number, number>>;
  /** The last column a heading band runs to. */
  readonly lastColumn: number;
  /** How many rows a heading keeps on its page by default (itself and the start of its section). */
  readonly headingKeepRows: number;
}

export class Cursor {
  row = 1;
  /** Rows that must print on the same page as the few rows after them: [row, how many rows]. */
  readonly keepWithNext: [number, number][] = [];

  constructor(
    readonly sheet: SheetSpecBuilder,
    readonly layout: FlowLayout
  ) {
    for (const [col, width] of Object.entries(layout.columnWidths))
      sheet.columnWidth(Number(col), width);
  }

  /** Keeps the current row on the same page as the `rows` - 1 rows after it. */
  keep(rows: number): void {
    this.keepWithNext.push([this.row, rows]);
  }

  /** A full-width band after one blank row, kept with the start of its section. */
  heading(title: string, options: { lastColumn?: number; keep?: number } = {}): void {
    const lastColumn = options.lastColumn ?? this.layout.lastColumn;
    this.row += 1;
    this.keepWithNext.push([this.row, options.keep ?? this.layout.headingKeepRows]);
    this.sheet.setAt(this.row, 1, text(title), { style: HEADING });
    for (let col = 2; col <= lastColumn; col++)
      this.sheet.setAt(this.row, col, blank(), { style: HEADING });
    this.row += 1;
  }

  /** The characters one wrapped line holds across columns `first`..`last` of this sheet. */
  charactersPerLine(first: number, last: number = first): number {
    return charactersPerLine(this.layout.columnWidths, first, last);
  }

  /** Makes the current row tall enough for `value` wrapped across columns `first`..`last`. */
  fitText(value: string, first: number, last: number = first): void {
    this.fitLines(lineCount(value, this.charactersPerLine(first, last)));
  }

  /** Makes the current row tall enough for `lines` lines of 11-point text. */
  fitLines(lines: number): void {
    // Excel's tallest row is 409 points; longer text stays whole in the cell, shown in the formula bar.
    if (lines > 1) this.sheet.rowHeight(this.row, heightForLines(lines));
  }
}
