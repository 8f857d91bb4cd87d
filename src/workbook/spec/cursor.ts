/**
 * Cursor: where the next row of a layout that flows down the page goes. Sections take the cursor,
 * write their rows from `cursor.row` and leave it below them, so a section never needs to know how
 * long the one before it was. Rows that must print together are recorded for pagination.
 */
import { columnLetter } from "./a1";
import type { SheetSpecBuilder } from "./builder";
import { blank, text, type CellStyle, type CellValueSpec } from "./spec";
import { HEADING, charactersPerLine, heightForLines, lineCount } from "./styles";

/** A heading keeps this many rows (itself included) on its page unless told otherwise. */
export const HEADING_KEEP_ROWS = 5;

export class Cursor {
  row = 1;
  /** Rows that must print on the same page as the few rows after them: [row, how many rows]. */
  readonly keepWithNext: [number, number][] = [];

  /** `lastColumn` is the sheet's last printed column, which full-width rows run to. */
  constructor(
    readonly sheet: SheetSpecBuilder,
    readonly lastColumn: number
  ) {}

  /** Keeps the current row on the same page as the `rows` - 1 rows after it. */
  keep(rows: number): void {
    this.keepWithNext.push([this.row, rows]);
  }

  /**
   * Writes rows with `write` and keeps them on one printed page when they fit on one: a section or a
   * table with its title, so that no page starts part-way through it without its headings.
   */
  together<T>(write: () => T): T {
    const first = this.row;
    const written = write();
    if (this.row > first) this.keepWithNext.push([first, this.row - first]);
    return written;
  }

  /** Moves down `rows` rows, leaving them empty. */
  skip(rows = 1): void {
    this.row += rows;
  }

  /** A blank row, then a heading band across columns 1..`width` kept with the rows after it. */
  heading(title: string, width = this.lastColumn, keep = HEADING_KEEP_ROWS): void {
    this.row += 1;
    this.keep(keep);
    this.sheet.setAt(this.row, 1, text(title), { style: HEADING });
    for (let col = 2; col <= width; col++)
      this.sheet.setAt(this.row, col, blank(), { style: HEADING });
    this.row += 1;
  }

  /** About how many characters fit on one line across columns `first`..`last`, from their widths. */
  charactersAcross(first: number, last: number = first): number {
    const widths: number[] = [];
    for (let col = first; col <= last; col++) widths.push(this.sheet.widthOf(col));
    return charactersPerLine(widths);
  }

  /** Makes the current row tall enough for `value` wrapped across columns `first`..`last`. */
  fitText(value: string, first: number, last: number = first): void {
    this.fitLines(lineCount(value, this.charactersAcross(first, last)));
  }

  /** Makes the current row tall enough for `lines` lines of text (at least as tall as it already is). */
  fitLines(lines: number): void {
    // Excel's tallest row is 409 points; longer text stays whole in the cell, scrolled in the formula bar.
    if (lines <= 1) return;
    const height = heightForLines(lines);
    if (height > (this.sheet.heightOf(this.row) ?? 0)) this.sheet.rowHeight(this.row, height);
  }
}

/**
 * A value in column `first` of the cursor's row, merged across to column `last` (when that is further
 * right). Wrapped text (the style says wrap) makes the row tall enough for it at the merged width;
 * unwrapped text stays on one line. Returns the cell's address.
 */
export function across(
  at: Cursor,
  value: CellValueSpec,
  first: number,
  last: number,
  style: CellStyle,
  numberFormat?: string
): string {
  const address = at.sheet.setAt(
    at.row,
    first,
    value,
    numberFormat === undefined ? { style } : { style, numberFormat }
  );
  if (last > first)
    at.sheet.merge(`${columnLetter(first)}${at.row}:${columnLetter(last)}${at.row}`);
  if (style.wrap && value.kind === "text") at.fitText(value.text, first, last);
  return address;
}
